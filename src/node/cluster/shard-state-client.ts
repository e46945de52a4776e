// Fetching a shard's state from the node that leads it (Admin.SnapshotShard), for the router's
// one-hop forward of a backup's shard read.
import type { ShardState, SnapshotChunk } from "../../api/admin-wire.ts";
import { ShardAssembly } from "../../api/snapshot-chunks.ts";
import { type AdminCall, adminStream } from "./admin-stream.ts";

/** `call.metadata` marks the call forwarded: the receiver answers, never forwards it again. */
export async function fetchShardState(addr: string, shard: number, call: AdminCall): Promise<ShardState> {
  const assembly = new ShardAssembly();
  for await (const chunk of adminStream<SnapshotChunk>(addr, "SnapshotShard", { shard }, call)) {
    assembly.add(chunk);
  }
  return assembly.finish();
}
