// Baselines for the ring benchmark, implemented here from the published algorithms so that they
// run on the same key hashes as the ring:
// - jump consistent hash (Lamping & Veach, 2014): no tokens and no memory, balanced in
//   expectation, and a join moves keys only onto the new bucket — but buckets are numbered, so
//   only the last one can leave, which rules it out for arbitrary node ids.
// - rendezvous, or highest-random-weight, hashing (Thaler & Ravishankar, 1996): each key goes to
//   the member with the highest score(key, member); balanced and minimal-move for any member
//   set, at O(members) per lookup.
// - uniform `hash mod n`: not consistent at all; its balance is the sampling noise floor.

/** A 32-bit finalizer (MurmurHash3's fmix32): every input bit affects every output bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The bucket in 0..buckets−1 of a key. A key in bucket b next jumps to ⌊(b + 1) / u⌋ for a
 * uniform u ∈ (0, 1] drawn from a per-key sequence, so as buckets are added it moves only onto
 * the newest one, with probability 1/(new bucket count). The paper's 64-bit LCG is replaced by a
 * 32-bit counter through `mix32`, which serves the same purpose without BigInt.
 */
export function jumpHash(keyHash: number, buckets: number): number {
  let state = keyHash >>> 0;
  let bucket = -1;
  let next = 0;
  while (next < buckets) {
    bucket = next;
    state = (state + 0x9e37_79b9) >>> 0;
    const uniform = (mix32(state) + 1) / 2 ** 32;
    next = Math.floor((bucket + 1) / uniform);
  }
  return bucket;
}

/** Rendezvous hashing over members identified by their (xxhash) id hashes. */
export class Rendezvous {
  readonly #memberHashes: Uint32Array;

  constructor(memberHashes: Uint32Array) {
    this.#memberHashes = memberHashes;
  }

  /** score(key, member); ties (1 in 2^32) go to the lower member index. */
  static score(keyHash: number, memberHash: number): number {
    return mix32(mix32(keyHash ^ memberHash) + memberHash);
  }

  ownerOf(keyHash: number): number {
    let best = 0;
    let bestScore = -1;
    for (let member = 0; member < this.#memberHashes.length; member++) {
      const score = Rendezvous.score(keyHash, this.#memberHashes[member]!);
      if (score > bestScore) {
        bestScore = score;
        best = member;
      }
    }
    return best;
  }
}
