// What a backup records about the cluster besides its shards' states: the shard count and
// replication factor (a restored cluster needs both), and, for the reader's information, the
// placement epoch and each shard's replicas when the backup began.

import type { SnapshotHeader } from "../../api/admin-wire.ts";
import { RingkvError } from "../../api/errors.ts";
import { shardGroup } from "../host/groups.ts";
import type { ClusterContext } from "./context.ts";

export function backupHeader(ctx: ClusterContext): SnapshotHeader {
  const { view, meta, id, settings } = ctx;
  const config = view.config;
  if (config === null) {
    throw new RingkvError("Unavailable", "this node has not learned the cluster config yet", {
      retryAfterMs: settings.noConfigRetryAfterMs,
    });
  }
  const placement: string[][] = [];
  for (let shard = 0; shard < config.shardCount; shard++) {
    placement.push([...(view.target(shardGroup(shard))?.voters ?? [])]);
  }
  return {
    shardCount: config.shardCount,
    replicationFactor: config.replicationFactor,
    epoch: meta.epoch,
    placementJson: JSON.stringify(placement),
    sourceNode: id,
  };
}
