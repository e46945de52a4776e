// A consistent-hash ring: sorted 32-bit token positions, each with a small-integer owner. A ring
// position belongs to the owner of the first token at or after it, wrapping past 2^32 − 1 to the
// first token. The shard ring (keys → shards) and the member ring (placement) are both this.
//
// Lookup is a binary search narrowed by a bucket index. The top bits of a position pick one of
// 4–8 buckets per token. Most buckets hold no token, so every position in them has the same owner:
// a 16-bit owner table answers those lookups with one read. The rest read where the bucket's
// tokens start in the sorted array and binary-search just those (usually one or two). A plain
// binary search over thousands of tokens is a dozen unpredictable branches, costlier than the
// hash call itself; see bench/results/ring.md for what the index buys.

import { invariant } from "../invariant.ts";
import { tokensMax } from "./settings.ts";

const positionSpace = 2 ** 32;
// Sort keys pack `position · 2^21 + generation index` into one exact float (2^32 · 2^21 = 2^53),
// which is why `tokensMax` is 2^21: one native Float64Array sort, ties broken by generation order.
const generationSpace = 2 ** 21;
// 2^20 buckets (6 MiB of index) is plenty: only rings near `tokensMax` reach it.
const bucketBitsMax = 20;
// Owners are 16-bit; the largest value marks a bucket with a token inside.
const ownerMax = 0xfffe;
const mixedBucket = 0xffff;
// At least four buckets per token: ≥ 78% of lookups land in a bucket without a token inside and
// are decided by one read of the owner table. Denser indexes measured no faster (more cache).
const bucketsPerTokenLog2 = 2;
const positionMax = 0xffff_ffff;

export class TokenRing {
  /** Token positions, ascending. Equal positions keep their generation order. */
  readonly #positions: Uint32Array;
  /** Owner of each sorted token, plus one sentinel copy of the first owner at the end, so that a
   * position past the last token wraps to the first without a branch. 16 bits cover every shard
   * and member limit and halve the cache footprint of the hot lookup path. */
  readonly #owners: Uint16Array;
  readonly #bucketShift: number;
  /** `#bucketStart[b]` = index of the first token whose position is ≥ the low edge of bucket b. */
  readonly #bucketStart: Uint32Array;
  /** The owner of every position in bucket b when no token lies inside it (one read decides
   * the lookup), or `mixedBucket` when a token boundary splits it and a search is needed. */
  readonly #bucketOwner: Uint16Array;

  /**
   * @param positions token positions (uint32) in generation order; generation order breaks ties,
   *   so callers must generate tokens in a canonical order (e.g. owners sorted by id).
   * @param owners the owner of each token, same length and order as `positions`.
   */
  constructor(positions: ArrayLike<number>, owners: ArrayLike<number>) {
    const count = positions.length;
    invariant(count > 0 && count <= tokensMax, () => `token count ${count} outside 1..${tokensMax}`);
    invariant(owners.length === count, () => `${owners.length} owners for ${count} tokens`);
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const position = positions[i]!;
      if (!(Number.isInteger(position) && position >= 0 && position <= positionMax)) {
        invariant(false, () => `token position ${position} is not a uint32`);
      }
      keys[i] = position * generationSpace + i;
    }
    keys.sort();
    this.#positions = new Uint32Array(count);
    this.#owners = new Uint16Array(count + 1);
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const generation = key % generationSpace;
      this.#positions[i] = (key - generation) / generationSpace;
      const owner = owners[generation]!;
      if (!(Number.isInteger(owner) && owner >= 0 && owner <= ownerMax)) {
        invariant(false, () => `owner ${owner} outside 0..${ownerMax}`);
      }
      this.#owners[i] = owner;
    }
    this.#owners[count] = this.#owners[0]!;
    const bucketBits = Math.min(
      bucketBitsMax,
      Math.max(1, Math.ceil(Math.log2(count)) + bucketsPerTokenLog2),
    );
    this.#bucketShift = 32 - bucketBits;
    this.#bucketStart = bucketStarts(this.#positions, bucketBits);
    this.#bucketOwner = new Uint16Array(this.#bucketStart.length - 1);
    for (let bucket = 0; bucket < this.#bucketOwner.length; bucket++) {
      const start = this.#bucketStart[bucket]!;
      this.#bucketOwner[bucket] =
        start === this.#bucketStart[bucket + 1] ? this.#owners[start]! : mixedBucket;
    }
  }

  get length(): number {
    return this.#positions.length;
  }

  /** Index of the token that owns `position`: the first at or after it; `length` means "wrap to 0". */
  indexAt(position: number): number {
    const bucket = position >>> this.#bucketShift;
    let lo = this.#bucketStart[bucket]!;
    let hi = this.#bucketStart[bucket + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#positions[mid]! < position) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The owner of a ring position (a key's hash). */
  ownerAt(position: number): number {
    const owner = this.#bucketOwner[position >>> this.#bucketShift]!;
    return owner === mixedBucket ? this.#owners[this.indexAt(position)]! : owner;
  }

  /** Owner of the token at `index` (0..length; `length` is the wrap-around sentinel). */
  ownerOf(index: number): number {
    return this.#owners[index]!;
  }

  positionOf(index: number): number {
    return this.#positions[index]!;
  }

  /**
   * The exact fraction of the 2^32 positions each owner receives. Token i owns the positions
   * after token i − 1 up to and including its own; token 0 also owns everything after the last.
   */
  shares(ownerCount: number): Float64Array {
    const shares = new Float64Array(ownerCount);
    const count = this.#positions.length;
    let previous = this.#positions[count - 1]! - positionSpace;
    for (let i = 0; i < count; i++) {
      const position = this.#positions[i]!;
      const owner = this.#owners[i]!;
      invariant(owner < ownerCount, () => `owner ${owner} outside 0..${ownerCount - 1}`);
      shares[owner]! += (position - previous) / positionSpace;
      previous = position;
    }
    return shares;
  }
}

function bucketStarts(positions: Uint32Array, bucketBits: number): Uint32Array {
  const bucketCount = 2 ** bucketBits;
  const bucketWidth = positionSpace / bucketCount;
  const starts = new Uint32Array(bucketCount + 1);
  let index = 0;
  for (let bucket = 0; bucket <= bucketCount; bucket++) {
    const lowEdge = bucket * bucketWidth;
    while (index < positions.length && positions[index]! < lowEdge) {
      index++;
    }
    starts[bucket] = index;
  }
  return starts;
}
