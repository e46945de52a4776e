// Capped exponential backoff with jitter, for reconnecting to a peer after its stream failed.
// The n-th consecutive failure waits a random time in [d/2, d], d = min(max, base · 2^(n-1)):
// growing waits spare a peer that is down, the cap bounds how long a recovered peer goes
// unnoticed, and the jitter keeps the nodes of a cluster from reconnecting in lockstep.

export interface BackoffSettings {
  readonly baseMs: number;
  readonly maxMs: number;
  /** A number in [0, 1); injected so tests and the simulator can fix it. */
  readonly random: () => number;
}

export class Backoff {
  readonly #settings: BackoffSettings;
  #failures = 0;

  constructor(settings: BackoffSettings) {
    this.#settings = settings;
  }

  get failures(): number {
    return this.#failures;
  }

  /** Count one more failure and return how long to wait before the next attempt. */
  nextDelayMs(): number {
    const { baseMs, maxMs, random } = this.#settings;
    // The exponent is capped too, so a long outage cannot overflow 2^n.
    const exponent = Math.min(this.#failures, 30);
    this.#failures++;
    const ceilingMs = Math.min(maxMs, baseMs * 2 ** exponent);
    return ceilingMs / 2 + (random() * ceilingMs) / 2;
  }

  /** A connection worked: the next failure starts again from baseMs. */
  reset(): void {
    this.#failures = 0;
  }
}
