// What needs an operator's attention on a shard, judged from the status document alone, so
// `ringkv status`, the status page and GET /ready all flag the same shards for the same reasons.
import type { MemberState, ShardStatus, StatusJson } from "./kv-api.ts";

export type ShardFlagKind = "leaderless" | "under-replicated" | "moving" | "diverged";

export interface ShardFlag {
  readonly kind: ShardFlagKind;
  /** The flag in words, e.g. "under-replicated: 2 of 3 replicas alive". */
  readonly text: string;
}

/**
 * The flags of one shard, most urgent first. A replica counts as live only while gossip calls its
 * member `alive`: a suspect may already be gone, and the point is to warn before the next loss.
 */
export function shardFlags(shard: ShardStatus, status: StatusJson): ShardFlag[] {
  const flags: ShardFlag[] = [];
  if (shard.leader === "") flags.push({ kind: "leaderless", text: "no leader" });
  const wanted = replicasWanted(shard, status);
  const live = shard.replicas.filter((id) => stateOf(status, id) === "alive").length;
  if (live < wanted) {
    flags.push({ kind: "under-replicated", text: `under-replicated: ${live} of ${wanted} replicas alive` });
  }
  if (shard.diverged?.length) flags.push({ kind: "diverged", text: `DIVERGED ${shard.diverged.join(",")}` });
  if (shard.moving || shard.outgoing?.length) {
    const target = shard.target?.length ? ` to ${shard.target.join(",")}` : "";
    // A joint configuration: decisions need a majority of the outgoing voters as well.
    const joint = shard.outgoing?.length ? ` (joint: outgoing ${shard.outgoing.join(",")})` : "";
    flags.push({ kind: "moving", text: `moving${target}${joint}` });
  }
  return flags;
}

/** The shards that have no leader (what GET /ready reports). */
export function leaderlessShards(status: StatusJson): number[] {
  return status.shards.filter((s) => s.leader === "").map((s) => s.id);
}

/** The replication factor the cluster was bootstrapped with, or what placement targets. */
function replicasWanted(shard: ShardStatus, status: StatusJson): number {
  return status.ring?.replicationFactor ?? shard.target?.length ?? shard.replicas.length;
}

function stateOf(status: StatusJson, id: string): MemberState | undefined {
  return status.members.find((m) => m.id === id)?.state;
}
