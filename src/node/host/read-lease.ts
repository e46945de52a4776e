// A leader lease for one group's linearizable reads (RaftConfig.leaseRead). While it lasts, the
// leader answers a read — its own or a follower's ReadIndex — at its commit index at once, with no
// heartbeat round: a get at the leader sends nothing, and a follower's get costs one request and
// one answer.
//
// Why it is safe: a ReadIndex round begun at time s (on this node's monotonic clock) that a quorum
// acknowledged means each of those voters heard from this leader after s, and refuses every other
// candidate for its next election timeout (CheckQuorum's lease; leaseOnStart carries it across a
// voter's restart). A successor needs one of them, so none can be elected, and nothing can commit
// elsewhere, before s + durationMs — with durationMs from oracleLeaseMs (config.ts), which allows
// for the first tick coming at once and for clocks drifting within clockDriftMaxPerMille. The
// lease holds only for the LeaseState the round began and ended in: the same term, the same
// voters, no conf change pending and no TimeoutNow sent (a transfer's vote ignores leases).
//
// Renewal: a read that finds the lease missing or half gone starts one round of its own in the
// background (a byRound read, which a lease never answers). Reads are what renew it: an idle group
// holds no lease and runs no rounds, so it can go quiet. The timestamp oracle keeps its own lease
// on the meta group the same way (timestamp-oracle.ts).
import type { LeaseState } from "../../raft/index.ts";

export interface ReadLeaseOptions {
  /** How long a lease lasts from the start of the round that gave it, in ms (oracleLeaseMs). */
  readonly durationMs: number;
  /** A monotonic clock in ms: performance.now() in production, the simulator's virtual clock. */
  readonly nowMs: () => number;
  /** This replica's LeaseState now (RawNode.leaseState): undefined unless it may hold a lease. */
  readonly leaseState: () => LeaseState | undefined;
  /** One quorum round begun after this call (a byRound ReadIndex); rejects if it fails. */
  readonly confirmByRound: () => Promise<unknown>;
  /** Counted into: reads answered from a lease, and rounds that gave or extended one (metrics). */
  readonly stats: ReadLeaseStats;
}

/** Counters a host shares among its replicas' leases, so that they survive a dropped replica. */
export interface ReadLeaseStats {
  served: number;
  renewals: number;
}

export function sameLease(a: LeaseState, b: LeaseState | undefined): boolean {
  return b !== undefined && a.term === b.term && a.conf === b.conf;
}

export class ReadLease {
  readonly #o: ReadLeaseOptions;
  #lease: { readonly state: LeaseState; readonly untilMs: number } | null = null;
  #renewing = false;

  constructor(options: ReadLeaseOptions) {
    if (!(options.durationMs > 0)) throw new Error("a read lease must last longer than 0 ms");
    this.#o = options;
  }

  /**
   * RaftConfig.leaseRead: does the lease cover this moment for `state` (the core's LeaseState
   * now)? Called inside a core step, so it changes nothing there: a renewal it wants starts
   * after the current synchronous work.
   */
  covers(state: LeaseState): boolean {
    const now = this.#o.nowMs();
    const lease = this.#lease;
    const valid = lease !== null && sameLease(lease.state, state) && now < lease.untilMs;
    if (!valid || lease.untilMs - now <= this.#o.durationMs / 2) this.#renewSoon();
    if (valid) this.#o.stats.served++;
    return valid;
  }

  #renewSoon(): void {
    if (this.#renewing) return;
    this.#renewing = true;
    queueMicrotask(() => {
      void this.#renew().finally(() => {
        this.#renewing = false;
      });
    });
  }

  async #renew(): Promise<void> {
    const startedMs = this.#o.nowMs();
    const before = this.#o.leaseState();
    if (before === undefined) return;
    try {
      await this.#o.confirmByRound();
    } catch {
      return; // lost leadership or the round: the next read runs a round and asks again
    }
    // The acknowledgements count for the state the round began in, only if it still holds.
    if (!sameLease(before, this.#o.leaseState())) return;
    const untilMs = startedMs + this.#o.durationMs;
    const lease = this.#lease;
    if (lease === null || !sameLease(lease.state, before) || lease.untilMs < untilMs) {
      this.#lease = { state: before, untilMs };
      this.#o.stats.renewals++;
    }
  }
}
