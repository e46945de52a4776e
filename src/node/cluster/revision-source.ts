// Where a shard write gets its cluster-wide revision: the meta group's timestamp oracle
// (src/api/kv-model.ts says what revisions promise; timestamp-oracle.ts how they are made).
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type { Clock } from "../host/clock.ts";

export interface RevisionSource {
  /**
   * A revision no one was given before, above every revision handed out before this call began
   * (and at least `atLeast`). Rejects with RingkvError Unavailable (certainly nothing handed
   * out) when the oracle cannot be reached.
   */
  next(atLeast?: number): Promise<number>;
  /**
   * A revision at once when this node can hand one out without asking anyone (the meta leader's
   * node, within its oracle lease), else undefined. Never waits; the same promise as next().
   */
  now?(): number | undefined;
}

/**
 * Asks the oracle for a block of `count` revisions, the first at least `atLeast`: locally on the
 * meta leader's node, else forwarded to it (following NotLeader hints, bounded); resolves with
 * the first.
 */
export type RevisionBlockFetch = (count: number, atLeast: number) => Promise<number>;

interface Waiter {
  readonly atLeast: number;
  readonly resolve: (revision: number) => void;
  readonly reject: (error: RingkvError) => void;
}

/**
 * The RevisionSource of a node: every request of one event-loop turn goes to the oracle as one
 * block request (one forward per turn, however many writes wait), and the block is handed out
 * in request order. Blocks of different turns may be in flight at once; each is above every
 * revision handed out before its request began, which is all a waiter is promised.
 */
export class OracleRevisionSource implements RevisionSource {
  readonly #fetch: RevisionBlockFetch;
  readonly #clock: Clock;
  /** Throws (Unavailable) while some member cannot apply commands with revisions. */
  readonly #gate: () => void;
  /**
   * On the meta leader's node: one revision from the oracle at once, when its lease allows
   * (TimestampOracle.serveNow), else undefined. Saves the write two turns of the event loop.
   */
  readonly #now: (atLeast: number) => number | undefined;
  #queue: Waiter[] = [];
  #scheduled = false;

  constructor(
    fetch: RevisionBlockFetch,
    clock: Clock,
    gate: () => void = () => {},
    now: (atLeast: number) => number | undefined = () => undefined,
  ) {
    this.#fetch = fetch;
    this.#clock = clock;
    this.#gate = gate;
    this.#now = now;
  }

  next(atLeast = 0): Promise<number> {
    try {
      this.#gate();
    } catch (e) {
      return Promise.reject(toRingkvError(e));
    }
    const now = this.#now(atLeast);
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      this.#queue.push({ atLeast, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      this.#clock.setImmediate(() => this.#flush());
    });
  }

  now(): number | undefined {
    try {
      this.#gate();
    } catch {
      return undefined;
    }
    return this.#now(0);
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const atLeast = Math.max(...batch.map((w) => w.atLeast));
    this.#fetch(batch.length, atLeast).then(
      (first) => {
        for (let i = 0; i < batch.length; i++) batch[i]?.resolve(first + i);
      },
      (e: unknown) => {
        // Whatever went wrong, no revision reached a waiter: its write was not proposed, so the
        // write is certainly not applied (Unavailable), never an unknown outcome. And not
        // NotLeader either: that would tell the router the *shard* leadership moved.
        const error = toRingkvError(e);
        const failure = new RingkvError("Unavailable", `no revision from the meta leader: ${error.message}`, {
          retryAfterMs: error.retryAfterMs,
        });
        for (const w of batch) w.reject(failure);
      },
    );
  }
}
