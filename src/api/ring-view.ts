// The placement view behind `GET /v1/ring` and `ringkv ring`, derived from the status document:
// each shard's exact share of the key space (from the ring), its replicas and leader, and what
// share of the key space each node stores and leads.
import type { MemberState, StatusJson } from "./kv-api.ts";

export interface RingView {
  readonly epoch: number;
  readonly shardCount: number;
  readonly shards: ReadonlyArray<{
    readonly id: number;
    /** The fraction of the key space this shard owns. */
    readonly share: number;
    readonly leader: string;
    readonly replicas: readonly string[];
    readonly learners: readonly string[];
  }>;
  readonly nodes: ReadonlyArray<{
    readonly id: string;
    readonly addr: string;
    readonly state: MemberState | "unknown";
    /** Shards this node holds a voting replica of. */
    readonly replicas: number;
    /** Shards this node leads. */
    readonly leaders: number;
    /** The fraction of the key space stored here (the shares of the shards it holds). */
    readonly replicaShare: number;
    /** The fraction of the key space this node serves writes for (the shards it leads). */
    readonly leaderShare: number;
  }>;
}

/**
 * One contiguous range of the key space owned by one shard: the positions from `startFraction`
 * (exclusive) to `endFraction` (inclusive), as fractions of the ring (0..1). The range that wraps
 * past the ring's end starts below 0.
 */
export interface RingArc {
  readonly shard: number;
  readonly startFraction: number;
  readonly endFraction: number;
}

/** Each shard as one arc of its share, in shard order: the picture when token ranges are unknown. */
export function arcsFromShares(shares: readonly number[]): RingArc[] {
  let at = 0;
  return shares.map((share, shard) => {
    const arc = { shard, startFraction: at, endFraction: at + share };
    at += share;
    return arc;
  });
}

export function ringFromStatus(status: StatusJson): RingView {
  const shardCount = status.shards.length;
  // Exact shares from the ring when the node reports them; equal shares otherwise.
  const shareOf = (id: number): number => status.ring?.shares[id] ?? (shardCount === 0 ? 0 : 1 / shardCount);
  const ids = new Set<string>(status.members.map((m) => m.id));
  for (const shard of status.shards) for (const id of shard.replicas) ids.add(id);
  const nodes = [...ids].sort().map((id) => {
    const member = status.members.find((m) => m.id === id);
    const held = status.shards.filter((s) => s.replicas.includes(id));
    const led = status.shards.filter((s) => s.leader === id);
    return {
      id,
      addr: member?.addr ?? "",
      state: member?.state ?? ("unknown" as const),
      replicas: held.length,
      leaders: led.length,
      replicaShare: held.reduce((sum, s) => sum + shareOf(s.id), 0),
      leaderShare: led.reduce((sum, s) => sum + shareOf(s.id), 0),
    };
  });
  const shards = status.shards.map((s) => ({
    id: s.id,
    share: shareOf(s.id),
    leader: s.leader,
    replicas: s.replicas,
    learners: s.learners,
  }));
  return { epoch: status.epoch, shardCount, shards, nodes };
}
