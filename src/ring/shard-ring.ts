// Keys → shards. Each shard owns `tokensPerShard` virtual tokens on a ring; a key belongs to the
// shard whose token follows the key's hash. The mapping depends only on the hash seed, the shard
// count and the token count — never on membership — so a key stays in its shard while nodes
// join and leave; only shard replicas move (see placement.ts).
//
// A shard's tokens do not depend on how many shards exist, so if shards were ever added, keys
// would move only onto the new shards. The shard count is fixed today; this keeps the door open.

import { requireIntegerIn } from "./errors.ts";
import type { Hasher, RingKey } from "./hasher.ts";
import { shardCountDefault, shardCountMax, tokensMax, tokensPerShardFor } from "./settings.ts";
import { tokenPositions, uint32Bytes } from "./token-position.ts";
import { TokenRing } from "./token-ring.ts";

export interface ShardRingOptions {
  readonly shardCount?: number;
  readonly tokensPerShard?: number;
}

export class ShardRing {
  readonly shardCount: number;
  readonly tokensPerShard: number;
  readonly #hasher: Hasher;
  readonly #ring: TokenRing;

  constructor(hasher: Hasher, options: ShardRingOptions = {}) {
    this.shardCount = requireIntegerIn(
      "InvalidShardCount",
      "shardCount",
      options.shardCount ?? shardCountDefault,
      {
        min: 1,
        max: shardCountMax,
      },
    );
    this.tokensPerShard = requireIntegerIn(
      "InvalidTokenCount",
      "tokensPerShard",
      options.tokensPerShard ?? tokensPerShardFor(this.shardCount),
      { min: 1, max: Math.floor(tokensMax / this.shardCount) },
    );
    this.#hasher = hasher;
    this.#ring = shardTokens(hasher, this.shardCount, this.tokensPerShard);
  }

  /** The shard (0..shardCount − 1) that stores `key`. */
  shardOf(key: RingKey): number {
    return typeof key === "string" ? this.shardOfString(key) : this.shardOfBytes(key);
  }

  /** `shardOf` for hot paths whose keys are always strings: keeps the call site single-typed
   * (see Hasher). */
  shardOfString(key: string): number {
    return this.#ring.ownerAt(this.#hasher.hashString(key));
  }

  /** `shardOf` for hot paths whose keys are always bytes (gRPC, raw HTTP bodies). */
  shardOfBytes(key: Uint8Array): number {
    return this.#ring.ownerAt(this.#hasher.hashBytes(key));
  }

  /** The shard that owns a ring position, for callers that already hold the key's hash. */
  shardOfHash(position: number): number {
    return this.#ring.ownerAt(position);
  }

  /** The key-space ranges each shard owns, in ring order (see TokenRing.runs). */
  arcs(): { shard: number; startFraction: number; endFraction: number }[] {
    return this.#ring
      .runs()
      .map((r) => ({ shard: r.owner, startFraction: r.startFraction, endFraction: r.endFraction }));
  }

  /** Exact fraction of the key space each shard owns, indexed by shard id; sums to 1. */
  shares(): Float64Array {
    return this.#ring.shares(this.shardCount);
  }
}

function shardTokens(hasher: Hasher, shardCount: number, tokensPerShard: number): TokenRing {
  const positions = new Uint32Array(shardCount * tokensPerShard);
  const owners = new Uint32Array(positions.length);
  for (let shard = 0; shard < shardCount; shard++) {
    positions.set(tokenPositions(hasher, uint32Bytes(shard), tokensPerShard), shard * tokensPerShard);
    owners.fill(shard, shard * tokensPerShard, (shard + 1) * tokensPerShard);
  }
  return new TokenRing(positions, owners);
}
