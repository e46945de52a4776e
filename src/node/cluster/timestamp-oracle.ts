// The timestamp oracle: on the meta leader's node, hands out cluster-wide revisions (the design:
// docs/revisions.md; TiDB's placement driver does the same).
//
// Revisions come from memory, from a window reserved through the meta log
// (`reserveRevisions{upTo}`): a revision is handed out only once a reservation covering it has
// been applied in the current term, so a later leader, which starts above every reservation it
// applied, never hands it out again. The next window is reserved when half of the current one
// is left, so in steady state serving never waits on a log write.
//
// Three rules make the revisions unique and in real-time order across leader changes:
// - A new leader serves only after its term's first entry is applied (every reservation an
//   earlier leader could have served from is then applied here), starting above the highest
//   applied reservation, and only once a reservation of its own term has been applied.
// - Each batch is answered only after one ReadIndex round, started after every request of the
//   batch arrived, confirmed that this node still leads (see #serve for why that suffices) —
//   or within the lease such a round gave: no other node can be elected meta leader before
//   the round's start plus oracleLeaseMs (config.ts says why), so none can have handed out a
//   revision yet. A batch served from the lease waits for nothing; the lease is renewed by a
//   round in the background once half of it is gone.
// - A change of meta leader rejects every waiting request with NotLeader: nothing was handed out.
import { RingkvError } from "../../api/errors.ts";
import type { LeaseState } from "../../raft/index.ts";
import type { Clock } from "../host/clock.ts";
import { withDeadline } from "../host/deadline.ts";
import { sameLease } from "../host/read-lease.ts";

/** The meta group as the oracle uses it (a Replica in production; a fake in unit tests). */
export interface OracleMeta {
  /** The current term while this node leads the meta group; undefined otherwise. */
  leaderTerm(): number | undefined;
  /** The meta leader's id as this node knows it ("" when none), for NotLeader hints. */
  leaderHint(): string;
  /** The term of the last meta entry applied here. */
  appliedTerm(): number;
  /** The highest `reserveRevisions.upTo` applied here (0: none). */
  reservedUpTo(): number;
  /** Propose `reserveRevisions{upTo}`; resolves once it is applied here. */
  reserve(upTo: number): Promise<void>;
  /** One ReadIndex round: resolves once a quorum confirmed, after this call, that this node leads. */
  confirmLeadership(): Promise<void>;
  /**
   * While this node leads the meta group and may serve from a lease: its term and voter
   * configuration (RawNode.leaseState); undefined when it may not (a transfer was started this
   * term, a conf change is pending).
   */
  leaseState(): LeaseState | undefined;
}

export interface OracleOptions {
  /** Revisions reserved per meta log write (NodeSettings.revisionWindow). */
  readonly windowSize: number;
  readonly clock: Clock;
  /**
   * A batch not answered within this many ms (a meta log write or ReadIndex round that never
   * completes, as on a leader cut off from its quorum) is rejected Unavailable, nothing handed
   * out, so the next batch can run (NodeSettings.requestTimeoutMs).
   */
  readonly roundTimeoutMs: number;
  /**
   * How long after a successful ReadIndex round began batches may be served without another,
   * in ms on this node's clock (config.ts oracleLeaseMs); 0: a round for every batch.
   */
  readonly leaseMs: number;
  /**
   * What the lease is measured on, in ms: a monotonic clock (the system clock's wall time may be
   * stepped back by NTP, which would stretch a lease); the simulator passes its virtual clock.
   */
  readonly leaseNowMs: () => number;
  /** Planted bug for the simulator's checker: answer without the ReadIndex confirmation. */
  readonly plantSkipConfirmation?: boolean;
  /** Planted bug for the simulator's checker: a new leader starts from its in-memory counter. */
  readonly plantStartFromMemory?: boolean;
}

interface Waiter {
  readonly count: number;
  readonly atLeast: number;
  readonly resolve: (first: number) => void;
  readonly reject: (error: RingkvError) => void;
}

/** No term is being served (before the first request, and after a leader change). */
const NOT_SERVING = -1;

export class TimestampOracle {
  readonly #meta: OracleMeta;
  readonly #options: OracleOptions;
  /** The term #next and #limit belong to; NOT_SERVING until a start in the current term finished. */
  #term = NOT_SERVING;
  /** The first revision not handed out in #term. */
  #next = 1;
  /** The highest revision covered by a reservation applied in #term. Invariant: #next <= #limit + 1. */
  #limit = 0;
  /** The start of a term in progress. */
  #starting: { readonly term: number; readonly done: Promise<void> } | null = null;
  /** A reservation in flight, and what it reserves up to. */
  #reserving: { readonly upTo: number; readonly done: Promise<void> } | null = null;
  #queue: Waiter[] = [];
  #roundScheduled = false;
  #roundRunning = false;
  /** Wake the starts waiting for their term's first entry to be applied. */
  #onApplied: (() => void)[] = [];
  /** The lease the last successful round gave: valid in its term and configuration until untilMs. */
  #lease: { readonly state: LeaseState; readonly untilMs: number } | null = null;
  /** A renewal round in flight (at most one). */
  #renewing = false;
  /** Batches served from the lease, by a round of their own, and renewals done (tests, metrics). */
  readonly stats = { servedFromLease: 0, servedAfterRound: 0, leaseRenewals: 0 };

