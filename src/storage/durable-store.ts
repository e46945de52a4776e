// The node's durable storage for all its Raft groups: one write-ahead log (group commit),
// snapshot files per group, and per group an in-memory GroupStorage the Raft core reads.
//
// Layout of a data directory:
//   LOCK                                  owner's pid (dir-lock.ts)
//   wal/<20-digit id>.log                 log segments (segment.ts, wal.ts)
//   snapshots/<group>/<index>-<term>.snap snapshot files (snapshot-store.ts; g<n>-<index>-<term>.snap
//                                         once the group was dropped and re-created)
//
// Driving it from Raft: for every group with a Ready, persist(group, ready); then ONE sync()
// for all of them; only then send messages and apply. Snapshots taken from the state machine
// go through saveSnapshot, which also deletes log segments nothing needs any more. A replica
// removed from its group (or to be rebuilt from scratch) is forgotten with dropGroup.
//
// Dropping a group, and why it is safe across a crash at any point:
//   dropGroup ─▶ drop record (ends its batch) ─fsync─▶ delete older generations' files ─▶ later batches
// - before the record is durable, a crash leaves the group as it was;
// - after it, replay discards the group's earlier records, and its files left by a crash are
//   known stale by their generation (snapshot-store.ts); recovery deletes them before writing;
// - the group's durable snapshot index restarts at 0, so the re-created group's entries pin
//   their segments; the drop itself releases the old entries' segments (segment-ledger.ts).
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { invariant } from "../invariant.ts";
import type { Entry, HardState, Snapshot } from "../raft/types.ts";
import { DirLock } from "./dir-lock.ts";
import { syncDirectory } from "./durable-file.ts";
import { InvalidGroupIdError, StoreClosedError } from "./errors.ts";
import { GroupLog } from "./group-log.ts";
import type { GroupStorage } from "./group-storage.ts";
import { holdsState } from "./log-store.ts";
import type { SnapshotOrigin, WalRecord } from "./record.ts";
import { type RecoveryReport, recover } from "./recovery.ts";
import { SnapshotStore } from "./snapshot-store.ts";
import { Wal, type WalStats } from "./wal.ts";

export interface StoreOptions {
  /** A log segment rolls once a batch would grow it past this many bytes. Default 64 MiB. */
  readonly segmentBytesMax?: number;
  /** Largest single encoded record (one group's entries from one persist). Default 64 MiB. */
  readonly recordBytesMax?: number;
  /** Make every batch durable (O_DSYNC writes, or fdatasync). Default true; false only for tests and benchmarks that accept loss. */
  readonly syncEnabled?: boolean;
  /** Snapshot files kept per group, newest first (at least 1). Default 2. */
  readonly snapshotsRetained?: number;
}

export const STORE_DEFAULTS = {
  segmentBytesMax: 64 << 20,
  recordBytesMax: 64 << 20,
  syncEnabled: true,
  snapshotsRetained: 2,
} as const satisfies Required<StoreOptions>;

/** What one group's Ready asks to be made durable (a Ready itself has this shape). */
export interface PersistUpdate {
  readonly snapshot?: Snapshot | null;
  readonly entries?: readonly Entry[];
  readonly hardState?: HardState | null;
}

export interface StoreStats extends WalStats {
  readonly segments: number;
  readonly snapshotsWritten: number;
  /** The oldest log segment and the groups whose unsnapshotted entries keep it on disk. */
  readonly oldestSegment: { readonly id: number; readonly pinnedBy: readonly string[] };
}

const GROUP_ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

interface StoreParts {
  readonly lock: DirLock;
  readonly wal: Wal;
  readonly snapshots: SnapshotStore;
  readonly logs: Map<string, GroupLog>;
  readonly durableSnapshotIndex: Map<string, number>;
  readonly generations: Map<string, number>;
  readonly report: RecoveryReport;
}

export class DurableStore {
  /** What recovery found when the store opened (a torn tail cut, groups, skipped snapshots). */
  readonly recovery: RecoveryReport;
  readonly #lock: DirLock;
  readonly #wal: Wal;
  readonly #snapshots: SnapshotStore;
  readonly #logs: Map<string, GroupLog>;
  /** Per group, the index of its newest snapshot that is durably on disk (drives segment deletion). */
  readonly #durableSnapshotIndex: Map<string, number>;
  /** Per group, its generation (0 unless dropped; see snapshot-store.ts). Kept after a drop. */
  readonly #generations: Map<string, number>;
  /** Groups whose latest drop is not durable yet, with its generation. */
  readonly #dropping = new Map<string, number>();
  readonly #saving = new Set<Promise<unknown>>();
  #snapshotsWritten = 0;
  #broken: unknown = null;
  #closed = false;

  private constructor(parts: StoreParts) {
    this.#lock = parts.lock;
    this.#wal = parts.wal;
    this.#snapshots = parts.snapshots;
    this.#logs = parts.logs;
    this.#durableSnapshotIndex = parts.durableSnapshotIndex;
    this.#generations = parts.generations;
    this.recovery = parts.report;
  }

