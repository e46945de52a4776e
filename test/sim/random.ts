// Seeded randomness for the simulator. Every component that randomises takes its own stream,
// forked from the run's seed by a label, so adding a draw in one component (say, the network)
// does not shift the choices of another (say, the clients): a seed keeps meaning the same run
// as the simulator grows, and a failure replays exactly.
import type { Random } from "../../src/raft/index.ts";

const TWO_POW_32 = 4294967296;

/** splitmix32: spreads a 32-bit value over all bits; used to seed and to fork streams. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over a string's UTF-16 code units: a stable label → 32-bit value. */
export function hashString32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counting generator): 128 bits of state, passes
 * PractRand, and is cheap in 32-bit integer arithmetic, which is all JavaScript does fast.
 */
export class Rng implements Random {
  readonly seed: number;
  #a: number;
  #b: number;
  #c: number;
  #d = 1;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.#a = mix32(this.seed);
    this.#b = mix32(this.#a);
    this.#c = mix32(this.#b);
    // Warm up: the first outputs of a freshly seeded sfc32 are correlated with the seed.
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** A new independent stream; depends only on this stream's seed and `label`, never on draws. */
  fork(label: string): Rng {
    return new Rng(mix32(this.seed ^ hashString32(label)));
  }

  next32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next32() / TWO_POW_32;
  }

  /** An integer in [0, n). */
  intBelow(n: number): number {
    if (!(n >= 1) || !Number.isInteger(n))
      throw new RangeError(`intBelow: n must be a positive integer, got ${n}`);
    return Math.floor(this.float() * n);
  }

  /** An integer in [lo, hi] (both inclusive). */
  intBetween(lo: number, hi: number): number {
    return lo + this.intBelow(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick: no items");
    return items[this.intBelow(items.length)]!;
  }

  /** A new array with `items` in a random order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.intBelow(i + 1);
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }
}
