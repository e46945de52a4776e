// Snapshot files, one directory per group: snapshots/<group>/<index>-<term>.snap. Each file is
// magic + one checksummed frame (frame.ts) holding the encoded snapshot (codec.ts), written
// atomically (durable-file.ts). The newest `retained` files of a group are kept: the newest is
// what recovery loads, older ones are a fallback if the newest is ever found corrupt.
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Snapshot } from "../../raft/types.ts";
import { DecodeError, decodeSnapshot, encodeSnapshot } from "./codec.ts";
import { syncDirectory, writeFileDurably } from "./durable-file.ts";
import { SnapshotCorruptError } from "./errors.ts";
import { encodeFrame, FRAME_HEADER_BYTES, readFrame } from "./frame.ts";
import type { SnapshotOrigin } from "./record.ts";

const MAGIC = new TextEncoder().encode("RKVSNAP1");
const FILE_PATTERN = /^(\d+)-(\d+)\.snap$/;

export interface StoredSnapshot {
  readonly group: string;
  readonly origin: SnapshotOrigin;
  readonly snapshot: Snapshot;
  readonly file: string;
}

export interface SkippedSnapshot {
  readonly file: string;
  readonly reason: string;
}

export interface SnapshotScan {
  /** The newest valid snapshot of each group that has one. */
  readonly newest: ReadonlyMap<string, StoredSnapshot>;
  /** Files newer than their group's loaded snapshot that failed verification. */
  readonly skipped: readonly SkippedSnapshot[];
}

export class SnapshotStore {
  readonly #dir: string;
  readonly #retained: number;
  /** Saves run one at a time so pruning never races a write in the same group. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(dir: string, retained: number) {
    if (!Number.isInteger(retained) || retained < 1) throw new RangeError("snapshotsRetained must be >= 1");
    this.#dir = dir;
    this.#retained = retained;
  }

  /** Load the newest valid snapshot of every group, removing temp files left by a crash. */
  async scan(): Promise<SnapshotScan> {
    const newest = new Map<string, StoredSnapshot>();
    const skipped: SkippedSnapshot[] = [];
    for (const dirent of await readdir(this.#dir, { withFileTypes: true })) {
      if (!dirent.isDirectory()) continue;
      const group = dirent.name;
      const files = await this.#groupFiles(group, true);
      for (const file of files) {
        try {
          newest.set(group, await readSnapshotFile(file, group));
          break;
        } catch (err) {
          if (!(err instanceof SnapshotCorruptError)) throw err;
          skipped.push({ file, reason: err.reason });
        }
      }
    }
    return { newest, skipped };
  }

  /** Write `snapshot` durably and prune the group's older files. Resolves with the file's path. */
  save(group: string, snapshot: Snapshot, origin: SnapshotOrigin): Promise<string> {
    const run = this.#queue.then(() => this.#save(group, snapshot, origin));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #save(group: string, snapshot: Snapshot, origin: SnapshotOrigin): Promise<string> {
    const groupDir = join(this.#dir, group);
    if ((await mkdir(groupDir, { recursive: true })) !== undefined) await syncDirectory(this.#dir);
    const file = join(groupDir, `${snapshot.meta.index}-${snapshot.meta.term}.snap`);
    const payload = encodeSnapshot({ group, origin, snapshot });
    const frame = encodeFrame(payload);
    const bytes = new Uint8Array(MAGIC.byteLength + frame.byteLength);
    bytes.set(MAGIC);
    bytes.set(frame, MAGIC.byteLength);
    await writeFileDurably(file, bytes);
    // Older files beyond the retained count go; losing a delete in a crash is harmless.
    const files = await this.#groupFiles(group, false);
    for (const old of files.slice(this.#retained)) {
      if (old !== file) await rm(old, { force: true });
    }
    return file;
  }

  /** The group's snapshot files, newest (highest index, then term) first. */
  async #groupFiles(group: string, removeTemp: boolean): Promise<string[]> {
    const groupDir = join(this.#dir, group);
    const found: { file: string; index: number; term: number }[] = [];
    for (const name of await readdir(groupDir)) {
      if (name.endsWith(".tmp")) {
        if (removeTemp) await rm(join(groupDir, name), { force: true });
        continue;
      }
      const match = FILE_PATTERN.exec(name);
      if (match) found.push({ file: join(groupDir, name), index: Number(match[1]), term: Number(match[2]) });
    }
    found.sort((a, b) => b.index - a.index || b.term - a.term);
    return found.map((f) => f.file);
  }
}

/** Read and verify one snapshot file; it must belong to `group` and match its name. */
export async function readSnapshotFile(file: string, group: string): Promise<StoredSnapshot> {
  const bytes = new Uint8Array(await readFile(file));
  const corrupt = (reason: string): SnapshotCorruptError => new SnapshotCorruptError(file, reason);
  if (bytes.byteLength < MAGIC.byteLength + FRAME_HEADER_BYTES) throw corrupt("file too short");
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw corrupt("bad magic");
  const frame = readFrame(bytes, MAGIC.byteLength, bytes.byteLength);
  if (!frame.ok) throw corrupt(frame.reason);
  if (frame.next !== bytes.byteLength) throw corrupt("trailing bytes after the snapshot");
  let content: ReturnType<typeof decodeSnapshot>;
  try {
    content = decodeSnapshot(frame.payload);
  } catch (err) {
    if (err instanceof DecodeError) throw corrupt(err.message);
    throw err;
  }
  const { meta } = content.snapshot;
  const name = `${meta.index}-${meta.term}.snap`;
  if (content.group !== group || basename(file) !== name) {
    throw corrupt(`holds group ${content.group} ${name}, not what its path says`);
  }
  return { ...content, file };
}
