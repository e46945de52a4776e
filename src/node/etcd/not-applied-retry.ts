// etcd clients do not retry a write that failed with Unavailable (clientv3 retries mutable calls
// only when no connection was made; etcd3 likewise), because etcd cannot say whether it was
// applied. ringkv can: NotLeader, NoQuorum and Unavailable promise the request was certainly not
// applied (src/api/errors.ts NOT_APPLIED_CODES). So the etcd API retries those itself — as etcd's
// own server waits for a leader within its request timeout — while a shard elects a new leader
// after a node died, bounded by the caller's deadline and by notAppliedRetryMs.
import { NOT_APPLIED_CODES, toRingkvError } from "../../api/errors.ts";

/** The longest the etcd API retries a certainly-unapplied request, in ms (a few elections). */
export const NOT_APPLIED_RETRY_MS_DEFAULT = 8000;
/** The first wait between two tries when the node suggests none, in ms; doubles each try. */
export const NOT_APPLIED_BACKOFF_MS_MIN = 50;
/** The longest wait between two tries, in ms. */
export const NOT_APPLIED_BACKOFF_MS_MAX = 1000;
/** Time kept back from the caller's deadline for the answer to travel, in ms. */
const DEADLINE_MARGIN_MS = 200;

export interface RetryBounds {
  /** ms since the epoch when the caller stops waiting, if it said. */
  readonly callerDeadline?: number;
  readonly retryMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** `attempt()`, again while it fails certainly unapplied and the bounds allow another try. */
export async function retryNotApplied<T>(attempt: () => Promise<T>, bounds: RetryBounds = {}): Promise<T> {
  const now = bounds.now ?? Date.now;
  const sleep = bounds.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  const until = Math.min(
    started + (bounds.retryMs ?? NOT_APPLIED_RETRY_MS_DEFAULT),
    (bounds.callerDeadline ?? Number.POSITIVE_INFINITY) - DEADLINE_MARGIN_MS,
  );
  let backoffMs = NOT_APPLIED_BACKOFF_MS_MIN;
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      const error = toRingkvError(e);
      const waitMs = Math.min(Math.max(error.retryAfterMs, backoffMs), NOT_APPLIED_BACKOFF_MS_MAX);
      if (!NOT_APPLIED_CODES.has(error.code) || now() + waitMs >= until) throw e;
      await sleep(waitMs);
      backoffMs = Math.min(backoffMs * 2, NOT_APPLIED_BACKOFF_MS_MAX);
    }
  }
}
