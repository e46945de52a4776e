// The richer key-value model behind ranges, transactions, watches and leases (issue 13): what a
// key holds beyond its value, and the requests and answers of the operations that touch many
// keys. Shared by the node (src/node), its servers (native gRPC/HTTP, the etcd v3 API), the
// client library and the CLI; transport-independent like kv-api.ts.
//
// Revisions. Every write of the cluster gets a revision from the timestamp oracle of the meta
// group (src/node/cluster/timestamp-oracle.ts): unique across all shards, and ordered as the
// writes happened in real time (a write that began after another completed has a higher
// revision). Within a shard, revisions increase in log order. The native API's `version` of a
// key is its `modRevision`.

import type { RequestOptions } from "./kv-api.ts";

/** A key as stored, with what etcd's mvccpb.KeyValue reports of it. */
export interface KeyRecord {
  readonly key: Uint8Array;
  /** Empty when the range asked for keys only. */
  readonly value: Uint8Array;
  /** The revision of the write that created the key (since it last did not exist). */
  readonly createRevision: number;
  /** The revision of the key's last write (the native API's `version`). */
  readonly modRevision: number;
  /** How many writes the key has had since it was created (etcd's `version`): 1 after creation. */
  readonly writes: number;
  /** The lease the key is attached to, or 0. */
  readonly lease: number;
}

/**
 * A set of keys: one key (`end` absent), the keys in [start, end) in byte order, or every key
 * from `start` on (`end` = the empty array, as etcd's range_end "\0"). A prefix P is
 * [P, prefixEnd(P)).
 */
export interface KeySpan {
  readonly start: Uint8Array;
  readonly end?: Uint8Array;
}

export type SortOrder = "none" | "ascend" | "descend";
export type SortTarget = "key" | "version" | "create" | "mod" | "value";

export interface RangeQuery extends KeySpan {
  /** At most this many keys (0: no limit but the node's own bound, rangeMaxKeys). */
  readonly limit?: number;
  readonly keysOnly?: boolean;
  readonly countOnly?: boolean;
  /** Default "none" (key order, ascending). */
  readonly sortOrder?: SortOrder;
  readonly sortTarget?: SortTarget;
  /** Keys whose modRevision / createRevision is within these bounds (0: no bound), as etcd's. */
  readonly minModRevision?: number;
  readonly maxModRevision?: number;
  readonly minCreateRevision?: number;
  readonly maxCreateRevision?: number;
}

export interface RangeResult {
  readonly kvs: readonly KeyRecord[];
  /** More keys matched than `kvs` holds (a limit or the node's bound cut the answer). */
  readonly more: boolean;
  /** How many keys matched in all (before the limit). */
  readonly count: number;
  /**
   * A revision such that every write not reflected in `kvs` has a higher one: a watch from
   * `revision + 1` reports every later change (and may repeat a write concurrent with the range).
   */
  readonly revision: number;
}

export interface RangeOptions extends RequestOptions, RangeQuery {
  readonly consistency?: "linearizable" | "stale";
}

export interface DeleteRangeOptions extends RequestOptions {
  /** Answer the deleted keys as they were. */
  readonly prevKv?: boolean;
}

export interface DeleteRangeResult {
  readonly deleted: number;
  /** Only when asked for (prevKv). */
  readonly prevKvs: readonly KeyRecord[];
  /** The revision of the deletion (the highest when it spans several shards). */
  readonly revision: number;
}

/** A put with etcd's options (the native put is this with none of them). */
export interface PutRequest {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  /** Attach the key to this lease (0: detach). The lease must exist. */
  readonly lease?: number;
  readonly prevKv?: boolean;
  /** Keep the current value (the key must exist). */
  readonly ignoreValue?: boolean;
  /** Keep the current lease (the key must exist). */
  readonly ignoreLease?: boolean;
}

export interface PutResult {
  readonly revision: number;
  readonly prevKv?: KeyRecord;
}

// ---- Transactions (keys of one shard) --------------------------------------------------------

export type CompareTarget = "version" | "create" | "mod" | "value" | "lease";
export type CompareResult = "equal" | "greater" | "less" | "notEqual";

