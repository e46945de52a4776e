// Rebuilding every group's state when the node starts: load each group's newest valid
// snapshot, then replay the log segments in order, cutting off a torn tail.
//
// Replay rules, per group (the same GroupLog methods the live path uses):
// - entries: appended, replacing the log from their first index; those the snapshot covers
//   are skipped;
// - hard state: the latest wins;
// - snapshot mark: names a snapshot that must be no newer than the loaded one (else the
//   newest file was lost: SnapshotMissing). An "installed" mark drops every entry before it,
//   even when a newer snapshot was loaded: those entries were stale when it was installed.
// - a loaded "installed" snapshot whose mark never made it into the log (crash after the file
//   was written, before its batch) still drops all entries: nothing after it was durable;
// - entries that leave a hole are LogGap, unless a later record replaces them anyway (see #gaps);
// - drop: the group's state so far is discarded, loaded snapshot included unless it belongs to
//   the drop's generation or a later one (then it was written after the drop, and the group
//   restarts from it). A record that refers to a missing snapshot is an error only if no drop
//   of its group follows it: the drop deleted that snapshot's file on purpose.
import { open } from "node:fs/promises";
import { join } from "node:path";
import type { Entry } from "../raft/types.ts";
import { DecodeError, decodeRecord } from "./codec.ts";
import { LogGapError, SnapshotMissingError, WalCorruptError } from "./errors.ts";
import { checkFormatVersion, walFormatVersion } from "./format-version.ts";
import { GroupLog } from "./group-log.ts";
import type { WalRecord } from "./record.ts";
import { listSegments, readSegment, segmentFileName } from "./segment.ts";
import { SegmentLedger } from "./segment-ledger.ts";
import type { SkippedSnapshot, SnapshotScan, StoredSnapshot } from "./snapshot-store.ts";

type SnapshotMarkRecord = Extract<WalRecord, { kind: "snapshotMark" }>;

export interface TornTail {
  /** The last segment, now cut to `offset` bytes. */
  readonly file: string;
  readonly offset: number;
  readonly bytesCut: number;
  readonly reason: string;
}

/** What recovery found; the node logs it at startup. */
export interface RecoveryReport {
  readonly groups: readonly string[];
  readonly segments: number;
  readonly records: number;
  readonly tornTail?: TornTail;
  /** Snapshot files newer than the one loaded for their group that failed verification. */
  readonly snapshotsSkipped: readonly SkippedSnapshot[];
}

export interface Recovered {
  readonly logs: Map<string, GroupLog>;
  readonly ledger: SegmentLedger;
  /** The last segment and its valid length, or null for an empty log. */
  readonly last: { readonly id: number; readonly sizeBytes: number } | null;
  readonly report: RecoveryReport;
  /** Records the first batch after recovery must write so the next recovery reaches this state. */
  readonly repairs: readonly WalRecord[];
  /**
   * Per group, its current generation: the newest of its snapshot files' and its drop records'.
   * Groups dropped and not re-created are here too (their files may still have to be deleted).
   */
  readonly generations: ReadonlyMap<string, number>;
}

export async function recover(
  walDir: string,
  snapshots: SnapshotScan,
  recordBytesMax: number,
): Promise<Recovered> {
  const replay = new Replay(snapshots.newest, snapshots.generations);
  const ledger = new SegmentLedger();
  const ids = await listSegments(walDir);
  let last: Recovered["last"] = null;
  let tornTail: TornTail | undefined;
  let records = 0;
  for (const [i, id] of ids.entries()) {
    const file = join(walDir, segmentFileName(id));
    const read = await readSegment(file, i === ids.length - 1, recordBytesMax);
    ledger.addSegment(id);
    for (const [n, frame] of read.frames.entries()) {
      // The first frame may state the segment's format version (none: version 1).
      const version = n === 0 ? walFormatVersion(frame.payload) : null;
      if (version !== null) {
        checkFormatVersion(file, version);
        continue;
      }
      let record: WalRecord;
      try {
        record = decodeRecord(frame.payload);
      } catch (err) {
        if (err instanceof DecodeError) throw new WalCorruptError(file, frame.offset, err.message);
        throw err;
      }
      replay.apply(record, ` (${file} at byte ${frame.offset})`);
      ledger.note(id, record);
      records++;
    }
    if (read.tornReason !== undefined) {
      await truncateDurably(file, read.validBytes);
      // Zeros the log wrote ahead of its batches are no torn write: cut without a report.
      if (read.zeroTail !== true) {
        tornTail = {
          file,
          offset: read.validBytes,
          bytesCut: read.sizeBytes - read.validBytes,
          reason: read.tornReason,
        };
      }
    }
    last = { id, sizeBytes: read.validBytes };
  }
  const repairs = replay.finish();
  const report: RecoveryReport = {
    groups: [...replay.logs.keys()].sort(),
    segments: ids.length,
    records,
    ...(tornTail ? { tornTail } : {}),
    snapshotsSkipped: snapshots.skipped,
  };
  return { logs: replay.logs, ledger, last, report, repairs, generations: replay.generations };
}

