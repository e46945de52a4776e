// `ringkv snapshot save`: ask one node for the cluster's backup (Admin.Snapshot) and write the
// parts to the file as they arrive (backup-writer.ts): the node gathers every shard from its
// leader, one at a time, so neither side holds more than one shard's state.
import type { SnapshotPart } from "../../api/admin-wire.ts";
import { RingkvError } from "../../api/errors.ts";
import { type AdminCall, adminStream } from "../cluster/admin-stream.ts";
import { BackupWriter } from "./backup-writer.ts";

export interface SaveOptions {
  /** Node gRPC addresses; each is tried in turn until one starts the stream. */
  readonly addresses: readonly string[];
  readonly path: string;
  /** When the whole save must be done (ms since the epoch). */
  readonly deadline: number;
  /** TLS and the bearer token, as the CLI's other commands use them; plaintext, none by default. */
  readonly call?: Omit<AdminCall, "deadline">;
  /** Called as each shard is complete. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SaveReport {
  readonly path: string;
  readonly addr: string;
  readonly shards: number;
  readonly keys: number;
  readonly bytes: number;
}

export async function saveBackup(options: SaveOptions): Promise<SaveReport> {
  let lastError: unknown = new RingkvError("InvalidArgument", "no node address given");
  for (const addr of options.addresses) {
    try {
      return await saveFrom(addr, options);
    } catch (e) {
      lastError = e;
      // Another node helps only when this one could not be reached or could not serve.
      if (!(e instanceof RingkvError) || (e.code !== "Unavailable" && e.code !== "NotLeader")) throw e;
    }
  }
  throw lastError;
}

async function saveFrom(addr: string, options: SaveOptions): Promise<SaveReport> {
  const writer = await BackupWriter.create(options.path);
  let shardCount = 0;
  let keys = 0;
  try {
    for await (const p of adminStream<SnapshotPart>(
      addr,
      "Snapshot",
      {},
      { ...options.call, deadline: options.deadline },
    )) {
      if ("header" in p && p.header) {
        const { header } = p;
        shardCount = header.shardCount;
        await writer.header({
          createdAt: new Date().toISOString(),
          shardCount: header.shardCount,
          replicationFactor: header.replicationFactor,
          epoch: header.epoch,
          placement: JSON.parse(header.placementJson) as string[][],
          sourceNode: header.sourceNode,
        });
        options.onProgress?.(0, shardCount);
      } else if ("chunk" in p && p.chunk) {
        const before = writer.shardsDone;
        await writer.chunk(p.chunk);
        if (writer.shardsDone > before) {
          keys += p.chunk.keyCount;
          options.onProgress?.(writer.shardsDone, shardCount);
        }
      }
    }
    await writer.finish();
    return { path: options.path, addr, shards: shardCount, keys, bytes: writer.bytes };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}
