// "Every n ticks", for the background duties that run on a cadence rather than on demand.

export class Cadence {
  readonly #every: number;
  #count = 0;

  /** `every`: a count ≥ 1 (a validated setting). */
  constructor(every: number) {
    this.#every = every;
  }

  /** Count one more tick (or round); true on every `every`-th. */
  tick(): boolean {
    this.#count++;
    return this.#count % this.#every === 0;
  }
}
