// A deliberately simple model of a shard for the model test (state-machine-model.test.ts): a
// sorted array of records, a floor and a set of revoked leases, every operation a filter or a
// scan. Slow and obviously right, so the state machine can be compared with it.
import type {
  Compare,
  KeyRecord,
  RangeQuery,
  RangeResult,
  TxnOp,
  WatchEvent,
} from "../../../src/api/kv-model.ts";
import type { ApplyResult } from "../../../src/node/kv/apply-result.ts";
import type { Command, ShardPut } from "../../../src/node/kv/command.ts";

export interface ModelRecord {
  readonly key: string;
  readonly value: string;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly writes: number;
  readonly lease: number;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");
const bytesOf = (s: string): Uint8Array => Buffer.from(s, "latin1");
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

export function toKeyRecord(r: ModelRecord, keysOnly = false): KeyRecord {
  const { key, value, ...rest } = r;
  return { key: bytesOf(key), value: keysOnly ? new Uint8Array(0) : bytesOf(value), ...rest };
}

function inSpan(key: string, span: { start: Uint8Array; end?: Uint8Array }): boolean {
  const start = latin1(span.start);
  if (span.end === undefined) return key === start;
  return key >= start && (span.end.length === 0 || key < latin1(span.end));
}

export class ReferenceShard {
  records: ModelRecord[] = [];
  floor = 0;
  readonly revoked = new Set<number>();
  events: WatchEvent[] = [];

  find(key: string): ModelRecord | undefined {
    return this.records.find((r) => r.key === key);
  }

  range(q: RangeQuery, maxKeys: number, revision = this.floor): RangeResult {
    const matched = this.records.filter(
      (r) =>
        inSpan(r.key, q) &&
        (!q.minModRevision || r.modRevision >= q.minModRevision) &&
        (!q.maxModRevision || r.modRevision <= q.maxModRevision) &&
        (!q.minCreateRevision || r.createRevision >= q.minCreateRevision) &&
        (!q.maxCreateRevision || r.createRevision <= q.maxCreateRevision),
    );
    if (q.countOnly) return { kvs: [], more: false, count: matched.length, revision };
    const target = q.sortTarget ?? "key";
    const field = (r: ModelRecord): string | number =>
      ({ key: r.key, version: r.writes, create: r.createRevision, mod: r.modRevision, value: r.value })[
        target
      ];
    const sorted = [...matched].sort((a, b) => cmp(field(a), field(b)) || cmp(a.key, b.key));
    if (q.sortOrder === "descend") sorted.reverse();
    const cap = Math.min(q.limit || Number.POSITIVE_INFINITY, maxKeys);
    const kvs = sorted.slice(0, cap).map((r) => toKeyRecord(r, q.keysOnly === true));
    return { kvs, more: matched.length > kvs.length, count: matched.length, revision };
  }

  #set(r: ModelRecord): void {
    const prev = this.find(r.key);
    this.records = [...this.records.filter((x) => x.key !== r.key), r].sort((a, b) => cmp(a.key, b.key));
    const kv = toKeyRecord(r);
    this.events.push(prev ? { type: "put", kv, prevKv: toKeyRecord(prev) } : { type: "put", kv });
  }

