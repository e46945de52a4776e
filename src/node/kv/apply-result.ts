// What applying one committed command answers the replica that proposed it.
import type { DeleteRangeResult, KeyRecord, RangeResult, TxnResult } from "../../api/kv-model.ts";

export type ApplyResult =
  | { readonly kind: "put"; readonly version: number; readonly prevKv?: KeyRecord }
  | { readonly kind: "versionMismatch"; readonly current: number }
  | { readonly kind: "delete"; readonly deleted: boolean; readonly revision: number }
  | { readonly kind: "deleteRange"; readonly result: DeleteRangeResult }
  | { readonly kind: "txn"; readonly result: TxnResult }
  /** The shard's floor after the fence, and the fenced range read at that point if asked. */
  | { readonly kind: "fence"; readonly floor: number; readonly range?: RangeResult }
  | { readonly kind: "leaseKeysRevoked"; readonly deleted: number }
  /** Not applied: the write's revision was at or below the shard's floor. Ask the oracle again. */
  | { readonly kind: "staleRevision"; readonly floor: number }
  /** Not applied: a put with a lease this shard saw revoked. */
  | { readonly kind: "leaseRevoked"; readonly lease: number }
  /** Not applied: ignoreValue/ignoreLease on a key that does not exist (etcd's "key not found"). */
  | { readonly kind: "keyNotFound" }
  | { readonly kind: "revisionsReserved"; readonly upTo: number }
  | { readonly kind: "lease" }
  | { readonly kind: "member" };
