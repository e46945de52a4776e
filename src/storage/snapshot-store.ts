// Snapshot files, one directory per group: snapshots/<group>/<index>-<term>.snap. Each file is
// magic + one checksummed frame (frame.ts) holding the encoded snapshot (codec.ts), written
// atomically (durable-file.ts). The newest `retained` files of a group are kept: the newest is
// what recovery loads, older ones are a fallback if the newest is ever found corrupt.
//
// Generations: each drop of a group (record.ts) starts a new generation of it, and its files
// are named g<generation>-<index>-<term>.snap from then on (generation 0 keeps the plain name).
// A drop deletes the older generations' files only once its log record is durable, so a crash
// in between leaves them on disk; recovery then knows them for stale by their generation alone,
// whatever their index. Two rules keep that sound (durable-store.ts, wal.ts):
// - a file of generation n is written only after the drop that started n is durable and the
//   files of older generations are deleted, so a newer generation on disk makes every older one
//   stale (scan deletes them);
// - the log segment holding that drop is not deleted before those files are, so a stale file of
//   the newest generation on disk is always exposed by a drop record still in the log.
import { mkdir, readdir, readFile, rm, rmdir } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Snapshot } from "../raft/types.ts";
import { DecodeError, decodeSnapshot, encodeSnapshot } from "./codec.ts";
import { isErrnoCode, syncDirectory, writeFileDurably } from "./durable-file.ts";
import { SnapshotCorruptError } from "./errors.ts";
import { checkFormatVersion, STORAGE_FORMAT_VERSION } from "./format-version.ts";
import { encodeFrame, FRAME_HEADER_BYTES, readFrame } from "./frame.ts";
import type { SnapshotOrigin } from "./record.ts";

/** "RKVSNAP" and the format version as one ASCII digit (format-version.ts). */
const MAGIC_PREFIX = new TextEncoder().encode("RKVSNAP");
const MAGIC = new TextEncoder().encode(`RKVSNAP${STORAGE_FORMAT_VERSION}`);
const ASCII_ZERO = 0x30;
const FILE_PATTERN = /^(?:g(\d+)-)?(\d+)-(\d+)\.snap$/;

export interface StoredSnapshot {
  readonly group: string;
  readonly origin: SnapshotOrigin;
  readonly snapshot: Snapshot;
  readonly file: string;
  /** The generation of the group the snapshot belongs to (see the module header). */
  readonly generation: number;
}

export interface SkippedSnapshot {
  readonly file: string;
  readonly reason: string;
}

export interface SnapshotScan {
  /** The newest valid snapshot of each group's newest generation on disk, if it has one. */
  readonly newest: ReadonlyMap<string, StoredSnapshot>;
  /** Files newer than their group's loaded snapshot that failed verification. */
  readonly skipped: readonly SkippedSnapshot[];
  /** Per group with files on disk, the newest generation they belong to. */
  readonly generations: ReadonlyMap<string, number>;
}

interface GroupFile {
  readonly file: string;
  readonly generation: number;
  readonly index: number;
  readonly term: number;
}