  #delete(key: string, revision: number): ModelRecord | undefined {
    const prev = this.find(key);
    if (!prev) return undefined;
    this.records = this.records.filter((x) => x.key !== key);
    const kv = {
      key: bytesOf(key),
      value: new Uint8Array(0),
      createRevision: 0,
      modRevision: revision,
      writes: 0,
      lease: 0,
    };
    this.events.push({ type: "delete", kv, prevKv: toKeyRecord(prev) });
    return prev;
  }

  #put(p: Omit<ShardPut, "ifVersion" | "revision">, revision: number): ModelRecord | undefined {
    const key = latin1(p.key);
    const prev = this.find(key);
    this.#set({
      key,
      value: p.ignoreValue && prev ? prev.value : latin1(p.value),
      createRevision: prev?.createRevision ?? revision,
      modRevision: revision,
      writes: (prev?.writes ?? 0) + 1,
      lease: p.ignoreLease && prev ? prev.lease : (p.lease ?? 0),
    });
    return prev;
  }

  #refusal(p: Omit<ShardPut, "ifVersion" | "revision">, exists: boolean): ApplyResult | null {
    if ((p.ignoreValue || p.ignoreLease) && !exists) return { kind: "keyNotFound" };
    if (!p.ignoreLease && p.lease && this.revoked.has(p.lease))
      return { kind: "leaseRevoked", lease: p.lease };
    return null;
  }

  #holds(c: Compare): boolean {
    const one = (r: ModelRecord | undefined): boolean => {
      if (c.target === "value" && !r) return false;
      const actual =
        c.target === "value"
          ? (r as ModelRecord).value
          : r === undefined
            ? 0
            : { version: r.writes, create: r.createRevision, mod: r.modRevision, lease: r.lease }[c.target];
      const operand = typeof c.operand === "number" ? c.operand : latin1(c.operand);
      const o = cmp(actual, c.target === "value" && typeof operand === "number" ? "" : operand);
      return { equal: o === 0, notEqual: o !== 0, greater: o > 0, less: o < 0 }[c.result];
    };
    if (c.rangeEnd === undefined) return one(this.find(latin1(c.key)));
    const span = this.records.filter((r) => inSpan(r.key, { start: c.key, end: c.rangeEnd as Uint8Array }));
    return span.length === 0 ? one(undefined) : span.every(one);
  }

  apply(command: Command, index: number, maxKeys: number): ApplyResult {
    if ("fence" in command) {
      this.floor = Math.max(this.floor, command.fence.revision);
      const q = command.fence.query;
      return q
        ? { kind: "fence", floor: this.floor, range: this.range(q, maxKeys) }
        : { kind: "fence", floor: this.floor };
    }
    const revision =
      "put" in command
        ? (command.put.revision ?? index)
        : "delete" in command
          ? (command.delete.revision ?? index)
          : "deleteRange" in command
            ? command.deleteRange.revision
            : "txn" in command
              ? command.txn.revision
              : "revokeLeaseKeys" in command
                ? command.revokeLeaseKeys.revision
                : Number.NaN;
    if (revision <= this.floor) return { kind: "staleRevision", floor: this.floor };
    const result = this.#write(command, revision, maxKeys);
    if (!["versionMismatch", "leaseRevoked", "keyNotFound"].includes(result.kind)) this.floor = revision;
    return result;
  }

  #write(command: Command, revision: number, maxKeys: number): ApplyResult {
    if ("put" in command) {
      const p = command.put;
      const prev = this.find(latin1(p.key));
      if (p.ifVersion !== undefined && p.ifVersion !== (prev?.modRevision ?? 0)) {
        return { kind: "versionMismatch", current: prev?.modRevision ?? 0 };
      }
      const refusal = this.#refusal(p, prev !== undefined);
      if (refusal) return refusal;
      this.#put(p, revision);
      return prev && p.prevKv
        ? { kind: "put", version: revision, prevKv: toKeyRecord(prev) }
        : { kind: "put", version: revision };
    }
    if ("delete" in command) {
      const key = latin1(command.delete.key);
      const current = this.find(key)?.modRevision ?? 0;
      if (command.delete.ifVersion !== undefined && command.delete.ifVersion !== current) {
        return { kind: "versionMismatch", current };
      }
      return { kind: "delete", deleted: this.#delete(key, revision) !== undefined, revision };
    }
    if ("deleteRange" in command)
      return { kind: "deleteRange", result: this.#deleteRange(command.deleteRange, revision) };
    if ("revokeLeaseKeys" in command) {
      const { lease } = command.revokeLeaseKeys;
      const keys = this.records.filter((r) => r.lease === lease).map((r) => r.key);
      for (const k of keys) this.#delete(k, revision);
      this.revoked.add(lease);
      return { kind: "leaseKeysRevoked", deleted: keys.length };
    }
    if (!("txn" in command)) throw new Error("not a shard command");
    const { compares, success, failure } = command.txn;
    const succeeded = compares.every((c) => this.#holds(c));
    const ops = succeeded ? success : failure;
    // Check on a copy: run the puts' refusals against the state as the earlier ops leave it.
    const saved = { records: this.records, events: [...this.events] };
    for (const op of ops) {
      if ("put" in op) {
        const refusal = this.#refusal(op.put, this.find(latin1(op.put.key)) !== undefined);
        if (refusal) {
          this.records = saved.records;
          this.events = saved.events;
          return refusal;
        }
        this.#put(op.put, revision);
      } else if ("deleteRange" in op) this.#deleteRange(op.deleteRange, revision);
    }
    this.records = saved.records;
    this.events = saved.events;
    const results = ops.map((op: TxnOp) => {
      if ("range" in op) return { range: this.range(op.range, maxKeys, revision) };
      if ("put" in op) {
        const prev = this.#put(op.put, revision);
        return { put: prev && op.put.prevKv ? { revision, prevKv: toKeyRecord(prev) } : { revision } };
      }
      return { deleteRange: this.#deleteRange(op.deleteRange, revision) };
    });
    return { kind: "txn", result: { succeeded, results, revision } };
  }

  #deleteRange(span: { start: Uint8Array; end?: Uint8Array; prevKv?: boolean }, revision: number) {
    const keys = this.records.filter((r) => inSpan(r.key, span)).map((r) => r.key);
    const prevKvs = keys.map((k) => toKeyRecord(this.#delete(k, revision) as ModelRecord));
    return { deleted: keys.length, prevKvs: span.prevKv ? prevKvs : [], revision };
  }
}
