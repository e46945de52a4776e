// The commands a group's log carries (key-value writes in shards; members and config in meta), encoded with proto/command.proto.
import type { MemberInfo } from "../../api/kv-api.ts";

/** A member as the meta group records it: the address book plus a leave in progress. */
export interface MemberRecord extends MemberInfo {
  readonly leaving?: boolean;
}

/** Fixed at bootstrap: how many shards the key space has, and replicas per shard. */
export interface ClusterConfig {
  readonly shardCount: number;
  readonly replicationFactor: number;
}

import type { Compare, KeySpan, RangeQuery, TxnOp } from "../../api/kv-model.ts";

/**
 * `revision` on a shard write: the cluster-wide revision the timestamp oracle gave it. Applied
 * only if it is above the shard's floor (every revision the shard applied or was fenced at);
 * else the write is refused, unapplied (ApplyResult "staleRevision"), and the proposer asks the
 * oracle again. Absent on entries written before revisions existed: the entry's log index.
 */
export interface ShardPut {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  readonly ifVersion?: number;
  readonly revision?: number;
  /** Attach to this lease (0 or absent: none). Refused if the shard saw the lease revoked. */
  readonly lease?: number;
  readonly ignoreValue?: boolean;
  readonly ignoreLease?: boolean;
  /** Answer the key as it was before (ApplyResult put.prevKv). */
  readonly prevKv?: boolean;
}

export type Command =
  | { readonly put: ShardPut }
  | { readonly delete: { readonly key: Uint8Array; readonly ifVersion?: number; readonly revision?: number } }
  /** Every key of the span held by this shard, deleted atomically at one revision. */
  | { readonly deleteRange: KeySpan & { readonly revision: number; readonly prevKv?: boolean } }
  /** Keys of this shard only (the node checked): compares, then success or failure ops. */
  | {
      readonly txn: {
        readonly compares: readonly Compare[];
        readonly success: readonly TxnOp[];
        readonly failure: readonly TxnOp[];
        readonly revision: number;
      };
    }
  /**
   * Raise the shard's floor to `revision` (no key changes): after it applies, no write with a
   * revision at or below it is applied. A range over several shards fences each at one revision
   * from the oracle and reads it at that point in its log.
   */
  | { readonly fence: { readonly revision: number; readonly query?: RangeQuery } }
  /** Delete every key of this shard attached to `lease` and refuse later puts with it. */
  | { readonly revokeLeaseKeys: { readonly lease: number; readonly revision: number } }
  | { readonly setMember: MemberRecord }
  | { readonly removeMember: string }
  | { readonly setConfig: ClusterConfig }
  /** Meta: the oracle may hand out revisions up to `upTo` (it never goes back). */
  | { readonly reserveRevisions: { readonly upTo: number } }
  /** Meta: a lease exists with this TTL (granted or, if it exists, kept as it is). */
  | { readonly grantLease: { readonly id: number; readonly ttlSeconds: number } }
  /** Meta: the lease is revoked; its keys are being deleted shard by shard. */
  | { readonly revokeLease: { readonly id: number } }
  /** Meta: every shard deleted the lease's keys: forget it. */
  | { readonly forgetLease: { readonly id: number } };

export { decodeCommand, encodeCommand } from "./command-codec.ts";