  /**
   * Open (creating if needed) the data directory `dir`: lock it, recover every group, cut a
   * torn log tail, and write a checkpoint. Throws DataDirLocked, WalCorrupt, SnapshotMissing
   * or LogGap rather than start on damaged data.
   */
  static async open(dir: string, options: StoreOptions = {}): Promise<DurableStore> {
    const settings = storeSettings(options);
    const created = await mkdir(dir, { recursive: true });
    // A new data directory's own entry must be durable too, or a crash could lose all of it.
    if (created !== undefined) await syncDirectory(dirname(created));
    const lock = DirLock.acquire(dir);
    let wal: Wal | undefined;
    try {
      const walDir = join(dir, "wal");
      const snapshotDir = join(dir, "snapshots");
      for (const sub of [walDir, snapshotDir]) {
        if ((await mkdir(sub, { recursive: true })) !== undefined) await syncDirectory(dir);
      }
      const snapshots = new SnapshotStore(snapshotDir, settings.snapshotsRetained);
      const scan = await snapshots.scan();
      const recovered = await recover(walDir, scan, settings.recordBytesMax);
      // Files a drop made stale, left by a crash before it deleted them: they go before
      // anything else is written (and before the segment holding the drop can be deleted).
      for (const [group, generation] of recovered.generations) {
        if ((scan.generations.get(group) ?? generation) < generation)
          await snapshots.discard(group, generation);
      }
      const logs = recovered.logs;
      const durableSnapshotIndex = new Map(
        [...logs].map(([group, log]) => [group, log.snapshotMeta().index]),
      );
      wal = await Wal.open(walDir, recovered.last, settings, recovered.ledger, {
        checkpoint: () => checkpointRecords(logs),
        snapshotIndex: (group) => durableSnapshotIndex.get(group) ?? 0,
      });
      // Make recovery's conclusions durable and seal every older segment.
      wal.appendCheckpoint(recovered.repairs);
      await wal.sync();
      const generations = new Map(recovered.generations);
      const report = recovered.report;
      return new DurableStore({ lock, wal, snapshots, logs, durableSnapshotIndex, generations, report });
    } catch (err) {
      await wal?.close().catch(() => undefined);
      lock.release();
      throw err;
    }
  }

  /** The storage the Raft core of `groupId` reads; an empty group is created on first use. */
  group(groupId: string): GroupStorage {
    return this.#log(groupId).storage;
  }

  /**
   * Every group with state (recovered or persisted since opening, and not dropped since), sorted.
   * A group only looked up with group() holds nothing and is not listed.
   */
  groups(): string[] {
    return [...this.#logs.values()]
      .filter((log) => holdsState(log.storage))
      .map((log) => log.id)
      .sort();
  }

  /**
   * Buffer one group's update for the next sync and show it in its GroupStorage at once, in
   * Ready order: snapshot (installed from a leader; ignored unless newer), entries (replacing
   * the log from their first index), hard state. Nothing is durable until sync() resolves.
   */
  persist(groupId: string, update: PersistUpdate): void {
    this.#checkUsable();
    const log = this.#log(groupId);
    const snapshot = update.snapshot && log.accepts(update.snapshot) ? update.snapshot : null;
    const entries = update.entries ?? [];
    const records: WalRecord[] = [];
    if (snapshot) records.push(markRecord(groupId, "installed", snapshot));
    if (entries.length > 0) records.push({ kind: "entries", group: groupId, entries });
    if (update.hardState) records.push({ kind: "hardState", group: groupId, hardState: update.hardState });
    if (records.length === 0) return;
    const encoded = this.#wal.encode(records);
    try {
      if (snapshot) log.install(snapshot);
      log.appendEntries(entries);
      if (update.hardState) log.setHardState(update.hardState);
    } catch (err) {
      // The in-memory state may be half-updated and no longer matches the log: stop here.
      this.#broken = err;
      throw err;
    }
    // An installed snapshot's file must be durable before the batch that marks it.
    const generation = this.#generation(groupId);
    this.#wal.append(
      encoded,
      snapshot ? () => this.#writeSnapshot(groupId, snapshot, "installed", generation) : undefined,
    );
  }

  /**
   * Forget a group: its entries, hard state and snapshot. At once, group(id) shows an empty
   * storage and groups() leaves it out; durable after the next sync(), which also deletes its
   * snapshot files. Persisting to it afterwards starts the group anew. A Storage obtained from
   * group(id) before the drop is detached and keeps showing the old state: stop the group's
   * Raft node first. Dropping a group the store does not hold does nothing.
   */
  dropGroup(groupId: string): void {
    this.#checkUsable();
    if (!this.#logs.has(groupId)) return;
    const generation = this.#generation(groupId) + 1;
    const encoded = this.#wal.encode([{ kind: "drop", group: groupId, generation }]);
    this.#logs.delete(groupId);
    this.#generations.set(groupId, generation);
    // The old snapshot covers none of the re-created group's entries: they must pin their segments.
    this.#durableSnapshotIndex.delete(groupId);
    this.#dropping.set(groupId, generation);
    this.#wal.appendClosing(encoded, async () => {
      await this.#snapshots.discard(groupId, generation);
      if (this.#dropping.get(groupId) === generation) this.#dropping.delete(groupId);
    });
  }

