// The pipelining window to one follower: the last index of each App message sent but not yet
// acknowledged, in order. Bounded, so a slow follower cannot make the leader queue without limit.
import { invariant } from "../invariant.ts";

export class Inflights {
  readonly #capacity: number;
  readonly #buffer: Float64Array;
  #start = 0;
  #count = 0;

  constructor(capacity: number) {
    invariant(capacity > 0, "inflights capacity must be positive");
    this.#capacity = capacity;
    this.#buffer = new Float64Array(capacity);
  }

  get count(): number {
    return this.#count;
  }

  full(): boolean {
    return this.#count === this.#capacity;
  }

  /** Record an App message whose last entry is `index`. Indexes must increase. */
  add(index: number): void {
    invariant(!this.full(), "inflights: add to a full window");
    if (this.#count > 0) {
      const last = this.#buffer[(this.#start + this.#count - 1) % this.#capacity]!;
      invariant(index > last, () => `inflights: index ${index} does not increase past ${last}`);
    }
    this.#buffer[(this.#start + this.#count) % this.#capacity] = index;
    this.#count++;
  }

  /** Forget every message whose last index is <= `index` (the follower acknowledged it). */
  freeLE(index: number): void {
    while (this.#count > 0 && this.#buffer[this.#start]! <= index) {
      this.#start = (this.#start + 1) % this.#capacity;
      this.#count--;
    }
  }

  /** Make room for one more message (its acknowledgement was probably lost). */
  freeFirstOne(): void {
    if (this.#count === 0) return;
    this.#start = (this.#start + 1) % this.#capacity;
    this.#count--;
  }

  reset(): void {
    this.#start = 0;
    this.#count = 0;
  }
}
