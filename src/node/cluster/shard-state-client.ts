// Fetching a shard's state from the node that leads it (Admin.SnapshotShard), for the router's
// one-hop forward of a backup's shard read.
import type { Metadata } from "@grpc/grpc-js";
import type { ShardState, SnapshotChunk } from "../../api/admin-wire.ts";
import { ShardAssembly } from "../../api/snapshot-chunks.ts";
import { adminStream } from "./admin-stream.ts";

/** `metadata` marks the call forwarded, so the receiver answers and never forwards it again. */
export async function fetchShardState(
  addr: string,
  shard: number,
  deadline: number,
  metadata: Metadata,
): Promise<ShardState> {
  const assembly = new ShardAssembly();
  for await (const chunk of adminStream<SnapshotChunk>(
    addr,
    "SnapshotShard",
    { shard },
    { deadline, metadata },
  )) {
    assembly.add(chunk);
  }
  return assembly.finish();
}
