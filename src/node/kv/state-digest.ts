// An order-independent 64-bit digest of a state machine's contents, kept up to date in O(1) per
// change, so replicas of one group can compare states cheaply (gossip carries it) and a replica
// that diverged is detected without shipping or rescanning its data.
//
// The digest is the XOR of one 64-bit hash per element of the state (a key with its value and
// version, a member record, the cluster config). XOR makes it independent of the order elements
// arrived in, and its own inverse: removing an element is XORing its hash in again, so a put
// that overwrites XORs the old entry out and the new one in, and a put then delete of a key
// leaves the digest where it was. Each key appears once in the state, so no two equal hashes
// cancel by accident; two different states share a digest with probability ~2^-64 per
// comparison. (XOR is linear, so this detects accidents, not a forger: it is not a MAC.)
//
// The hash: a pure-JS two-lane MurmurHash3-style function (the x86_128 block and finalisation
// steps, cut to two 32-bit lanes fed 8 bytes per step). Chosen because it
// - is synchronous: the state machine is built synchronously, and xxhash-wasm needs an async
//   load (createHasher in src/ring/hasher.ts); its 64-bit variant also returns a BigInt;
// - allocates nothing: Math.imul on int32 lanes, no BigInt, no result object;
// - is deterministic on every platform and Node version, which a digest compared across
//   nodes must be (it is a fixed function of the bytes: no seed from the process);
// - mixes well enough: every input bit reaches both lanes through the cross-lane additions
//   and the fmix32 avalanche at the end.
// Each element is hashed over an unambiguous encoding: a kind tag, the lengths, the bytes
// (zero-padded to whole blocks) and the version, so (key "ab", value "c") and (key "a",
// value "bc") differ.

/** Kinds of elements, folded into the hash so that no two kinds can ever collide by layout. */
export const DigestElement = {
  entry: 1,
  member: 2,
  config: 3,
  /** A key whose create revision, writes or lease say more than its version (see toggleRecord). */
  record: 4,
  floor: 5,
  revokedLease: 6,
  revisionsReserved: 7,
  lease: 8,
} as const;
export type DigestElement = (typeof DigestElement)[keyof typeof DigestElement];

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const SEED1 = 0x9e3779b9 | 0;
const SEED2 = 0x85ebca6b | 0;
const TWO_TO_32 = 2 ** 32;

/** The two lanes of a digest, as signed 32-bit integers. */
export interface DigestLanes {
  readonly lane1: number;
  readonly lane2: number;
}

/** 16 lowercase hex characters: lane 1 then lane 2. */
export function digestHex(lane1: number, lane2: number): string {
  return (lane1 >>> 0).toString(16).padStart(8, "0") + (lane2 >>> 0).toString(16).padStart(8, "0");
}

/** The running hash of one element; one instance is reused, so hashing allocates nothing. */
class ElementHash {
  h1 = 0;
  h2 = 0;

  begin(kind: DigestElement): void {
    this.h1 = SEED1 ^ kind;
    this.h2 = SEED2 ^ Math.imul(kind, C1);
  }

  /** One 8-byte block, as two 32-bit words. */
  block(k1: number, k2: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    k1 = Math.imul(k1, C1);
    k1 = (k1 << 15) | (k1 >>> 17);
    h1 ^= Math.imul(k1, C2);
    h1 = (h1 << 19) | (h1 >>> 13);
    h1 = (Math.imul((h1 + h2) | 0, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(k2, C2);
    k2 = (k2 << 16) | (k2 >>> 16);
    h2 ^= Math.imul(k2, C3);
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 = (Math.imul((h2 + h1) | 0, 5) + 0x0bcaa747) | 0;
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The bytes in 8-byte blocks, the last one zero-padded (the length was hashed before). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      this.block(
        b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24),
        b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24),
      );
    }
    if (i === n) return;
    let k1 = 0;
    let k2 = 0;
    for (let j = 0; i + j < n; j++) {
      if (j < 4) k1 |= b[i + j]! << (8 * j);
      else k2 |= b[i + j]! << (8 * (j - 4));
    }
    this.block(k1, k2);
  }

  /** A non-negative safe integer (a log index or version), as its low and high words. */
  integer(v: number): void {
    this.block(v >>> 0, Math.floor(v / TWO_TO_32));
  }

  /** Avalanche both lanes into each other (MurmurHash3's finalisation). */
  finish(): void {
    let h1 = (this.h1 + this.h2) | 0;
    let h2 = (this.h2 + h1) | 0;
    h1 = fmix32(h1);
    h2 = fmix32(h2);
    h1 = (h1 + h2) | 0;
    this.h1 = h1;
    this.h2 = (h2 + h1) | 0;
  }
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const scratch = new ElementHash();

/** The XOR of the hashes of a set of elements; adding and removing are the same step. */
export class StateDigest implements DigestLanes {
  #lane1 = 0;
  #lane2 = 0;

  get lane1(): number {
    return this.#lane1;
  }

  get lane2(): number {
    return this.#lane2;
  }

  /** Add or remove the key-value entry (key, value, version). */
  toggleEntry(key: Uint8Array, value: Uint8Array, version: number): void {
    const h = scratch;
    h.begin(DigestElement.entry);
    h.block(key.length, value.length);
    h.bytes(key);
    h.bytes(value);
    h.integer(version);
    h.finish();
    this.#lane1 ^= h.h1;
    this.#lane2 ^= h.h2;
  }

  /**
   * Add or remove a key with everything stored of it. A key as a build before revisions would
   * hold it (created by its last write, no lease) hashes as that build's entry did; any other
   * hashes its create revision, writes and lease too, under its own element kind.
   */
  toggleRecord(
    key: Uint8Array,
    value: Uint8Array,
    record: {
      readonly modRevision: number;
      readonly createRevision: number;
      readonly writes: number;
      readonly lease: number;
    },
  ): void {
    const { modRevision, createRevision, writes, lease } = record;
    if (createRevision === modRevision && writes === 1 && lease === 0) {
      this.toggleEntry(key, value, modRevision);
      return;
    }
    const h = scratch;
    h.begin(DigestElement.record);
    h.block(key.length, value.length);
    h.bytes(key);
    h.bytes(value);
    h.integer(modRevision);
    h.integer(createRevision);
    h.integer(writes);
    // A lease id is a signed 64-bit number; its two's complement words (exact up to 2^53).
    h.block(lease | 0, Math.floor(lease / TWO_TO_32) | 0);
    h.finish();
    this.#lane1 ^= h.h1;
    this.#lane2 ^= h.h2;
  }

  /** Add or remove an element made of numbers (non-negative safe integers), e.g. the floor. */
  toggleNumbers(kind: DigestElement, a: number, b = 0): void {
    const h = scratch;
    h.begin(kind);
    h.integer(a);
    h.integer(b);
    h.finish();
    this.#lane1 ^= h.h1;
    this.#lane2 ^= h.h2;
  }

  /** Add or remove an element of another kind, given by its canonical encoding. */
  toggle(kind: DigestElement, encoded: Uint8Array): void {
    const h = scratch;
    h.begin(kind);
    h.block(encoded.length, 0);
    h.bytes(encoded);
    h.finish();
    this.#lane1 ^= h.h1;
    this.#lane2 ^= h.h2;
  }

  /** The digest of the empty state. */
  reset(): void {
    this.#lane1 = 0;
    this.#lane2 = 0;
  }

  hex(): string {
    return digestHex(this.#lane1, this.#lane2);
  }
}