/** The file name of a snapshot of `generation` (generation 0 keeps the name it always had). */
export function snapshotFileName(meta: { index: number; term: number }, generation: number): string {
  const name = `${meta.index}-${meta.term}.snap`;
  return generation === 0 ? name : `g${generation}-${name}`;
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

  /**
   * Load the newest valid snapshot of every group's newest generation, removing temp files left
   * by a crash and the files of older generations (stale: see the module header).
   */
  async scan(): Promise<SnapshotScan> {
    const newest = new Map<string, StoredSnapshot>();
    const skipped: SkippedSnapshot[] = [];
    const generations = new Map<string, number>();
    for (const dirent of await readdir(this.#dir, { withFileTypes: true })) {
      if (!dirent.isDirectory()) continue;
      const group = dirent.name;
      const files = await this.#groupFiles(group, true);
      const generation = files[0]?.generation;
      if (generation === undefined) continue;
      generations.set(group, generation);
      await this.#remove(group, files, (f) => f.generation < generation);
      for (const { file } of files.filter((f) => f.generation === generation)) {
        try {
          newest.set(group, await readSnapshotFile(file, group));
          break;
        } catch (err) {
          if (!(err instanceof SnapshotCorruptError)) throw err;
          skipped.push({ file, reason: err.reason });
        }
      }
    }
    return { newest, skipped, generations };
  }

  /**
   * Write `snapshot` of the group's `generation` durably and prune the group's older files.
   * Resolves with the file's path.
   */
  save(group: string, snapshot: Snapshot, origin: SnapshotOrigin, generation = 0): Promise<string> {
    return this.#enqueue(() => this.#save(group, snapshot, origin, generation));
  }

  /**
   * Delete every file of the group older than `generation`, durably, and its directory once
   * empty. Queued behind the saves already asked for, so a file still being written for an
   * older generation is deleted too.
   */
  discard(group: string, generation: number): Promise<void> {
    return this.#enqueue(async () => {
      const files = await this.#groupFiles(group, true);
      await this.#remove(group, files, (f) => f.generation < generation);
      if (files.every((f) => f.generation < generation)) await this.#removeEmptyDir(group);
    });
  }

  #enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(step);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #save(
    group: string,
    snapshot: Snapshot,
    origin: SnapshotOrigin,
    generation: number,
  ): Promise<string> {
    const groupDir = join(this.#dir, group);
    if ((await mkdir(groupDir, { recursive: true })) !== undefined) await syncDirectory(this.#dir);
    const file = join(groupDir, snapshotFileName(snapshot.meta, generation));
    const payload = encodeSnapshot({ group, origin, snapshot });
    const frame = encodeFrame(payload);
    const bytes = new Uint8Array(MAGIC.byteLength + frame.byteLength);
    bytes.set(MAGIC);
    bytes.set(frame, MAGIC.byteLength);
    await writeFileDurably(file, bytes);
    // Older files beyond the retained count go; losing a delete in a crash is harmless. So do
    // any of an older generation (there should be none: a drop deletes them before a newer
    // generation's first file is written). A newer generation's are never touched.
    const files = await this.#groupFiles(group, false);
    const same = files.filter((f) => f.generation === generation);
    for (const old of [...same.slice(this.#retained), ...files.filter((f) => f.generation < generation)]) {
      if (old.file !== file) await rm(old.file, { force: true });
    }
    return file;
  }

  /** Delete the files matching `stale`, making the deletions durable. */
  async #remove(group: string, files: readonly GroupFile[], stale: (f: GroupFile) => boolean): Promise<void> {
    const doomed = files.filter(stale);
    for (const { file } of doomed) await rm(file, { force: true });
    if (doomed.length > 0) await syncDirectory(join(this.#dir, group));
  }

  async #removeEmptyDir(group: string): Promise<void> {
    const groupDir = join(this.#dir, group);
    const left = await readdir(groupDir).catch((err: unknown) => {
      if (isErrnoCode(err, "ENOENT")) return null;
      throw err;
    });
    if (left === null || left.length > 0) return;
    await rmdir(groupDir);
    await syncDirectory(this.#dir);
  }

  /** The group's snapshot files, newest (highest generation, then index, then term) first. */
  async #groupFiles(group: string, removeTemp: boolean): Promise<GroupFile[]> {
    const groupDir = join(this.#dir, group);
    const found: GroupFile[] = [];
    let names: string[];
    try {
      names = await readdir(groupDir);
    } catch (err) {
      if (isErrnoCode(err, "ENOENT")) return [];
      throw err;
    }
    for (const name of names) {
      if (name.endsWith(".tmp")) {
        if (removeTemp) await rm(join(groupDir, name), { force: true });
        continue;
      }
      const parsed = parseFileName(name);
      if (parsed) found.push({ file: join(groupDir, name), ...parsed });
    }
    found.sort((a, b) => b.generation - a.generation || b.index - a.index || b.term - a.term);
    return found;
  }
}

function parseFileName(name: string): { generation: number; index: number; term: number } | null {
  const match = FILE_PATTERN.exec(name);
  if (!match) return null;
  return { generation: Number(match[1] ?? 0), index: Number(match[2]), term: Number(match[3]) };
}

/** Read and verify one snapshot file; it must belong to `group` and match its name. */
export async function readSnapshotFile(file: string, group: string): Promise<StoredSnapshot> {
  const bytes = new Uint8Array(await readFile(file));
  const corrupt = (reason: string): SnapshotCorruptError => new SnapshotCorruptError(file, reason);
  if (bytes.byteLength < MAGIC.byteLength + FRAME_HEADER_BYTES) throw corrupt("file too short");
  if (!MAGIC_PREFIX.every((b, i) => bytes[i] === b)) throw corrupt("bad magic");
  const version = bytes[MAGIC_PREFIX.byteLength]! - ASCII_ZERO;
  if (version < 1 || version > 9) throw corrupt("bad magic");
  checkFormatVersion(file, version);
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
  const generation = parseFileName(basename(file))?.generation ?? 0;
  const name = snapshotFileName(meta, generation);
  if (content.group !== group || basename(file) !== name) {
    throw corrupt(`holds group ${content.group} ${name}, not what its path says`);
  }
  return { ...content, file, generation };
}
