// Settings of one Raft replica. Every limit is named, documented and defaulted (STYLE.md 5).
import type { Storage } from "./storage.ts";
import type { LeaseState, NodeId, Random } from "./types.ts";

export interface RaftConfig {
  readonly id: NodeId;
  /** Durable state to start from; read-only to the core (the caller writes it from Ready). */
  readonly storage: Storage;
  /** Seeded randomness for election timeouts; the core has no other source. */
  readonly random: Random;
  /**
   * A follower that hears nothing from a leader for a randomized timeout in
   * [electionTicks, 2·electionTicks) campaigns. A leader that has not heard from a quorum
   * within electionTicks steps down (CheckQuorum).
   */
  readonly electionTicks: number;
  /** A leader sends heartbeats every heartbeatTicks. Must be well below electionTicks. */
  readonly heartbeatTicks: number;
  /** The last index the state machine applied before a restart (0: the snapshot's index). */
  readonly applied: number;
  /** Entries in one App message stop growing past this many bytes (at least one entry). */
  readonly maxMsgBytes: number;
  /** Pipelining window: App messages in flight to one follower before waiting for acks. */
  readonly maxInflightMsgs: number;
  /** Committed entries handed out in one Ready stop growing past this many bytes. */
  readonly maxCommittedBytesPerReady: number;
  /** Run a trial election before bumping the term, so a partitioned node cannot disrupt. */
  readonly preVote: boolean;
  /** Leader steps down without a quorum's contact in an election timeout; voters honour leases. */
  readonly checkQuorum: boolean;
  /**
   * A replica that just started refuses votes (PreVote and Vote, not a transfer's) for its first
   * electionTicks ticks, as if it had just heard from a leader. With CheckQuorum's lease this
   * makes "a quorum acknowledged me at time s" mean "no other leader before s plus one election
   * timeout" even across restarts: a voter that acknowledged and then restarted has forgotten
   * whom it heard from (lead is NONE), and would otherwise vote at once. Needed only where
   * someone serves from a lease (the meta group's timestamp oracle); it delays elections right
   * after a start by at most one election timeout.
   */
  readonly leaseOnStart: boolean;
  /**
   * Let an idle group go quiet (CockroachDB/TiKV "hibernate"): a leader whose members all hold
   * and know its whole log, with nothing in flight, stops heartbeating and tells its followers to
   * stop their election timers. Only ticks are suppressed; every message still follows the Raft
   * rules and wakes the replica. Needs a real isLive, or nothing would notice a dead leader.
   */
  readonly quiesce: boolean;
  /**
   * The liveness oracle (gossip member state, transport connectivity): is the node `id` alive
   * and reachable? A quiescent follower wakes once this says no for its leader; a quiescent
   * leader wakes once it says no for any voter. Safety never depends on its answers.
   */
  readonly isLive: (id: NodeId) => boolean;
  /**
   * Leader leases for reads: asked by a leader that has committed in its term, for each read
   * request (its own or a follower's ReadIndex) not marked byRound, with its current LeaseState:
   * does a lease the host holds for exactly that state cover this moment? Yes: the read is
   * answered at once with the commit index, with no heartbeat round. The host keeps the lease
   * (its clock, its renewals by byRound reads); the core only asks. Absent: every read runs a
   * round (plain ReadIndex, thesis §6.4). Needs checkQuorum and leaseOnStart, or the voters
   * honour no lease.
   */
  readonly leaseRead: ((state: LeaseState) => boolean) | undefined;
}

export type RaftOptions = Pick<RaftConfig, "id" | "storage" | "random"> & Partial<RaftConfig>;

export const RAFT_DEFAULTS = {
  electionTicks: 10,
  heartbeatTicks: 1,
  applied: 0,
  maxMsgBytes: 1 << 20,
  maxInflightMsgs: 256,
  maxCommittedBytesPerReady: 8 << 20,
  preVote: true,
  checkQuorum: true,
  leaseOnStart: false,
  quiesce: false,
  isLive: (_id: NodeId): boolean => false,
  leaseRead: undefined,
} as const;

export function raftConfig(options: RaftOptions): RaftConfig {
  const config: RaftConfig = { ...RAFT_DEFAULTS, ...options };
  if (!config.id) throw new Error("raft config: id must be non-empty");
  if (config.heartbeatTicks < 1) throw new Error("raft config: heartbeatTicks must be >= 1");
  if (config.electionTicks <= config.heartbeatTicks) {
    throw new Error("raft config: electionTicks must be greater than heartbeatTicks");
  }
  if (config.quiesce && !config.checkQuorum) {
    // Without CheckQuorum a woken, partitioned leader would never step down, and followers hold
    // no lease that keeps a quiet group from being disrupted.
    throw new Error("raft config: quiesce needs checkQuorum");
  }
  if (config.leaseOnStart && !config.checkQuorum) {
    throw new Error("raft config: leaseOnStart needs checkQuorum (there is no lease without it)");
  }
  if (config.leaseRead && !(config.checkQuorum && config.leaseOnStart)) {
    throw new Error(
      "raft config: leaseRead needs checkQuorum and leaseOnStart (voters honour no lease without them)",
    );
  }
  if (config.maxInflightMsgs < 1) throw new Error("raft config: maxInflightMsgs must be >= 1");
  return config;
}
