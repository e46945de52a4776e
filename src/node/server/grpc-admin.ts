// The Admin service (proto/admin.proto): consistent backups. `Snapshot` streams the whole
// cluster from the node called — the header, then each shard in turn, read on its leader at a
// linearizable point and forwarded here when the leader is elsewhere — holding one shard's state
// at a time, and waiting for the stream to drain before the next chunk (bounded memory).
// `SnapshotShard` is that one-hop forward's receiving end: it serves its own shard or refuses.
//
// Authorization: src/node/auth/access.ts lists Snapshot as `admin` and SnapshotShard as `peer`;
// the node's auth interceptor checks both before a handler runs.
import type * as grpc from "@grpc/grpc-js";
import type { ShardState, SnapshotHeader } from "../../api/admin-wire.ts";
import {
  ADMIN_SERVICE_NAME,
  adminServiceDefinition,
  type SnapshotChunk,
  type SnapshotPart,
  type SnapshotShardRequest,
} from "../../api/admin-wire.ts";
import type { RequestOptions } from "../../api/kv-api.ts";
import { shardChunks } from "../../api/snapshot-chunks.ts";

import { FORWARDED_METADATA_KEY } from "../cluster/peer-clients.ts";
import type { Metrics } from "../metrics.ts";
import { serveStream } from "./serve-stream.ts";

/** What the service reads a backup from (the cluster node). */
export interface BackupSource {
  backupHeader(): SnapshotHeader;
  shardState(shard: number, options?: RequestOptions): Promise<ShardState>;
}

export interface AdminServiceOptions {
  readonly metrics?: Metrics;
}

type Writable<T> = grpc.ServerWritableStream<unknown, T>;

/** Serve `source` as the ringkv.admin.Admin service on `server`. */
export function registerAdminService(
  server: grpc.Server,
  source: BackupSource,
  options: AdminServiceOptions = {},
): void {
  server.addService(adminServiceDefinition(), {
    Snapshot: (call: Writable<SnapshotPart>) =>
      serveStream(call, ADMIN_SERVICE_NAME, "Snapshot", options.metrics, async () => {
        const header = source.backupHeader();
        await send(call, { header });
        for (let shard = 0; shard < header.shardCount; shard++) {
          if (call.cancelled) return;
          const state = await source.shardState(shard, deadlineOptions(call, false));
          for (const chunk of shardChunks(state)) await send(call, { chunk });
        }
      }),
    SnapshotShard: (call: Writable<SnapshotChunk>) =>
      serveStream(call, ADMIN_SERVICE_NAME, "SnapshotShard", options.metrics, async () => {
        const { shard } = call.request as SnapshotShardRequest;
        const forwarded = call.metadata.get(FORWARDED_METADATA_KEY).length > 0;
        const state = await source.shardState(shard, deadlineOptions(call, forwarded));
        for (const chunk of shardChunks(state)) await send(call, chunk);
      }),
  });
}

function deadlineOptions(call: Writable<unknown>, forwarded: boolean): RequestOptions {
  const deadline = call.getDeadline();
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? { forwarded, callerDeadline: ms } : { forwarded };
}

/** Write one message, waiting for the stream to drain when its buffer is full. */
function send<T>(call: Writable<T>, message: T): Promise<void> {
  if (call.write(message)) return Promise.resolve();
  return new Promise((resolve) => call.once("drain", () => resolve()));
}
