// Bounding a request by its deadline: the caller gets Timeout instead of waiting forever.

import { RingkvError } from "../../api/errors.ts";
import { type Clock, SYSTEM_CLOCK } from "./clock.ts";

/** `promise`, or a Timeout error once `ms` have passed (the work itself is not cancelled). */
export function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  clock: Clock = SYSTEM_CLOCK,
): Promise<T> {
  if (ms <= 0) {
    // Nobody will wait for it, but its failure must not go unhandled (that ends the process).
    promise.catch(() => {});
    return Promise.reject(new RingkvError("Timeout", `${what} timed out`));
  }
  let cancel: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    cancel = clock.setTimeout(
      () => reject(new RingkvError("Timeout", `${what} timed out after ${ms} ms; its outcome is unknown`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => cancel?.());
}
