// A run's trace: a running hash of everything that happened (so two runs of one seed can be
// compared cheaply for determinism) and, when verbose, the lines themselves for a human.

export class Trace {
  #hash = 0x811c9dc5;
  #events = 0;
  readonly #sink: ((line: string) => void) | null;

  /** `sink` receives each line when the run is verbose; null keeps only the hash. */
  constructor(sink: ((line: string) => void) | null = null) {
    this.#sink = sink;
  }

  get verbose(): boolean {
    return this.#sink !== null;
  }

  /** Fold a number into the hash without building a string (hot path: message deliveries). */
  mix(n: number): void {
    this.#hash = Math.imul(this.#hash ^ (n | 0), 0x01000193);
    this.#hash = Math.imul(this.#hash ^ ((n / 4294967296) | 0), 0x01000193);
    this.#events++;
  }

  mixString(s: string): void {
    let h = this.#hash;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    this.#hash = h;
    this.#events++;
  }

  /** A notable event: hashed, and printed when verbose. `line` is only built when needed. */
  event(tick: number, line: string | (() => string)): void {
    const text = typeof line === "string" ? line : line();
    this.mix(tick);
    this.mixString(text);
    this.#sink?.(`[${String(tick).padStart(5)}] ${text}`);
  }

  /** Hex digest of the trace so far. */
  get hash(): string {
    return (this.#hash >>> 0).toString(16).padStart(8, "0");
  }

  get events(): number {
    return this.#events;
  }
}
