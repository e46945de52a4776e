// Another node's KV API as this node uses it: forwarding a request one hop to a group's leader,
// joining, and asking for status. Production: gRPC (peer-clients.ts); the simulator: in-memory
// calls with seeded latency and partitions (test/sim-cluster). Deadlines are absolute times on
// the node's clock.

import type { ShardState } from "../../api/admin-wire.ts";
import type {
  DeleteOptions,
  GetOptions,
  JoinResult,
  MemberInfo,
  MembershipJson,
  PutOptions,
  StatusJson,
  VersionedValue,
} from "../../api/kv-api.ts";
import type {
  DeleteRangeResult,
  KeySpan,
  PutRequest,
  PutResult,
  RangeQuery,
  RangeResult,
  TxnRequest,
  TxnResult,
} from "../../api/kv-model.ts";
import type { FeedSink, ShardFeed } from "../watch/index.ts";

/** One shard's part of a range (range-ops.ts), run at the shard's leader. */
export interface RangePartRequest {
  readonly shard: number;
  readonly query: RangeQuery;
  /** Serve from a replica without confirming leadership (may lag); never with a fence. */
  readonly stale: boolean;
  /** Read by proposing fence{fenceRevision, query} (a multi-shard range at one revision). */
  readonly fenceRevision?: number;
}

/** One shard's part of a range delete: proposed at `revision` first (one for every shard). */
export interface DeleteRangePart {
  readonly shard: number;
  readonly span: KeySpan;
  readonly revision: number;
  readonly prevKv: boolean;
}

import type { LeaseForward, LeaseForwardReply } from "./lease-wire.ts";

/** Another node's KV API, as forwarding and status use it (gRPC in production). */
export interface Peer {
  /** `revision`: one this node took from the oracle for the put (forward.proto). */
  put(
    key: Uint8Array,
    value: Uint8Array,
    options: PutOptions,
    deadline: number,
    revision?: number,
  ): Promise<{ version: number }>;
  get(key: Uint8Array, options: GetOptions, deadline: number): Promise<VersionedValue | null>;
  delete(key: Uint8Array, options: DeleteOptions, deadline: number): Promise<{ deleted: boolean }>;
  join(member: MemberInfo, deadline: number, forwarded?: boolean): Promise<JoinResult>;
  leave(id: string, deadline: number): Promise<void>;
  status(deadline: number, local?: boolean): Promise<StatusJson>;
  /** The peer's own node, placement epoch and member list: a cheap question (MembershipJson). */
  membership(deadline: number): Promise<MembershipJson>;
  /** A lease operation for the meta leader's or a shard leader's node (lease-ops.ts). */
  lease(request: LeaseForward, deadline: number): Promise<LeaseForwardReply>;
  /**
   * A block of `count` revisions from the timestamp oracle at this peer (which must lead the
   * meta group: it answers NotLeader otherwise, never forwards); resolves with the first.
   */
  revisions(count: number, atLeast: number, deadline: number): Promise<number>;
  /** A shard's state read on its leader there, for a backup (src/node/backup); gRPC peers only. */
  shardState?(shard: number, deadline: number): Promise<ShardState>;
  /** A shard's events from the replica there, for a watch (src/node/watch); gRPC peers only. */
  shardWatch?(shard: number, fromRevision: number, sink: FeedSink): ShardFeed;
  /** The operations of ranges and transactions (range-ops.ts); absent on peers without them. */
  rangePart?(part: RangePartRequest, deadline: number): Promise<RangeResult>;
  deleteRangePart?(part: DeleteRangePart, deadline: number): Promise<DeleteRangeResult>;
  putRecord?(request: PutRequest, deadline: number): Promise<PutResult>;
  txn?(request: TxnRequest, deadline: number): Promise<TxnResult>;
}

/** Peers by address. Deadlines are absolute times on the node's clock. */
export interface PeerDirectory {
  get(addr: string): Peer;
  /** The peer at `addr` is alive again: connect now rather than after a reconnect backoff. */
  reconnect?(addr: string): void;
  close(): void;
}
