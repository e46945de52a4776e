// The plain data the Raft core reads and writes. Everything here is a value: no methods, no I/O.
// The core (raft.ts) and its driver (rawnode.ts) consume and produce these; the node layer
// encodes them onto the wire (proto/raft.proto) and into the write-ahead log.

/** A node's identity inside one Raft group. Stable for the node's lifetime ("n1", "n2", …). */
export type NodeId = string;

export const NONE: NodeId = "";

export enum EntryType {
  /** An application command (or an empty no-op when `data` is empty). */
  Normal = 0,
  /** A membership change; `data` is an encoded ConfChangeV2 (see confchange.ts). */
  ConfChange = 1,
}

export interface Entry {
  readonly term: number;
  readonly index: number;
  readonly type: EntryType;
  readonly data: Uint8Array;
}

/** What must be durable before the node answers any message: Raft's persistent state. */
export interface HardState {
  readonly term: number;
  /** Who this node voted for in `term`, or NONE. */
  readonly vote: NodeId;
  readonly commit: number;
}

/**
 * Group membership. Voters count towards quorums; learners only receive the log.
 *
 * Joint consensus (Raft thesis §4.3): while `votersOutgoing` is non-empty the group is in the
 * joint configuration C_old,new — `voters` is C_new (incoming), `votersOutgoing` is C_old, and
 * every decision (commit, election, ReadIndex, CheckQuorum) needs a majority of both.
 * Invariants: voters ∩ learners = ∅; votersOutgoing ∩ learners = ∅; learnersNext ⊆
 * votersOutgoing \ voters; learnersNext and autoLeave are empty/false unless joint.
 */
export interface ConfState {
  /** The incoming configuration's voters (the only configuration when not joint). */
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
  /** The outgoing configuration's voters; empty unless joint. */
  readonly votersOutgoing: readonly NodeId[];
  /**
   * Voters of the outgoing configuration demoted by the joint change: they stay voters of
   * C_old until the group leaves the joint configuration, then become learners.
   */
  readonly learnersNext: readonly NodeId[];
  /** Leave the joint configuration as soon as it is applied (the leader proposes the leave). */
  readonly autoLeave: boolean;
}

export enum ConfChangeType {
  /** Add a voter, or promote an existing learner to voter. */
  AddNode = 0,
  /**
   * Add a non-voting learner. On a current voter it means "demote", which only a joint change
   * may do (the voter lands in learnersNext).
   */
  AddLearner = 1,
  /** Remove a voter or learner. */
  RemoveNode = 2,
}

/** One membership change of one node: an element of a ConfChangeV2. */
export interface ConfChangeSingle {
  readonly type: ConfChangeType;
  readonly nodeId: NodeId;
}

/** How a ConfChangeV2 moves between configurations (etcd-io/raft's meaning). */
export enum ConfChangeTransition {
  /**
   * Simple (one voter at a time, thesis §4.1) when the change alters at most one voter and
   * demotes nobody; otherwise a joint configuration that the leader leaves on its own.
   */
  Auto = 0,
  /** Always joint; the leader leaves it on its own as soon as it is applied. */
  JointImplicit = 1,
  /** Always joint; stays joint until the caller proposes the leave (`changes: []`). */
  JointExplicit = 2,
}

/** A membership change of any number of nodes. `changes: []` leaves the joint configuration. */
export interface ConfChangeV2 {
  readonly transition: ConfChangeTransition;
  readonly changes: readonly ConfChangeSingle[];
}

export interface SnapshotMeta {
  readonly index: number;
  readonly term: number;
  readonly confState: ConfState;
}

export interface Snapshot {
  readonly meta: SnapshotMeta;
  /** The state machine's serialized state at meta.index. */
  readonly data: Uint8Array;
}

