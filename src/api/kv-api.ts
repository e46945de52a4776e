// The node's client-facing operations, independent of transport: the gRPC KV service and the
// HTTP server are both thin adapters over this interface, and the client library mirrors it.
// Failures reject with RingkvError (src/api/errors.ts).

export type Consistency = "linearizable" | "stale";

/** Options every request carries. */
export interface RequestOptions {
  /**
   * Set on a request one node forwarded to the leader it knows of. The receiver answers it or
   * refuses with NotLeader — it never forwards again, so a request makes at most one hop.
   */
  readonly forwarded?: boolean;
  /**
   * When the caller stops waiting (ms since the epoch; a node's servers set it from the gRPC
   * deadline). A node that cannot serve the request answers before then with why, rather than
   * letting the caller's deadline pass in silence.
   */
  readonly callerDeadline?: number;
}

export interface PutOptions extends RequestOptions {
  /** Compare-and-set: succeed only if the key's version is this (0: only if absent). */
  readonly ifVersion?: number;
}

export interface DeleteOptions extends RequestOptions {
  /** Conditional delete: only if the key's version is this (else VersionMismatch). */
  readonly ifVersion?: number;
}

export interface GetOptions extends RequestOptions {
  readonly consistency?: Consistency;
}

export interface VersionedValue {
  readonly value: Uint8Array;
  /** The Raft index of the key's last write. */
  readonly version: number;
}

export interface MemberInfo {
  readonly id: string;
  /** gRPC address, HOST:PORT. */
  readonly addr: string;
  /** HTTP address, HOST:PORT, or "" if the node serves no HTTP. */
  readonly http: string;
}

export type MemberState = "alive" | "suspect" | "dead" | "left";

/** One Raft group as a replica reports it. */
export interface GroupStatus {
  /** The leader's id, or "" when none is known. */
  readonly leader: string;
  readonly term: number;
  /** Voters (of the incoming configuration while joint). */
  readonly replicas: readonly string[];
  readonly learners: readonly string[];
  /**
   * Only while the group is in a joint configuration (a move under way): the outgoing voters.
   * Every decision then needs a majority of `replicas` and a majority of `outgoing`.
   */
  readonly outgoing?: readonly string[];
  readonly commitIndex: number;
  readonly appliedIndex: number;
}

/** One shard as its replicas report it. */
export interface ShardStatus extends GroupStatus {
  readonly id: number;
  readonly keys: number;
  /** Where placement wants the voters ([0] is the preferred leader). */
  readonly target?: readonly string[];
  /** The replicas differ from the target, or a learner is catching up: a move is under way. */
  readonly moving?: boolean;
  /** Replicas whose state digest differs from the leader's: being removed and rebuilt. */
  readonly diverged?: readonly string[];
}

export interface MemberStatus {
  readonly id: string;
  readonly addr: string;
  readonly http: string;
  readonly state: MemberState;
  readonly incarnation: number;
  /** Marked by `ringkv leave`: its replicas are moving off. */
  readonly leaving?: boolean;
}

/** `ringkv status --json` and `GET /v1/status` (shared/DESIGN.md §4, a contract; extra fields
 * beyond the contract's are additions). */
export interface StatusJson {
  readonly node: { readonly id: string; readonly addr: string; readonly http: string };
  /** The placement epoch: the meta log index of the last member or configuration change. */
  readonly epoch: number;
  readonly members: readonly MemberStatus[];
  /** The ring: fixed at bootstrap; `shares[i]` is shard i's exact fraction of the key space. */
  readonly ring?: {
    readonly shardCount: number;
    readonly replicationFactor: number;
    readonly shares: readonly number[];
  };
  /** The meta group (members, config) as this node's replica sees it. */
  readonly meta?: GroupStatus;
  readonly shards: readonly ShardStatus[];
  /** Shards whose replicas are moving toward placement. */
  readonly rebalance?: { readonly moving: number };
  /**
   * What gossip has converged on, as this node holds it: each group's leader by term, and the
   * placement epoch each member applied. Absent without gossip.
   */
  readonly gossip?: {
    readonly leaders: Readonly<Record<string, { readonly leader: string; readonly term: number }>>;
    readonly epochs: Readonly<Record<string, number>>;
  };
}

/**
 * The part of a node's status that peers ask for on their own (the removal watch every few
 * seconds, a join, an address refresh): who answers, at which placement epoch, with which members.
 * Computed without touching any replica, so asking is cheap for the node that answers.
 */
export type MembershipJson = Pick<StatusJson, "node" | "epoch" | "members">;

/** What a join answers: the member list, and the placement epoch that first listed the member. */
export interface JoinResult {
  readonly members: MemberInfo[];
  readonly epoch?: number;
}

export interface KvApi {
  put(key: Uint8Array, value: Uint8Array, options?: PutOptions): Promise<{ version: number }>;
  /** Resolves null when the key is absent. */
  get(key: Uint8Array, options?: GetOptions): Promise<VersionedValue | null>;
  delete(key: Uint8Array, options?: DeleteOptions): Promise<{ deleted: boolean }>;
  /** Add `member` to the cluster (as a learner, then a voter once caught up). Idempotent. */
  join(member: MemberInfo, options?: RequestOptions): Promise<JoinResult>;
  /** Remove a member cleanly (leadership moved away first). */
  leave(id: string, options?: RequestOptions): Promise<void>;
  /** The cluster's status; `forwarded` (a peer asking) gets this node's own replicas only. */
  status(options?: RequestOptions): Promise<StatusJson>;
  /**
   * A node's own view of the members (never asks anyone else). Only a node has one: a client
   * of the cluster does not, and a node serving the question without it answers with status().
   */
  membership?(): MembershipJson;
}