class Replay {
  readonly logs = new Map<string, GroupLog>();
  readonly generations: Map<string, number>;
  /** Each group's loaded snapshot, until a drop of a newer generation discards it. */
  readonly #loaded: Map<string, StoredSnapshot>;
  /** Groups whose loaded snapshot's own mark (or a checkpoint naming it) was replayed. */
  readonly #marked = new Set<string>();
  /**
   * Groups whose entries stopped fitting the log (a hole), with the first misfit. Not yet an
   * error: once entries are replaced (by an append at a lower index, or an install), the
   * segments holding them may be deleted, and a kept segment can still hold stale entries
   * written after the deleted ones but before the record that replaced them all. So entries are
   * skipped until a record rewrites the log from at or before the hole, or an "installed" mark
   * drops it; either makes the final state the same as a replay of every segment. A hole still
   * open at the end is real loss: LogGap.
   */
  readonly #gaps = new Map<string, LogGapError>();
  /**
   * Groups whose log refers to a snapshot newer than the loaded one, with the first such
   * reference. Like a gap, an error only if no drop of the group follows.
   */
  readonly #missing = new Map<string, SnapshotMissingError>();

  constructor(loaded: ReadonlyMap<string, StoredSnapshot>, generations: ReadonlyMap<string, number>) {
    this.#loaded = new Map(loaded);
    this.generations = new Map(generations);
    for (const [group, stored] of loaded) this.#log(group).install(stored.snapshot);
  }

  apply(record: WalRecord, where: string): void {
    if (record.kind === "drop") {
      this.#applyDrop(record.group, record.generation);
      return;
    }
    const log = this.#log(record.group);
    switch (record.kind) {
      case "entries":
        this.#applyEntries(log, record.entries, where);
        break;
      case "hardState":
        log.setHardState(record.hardState);
        break;
      case "snapshotMark":
        this.#applyMark(log, record, where);
        break;
    }
  }

  #applyEntries(log: GroupLog, entries: readonly Entry[], where: string): void {
    const gap = this.#gaps.get(log.id);
    if (gap !== undefined) {
      const first = entries[0]?.index;
      if (first === undefined || first > gap.expectedIndex) return;
      this.#gaps.delete(log.id);
    }
    try {
      log.appendEntries(entries, where);
    } catch (err) {
      if (!(err instanceof LogGapError)) throw err;
      this.#gaps.set(log.id, err);
    }
  }

  #applyMark(log: GroupLog, mark: SnapshotMarkRecord, where: string): void {
    const loaded = this.#loaded.get(mark.group)?.snapshot.meta;
    // A group with no snapshot file may still carry checkpoints naming "no snapshot" (index 0).
    const missing =
      loaded === undefined ? mark.index > 0 || mark.mark === "installed" : mark.index > loaded.index;
    if (missing) {
      const newest =
        loaded === undefined ? "there is no valid snapshot file" : `the newest is at ${loaded.index}`;
      const err = new SnapshotMissingError(
        mark.group,
        mark.index,
        `the log refers to it${where}, but ${newest}`,
      );
      if (!this.#missing.has(mark.group)) this.#missing.set(mark.group, err);
      return;
    }
    if (loaded?.index === mark.index && loaded.term === mark.term) this.#marked.add(mark.group);
    if (mark.mark === "installed") {
      log.dropEntries();
      this.#gaps.delete(mark.group);
    }
  }

  /**
   * Forget the group; keep only a loaded snapshot of this generation or a newer one, which was
   * written after the drop: the group starts over from it, as it would at the start of replay.
   */
  #applyDrop(group: string, generation: number): void {
    this.logs.delete(group);
    this.#marked.delete(group);
    this.#gaps.delete(group);
    this.#missing.delete(group);
    this.generations.set(group, Math.max(this.generations.get(group) ?? 0, generation));
    const loaded = this.#loaded.get(group);
    if (loaded === undefined) return;
    if (loaded.generation < generation) this.#loaded.delete(group);
    else this.#log(group).install(loaded.snapshot);
  }

  /** Apply the end-of-replay rules; returns the records that make them durable. */
  finish(): WalRecord[] {
    const [missing] = this.#missing.values();
    if (missing !== undefined) throw missing;
    const repairs: WalRecord[] = [];
    for (const [group, stored] of this.#loaded) {
      if (stored.origin !== "installed" || this.#marked.has(group)) continue;
      this.#log(group).dropEntries();
      this.#gaps.delete(group);
      const { index, term } = stored.snapshot.meta;
      repairs.push({ kind: "snapshotMark", group, mark: "installed", index, term });
    }
    const [gap] = this.#gaps.values();
    if (gap !== undefined) throw gap;
    for (const log of this.logs.values()) {
      log.reconcileHardState();
      const { commit } = log.hardState();
      if (commit > log.memory.lastIndex()) {
        throw new SnapshotMissingError(
          log.id,
          commit,
          `the hard state commits index ${commit} but the log ends at ${log.memory.lastIndex()}`,
        );
      }
    }
    return repairs;
  }

  #log(group: string): GroupLog {
    let log = this.logs.get(group);
    if (log === undefined) {
      log = new GroupLog(group);
      this.logs.set(group, log);
    }
    return log;
  }
}

async function truncateDurably(file: string, length: number): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
