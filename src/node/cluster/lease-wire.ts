// Lease operations forwarded between nodes (proto/forward.proto LeaseForward), as protobufjs
// decodes them: the keeper's operations go to the meta leader's node, the per-shard ones to a
// shard leader's node.
import type {
  LeaseGrantRequest,
  LeaseGrantResponse,
  LeaseKeepAliveRequest,
  LeaseKeepAliveResponse,
  LeaseLeasesRequest,
  LeaseLeasesResponse,
  LeaseRevokeRequest,
  LeaseRevokeResponse,
  LeaseTimeToLiveRequest,
  LeaseTimeToLiveResponse,
} from "../../api/kv-wire.ts";

export interface LeaseShardRequest {
  readonly shard: number;
  readonly lease: number;
  /** For `keys`: list at most this many. */
  readonly keysMax: number;
}

export type LeaseForward =
  | { readonly grant: LeaseGrantRequest; readonly op?: "grant" }
  | { readonly revoke: LeaseRevokeRequest; readonly op?: "revoke" }
  | { readonly keepAlive: LeaseKeepAliveRequest; readonly op?: "keepAlive" }
  | { readonly timeToLive: LeaseTimeToLiveRequest; readonly op?: "timeToLive" }
  | { readonly leases: LeaseLeasesRequest; readonly op?: "leases" }
  | { readonly exists: { readonly id: number }; readonly op?: "exists" }
  | { readonly revokeKeys: LeaseShardRequest; readonly op?: "revokeKeys" }
  | { readonly keys: LeaseShardRequest; readonly op?: "keys" };

export interface LeaseKeysReply {
  readonly keys: readonly Uint8Array[];
  readonly more: boolean;
}

export type LeaseForwardReply =
  | { readonly grant: LeaseGrantResponse; readonly result?: "grant" }
  | { readonly revoke: LeaseRevokeResponse; readonly result?: "revoke" }
  | { readonly keepAlive: LeaseKeepAliveResponse; readonly result?: "keepAlive" }
  | { readonly timeToLive: LeaseTimeToLiveResponse; readonly result?: "timeToLive" }
  | { readonly leases: LeaseLeasesResponse; readonly result?: "leases" }
  | { readonly exists: { readonly exists: boolean }; readonly result?: "exists" }
  | { readonly revokeKeys: { readonly deleted: number }; readonly result?: "revokeKeys" }
  | { readonly keys: LeaseKeysReply; readonly result?: "keys" };

/** Serves forwarded lease operations on the receiving node (ClusterNode.leaseForward). */
export type LeaseForwardServer = (request: LeaseForward) => Promise<LeaseForwardReply>;

/** The part of a reply of the kind asked for; a reply of another kind is a bug at the receiver. */
export function leaseReplyPart<K extends LeaseForwardReplyKind>(
  reply: LeaseForwardReply,
  kind: K,
): LeaseReplyOf<K> {
  const value = (reply as Record<string, unknown>)[kind];
  if (value === undefined || value === null) {
    throw new Error(`a forwarded lease reply is not a ${kind} answer`);
  }
  return value as LeaseReplyOf<K>;
}

type AllKeys<U> = U extends unknown ? keyof U : never;
export type LeaseForwardReplyKind = Exclude<AllKeys<LeaseForwardReply>, "result">;
export type LeaseReplyOf<K extends LeaseForwardReplyKind> = Extract<LeaseForwardReply, Record<K, unknown>>[K];
