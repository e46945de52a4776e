// An in-memory twin of the node's single-key API and model (KvApi + KvModelApi) for the etcd
// API's unit tests: one revision counter, keys in a Map, leases with deadlines checked on every
// call, watches fed synchronously from every write. Sequential and simple — it is the fake the
// etcd services are tested against, not a second implementation of the cluster.
import { RingkvError } from "../../../src/api/errors.ts";
import type { KvApi, StatusJson } from "../../../src/api/kv-api.ts";
import type {
  Compare,
  KeyRecord,
  KeySpan,
  KvModelApi,
  PutRequest,
  PutResult,
  RangeOptions,
  RangeResult,
  TxnOp,
  TxnOpResult,
  WatchBatch,
  WatchEvent,
  WatchRequest,
  WatchStream,
} from "../../../src/api/kv-model.ts";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const compareBytes = (a: Uint8Array, b: Uint8Array): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

function inSpan(key: Uint8Array, span: KeySpan): boolean {
  if (span.end === undefined) return compareBytes(key, span.start) === 0;
  if (compareBytes(key, span.start) < 0) return false;
  return span.end.length === 0 || compareBytes(key, span.end) < 0;
}

interface Watcher {
  readonly request: WatchRequest;
  push(batch: WatchBatch): void;
}

export class MemoryModel implements KvModelApi, Pick<KvApi, "put" | "get" | "delete" | "status"> {
  revision = 0;
  /** Events older than this are forgotten (a watch from before it is Compacted). */
  compactedRevision = 0;
  readonly #keys = new Map<string, KeyRecord>();
  readonly #history: { revision: number; event: WatchEvent }[] = [];
  readonly #leases = new Map<number, { ttlSeconds: number; deadline: number }>();
  readonly #watchers = new Set<Watcher>();
  #nextLease = 1000;
  members: StatusJson["members"] = [];
  /** A failure every model call answers with, when set (tests of the error path). */
  failWith: RingkvError | null = null;

  // ---- KvApi -----------------------------------------------------------------------------------

