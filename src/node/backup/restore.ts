// `ringkv snapshot restore`: the data directory of a new cluster's first node, built from a
// backup. The meta group is founded as a bootstrap founds it (this node the only member, the
// backup's shard count and replication factor: a new cluster, with its own epochs); each shard
// group starts from a Raft snapshot holding the backup's state of that shard, at the backup's
// applied index — so every version a key had stays, and later writes get higher ones — with
// this node its only voter. Started with `ringkv start` (no --bootstrap), the node leads every
// shard; nodes that `--join` it get replicas by snapshot as placement moves them.
//
// Nothing half-restored is left behind: everything is written under DIR.tmp and renamed to DIR
// only once the whole backup checked out (its file checksum is the last thing read).
import { mkdir, readdir, rename, rm, rmdir } from "node:fs/promises";
import { dirname } from "node:path";
import { RingkvError } from "../../api/errors.ts";
import type { MemberInfo } from "../../api/kv-api.ts";
import { syncDirectory } from "../../storage/durable-file.ts";
import { DurableStore, isErrnoCode } from "../../storage/index.ts";
import { bootstrapMeta } from "../cluster/bootstrap.ts";
import { shardGroup } from "../host/groups.ts";
import { type BackupSummary, readBackup } from "./backup-reader.ts";

export interface RestoreOptions {
  readonly path: string;
  readonly dataDir: string;
  /** The new cluster's first node: its id and the addresses it will be started with. */
  readonly founder: MemberInfo;
  /**
   * The shard count the caller expects; a backup restores with its own (keys are placed by
   * shard), so a different one is refused before anything is written.
   */
  readonly shardCount?: number;
  /** The new cluster's replication factor; default: the backup's. */
  readonly replicationFactor?: number;
  /** Called as each shard is restored. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The term the restored groups' snapshots carry: the founder's first election makes it 2. */
const RESTORED_TERM = 1;

export async function restoreBackup(options: RestoreOptions): Promise<BackupSummary> {
  const { dataDir, founder } = options;
  const temp = `${dataDir}.tmp`;
  await refuseNonEmpty(dataDir);
  if (await exists(temp)) {
    throw new RingkvError(
      "InvalidArgument",
      `${temp} exists (left by an interrupted restore?): remove it, then restore again`,
    );
  }
  await mkdir(dirname(dataDir), { recursive: true });
  const store = await DurableStore.open(temp);
  let summary: BackupSummary;
  try {
    summary = await readBackup(options.path, async (shard, header) => {
      if (options.shardCount !== undefined && options.shardCount !== header.shardCount) {
        throw new RingkvError(
          "InvalidArgument",
          `the backup holds ${header.shardCount} shards and a restore keeps them (keys are placed by shard): drop --shards ${options.shardCount} or give --shards ${header.shardCount}`,
        );
      }
      const index = Math.max(1, shard.appliedIndex);
      store.persist(shardGroup(shard.shard), {
        snapshot: {
          meta: {
            index,
            term: RESTORED_TERM,
            confState: {
              voters: [founder.id],
              learners: [],
              votersOutgoing: [],
              learnersNext: [],
              autoLeave: false,
            },
          },
          data: shard.state,
        },
        entries: [],
        hardState: { term: RESTORED_TERM, vote: "", commit: index },
      });
      // One shard at a time on disk, so only one is held in memory.
      await store.sync();
      options.onProgress?.(shard.shard + 1, header.shardCount);
    });
    bootstrapMeta(store, founder, {
      shardCount: summary.header.shardCount,
      replicationFactor: options.replicationFactor ?? summary.header.replicationFactor,
    });
    await store.sync();
    await store.close();
  } catch (e) {
    await store.close().catch(() => {});
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
  // An empty DIR (refuseNonEmpty let it pass) is replaced by the restored one.
  await rmdir(dataDir).catch((e: unknown) => {
    if (!isErrnoCode(e, "ENOENT")) throw e;
  });
  await rename(temp, dataDir);
  await syncDirectory(dirname(dataDir));
  return summary;
}

async function refuseNonEmpty(dir: string): Promise<void> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0) {
      throw new RingkvError(
        "InvalidArgument",
        `${dir} is not empty: restore into a new or empty data directory (nothing was changed)`,
      );
    }
  } catch (e) {
    if (isErrnoCode(e, "ENOENT")) return;
    throw e;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch (e) {
    if (isErrnoCode(e, "ENOENT")) return false;
    if (isErrnoCode(e, "ENOTDIR")) return true;
    throw e;
  }
}