export enum MessageType {
  /** Leader → follower: entries after (index, logTerm), and the leader's commit. */
  App = "App",
  AppResp = "AppResp",
  /** Candidate → voter. `index`/`logTerm` describe the candidate's last entry. */
  Vote = "Vote",
  VoteResp = "VoteResp",
  /** PreVote (thesis §9.6): a trial election that does not bump anyone's term. */
  PreVote = "PreVote",
  PreVoteResp = "PreVoteResp",
  /** Leader → follower: liveness, commit, and (with `context`) a ReadIndex round. */
  Heartbeat = "Heartbeat",
  HeartbeatResp = "HeartbeatResp",
  /** Leader → follower whose needed entries were compacted away. */
  Snap = "Snap",
  /** Leader → transfer target: campaign now, skipping PreVote and leases. */
  TimeoutNow = "TimeoutNow",
  /** Follower → leader: a linearizable read request, answered with ReadIndexResp. */
  ReadIndex = "ReadIndex",
  ReadIndexResp = "ReadIndexResp",
}

/**
 * A message between replicas of one group. One flat shape for all types, as in etcd-io/raft,
 * so that a single wire encoding serves every message; unused fields keep their zero values.
 */
export interface Message {
  readonly type: MessageType;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  /** App: term of the entry at `index`. Vote/PreVote: term of the candidate's last entry. */
  readonly logTerm: number;
  /** App: index preceding `entries`. AppResp: the follower's match (or rejected) index. */
  readonly index: number;
  readonly entries: readonly Entry[];
  readonly commit: number;
  readonly reject: boolean;
  /** AppResp reject: the follower's hint for where to probe next (fast backtracking). */
  readonly rejectHint: number;
  /** AppResp reject: the term of the follower's entry at rejectHint (0 if none). */
  readonly rejectTerm: number;
  readonly snapshot: Snapshot | null;
  /** Heartbeat/HeartbeatResp: ReadIndex round id. ReadIndex/ReadIndexResp: request context. */
  readonly context: string;
}

/** A linearizable read is safe at `index` once the state machine has applied it. */
export interface ReadState {
  readonly index: number;
  readonly context: string;
}

export enum Role {
  Follower = "follower",
  PreCandidate = "pre-candidate",
  Candidate = "candidate",
  Leader = "leader",
}

/** Volatile state the node may want to observe (logged on change, shown in status). */
export interface SoftState {
  readonly leader: NodeId;
  readonly role: Role;
}

/**
 * Everything the core wants done, handed out by RawNode.ready(). The caller must, in order:
 *  1. persist `snapshot` (if any), then `entries`, then `hardState` (if any) — with one fsync
 *     when `mustSync` is true;
 *  2. send `messages` (only after step 1: followers' acknowledgements promise durability) —
 *     except those for which `mayPrecedePersist` is true, which may go out before step 1
 *     (a leader's replication traffic; Raft thesis §10.2.1);
 *  3. apply `snapshot` to the state machine if any, then `committedEntries` in order — once step
 *     1 is done for a snapshot or a configuration change; other committed entries may apply
 *     while step 1's write is still in flight (committed means durable on a quorum already);
 *  4. serve `readStates` once the state machine has applied each one's `index`;
 *  5. call RawNode.advance(ready).
 */
export interface Ready {
  readonly softState: SoftState | null;
  readonly hardState: HardState | null;
  readonly entries: readonly Entry[];
  readonly snapshot: Snapshot | null;
  readonly committedEntries: readonly Entry[];
  readonly messages: readonly Message[];
  readonly readStates: readonly ReadState[];
  readonly mustSync: boolean;
}

/**
 * A leader's replication traffic promises nothing about its own disk: it counts its own entries
 * towards commit only once persisted (RawNode.advance), and its term and vote were durable
 * before it could win. So these may be sent while the leader's fsync is in flight, overlapping
 * its write with the followers'. Every other message (votes, acknowledgements) must wait.
 */
export function mayPrecedePersist(m: Message): boolean {
  switch (m.type) {
    case MessageType.App:
    case MessageType.Heartbeat:
    case MessageType.Snap:
    case MessageType.TimeoutNow:
    case MessageType.ReadIndexResp:
      return true;
    default:
      return false;
  }
}

/** A seeded source of randomness, injected so every run replays exactly. */
export interface Random {
  /** An integer in [0, n). */
  intBelow(n: number): number;
}

/**
 * What a lease served by a leader depends on (Raft.leaseState): the term it leads in, and its
 * voter configuration (both halves while joint) as a comparable key.
 */
export interface LeaseState {
  readonly term: number;
  readonly conf: string;
}
