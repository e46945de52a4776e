// Waiting on a condition of a live system: poll it, bounded by a deadline, and fail with a message
// that says what was awaited and what was last seen. The process tests never sleep for a fixed
// time: whatever they wait for, they wait for it through this helper (or an event).

export interface WaitOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** What is awaited, for the failure message ("a leader among n2, n3"). */
  readonly what: string;
  /** Time between two evaluations of the condition; default 50 ms. */
  readonly intervalMs?: number;
}

export class WaitTimeoutError extends Error {
  constructor(what: string, timeoutMs: number, last: string) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `; last seen: ${last}` : ""}`);
    this.name = "WaitTimeoutError";
  }
}

/**
 * Resolves with the condition's first truthy value. A condition that throws counts as "not yet"
 * (a node still starting refuses connections); its last error is reported if time runs out.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: WaitOptions,
): Promise<NonNullable<T>> {
  const started = performance.now();
  const intervalMs = options.intervalMs ?? 50;
  let last = "";
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      last = describe(value);
    } catch (e) {
      last = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const elapsed = performance.now() - started;
    if (elapsed >= options.timeoutMs) throw new WaitTimeoutError(options.what, options.timeoutMs, last);
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, options.timeoutMs - elapsed)));
  }
}

/**
 * `promise`, or a WaitTimeoutError once `timeoutMs` passes first. For awaiting an event (a
 * process exit, a log line) with a bound.
 */
export async function within<T>(promise: Promise<T>, options: Omit<WaitOptions, "intervalMs">): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new WaitTimeoutError(options.what, options.timeoutMs, "")),
      options.timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(value: unknown): string {
  if (value === undefined || value === null || value === false) return String(value);
  try {
    return JSON.stringify(value).slice(0, 500);
  } catch {
    return String(value);
  }
}