  /**
   * Make everything persisted so far durable, for all groups: one durable write per
   * batch, shared by every caller waiting on it.
   */
  sync(): Promise<void> {
    if (this.#closed) return Promise.reject(new StoreClosedError());
    if (this.#broken) return Promise.reject(this.#broken);
    return this.#wal.sync();
  }

  /**
   * Store a snapshot the state machine took at `snapshot.meta.index` (<= applied): write it
   * atomically, drop the entries it covers from memory, mark it in the log, and delete log
   * segments no group needs any more. A snapshot no newer than the group's current one is
   * ignored. Does not wait for the log mark to be synced: the file alone is enough.
   */
  async saveSnapshot(groupId: string, snapshot: Snapshot): Promise<void> {
    this.#checkUsable();
    // A re-created group's file must not be written before its drop is durable (see dropGroup).
    if (this.#dropping.has(groupId)) await this.sync();
    const log = this.#log(groupId);
    const generation = this.#generation(groupId);
    if (snapshot.meta.index <= log.snapshotMeta().index) return;
    // Check before writing: a snapshot outside the log or with the wrong term is a caller bug.
    const logTerm = log.memory.term(snapshot.meta.index);
    invariant(
      logTerm === snapshot.meta.term,
      () => `group ${groupId}: snapshot term ${snapshot.meta.term}, log ${logTerm}`,
    );
    const saving = this.#writeSnapshot(groupId, snapshot, "taken", generation);
    this.#saving.add(saving);
    try {
      await saving;
    } finally {
      this.#saving.delete(saving);
    }
    this.#checkUsable();
    // Dropped meanwhile: the file goes with the rest of the group, and the log must not mark it.
    if (this.#logs.get(groupId) !== log) return;
    if (log.compact(snapshot)) this.#wal.append(this.#wal.encode([markRecord(groupId, "taken", snapshot)]));
    await this.#wal.collectGarbage();
  }

  stats(): StoreStats {
    return {
      ...this.#wal.stats(),
      segments: this.#wal.segmentCount(),
      snapshotsWritten: this.#snapshotsWritten,
      oldestSegment: this.#wal.oldestSegment(),
    };
  }

  /** Sync what is buffered, finish running work, close the log and release the directory lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await Promise.allSettled(this.#saving);
      await this.#wal.close();
    } finally {
      this.#lock.release();
    }
  }

  async #writeSnapshot(
    groupId: string,
    snapshot: Snapshot,
    origin: SnapshotOrigin,
    generation: number,
  ): Promise<void> {
    await this.#snapshots.save(groupId, snapshot, origin, generation);
    this.#snapshotsWritten++;
    // A snapshot of a generation since dropped covers nothing of the group as it is now.
    if (generation !== this.#generation(groupId)) return;
    const durable = this.#durableSnapshotIndex.get(groupId) ?? 0;
    this.#durableSnapshotIndex.set(groupId, Math.max(durable, snapshot.meta.index));
  }

  #generation(groupId: string): number {
    return this.#generations.get(groupId) ?? 0;
  }

  #log(groupId: string): GroupLog {
    let log = this.#logs.get(groupId);
    if (log === undefined) {
      if (!GROUP_ID_PATTERN.test(groupId)) throw new InvalidGroupIdError(groupId);
      log = new GroupLog(groupId);
      this.#logs.set(groupId, log);
    }
    return log;
  }

  #checkUsable(): void {
    if (this.#closed) throw new StoreClosedError();
    if (this.#broken) throw this.#broken;
  }
}

function storeSettings(options: StoreOptions): Required<StoreOptions> {
  const settings = { ...STORE_DEFAULTS, ...options };
  if (!Number.isSafeInteger(settings.segmentBytesMax) || settings.segmentBytesMax < 1) {
    throw new RangeError("store options: segmentBytesMax must be a positive integer");
  }
  // The frame's length field is a u32.
  if (
    !Number.isSafeInteger(settings.recordBytesMax) ||
    settings.recordBytesMax < 1 ||
    settings.recordBytesMax > 0xffff_ffff
  ) {
    throw new RangeError("store options: recordBytesMax must be an integer in [1, 2^32)");
  }
  if (!Number.isInteger(settings.snapshotsRetained) || settings.snapshotsRetained < 1) {
    throw new RangeError("store options: snapshotsRetained must be >= 1");
  }
  return settings;
}

/** Every group's hard state and snapshot point, restated at the start of a segment. */
function checkpointRecords(logs: ReadonlyMap<string, GroupLog>): WalRecord[] {
  const records: WalRecord[] = [];
  for (const [group, log] of logs) {
    records.push({ kind: "hardState", group, hardState: log.hardState() });
    const { index, term } = log.snapshotMeta();
    records.push({ kind: "snapshotMark", group, mark: "checkpoint", index, term });
  }
  return records;
}

function markRecord(group: string, mark: SnapshotOrigin, snapshot: Snapshot): WalRecord {
  return { kind: "snapshotMark", group, mark, index: snapshot.meta.index, term: snapshot.meta.term };
}
