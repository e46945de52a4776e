// One shard's state at a linearizable point, for a backup: read on the shard's leader after a
// read barrier (ReadIndex: leadership confirmed by a quorum, then applied up to the read index),
// so the state holds every write acknowledged before the request began. A node that does not
// lead the shard forwards the request one hop to the leader, as the router does for keys.
import type { ShardState } from "../../api/admin-wire.ts";
import { RingkvError } from "../../api/errors.ts";
import type { RequestOptions } from "../../api/kv-api.ts";
import { shardGroup } from "../host/groups.ts";
import type { ClusterContext } from "./context.ts";
import type { Router } from "./router.ts";

/**
 * How long reading one shard's state may take, forwarding included: longer than a key request's
 * timeout (requestTimeoutMs), since a large shard's state crosses the network as a whole.
 */
export const SHARD_STATE_TIMEOUT_MS = 60_000;

export async function readShardState(
  ctx: ClusterContext,
  router: Router,
  shard: number,
  options: RequestOptions,
): Promise<ShardState> {
  const { clock, view } = ctx;
  const shardCount = view.config?.shardCount;
  if (shardCount === undefined) {
    throw new RingkvError("Unavailable", "this node has not learned the cluster config yet", {
      retryAfterMs: ctx.settings.noConfigRetryAfterMs,
    });
  }
  if (!Number.isInteger(shard) || shard < 0 || shard >= shardCount) {
    throw new RingkvError("InvalidArgument", `shard ${shard} does not exist (the cluster has ${shardCount})`);
  }
  const deadline = Math.min(
    clock.now() + SHARD_STATE_TIMEOUT_MS,
    options.callerDeadline ?? Number.POSITIVE_INFINITY,
  );
  return router.onGroupLeader({
    group: shardGroup(shard),
    options,
    deadline,
    idempotent: true,
    remote: (peer, deadlineMs) => {
      if (!peer.shardState) throw new RingkvError("Unavailable", "this peer cannot read shard states");
      return peer.shardState(shard, deadlineMs);
    },
    local: async (replica) => {
      await replica.leaderReadBarrier();
      // Read together, in one turn: the state is exactly the one at `applied`.
      return {
        shard,
        appliedIndex: replica.applied,
        keyCount: replica.sm.keyCount,
        data: replica.sm.snapshot(),
      };
    },
  });
}
