// What the shard commands do to a shard's keys: put, delete, deleteRange, txn, fence and
// revokeLeaseKeys, each at one revision checked against the shard's floor, each change kept in
// the digest and reported as a watch event. The state machine (state-machine.ts) owns the
// pieces; this file is the behaviour.
import type {
  DeleteRangeResult,
  KeyRecord,
  KeySpan,
  PutRequest,
  TxnOp,
  TxnOpResult,
} from "../../api/kv-model.ts";
import type { ApplyResult } from "./apply-result.ts";
import type { Command, ShardPut } from "./command.ts";
import type { Change } from "./event-history.ts";
import { byteString, type KeyStore, type Stored, spanHas, stringBytes, stringSpan } from "./key-store.ts";
import { keyRecord, type RangeBounds, readRange } from "./range-read.ts";
import { DigestElement, type StateDigest } from "./state-digest.ts";
import { compareHolds } from "./txn-compare.ts";

export type ShardCommand = Extract<
  Command,
  | { put: unknown }
  | { delete: unknown }
  | { deleteRange: unknown }
  | { txn: unknown }
  | { fence: unknown }
  | { revokeLeaseKeys: unknown }
>;

/** Why a put cannot apply (nothing changes), or null. */
type PutRefusal =
  | { readonly kind: "leaseRevoked"; readonly lease: number }
  | { readonly kind: "keyNotFound" }
  | null;

/**
 * Planted bug for the simulator's revision checker only (test/sim-cluster): while `off`, the
 * apply rule is off — a write at or below the floor applies anyway. Never set in production.
 */
export const PLANTED_APPLY_RULE = { off: false };

export class ShardWrites {
  readonly #keys: KeyStore;
  readonly #digest: StateDigest;
  readonly #bounds: RangeBounds;
  #floor = 0;
  readonly #revoked = new Set<number>();

  constructor(keys: KeyStore, digest: StateDigest, bounds: RangeBounds) {
    this.#keys = keys;
    this.#digest = digest;
    this.#bounds = bounds;
  }

  get floor(): number {
    return this.#floor;
  }

  revokedLeases(): number[] {
    return [...this.#revoked].sort((a, b) => a - b);
  }

  /** Back to the empty shard (the keys and digest are reset by the owner). */
  reset(): void {
    this.#floor = 0;
    this.#revoked.clear();
  }

  restore(floor: number, revoked: readonly number[]): void {
    this.#raiseFloor(floor);
    for (const lease of revoked) this.#revoke(lease);
  }

  apply(command: ShardCommand, index: number, events: Change[]): ApplyResult {
    if ("fence" in command) {
      const { revision, query } = command.fence;
      this.#raiseFloor(revision);
      const floor = this.#floor;
      return query === undefined
        ? { kind: "fence", floor }
        : { kind: "fence", floor, range: readRange(this.#keys, query, this.#bounds, floor) };
    }
    const revision = revisionOf(command, index);
    if (revision <= this.#floor && !PLANTED_APPLY_RULE.off)
      return { kind: "staleRevision", floor: this.#floor };
    const result = this.#write(command, revision, events);
    // A refused write changes nothing, the floor included.
    if (
      result.kind !== "versionMismatch" &&
      result.kind !== "leaseRevoked" &&
      result.kind !== "keyNotFound"
    ) {
      this.#raiseFloor(revision);
    }
    return result;
  }

  #write(
    command: Exclude<ShardCommand, { fence: unknown }>,
    revision: number,
    events: Change[],
  ): ApplyResult {
    if ("put" in command) return this.#putCommand(command.put, revision, events);
    if ("delete" in command) {
      const { key, ifVersion } = command.delete;
      const k = byteString(key);
      const current = this.#keys.get(k)?.modRevision ?? 0;
      // Checked here, at apply time, not before proposing: a write committed in between would
      // otherwise be deleted unseen.
      if (ifVersion !== undefined && ifVersion !== current) return { kind: "versionMismatch", current };
      return { kind: "delete", deleted: this.#deleteKey(k, revision, events) !== undefined, revision };
    }
    if ("deleteRange" in command) {
      return { kind: "deleteRange", result: this.#deleteRange(command.deleteRange, revision, events) };
    }
    if ("txn" in command) return this.#txn(command.txn, revision, events);
    const { lease } = command.revokeLeaseKeys;
    // Sorted: the events come out in one order on every replica, however the index was built.
    const keys = this.#keys.leaseKeys(lease).sort();
    for (const k of keys) this.#deleteKey(k, revision, events);
    this.#revoke(lease);
    return { kind: "leaseKeysRevoked", deleted: keys.length };
  }

  #putCommand(put: ShardPut, revision: number, events: Change[]): ApplyResult {
    const k = byteString(put.key);
    const current = this.#keys.get(k);
    if (put.ifVersion !== undefined && put.ifVersion !== (current?.modRevision ?? 0)) {
      return { kind: "versionMismatch", current: current?.modRevision ?? 0 };
    }
    const refusal = this.#putRefusal(put, current !== undefined);
    if (refusal) return refusal;
    const prev = this.#put(k, put, revision, events);
    return prev && put.prevKv
      ? { kind: "put", version: revision, prevKv: keyRecord(k, prev) }
      : { kind: "put", version: revision };
  }

  #putRefusal(put: PutRequest, exists: boolean): PutRefusal {
    if ((put.ignoreValue || put.ignoreLease) && !exists) return { kind: "keyNotFound" };
    const lease = put.lease ?? 0;
    if (!put.ignoreLease && lease !== 0 && this.#revoked.has(lease)) return { kind: "leaseRevoked", lease };
    return null;
  }

  /** Write the key (checks done); answers what it held before, if anything. */
  #put(k: string, put: PutRequest, revision: number, events: Change[]): Stored | undefined {
    const current = this.#keys.get(k);
    const value = put.ignoreValue && current ? current.value : byteString(put.value);
    const stored: Stored = {
      value,
      modRevision: revision,
      createRevision: current?.createRevision ?? revision,
      writes: (current?.writes ?? 0) + 1,
      lease: put.ignoreLease && current ? current.lease : (put.lease ?? 0),
    };
    // The old entry's hash is recomputed, not stored: storing it would spare one hash per
    // overwrite and delete (~90 ns for 100 bytes, bench/state-digest) but cost memory for
    // every key held.
    if (current) this.#digest.toggleRecord(put.key, stringBytes(current.value), current);
    this.#digest.toggleRecord(put.key, put.ignoreValue ? stringBytes(value) : put.value, stored);
    this.#keys.set(k, stored);
    events.push({ key: k, revision, stored, prev: current });
    return current;
  }

  #deleteKey(k: string, revision: number, events: Change[]): Stored | undefined {
    const current = this.#keys.delete(k);
    if (current === undefined) return undefined;
    this.#digest.toggleRecord(stringBytes(k), stringBytes(current.value), current);
    events.push({ key: k, revision, stored: null, prev: current });
    return current;
  }

  #deleteRange(
    span: KeySpan & { readonly prevKv?: boolean },
    revision: number,
    events: Change[],
  ): DeleteRangeResult {
    const keys: string[] = [];
    this.#keys.walk(stringSpan(span), false, (k) => {
      keys.push(k);
      return true;
    });
    const prevKvs: KeyRecord[] = [];
    for (const k of keys) {
      const prev = this.#deleteKey(k, revision, events);
      if (prev && span.prevKv) prevKvs.push(keyRecord(k, prev));
    }
    return { deleted: keys.length, prevKvs, revision };
  }

