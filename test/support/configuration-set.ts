// The memo of Lowe's refinement: every configuration (set of linearized operations, model
// state) the linearization search has entered. Entering one again means repeating a subtree
// already explored without success, so the search prunes it. This set is most of the search's
// memory, so it stores each configuration compactly.

import type { SequentialModel } from "./model.ts";

/**
 * The set of linearized operations, as 16-bit words so a configuration's key can be a string.
 *
 * Operations with a known outcome get bits in invocation order and are linearized roughly in
 * that order, so their bits read as a run of full words, a short ragged window, then zeros;
 * the signature keeps only the window, making a remembered configuration cost about as much as
 * the concurrency at that point rather than the history's length. Operations with an unknown
 * outcome may stay unlinearized to the end, which would pin the window open from their
 * invocation on, so their bits live in a separate region that is kept whole.
 */
export class LinearizedSet {
  readonly #words: Uint16Array;
  readonly #knownWords: number;
  /** Words [0, #fullWords) of the known region are all ones. */
  #fullWords = 0;
  /** Words [#usedWords, #knownWords) of the known region are all zeros. */
  #usedWords = 0;

  constructor({ knownBits, openBits }: { knownBits: number; openBits: number }) {
    this.#knownWords = Math.ceil(knownBits / 16);
    this.#words = new Uint16Array(this.#knownWords + Math.ceil(openBits / 16));
  }

  /** The bit of the `n`th operation with an unknown outcome. */
  openBit(n: number): number {
    return this.#knownWords * 16 + n;
  }

  toggle(bit: number): void {
    const word = bit >>> 4;
    this.#words[word] = (this.#words[word] ?? 0) ^ (1 << (bit & 15));
    if (word >= this.#knownWords) return;
    if (word < this.#fullWords) this.#fullWords = word;
    while (this.#fullWords < this.#knownWords && this.#words[this.#fullWords] === 0xffff) this.#fullWords++;
    if (word >= this.#usedWords) this.#usedWords = word + 1;
    while (this.#usedWords > 0 && this.#words[this.#usedWords - 1] === 0) this.#usedWords--;
  }

  /** A string equal for two sets exactly when they hold the same operations. */
  signature(): string {
    const start = this.#fullWords;
    const end = Math.max(start, this.#usedWords);
    // The window's position and length, then its words, then the whole unknown-outcome region.
    let signature = String.fromCharCode(
      start & 0xffff,
      start >>> 16,
      (end - start) & 0xffff,
      (end - start) >>> 16,
    );
    signature += wordsToString(this.#words.subarray(start, end));
    return signature + wordsToString(this.#words.subarray(this.#knownWords));
  }
}

function wordsToString(words: Uint16Array): string {
  let text = "";
  // Chunked: String.fromCharCode with a huge argument list overflows the stack.
  for (let at = 0; at < words.length; at += 4096) {
    text += String.fromCharCode(...words.subarray(at, at + 4096));
  }
  return text;
}

/** The configurations already explored (Lowe's memoization), keyed by set and state hash. */
export class ConfigurationSet<State> {
  readonly #states = new Map<string, State | Collisions<State>>();
  readonly #model: Pick<SequentialModel<State, unknown, unknown>, "equal" | "hash">;
  size = 0;

  constructor(model: Pick<SequentialModel<State, unknown, unknown>, "equal" | "hash">) {
    this.#model = model;
  }

  /**
   * Remembers (linearized, state, afterUnknown); returns false if it was already there.
   * `afterUnknown`: the last operation linearized had an unknown outcome, which restricts what
   * the search may linearize next (linearization-search.ts, the blind rule).
   */
  addIfAbsent(linearized: LinearizedSet, state: State, afterUnknown: boolean): boolean {
    const hash = this.#model.hash(state) >>> 0;
    const key =
      linearized.signature() + String.fromCharCode(hash & 0xffff, hash >>> 16, afterUnknown ? 1 : 0);
    const known = this.#states.get(key);
    if (known === undefined) {
      this.#states.set(key, state);
    } else if (known instanceof Collisions) {
      if (known.states.some((other) => this.#model.equal(other, state))) return false;
      known.states.push(state);
    } else {
      if (this.#model.equal(known, state)) return false;
      this.#states.set(key, new Collisions([known, state]));
    }
    this.size++;
    return true;
  }
}

/** Distinct states whose hashes collide under one linearized set; rare, so not stored by default. */
class Collisions<State> {
  constructor(readonly states: State[]) {}
}
