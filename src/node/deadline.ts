// Bounding a request by its deadline: the caller gets Timeout instead of waiting forever.
import { RingkvError } from "./errors.ts";

/** `promise`, or a Timeout error once `ms` have passed (the work itself is not cancelled). */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  if (ms <= 0) return Promise.reject(new RingkvError("Timeout", `${what} timed out`));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RingkvError("Timeout", `${what} timed out after ${ms} ms; its outcome is unknown`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