  #txn(txn: Extract<ShardCommand, { txn: unknown }>["txn"], revision: number, events: Change[]): ApplyResult {
    const succeeded = txn.compares.every((c) => compareHolds(this.#keys, c));
    const ops = succeeded ? txn.success : txn.failure;
    // etcd refuses the whole txn if one of its puts cannot apply; checked before any op runs.
    const refusal = this.#txnRefusal(ops);
    if (refusal) return refusal;
    const results: TxnOpResult[] = ops.map((op) => this.#txnOp(op, revision, events));
    return { kind: "txn", result: { succeeded, results, revision } };
  }

  #txnOp(op: TxnOp, revision: number, events: Change[]): TxnOpResult {
    if ("range" in op) return { range: readRange(this.#keys, op.range, this.#bounds, revision) };
    if ("put" in op) {
      const k = byteString(op.put.key);
      const prev = this.#put(k, op.put, revision, events);
      return { put: prev && op.put.prevKv ? { revision, prevKv: keyRecord(k, prev) } : { revision } };
    }
    return { deleteRange: this.#deleteRange(op.deleteRange, revision, events) };
  }

  /** The first put of `ops` that cannot apply, given the ops before it in the txn. */
  #txnRefusal(ops: readonly TxnOp[]): PutRefusal {
    for (const [i, op] of ops.entries()) {
      if (!("put" in op)) continue;
      const refusal = this.#putRefusal(op.put, this.#existsAfter(op.put.key, ops.slice(0, i)));
      if (refusal) return refusal;
    }
    return null;
  }

  /** Whether `key` exists once `earlier` ops of a txn have run (the last one touching it decides). */
  #existsAfter(key: Uint8Array, earlier: readonly TxnOp[]): boolean {
    const k = byteString(key);
    for (let i = earlier.length - 1; i >= 0; i--) {
      const op = earlier[i] as TxnOp;
      if ("put" in op && byteString(op.put.key) === k) return true;
      if ("deleteRange" in op && spanHas(stringSpan(op.deleteRange), k)) return false;
    }
    return this.#keys.get(k) !== undefined;
  }

  #raiseFloor(revision: number): void {
    if (revision <= this.#floor) return;
    if (this.#floor > 0) this.#digest.toggleNumbers(DigestElement.floor, this.#floor);
    this.#floor = revision;
    this.#digest.toggleNumbers(DigestElement.floor, revision);
  }

  #revoke(lease: number): void {
    if (this.#revoked.has(lease)) return;
    this.#revoked.add(lease);
    this.#digest.toggleNumbers(DigestElement.revokedLease, lease);
  }
}

function revisionOf(command: Exclude<ShardCommand, { fence: unknown }>, index: number): number {
  if ("put" in command) return command.put.revision ?? index;
  if ("delete" in command) return command.delete.revision ?? index;
  if ("deleteRange" in command) return command.deleteRange.revision;
  if ("txn" in command) return command.txn.revision;
  return command.revokeLeaseKeys.revision;
}
