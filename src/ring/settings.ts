// Every default and limit of the ring, with the reason for its value. The hash seed, shard count
// and tokens per shard together fix which shard every key lives on: they are chosen when a
// cluster is bootstrapped and never change afterwards.

/** "RING" in ASCII. Changing the seed moves every key to a different shard. */
export const hashSeedDefault = 0x5249_4e47;

/** Shards (Raft groups) in a new cluster. Fixed at bootstrap (`ringkv start --shards`). */
export const shardCountDefault = 16;

/** Far beyond any cluster's needs (Raft groups cost memory and heartbeats); it also keeps shard
 * ids within the ring's 16-bit owner tables. */
export const shardCountMax = 32_768;

/** Replicas per shard group in a new cluster (`ringkv start --replicas`). */
export const replicationFactorDefault = 3;

/** Raft groups larger than this only slow commits down; 9 tolerates 4 failures. */
export const replicationFactorMax = 9;

/**
 * Virtual tokens per shard on the key ring. A shard's key share is the sum of its tokens' arcs,
 * whose relative spread shrinks like 1/√tokens (max/mean over 16 shards ≈ 1 + 1.8/√tokens), while
 * the lookup tables grow with the token count and a lookup slows as they fall out of cache.
 * 512 is the balance point (bench/results/ring.md): with the default seed, 16 shards get max/mean
 * key share 1.073 (256 tokens: 1.098, 1 024: 1.051; target 1.10), and a string-key lookup costs
 * about 1.1–1.2× the hash call (more with 1 024 tokens). Over 100 other seeds, 83% meet the
 * balance target at 512 tokens (39% at 256, 99% at 1 024): whoever changes the seed should check
 * `ringkv ring`.
 */
export const tokensPerShardDefault = 512;

/** The default token count, lowered for very large shard counts so the ring stays within
 * `tokensMax` (above 4 096 shards, each shard's share is the sum of fewer arcs). */
export function tokensPerShardFor(shardCount: number): number {
  return Math.max(1, Math.min(tokensPerShardDefault, Math.floor(tokensMax / shardCount)));
}

/**
 * Virtual tokens per member on the placement ring. The load bound, not the ring, guarantees
 * balance; more tokens only make the ring's own preference closer to balanced, so the bound
 * has to step in (and move replicas between old members on a join) less often.
 */
export const tokensPerMemberDefault = 64;

/** Limit on tokens in one ring (positions are packed with a 21-bit index for sorting). */
export const tokensMax = 2 ** 21;

/**
 * ε of the load bound: a member holds at most ⌈(1 + ε) · average⌉ replicas, and leads at most
 * ⌈(1 + ε) · shards / members⌉ shards. Smaller ε balances better but makes the bound override
 * the ring's preference more often, and each override is a replica that can move between
 * existing members on a join. 0.1 is the largest slack that keeps replicas per member within
 * 1.15× the mean; at 100 members and 1024 shards a join then moves ~1.3× the optimal replica
 * data, against ~1.0× for the plain ring (bench/results/ring.md). `Infinity` switches the bound
 * off (pure ring placement).
 */
export const loadSlackDefault = 0.1;

/** Members in one placement; the placement ring holds members × tokensPerMember tokens. */
export const membersMax = 10_000;

/** Member ids are short names ("n1", a host:port); this bounds the memory spent on them. */
export const memberIdLengthMax = 256;
