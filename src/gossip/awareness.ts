// Local health (Lifeguard, "local health awareness"). A member that misses acks it should have
// got — most tellingly nacks from intermediaries that could reach us but not the target — is
// likelier slow itself (overloaded, paused, losing packets) than surrounded by failures, so it
// probes more slowly and waits longer before accusing anyone.

export class Awareness {
  readonly #max: number;
  #score = 0;

  /** Scores range over [0, max − 1]; max = 1 turns awareness off. */
  constructor(max: number) {
    this.#max = max;
  }

  /** 0 is healthy. */
  get score(): number {
    return this.#score;
  }

  apply(delta: number): void {
    this.#score = Math.min(this.#max - 1, Math.max(0, this.#score + delta));
  }

  /** ticks · (score + 1). */
  scaleTicks(ticks: number): number {
    return ticks * (this.#score + 1);
  }
}
