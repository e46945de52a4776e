// The one hash function of the ring: xxHash32 (xxhash-wasm), seeded.
//
// Why 32 bits and not 64: a ring position only has to pick an arc between tokens. With at most
// `tokensMax` (4 Mi) tokens, 2^32 positions leave every arc ~1000 positions wide on average, so
// the resolution costs nothing measurable in balance, and two tokens landing on the same position
// (~0.008 expected collisions among the default 8 192 shard tokens) is harmless because ties are broken
// by owner and token index. xxhash-wasm's 64-bit variant returns a BigInt: an allocation plus
// BigInt→Number conversion per key, measured at about 2× the cost of h32 on short keys, and two
// h32 calls with different seeds would double the cost for no gain in balance. The key lookup
// budget is 1.2× one hash call, so the ring uses a single h32.
//
// A string key hashes exactly like its UTF-8 bytes, so a key typed on the CLI and the same key
// arriving as raw bytes over gRPC or HTTP land on the same shard.

import xxhash from "xxhash-wasm";
import { RingError } from "./errors.ts";
import { hashSeedDefault } from "./settings.ts";

/** A key as the ring sees it: raw bytes, or a string standing for its UTF-8 encoding. */
export type RingKey = string | Uint8Array;

export interface HasherOptions {
  /** uint32 seed; fixed for a cluster's lifetime, since changing it moves every key. */
  readonly seed?: number;
}

/**
 * A synchronous, deterministic 32-bit hash; create it once with `createHasher`. The typed
 * variants are for hot paths: V8 specialises a call site on the key types it has seen, and in an
 * isolated measurement a lookup through a site that had seen both strings and bytes cost ~10%
 * more than through a single-type one.
 */
export interface Hasher {
  readonly seed: number;
  /** The key's position on the ring, an unsigned 32-bit integer. */
  hash(key: RingKey): number;
  /** `hash` for a string key (hashed as its UTF-8 bytes). */
  hashString(key: string): number;
  /** `hash` for a byte key. */
  hashBytes(key: Uint8Array): number;
}

type XXHashApi = Awaited<ReturnType<typeof xxhash>>;

class XXHash32 implements Hasher {
  readonly seed: number;
  readonly #api: XXHashApi;

  constructor(api: XXHashApi, seed: number) {
    this.#api = api;
    this.seed = seed;
  }

  hash(key: RingKey): number {
    return typeof key === "string" ? this.hashString(key) : this.hashBytes(key);
  }

  hashString(key: string): number {
    return this.#api.h32(key, this.seed);
  }

  hashBytes(key: Uint8Array): number {
    return this.#api.h32Raw(key, this.seed);
  }
}

/**
 * Loads the WebAssembly module (the only asynchronous step of the ring) and returns a hasher
 * whose calls are synchronous, so everything built on it stays pure and synchronous.
 */
export async function createHasher(options: HasherOptions = {}): Promise<Hasher> {
  const seed = options.seed ?? hashSeedDefault;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RingError("InvalidSeed", `hash seed must be an unsigned 32-bit integer, got ${seed}`, { seed });
  }
  return new XXHash32(await xxhash(), seed);
}
