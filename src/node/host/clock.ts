// Time, as the node layer sees it: reading the clock, timers, and "soon". The system clock in
// production; the deterministic simulator (test/sim-cluster) passes a virtual one whose timers
// fire in a seeded, replayable order.

export interface Clock {
  /** Milliseconds; only differences matter. */
  now(): number;
  /** Run `fn` once after `ms`; the returned function cancels it. */
  setTimeout(fn: () => void, ms: number): () => void;
  /** Run `fn` every `ms`; the returned function stops it. */
  setInterval(fn: () => void, ms: number): () => void;
  /** Run `fn` after the current work and the promise callbacks it queued. */
  setImmediate(fn: () => void): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
  setInterval(fn, ms) {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
  setImmediate(fn) {
    setImmediate(fn);
  },
};

export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
