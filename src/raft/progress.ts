// The leader's view of one follower (model: etcd-io/raft tracker/progress.go).
//
//   Probe ──ack──▶ Replicate ──reject──▶ Probe
//     │                                   ▲
//     └─needs compacted entries─▶ Snapshot ┘ (ack at/after the snapshot, or a stall)
//
// Probe: send one App at a time and wait, backing `next` off on rejects.
// Replicate: stream Apps optimistically, up to the inflight window.
// Snapshot: send nothing until the follower has installed the snapshot.
import { Inflights } from "./inflights.ts";

export enum ProgressState {
  Probe = "probe",
  Replicate = "replicate",
  Snapshot = "snapshot",
}

export class Progress {
  /** Highest index known to be replicated (durably) on the follower. */
  match = 0;
  /** Next index to send. Invariant: match < next. */
  next: number;
  state = ProgressState.Probe;
  /** In Snapshot state: the index of the snapshot being sent. */
  pendingSnapshot = 0;
  /** Heard from since the last CheckQuorum round. */
  recentActive = false;
  /** In Probe state: one App is outstanding; wait for an answer (or a heartbeat response). */
  probeSent = false;
  /** In Snapshot state: a CheckQuorum round has passed without the snapshot landing. */
  snapshotStalled = false;
  isLearner: boolean;
  readonly inflights: Inflights;

  constructor(options: { next: number; maxInflight: number; isLearner: boolean }) {
    this.next = options.next;
    this.isLearner = options.isLearner;
    this.inflights = new Inflights(options.maxInflight);
  }

  #resetState(state: ProgressState): void {
    this.probeSent = false;
    this.pendingSnapshot = 0;
    this.snapshotStalled = false;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    // After a snapshot, resume right after it (it may be ahead of match).
    const after =
      this.state === ProgressState.Snapshot ? Math.max(this.match, this.pendingSnapshot) : this.match;
    this.#resetState(ProgressState.Probe);
    this.next = after + 1;
  }

  becomeReplicate(): void {
    this.#resetState(ProgressState.Replicate);
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.#resetState(ProgressState.Snapshot);
    this.pendingSnapshot = snapshotIndex;
  }

  /** An acknowledgement up to n. Returns false if it told us nothing new (stale or duplicate). */
  maybeUpdate(n: number): boolean {
    let updated = false;
    if (this.match < n) {
      this.match = n;
      updated = true;
      this.probeSent = false;
    }
    this.next = Math.max(this.next, n + 1);
    return updated;
  }

  /** Optimistically assume entries up to n will land (Replicate state). */
  optimisticUpdate(n: number): void {
    this.next = n + 1;
  }

  /**
   * A rejection of the App whose preceding index was `rejected`; `matchHint` is where the
   * follower suggests probing (found by conflicting term). Returns false for a stale rejection.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === ProgressState.Replicate) {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.probeSent = false;
    return true;
  }

  /** Whether sending more App messages to this follower should wait. */
  isPaused(): boolean {
    switch (this.state) {
      case ProgressState.Probe:
        return this.probeSent;
      case ProgressState.Replicate:
        return this.inflights.full();
      case ProgressState.Snapshot:
        return true;
    }
  }

  /** Note that an App carrying entries up to `lastIndex` (or none, if null) was sent. */
  sentEntries(lastIndex: number | null): void {
    if (this.state === ProgressState.Replicate) {
      if (lastIndex !== null) {
        this.optimisticUpdate(lastIndex);
        this.inflights.add(lastIndex);
      }
    } else if (this.state === ProgressState.Probe) {
      this.probeSent = true;
    }
  }
}
