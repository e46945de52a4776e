// Shards → members through placement, measured at the member level through both layers: the
// key ring decides each shard's key share, placement decides who leads and stores each shard.

import { type Hasher, type Placement, placement, ringReport, type ShardRing } from "../../src/ring/index.ts";
import { memberId } from "./distribution.ts";

export interface PlacementRow {
  readonly shards: number;
  readonly members: number;
  readonly loadSlack: number;
  /** Max/mean over members: replicas held, shards led, key share led, key share stored. */
  readonly replicas: number;
  readonly leaders: number;
  readonly keysLed: number;
  readonly keysStored: number;
  /** Replicas moved on a join over the optimal S·r/(N+1), averaged over `joins` newcomers. */
  readonly joinReplicasMoved: number;
  /** Stored key data moved (replicas weighted by shard key share) over the optimal 1/(N+1). */
  readonly joinDataMoved: number;
  /** Of the replicas moved on a join, the fraction that moved between old members. */
  readonly joinCascade: number;
  readonly placementMs: number;
}

export interface PlacementCase {
  readonly shardRing: ShardRing;
  readonly members: number;
  readonly loadSlack: number;
  readonly replicationFactor: number;
  readonly joins: number;
}

export function placementRow(hasher: Hasher, input: PlacementCase): PlacementRow {
  const ids = Array.from({ length: input.members }, (_, member) => memberId(member));
  const request = {
    shardCount: input.shardRing.shardCount,
    replicationFactor: input.replicationFactor,
    loadSlack: input.loadSlack,
  };
  const started = performance.now();
  const before = placement(hasher, { ...request, members: ids });
  const placementMs = performance.now() - started;
  const report = ringReport(input.shardRing, before);
  const shares = input.shardRing.shares();
  let replicasMoved = 0;
  let dataMoved = 0;
  let cascade = 0;
  for (let join = 0; join < input.joins; join++) {
    const newcomer = `newcomer-${join}`;
    const after = placement(hasher, { ...request, members: [...ids, newcomer] });
    const moves = joinMoves(before, after, newcomer, shares);
    replicasMoved += moves.replicas;
    dataMoved += moves.data;
    cascade += moves.cascade;
  }
  const n = input.members + 1;
  const r = Math.min(input.replicationFactor, n);
  return {
    shards: request.shardCount,
    members: input.members,
    loadSlack: input.loadSlack,
    replicas: report.balance.replicas,
    leaders: report.balance.leaders,
    keysLed: report.balance.keysLed,
    keysStored: report.balance.keysStored,
    joinReplicasMoved: replicasMoved / input.joins / ((request.shardCount * r) / n),
    joinDataMoved: (dataMoved / input.joins / r) * n,
    joinCascade: replicasMoved === 0 ? 0 : cascade / replicasMoved,
    placementMs,
  };
}

function joinMoves(before: Placement, after: Placement, newcomer: string, shares: Float64Array) {
  let replicas = 0;
  let data = 0;
  let cascade = 0;
  after.replicas.forEach((set, shard) => {
    for (const id of set) {
      if (!before.replicas[shard]!.includes(id)) {
        replicas++;
        data += shares[shard]!;
        if (id !== newcomer) cascade++;
      }
    }
  });
  return { replicas, data, cascade };
}