  constructor(meta: OracleMeta, options: OracleOptions) {
    this.#meta = meta;
    this.#options = options;
  }

  /**
   * A contiguous block of `count` revisions, strictly above every revision handed out before,
   * the first at least `atLeast`; resolves with the first. Rejects with NotLeader (nothing
   * handed out) when this node does not lead the meta group, or stops leading it meanwhile.
   */
  next(count: number, atLeast = 0): Promise<number> {
    if (this.#meta.leaderTerm() === undefined) return Promise.reject(this.#notLeader());
    const now = this.serveNow(count, atLeast);
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      this.#queue.push({ count: Math.max(1, count), atLeast, resolve, reject });
      this.#schedule();
    });
  }

  /**
   * A block served at once, without waiting for the turn's batch, or undefined when that cannot
   * be done safely; the caller then queues (next does). It is served only from the lease,
   * exactly as a batch would be at this moment: this node serves the current meta term, the
   * lease covers now, and the reserved window holds the block. Never while a batch is between
   * its reservation check and its hand-out (a batch reserves for what it will hand out before it
   * awaits; handing out beside it could pass the reservation, and a successor would hand the
   * same revisions out again). Ordering against requests still queued does not matter: they
   * have not been answered, so they are concurrent with this one.
   */
  serveNow(count: number, atLeast = 0): number | undefined {
    if (this.#roundRunning) return undefined;
    const term = this.#meta.leaderTerm();
    if (term === undefined || this.#term !== term || !this.#leaseCovers(term)) return undefined;
    const first = Math.max(this.#next, atLeast);
    const size = Math.max(1, count);
    if (first + size - 1 > this.#limit) return undefined;
    this.#next = first + size;
    this.stats.servedFromLease++;
    this.#renewIfHalfGone(term);
    this.#reserveAhead(term);
    return first;
  }

  /** Revisions this term can still hand out without another reservation (for tests). */
  get reservedAhead(): number {
    return this.#term === NOT_SERVING ? 0 : this.#limit - this.#next + 1;
  }

  /**
   * Call after every meta apply and on every tick: a change of meta leader rejects every waiting
   * request (certainly nothing handed out) and ends the term being served.
   */
  observe(): void {
    const term = this.#meta.leaderTerm();
    const wake = this.#onApplied;
    this.#onApplied = [];
    for (const w of wake) w();
    if (this.#term !== NOT_SERVING && term !== this.#term) {
      this.#term = NOT_SERVING;
      const waiting = this.#queue;
      this.#queue = [];
      for (const w of waiting) w.reject(this.#notLeader());
    }
  }

  #schedule(): void {
    if (this.#roundScheduled || this.#roundRunning) return;
    this.#roundScheduled = true;
    // After the work of this turn: every request it queued joins the batch.
    this.#options.clock.setImmediate(() => {
      this.#roundScheduled = false;
      void this.#round();
    });
  }

  async #round(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    this.#roundRunning = true;
    try {
      const firsts = await withDeadline(
        this.#serve(batch),
        this.#options.roundTimeoutMs,
        "revision batch",
        this.#options.clock,
      ).catch((e: unknown) => {
        // Whatever the round did after this, its revisions reach nobody: certainly not handed out.
        if (e instanceof RingkvError && e.code === "Timeout") {
          throw new RingkvError("Unavailable", `revisions: ${e.message.replace(/; its outcome.*/, "")}`);
        }
        throw e;
      });
      for (let i = 0; i < batch.length; i++) batch[i]?.resolve(firsts[i] ?? 0);
    } catch (e) {
      const error =
        e instanceof RingkvError ? e : new RingkvError("Unavailable", `revision oracle: ${String(e)}`);
      for (const w of batch) w.reject(error);
    } finally {
      this.#roundRunning = false;
      if (this.#queue.length > 0) this.#schedule();
    }
  }

  /** The first revision of each waiter's block, in order; or throw (nothing handed out). */
  async #serve(batch: readonly Waiter[]): Promise<number[]> {
    const term = this.#meta.leaderTerm();
    if (term === undefined) throw this.#notLeader();
    await this.#start(term);
    // Reserve whatever the batch needs beyond the window (atLeast jumps) before confirming.
    let end = this.#next - 1;
    for (const w of batch) end = Math.max(end + 1, w.atLeast) + w.count - 1;
    if (end > this.#limit) await this.#reserveTo(term, end + this.#options.windowSize);
    // Why one round covers every request queued before it started (the deposed-leader case): a
    // successor's revisions are above every reservation this node applied, and it serves only
    // after a quorum granted it a later term. If this round succeeds, a quorum acknowledged this
    // node's term after the round began, hence after each request of the batch arrived: no
    // successor had been elected then (the quorums intersect), so none had handed out anything
    // before these requests began, and real-time order holds. A round that cannot reach a
    // quorum fails (NotLeader on the step-down), and the batch with it: nothing handed out.
    const leased = this.#leaseCovers(term);
    if (!leased && !this.#options.plantSkipConfirmation) await this.#confirm(term);
    if (this.#meta.leaderTerm() !== term || this.#term !== term) throw this.#notLeader();
    if (leased) {
      this.stats.servedFromLease++;
      this.#renewIfHalfGone(term);
    } else this.stats.servedAfterRound++;
    const firsts: number[] = [];
    for (const w of batch) {
      const first = Math.max(this.#next, w.atLeast);
      firsts.push(first);
      this.#next = first + w.count;
    }
    this.#reserveAhead(term);
    return firsts;
  }

  /**
   * One ReadIndex round; on success it gives a lease from the moment it began (every
   * acknowledgement it counts was sent after that), if the meta replica may hold one then and
   * still leads in the same term and configuration now.
   */
  async #confirm(term: number): Promise<void> {
    const startedMs = this.#options.leaseNowMs();
    const before = this.#meta.leaseState();
    await this.#meta.confirmLeadership();
    const after = this.#meta.leaseState();
    if (this.#options.leaseMs > 0 && before && sameLease(before, after) && before.term === term) {
      const untilMs = startedMs + this.#options.leaseMs;
      if (!this.#lease || !sameLease(this.#lease.state, before) || this.#lease.untilMs < untilMs) {
        this.#lease = { state: before, untilMs };
      }
    }
  }

  /** May a batch of `term` be served now without a round of its own? */
  #leaseCovers(term: number): boolean {
    const lease = this.#lease;
    if (!lease || lease.state.term !== term) return false;
    // Checked at the moment of serving: nothing is awaited between this and handing out.
    return sameLease(lease.state, this.#meta.leaseState()) && this.#options.leaseNowMs() < lease.untilMs;
  }

  /** Once half of the lease is gone, renew it with a round in the background. */
  #renewIfHalfGone(term: number): void {
    const lease = this.#lease;
    if (this.#renewing || !lease) return;
    if (lease.untilMs - this.#options.leaseNowMs() > this.#options.leaseMs / 2) return;
    this.#renewing = true;
    // A failed renewal only means the next batch runs a round of its own.
    this.#confirm(term)
      .then(() => {
        this.stats.leaseRenewals++;
      })
      .catch(() => {})
      .finally(() => {
        this.#renewing = false;
      });
  }

  /** Serve `term`: once its first entry is applied, above every applied reservation. */
  async #start(term: number): Promise<void> {
    if (this.#term === term) return;
    if (this.#starting?.term !== term) {
      const done = this.#begin(term).finally(() => {
        if (this.#starting?.done === done) this.#starting = null;
      });
      this.#starting = { term, done };
    }
    await this.#starting.done;
  }

  async #begin(term: number): Promise<void> {
    this.#term = NOT_SERVING;
    // A reservation an earlier leader served from committed before this term's first entry (a
    // leader commits earlier terms' entries only by committing one of its own): once an entry
    // of this term is applied, every such reservation is applied here too.
    while (this.#meta.appliedTerm() < term) {
      await new Promise<void>((resolve) => this.#onApplied.push(resolve));
      if (this.#meta.leaderTerm() !== term) throw this.#notLeader();
    }
    const first = this.#options.plantStartFromMemory ? this.#next : this.#meta.reservedUpTo() + 1;
    this.#next = first;
    this.#limit = first - 1;
    this.#term = term;
    await this.#reserveTo(term, first - 1 + this.#options.windowSize);
  }

  /** Resolves once a reservation of `term` covering `upTo` is applied (or throws NotLeader). */
  async #reserveTo(term: number, upTo: number): Promise<void> {
    // Bounded: an in-flight reservation is awaited at most once, then our own covers upTo.
    for (let attempt = 0; this.#limit < upTo && attempt < 2; attempt++) {
      const inFlight = this.#reserving;
      if (inFlight && inFlight.upTo >= upTo) {
        await inFlight.done;
      } else {
        if (inFlight) await inFlight.done.catch(() => {});
        const done = this.#meta.reserve(upTo).then(() => {
          if (this.#term === term) this.#limit = Math.max(this.#limit, upTo);
        });
        this.#reserving = { upTo, done };
        try {
          await done;
        } finally {
          if (this.#reserving?.done === done) this.#reserving = null;
        }
      }
      if (this.#term !== term || this.#meta.leaderTerm() !== term) throw this.#notLeader();
    }
    if (this.#limit < upTo) throw this.#notLeader();
  }

  /** Reserve the next window once half of this one is used, in the background. */
  #reserveAhead(term: number): void {
    const window = this.#options.windowSize;
    if (this.#reserving || this.#limit - this.#next + 1 > window / 2) return;
    // A failure only means the next batch reserves (or finds it is no longer the leader).
    this.#reserveTo(term, this.#limit + window).catch(() => {});
  }

  #notLeader(): RingkvError {
    return new RingkvError("NotLeader", "revisions: this node does not lead the meta group", {
      leaderHint: this.#meta.leaderHint(),
    });
  }
}
