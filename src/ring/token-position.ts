// Where tokens sit: token i of an owner is at xxh32(prefix ‖ u32le(i)), with the prefix naming
// the owner (u32le(shard) on the key ring, the UTF-8 id on the member ring). This byte layout is
// part of the cluster's on-disk contract, like the seed: changing it moves keys between shards.
//
// The index is a fixed-width suffix, so distinct (prefix, index) pairs are distinct byte strings;
// and hashing one reused buffer is about 5× faster than hashing a template string per token,
// which matters when a ring has a million tokens.

import type { Hasher } from "./hasher.ts";

const utf8 = new TextEncoder();

export function tokenPositions(hasher: Hasher, prefix: Uint8Array, count: number): Uint32Array {
  const bytes = new Uint8Array(prefix.length + 4);
  bytes.set(prefix);
  const suffix = new DataView(bytes.buffer, prefix.length, 4);
  const positions = new Uint32Array(count);
  for (let index = 0; index < count; index++) {
    suffix.setUint32(0, index, true);
    positions[index] = hasher.hashBytes(bytes);
  }
  return positions;
}

export function uint32Bytes(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}
