// The ring report behind `ringkv ring` and `GET /v1/ring`: how the key space splits into shards
// and how those shards (and so the keys) spread over the members. Plain data, JSON-ready.
//
// Two layers, two kinds of share: a shard's key share comes from the key ring alone; a member's
// shares are sums over the shards placement gives it — as preferred leader (`keysLed`, sums to 1
// over members) and as any replica (`keysStored`, sums to the replicas per shard).

import { RingError } from "./errors.ts";
import type { Placement } from "./placement.ts";
import type { ShardRing } from "./shard-ring.ts";

export interface ShardReport {
  readonly id: number;
  /** Fraction of the key space in this shard. */
  readonly keyShare: number;
  readonly leader: string;
  readonly replicas: readonly string[];
}

export interface NodeReport {
  readonly id: string;
  /** Shards this member holds a replica of. */
  readonly replicas: number;
  /** Shards this member is the preferred leader of. */
  readonly leaders: number;
  /** Fraction of the key space in the shards it leads. */
  readonly keysLed: number;
  /** Fraction of the key space in the shards it stores. */
  readonly keysStored: number;
}

/** Max over mean of each per-shard or per-member quantity; 1 is perfect balance. */
export interface BalanceReport {
  readonly shardKeyShare: number;
  readonly keysLed: number;
  readonly keysStored: number;
  readonly replicas: number;
  readonly leaders: number;
}

export interface RingReport {
  readonly shardCount: number;
  readonly replicationFactor: number;
  readonly replicasPerShard: number;
  readonly loadSlack: number;
  readonly shards: readonly ShardReport[];
  readonly nodes: readonly NodeReport[];
  readonly balance: BalanceReport;
}

export function ringReport(shardRing: ShardRing, placement: Placement): RingReport {
  if (shardRing.shardCount !== placement.shardCount) {
    throw new RingError(
      "ShardCountMismatch",
      `ring has ${shardRing.shardCount} shards, placement ${placement.shardCount}`,
      { ringShards: shardRing.shardCount, placementShards: placement.shardCount },
    );
  }
  const shares = shardRing.shares();
  const shards = placement.replicas.map((replicas, id) => ({
    id,
    keyShare: shares[id]!,
    leader: replicas[0]!,
    replicas,
  }));
  const nodes = placement.members.map((id) => nodeReport(id, shards));
  const balance = {
    shardKeyShare: maxOverMean(shards.map((shard) => shard.keyShare)),
    keysLed: maxOverMean(nodes.map((node) => node.keysLed)),
    keysStored: maxOverMean(nodes.map((node) => node.keysStored)),
    replicas: maxOverMean(nodes.map((node) => node.replicas)),
    leaders: maxOverMean(nodes.map((node) => node.leaders)),
  };
  const { shardCount, replicationFactor, replicasPerShard, loadSlack } = placement;
  return { shardCount, replicationFactor, replicasPerShard, loadSlack, shards, nodes, balance };
}

function nodeReport(id: string, shards: readonly ShardReport[]): NodeReport {
  let replicas = 0;
  let leaders = 0;
  let keysLed = 0;
  let keysStored = 0;
  for (const shard of shards) {
    if (shard.replicas.includes(id)) {
      replicas++;
      keysStored += shard.keyShare;
    }
    if (shard.leader === id) {
      leaders++;
      keysLed += shard.keyShare;
    }
  }
  return { id, replicas, leaders, keysLed, keysStored };
}

/** max / mean of non-negative values; 1 for an empty or all-zero list. */
export function maxOverMean(values: readonly number[]): number {
  let max = 0;
  let sum = 0;
  for (const value of values) {
    max = Math.max(max, value);
    sum += value;
  }
  return sum === 0 ? 1 : (max * values.length) / sum;
}