/** etcd's Compare: `target` of the key (or of every key in [key, rangeEnd)) `result` `operand`. */
export interface Compare {
  readonly key: Uint8Array;
  readonly rangeEnd?: Uint8Array;
  readonly target: CompareTarget;
  readonly result: CompareResult;
  /** A number for version/create/mod/lease; bytes for value. */
  readonly operand: number | Uint8Array;
}

export type TxnOp =
  | { readonly range: RangeQuery }
  | { readonly put: PutRequest }
  | { readonly deleteRange: KeySpan & { readonly prevKv?: boolean } };

export interface TxnRequest {
  readonly compares: readonly Compare[];
  readonly success: readonly TxnOp[];
  readonly failure: readonly TxnOp[];
}

export type TxnOpResult =
  | { readonly range: RangeResult }
  | { readonly put: PutResult }
  | { readonly deleteRange: DeleteRangeResult };

export interface TxnResult {
  readonly succeeded: boolean;
  readonly results: readonly TxnOpResult[];
  readonly revision: number;
}

// ---- Watches -----------------------------------------------------------------------------------

export interface WatchEvent {
  readonly type: "put" | "delete";
  /** For a delete: the key, modRevision = the deletion's revision, the rest zero/empty. */
  readonly kv: KeyRecord;
  readonly prevKv?: KeyRecord;
}

export interface WatchRequest extends KeySpan {
  /** Report changes with a revision at least this (0: changes from now on). */
  readonly startRevision?: number;
  readonly prevKv?: boolean;
  readonly filters?: readonly ("noPut" | "noDelete")[];
  /** Send a progress notification when nothing else was sent for this long. */
  readonly progressNotify?: boolean;
}

export interface WatchBatch {
  readonly events: readonly WatchEvent[];
  /** Every change with a revision up to this has been reported (or none exists). */
  readonly revision: number;
}

// ---- Leases --------------------------------------------------------------------------------

export interface LeaseGrant {
  readonly id: number;
  readonly ttlSeconds: number;
}

export interface LeaseTimeToLive {
  readonly id: number;
  /** Seconds left; -1 when the lease does not exist (as etcd answers). */
  readonly ttlSeconds: number;
  readonly grantedTtlSeconds: number;
  readonly keys: readonly Uint8Array[];
}

/** The smallest key greater than every key with `prefix`; the empty array when none is (all 0xff). */
export function prefixEnd(prefix: Uint8Array): Uint8Array {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const byte = prefix[i] as number;
    if (byte < 0xff) {
      const end = prefix.slice(0, i + 1);
      end[i] = byte + 1;
      return end;
    }
  }
  return new Uint8Array(0);
}

/** A watch as the node serves it: batches of events in revision order per key, until cancelled. */
export interface WatchStream {
  /** Ends when cancelled; throws RingkvError Compacted when `startRevision` is no longer kept. */
  readonly batches: AsyncIterable<WatchBatch>;
  cancel(): void;
}

/**
 * The operations of the richer model, as the node serves them (src/node/cluster) and the native
 * servers, the etcd v3 API and the client library call them. Failures reject with RingkvError.
 */
export interface KvModelApi {
  /** Linearizable by default: every shard it spans answers at a point within the call. */
  range(query: RangeOptions): Promise<RangeResult>;
  putRecord(request: PutRequest, options?: RequestOptions): Promise<PutResult>;
  /** Atomic within each shard; shards are deleted independently. */
  deleteRange(span: KeySpan, options?: DeleteRangeOptions): Promise<DeleteRangeResult>;
  /** CrossShard when the keys it names live in more than one shard. */
  txn(request: TxnRequest, options?: RequestOptions): Promise<TxnResult>;
  watch(request: WatchRequest, options?: RequestOptions): WatchStream;
  /** `id` 0: the cluster picks one. */
  leaseGrant(ttlSeconds: number, id?: number, options?: RequestOptions): Promise<LeaseGrant>;
  leaseRevoke(id: number, options?: RequestOptions): Promise<void>;
  /** Renews the lease; answers its TTL. LeaseNotFound when it expired. */
  leaseKeepAlive(id: number, options?: RequestOptions): Promise<LeaseGrant>;
  leaseTimeToLive(id: number, withKeys: boolean, options?: RequestOptions): Promise<LeaseTimeToLive>;
  leases(options?: RequestOptions): Promise<readonly number[]>;
}