  async put(key: Uint8Array, value: Uint8Array): Promise<{ version: number }> {
    this.#check();
    return { version: this.#write({ key, value }).revision };
  }

  async get(key: Uint8Array): Promise<{ value: Uint8Array; version: number } | null> {
    const record = this.#keys.get(hex(key));
    return record ? { value: record.value, version: record.modRevision } : null;
  }

  async delete(key: Uint8Array): Promise<{ deleted: boolean }> {
    return { deleted: (await this.deleteRange({ start: key })).deleted > 0 };
  }

  async status(): Promise<StatusJson> {
    return {
      node: { id: "m1", addr: "127.0.0.1:1", http: "" },
      epoch: 1,
      members: this.members,
      ring: { shardCount: 4, replicationFactor: 1, shares: [] },
      meta: { leader: "m1", term: 3, replicas: ["m1"], learners: [], commitIndex: 9, appliedIndex: 9 },
      shards: [],
    };
  }

  // ---- KvModelApi ------------------------------------------------------------------------------

  async range(query: RangeOptions): Promise<RangeResult> {
    this.#check();
    return this.#range(query);
  }

  async putRecord(request: PutRequest): Promise<PutResult> {
    this.#check();
    return this.#write(request);
  }

  async deleteRange(span: KeySpan, options: { prevKv?: boolean } = {}) {
    this.#check();
    return this.#deleteRange(span, options.prevKv === true, ++this.revision);
  }

  async txn(request: { compares: readonly Compare[]; success: readonly TxnOp[]; failure: readonly TxnOp[] }) {
    this.#check();
    const succeeded = request.compares.every((c) => this.#holds(c));
    const ops = succeeded ? request.success : request.failure;
    const writes = ops.some((op) => !("range" in op));
    const revision = writes ? ++this.revision : this.revision;
    const results: TxnOpResult[] = ops.map((op) => {
      if ("range" in op) return { range: this.#range(op.range) };
      if ("put" in op) return { put: this.#write(op.put, revision) };
      return { deleteRange: this.#deleteRange(op.deleteRange, op.deleteRange.prevKv === true, revision) };
    });
    return { succeeded, results, revision: this.revision };
  }

  watch(request: WatchRequest): WatchStream {
    this.#check();
    const start = request.startRevision ?? this.revision + 1;
    if (start <= this.compactedRevision) {
      throw new RingkvError("Compacted", `history starts after compacted revision ${this.compactedRevision}`);
    }
    const queue: WatchBatch[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const watcher: Watcher = {
      request,
      push: (batch) => {
        queue.push(batch);
        wake?.();
      },
    };
    const past = this.#history.filter((h) => h.revision >= start && this.#matches(request, h.event));
    const shown = (event: WatchEvent): WatchEvent =>
      request.prevKv || event.prevKv === undefined ? event : { type: event.type, kv: event.kv };
    if (past.length > 0) queue.push({ events: past.map((h) => shown(h.event)), revision: this.revision });
    this.#watchers.add(watcher);
    const cancel = (): void => {
      done = true;
      this.#watchers.delete(watcher);
      wake?.();
    };
    async function* batches(): AsyncGenerator<WatchBatch> {
      while (!done) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    }
    return { batches: batches(), cancel };
  }

  async leaseGrant(ttlSeconds: number, id = 0) {
    this.#check();
    const leaseId = id === 0 ? this.#nextLease++ : id;
    this.#leases.set(leaseId, { ttlSeconds, deadline: Date.now() + ttlSeconds * 1000 });
    return { id: leaseId, ttlSeconds };
  }

  async leaseRevoke(id: number) {
    this.#check();
    this.#lease(id);
    this.#expire(id);
  }

  async leaseKeepAlive(id: number) {
    this.#check();
    const lease = this.#lease(id);
    lease.deadline = Date.now() + lease.ttlSeconds * 1000;
    return { id, ttlSeconds: lease.ttlSeconds };
  }

  async leaseTimeToLive(id: number, withKeys: boolean) {
    this.#check();
    const lease = this.#leases.get(id);
    if (!lease) return { id, ttlSeconds: -1, grantedTtlSeconds: 0, keys: [] };
    const keys = withKeys ? [...this.#keys.values()].filter((r) => r.lease === id).map((r) => r.key) : [];
    return {
      id,
      ttlSeconds: Math.max(0, Math.round((lease.deadline - Date.now()) / 1000)),
      grantedTtlSeconds: lease.ttlSeconds,
      keys,
    };
  }

  async leases() {
    this.#check();
    return [...this.#leases.keys()];
  }

  /** Expire every lease past its deadline (the keeper's job in the node). */
  expireLeases(): void {
    for (const [id, lease] of this.#leases) if (lease.deadline <= Date.now()) this.#expire(id);
  }

  // ---- internals -------------------------------------------------------------------------------

  #check(): void {
    if (this.failWith) throw this.failWith;
    this.expireLeases();
  }

  #lease(id: number): { ttlSeconds: number; deadline: number } {
    const lease = this.#leases.get(id);
    if (!lease) throw new RingkvError("LeaseNotFound", `lease ${id} not found`);
    return lease;
  }

  #expire(id: number): void {
    this.#leases.delete(id);
    const revision = ++this.revision;
    for (const record of [...this.#keys.values()]) {
      if (record.lease === id) this.#deleteRange({ start: record.key }, false, revision);
    }
  }

  #range(query: RangeOptions): RangeResult {
    let kvs = [...this.#keys.values()]
      .filter((r) => inSpan(r.key, query))
      .sort((a, b) => compareBytes(a.key, b.key));
    if (query.sortOrder === "descend") kvs.reverse();
    const count = kvs.length;
    const limit = query.limit ?? 0;
    const more = limit > 0 && count > limit;
    if (limit > 0) kvs = kvs.slice(0, limit);
    if (query.countOnly) kvs = [];
    if (query.keysOnly) kvs = kvs.map((r) => ({ ...r, value: new Uint8Array(0) }));
    return { kvs, more, count, revision: this.revision };
  }

  #write(request: PutRequest, at?: number): PutResult {
    const id = hex(request.key);
    const prev = this.#keys.get(id);
    if ((request.ignoreValue || request.ignoreLease) && !prev) {
      throw new RingkvError("NotFound", "key not found");
    }
    const lease = request.ignoreLease ? (prev?.lease ?? 0) : (request.lease ?? 0);
    if (lease !== 0) this.#lease(lease);
    const revision = at ?? ++this.revision;
    const record: KeyRecord = {
      key: request.key,
      value: request.ignoreValue ? (prev?.value ?? new Uint8Array(0)) : request.value,
      createRevision: prev?.createRevision ?? revision,
      modRevision: revision,
      writes: (prev?.writes ?? 0) + 1,
      lease,
    };
    this.#keys.set(id, record);
    this.#emit(revision, prev ? { type: "put", kv: record, prevKv: prev } : { type: "put", kv: record });
    return request.prevKv && prev ? { revision, prevKv: prev } : { revision };
  }

  #deleteRange(span: KeySpan, prevKv: boolean, revision: number) {
    const gone = [...this.#keys.values()].filter((r) => inSpan(r.key, span));
    for (const record of gone) {
      this.#keys.delete(hex(record.key));
      const tomb: KeyRecord = {
        key: record.key,
        value: new Uint8Array(0),
        createRevision: 0,
        modRevision: revision,
        writes: 0,
        lease: 0,
      };
      this.#emit(revision, { type: "delete", kv: tomb, prevKv: record });
    }
    return { deleted: gone.length, prevKvs: prevKv ? gone : [], revision };
  }

  #holds(c: Compare): boolean {
    const record = this.#keys.get(hex(c.key));
    const actual: number | Uint8Array =
      c.target === "value"
        ? (record?.value ?? new Uint8Array(0))
        : c.target === "version"
          ? (record?.writes ?? 0)
          : c.target === "create"
            ? (record?.createRevision ?? 0)
            : c.target === "mod"
              ? (record?.modRevision ?? 0)
              : (record?.lease ?? 0);
    const order =
      typeof actual === "number"
        ? Math.sign(actual - (c.operand as number))
        : compareBytes(actual, c.operand as Uint8Array);
    return { equal: order === 0, notEqual: order !== 0, greater: order > 0, less: order < 0 }[c.result];
  }

  #matches(request: WatchRequest, event: WatchEvent): boolean {
    if (!inSpan(event.kv.key, request)) return false;
    if (event.type === "put" && request.filters?.includes("noPut")) return false;
    if (event.type === "delete" && request.filters?.includes("noDelete")) return false;
    return true;
  }

  #emit(revision: number, event: WatchEvent): void {
    this.#history.push({ revision, event });
    for (const watcher of this.#watchers) {
      if (!this.#matches(watcher.request, event)) continue;
      const withPrev: WatchEvent = watcher.request.prevKv ? event : { type: event.type, kv: event.kv };
      watcher.push({ events: [withPrev], revision });
    }
  }
}
