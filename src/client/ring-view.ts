// The placement view behind `GET /v1/ring` and `ringkv ring`, derived from the status document:
// which nodes hold each shard and what share of the shards each node replicates and leads.
// Stand-in until the ring module publishes real key-space ranges: it treats every shard as an
// equal share of the key space.
import type { MemberState, StatusJson } from "../node/api.ts";

export interface RingView {
  readonly epoch: number;
  readonly shardCount: number;
  readonly shards: ReadonlyArray<{
    readonly id: number;
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
    /** replicas / shardCount: the fraction of the key space stored here. */
    readonly replicaShare: number;
    /** leaders / shardCount: the fraction of the key space this node serves writes for. */
    readonly leaderShare: number;
  }>;
}

export function ringFromStatus(status: StatusJson): RingView {
  const shardCount = status.shards.length;
  const ids = new Set<string>(status.members.map((m) => m.id));
  for (const shard of status.shards) for (const id of shard.replicas) ids.add(id);
  const nodes = [...ids].sort().map((id) => {
    const member = status.members.find((m) => m.id === id);
    const replicas = status.shards.filter((s) => s.replicas.includes(id)).length;
    const leaders = status.shards.filter((s) => s.leader === id).length;
    return {
      id,
      addr: member?.addr ?? "",
      state: member?.state ?? ("unknown" as const),
      replicas,
      leaders,
      replicaShare: shardCount === 0 ? 0 : replicas / shardCount,
      leaderShare: shardCount === 0 ? 0 : leaders / shardCount,
    };
  });
  const shards = status.shards.map((s) => ({
    id: s.id,
    leader: s.leader,
    replicas: s.replicas,
    learners: s.learners,
  }));
  return { epoch: status.epoch, shardCount, shards, nodes };
}
