// etcd names members and clusters with uint64 ids; ringkv names members with strings. An etcd
// client sees each ringkv member as FNV-1a-64 of its id's UTF-8 bytes, cut to 53 bits: stable
// across restarts and nodes (every node derives the same id from the same string), and exact as a
// JS number (the generated code carries 64-bit integers as numbers, --force-number). Two member
// ids collide with odds about n²/2^54 — negligible for any cluster size ringkv serves.
const FNV_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;
const MASK_53 = (1n << 53n) - 1n;

/** The 53-bit FNV-1a id of `name`; never 0 (etcd reads 0 as "no member"). */
export function etcdIdOf(name: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(name)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  }
  const id = Number(hash & MASK_53);
  return id === 0 ? 1 : id;
}

/** etcd's member id for ringkv member `memberId`. */
export function etcdMemberId(memberId: string): number {
  return etcdIdOf(`member/${memberId}`);
}

/**
 * etcd's cluster id. ringkv has no cluster identity of its own, so this derives from what is
 * fixed at bootstrap and the same on every node: the ring's shard count and replication
 * factor. Two clusters of the same shape share it; etcd clients (clientv3, etcd3) do not check
 * it.
 */
export function etcdClusterId(ring: {
  readonly shardCount: number;
  readonly replicationFactor: number;
}): number {
  return etcdIdOf(`cluster/${ring.shardCount}x${ring.replicationFactor}`);
}
