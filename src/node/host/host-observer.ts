// What the multi-Raft host reports as it works, for metrics (src/node/raft-metrics.ts). The host
// and its replicas call these on their hot paths, so an implementation must be cheap (a counter
// increment, a histogram observe) and must not throw. The simulator and tests pass none.

export interface HostObserver {
  /** A monotonic clock in milliseconds with sub-millisecond resolution, for latencies. */
  now(): number;
  /** One group-commit sync of the write-ahead log (one durable write: O_DSYNC, or write + fdatasync) took this long. */
  walSynced(seconds: number): void;
  /**
   * A proposal made on this node was applied here: from propose() until the Ready that handed
   * it over as committed, and from that Ready until the state machine applied it.
   */
  proposalApplied(proposeToCommitSeconds: number, commitToApplySeconds: number): void;
  /** A proposal made on this node failed: refused, dropped, overwritten, or its replica closed. */
  proposalFailed(): void;
  /** The leader of `group` changed as this node's replica sees it (to another node or to none). */
  leaderChanged(group: string): void;
  /** A replica of `group` wrote a snapshot of its state machine. */
  snapshotTaken(group: string): void;
  /** The replica of `group` left this node: forget its per-group series. */
  replicaDropped(group: string): void;
}

/** Observes nothing; its clock reads 0 so no time is taken for latencies nobody records. */
export const NO_HOST_OBSERVER: HostObserver = {
  now: () => 0,
  walSynced() {},
  proposalApplied() {},
  proposalFailed() {},
  leaderChanged() {},
  snapshotTaken() {},
  replicaDropped() {},
};
