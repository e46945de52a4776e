// Settings of a node. Every limit is named, documented and defaulted; crossing one gives a clear
// error (src/api/errors.ts), never a crash or silent truncation.

export interface NodeSettings {
  /** Wall-clock length of one Raft tick. */
  readonly tickMs: number;
  /** Election timeout is electionTicks..2·electionTicks ticks (1–2 s with the defaults). */
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  /**
   * Snapshot a group (and let its log go) once this many entries were applied since the last…
   * Each snapshot serializes the group's whole state, so too small a value costs write latency.
   */
  readonly snapshotEntries: number;
  /** …or once this many bytes of entries were: the log since a snapshot is held in memory. */
  readonly snapshotLogBytes: number;
  /** Largest key, in bytes. Keys are any byte string of 1..maxKeyBytes. */
  readonly maxKeyBytes: number;
  /** Largest value, in bytes. */
  readonly maxValueBytes: number;
  /** Keys + values this node's replicas may hold; a write past it is refused (QuotaExceeded). */
  readonly dataQuotaBytes: number;
  /** Writes proposed but not yet applied; past it new writes get Unavailable (back-pressure). */
  readonly maxPendingProposals: number;
  /** A request not answered within this long fails with Timeout (outcome unknown for writes). */
  readonly requestTimeoutMs: number;
  /** A follower waits this long for a leader to appear before answering Unavailable. */
  readonly leaderWaitMs: number;
  /** A joining node keeps asking the members it was given for this long. */
  readonly joinCatchUpMs: number;
  /** Shard moves (learner added → old replica removed) one node drives at once, as leader. */
  readonly maxConcurrentMoves: number;
  /** A leave request waits this long for the member's replicas to move off. */
  readonly leaveTimeoutMs: number;
  /** How long a status request waits for the other members' reports. */
  readonly statusFanOutMs: number;
  /**
   * A member gossip has called dead for this long is treated as gone: the meta leader marks it
   * leaving and its shards are re-replicated onto the others.
   */
  readonly deadMemberTimeoutMs: number;
  /** Wall-clock length of one gossip tick (probe period: 20 ticks; src/gossip/config.ts). */
  readonly gossipTickMs: number;
}

export const NODE_DEFAULTS: NodeSettings = {
  tickMs: 100,
  electionTicks: 10,
  heartbeatTicks: 1,
  snapshotEntries: 100_000,
  snapshotLogBytes: 64 * 1024 * 1024,
  maxKeyBytes: 4 * 1024,
  maxValueBytes: 1024 * 1024,
  dataQuotaBytes: 2 * 1024 * 1024 * 1024,
  maxPendingProposals: 10_000,
  requestTimeoutMs: 4_000,
  leaderWaitMs: 2_500,
  joinCatchUpMs: 60_000,
  maxConcurrentMoves: 4,
  leaveTimeoutMs: 120_000,
  statusFanOutMs: 1_000,
  deadMemberTimeoutMs: 60_000,
  gossipTickMs: 50,
};
