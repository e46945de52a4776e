// The client's one retry policy: which failures are worth another attempt, where to send it,
// and how long to wait first — bounded by attempts and by total time, so an operation against a
// dead cluster fails in bounded time instead of spinning.
//
// Reads (Get, Status, Join — Join is idempotent) retry on anything that says "try elsewhere or
// later": NotLeader, NoQuorum, Unavailable (from the node or the transport) and Timeout.
//
// Writes (Put, Delete, Leave) retry only on failures that prove the write was NOT applied
// (NOT_APPLIED_CODES in src/api/errors.ts):
//   - NotLeader, NoQuorum: a node answers them before proposing anything to Raft;
//   - Unavailable answered by a node: it promises nothing was proposed;
//   - a transport failure before any byte was sent (no connection to the address).
// A write that timed out or lost its connection mid-call is Timeout (src/api/grpc-status.ts)
// and may still commit; sending it again could apply it twice (a CAS would then fail against its
// own write, a delete would report `deleted: false`), so the caller gets the error and decides.
import type { RingkvError } from "../api/errors.ts";

export interface RetrySettings {
  /** Attempts per operation, the first one included. */
  readonly attemptsMax: number;
  /** Wall-clock budget of one operation in ms: attempts, their deadlines and backoff together. */
  readonly budgetMs: number;
  /** Backoff before the second attempt; it doubles per attempt up to backoffMaxMs. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  attemptsMax: 5,
  budgetMs: 10_000,
  backoffBaseMs: 25,
  backoffMaxMs: 1_000,
};

export type OperationKind = "read" | "write";

export interface Failure {
  readonly error: RingkvError;
  /** The transport proves the request never left this process. */
  readonly unsent: boolean;
}

export interface AttemptContext {
  readonly kind: OperationKind;
  /** 1-based number of the attempt that just failed. */
  readonly attempt: number;
  /** Time since the operation started, in ms. */
  readonly elapsedMs: number;
}

export type RetryDecision =
  | { readonly retry: false }
  /** target "leader": go to error.leaderHint; "next": the next known address. */
  | { readonly retry: true; readonly delayMs: number; readonly target: "leader" | "next" };

const STOP: RetryDecision = { retry: false };

export class RetryPolicy {
  readonly settings: RetrySettings;
  readonly #random: () => number;

  /** `random` returns [0, 1); injected so tests can pin the jitter. */
  constructor(settings: Partial<RetrySettings> = {}, random: () => number = Math.random) {
    this.settings = { ...DEFAULT_RETRY_SETTINGS, ...settings };
    this.#random = random;
    if (!(this.settings.attemptsMax >= 1)) throw new RangeError("attemptsMax must be at least 1");
  }

  isRetryable(failure: Failure, kind: OperationKind): boolean {
    switch (failure.error.code) {
      case "NotLeader":
      case "NoQuorum":
        return true;
      case "Unavailable":
        // From the transport, Unavailable is only made for calls that never left (grpc-status.ts);
        // `unsent` is checked as well so a transport failure is never trusted on its code alone.
        return kind === "read" || failure.unsent || !failure.error.fromTransport;
      case "Timeout":
        return kind === "read";
      default:
        return false;
    }
  }

  decide(failure: Failure, context: AttemptContext): RetryDecision {
    if (context.attempt >= this.settings.attemptsMax) return STOP;
    if (!this.isRetryable(failure, context.kind)) return STOP;
    // A leader hint is fresh information, not a reason to wait: go there at once.
    const target = failure.error.code === "NotLeader" && failure.error.leaderHint !== "" ? "leader" : "next";
    const delayMs = target === "leader" ? 0 : this.backoffMs(context.attempt, failure.error.retryAfterMs);
    if (context.elapsedMs + delayMs >= this.settings.budgetMs) return STOP;
    return { retry: true, delayMs, target };
  }

  /**
   * Wait after failed attempt `attempt`: exponential, capped, with "equal jitter" (half fixed,
   * half random) so clients that failed together do not return together, but never below the
   * server's Retry-After hint.
   */
  backoffMs(attempt: number, retryAfterMs = 0): number {
    const ceiling = Math.min(this.settings.backoffMaxMs, this.settings.backoffBaseMs * 2 ** (attempt - 1));
    const jittered = ceiling / 2 + (this.#random() * ceiling) / 2;
    return Math.round(Math.max(jittered, Math.min(retryAfterMs, this.settings.backoffMaxMs)));
  }
}
