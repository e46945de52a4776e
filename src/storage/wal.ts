// The node's one write-ahead log, shared by all its Raft groups, with group commit.
//
// append() encodes records into an in-memory batch and returns at once. sync() makes the
// batch durable: ONE write of all its bytes, durable when it returns (segmentOpenFlags: O_DSYNC,
// else a following fdatasync), after which every caller that asked for that batch is resolved.
// While a batch is being written, new appends and syncs gather in the next batch, which starts
// as soon as the current one is durable; so under load the number of fsyncs per second stays
// flat while records per fsync grows with the callers.
//
//   append ──▶ [pending batch] ──sync()──▶ [in flight: prerequisites, durable write] ──▶ resolve
//                    ▲                                        │
//                    └──── appends/syncs meanwhile ◀──────────┘ (next batch)
//
// Segments roll when a batch would push the active one past segmentBytesMax; the first batch
// of a new segment ends with a checkpoint (from the owner) so the old segments can be deleted
// once snapshots cover their entries (segment-ledger.ts).
//
// A syncing log writes zeros ahead of its batches (PREZERO_STEP_BYTES at a time) and writes each
// batch at its position over them: a durable write into blocks the file already holds changes
// no metadata, so it commits no file-system journal, where an append that grows the file does
// (`npm run bench:wal`: about half the latency and two thirds of the CPU per durable write on
// this project's ext4-on-virtio disks). The zeros past the last batch are not records: a segment
// is cut to its last batch when the log rolls past it or closes, and recovery cuts what a crash
// left (segment.ts), so only the active segment of a running log holds any.
//
// A record appended with appendClosing() ends its batch: its follow-up step runs once it is
// durable, before anything appended after it is written (a group's drop deletes the group's
// snapshot files there, and a file the re-created group writes must come after that). Batches
// closed this way queue up behind one another and are written in order.
import { constants } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { encodeRecord } from "./codec.ts";
import { syncDirectory, writeAll } from "./durable-file.ts";
import { RecordTooLargeError, StoreClosedError, WalFailedError } from "./errors.ts";
import { walFormatFrame } from "./format-version.ts";
import { encodeFrame } from "./frame.ts";
import type { WalRecord } from "./record.ts";
import { segmentFileName } from "./segment.ts";
import type { SegmentLedger } from "./segment-ledger.ts";

export interface WalOptions {
  /** Roll to a new segment when the active one would grow past this. A single larger batch is still written whole. */
  readonly segmentBytesMax: number;
  /** Largest encoded record accepted; also the largest frame recovery will read. */
  readonly recordBytesMax: number;
  /** Make each batch durable (O_DSYNC or fdatasync). Turning it off gives up durability across machine crashes (tests, benchmarks). */
  readonly syncEnabled: boolean;
}

export interface WalStats {
  /** Batches written: each is one write call sequence, made durable when sync is enabled. */
  batches: number;
  /** Batches made durable (by an O_DSYNC write, or write + fdatasync). */
  fsyncs: number;
  recordsWritten: number;
  bytesWritten: number;
  segmentsCreated: number;
  segmentsDeleted: number;
}

/** Records encoded and checked against recordBytesMax, ready to append. */
export interface EncodedRecords {
  readonly records: readonly WalRecord[];
  readonly frames: readonly Uint8Array[];
}

interface Waiters {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

interface Batch {
  records: WalRecord[];
  frames: Uint8Array[];
  bytes: number;
  /** Work that must be durable before this batch is written (snapshot files it refers to). */
  prerequisites: (() => Promise<void>)[];
  /** Work that must wait until this batch is durable, done before the next batch is written. */
  followUps: (() => Promise<void>)[];
  /** The batch ends with a checkpoint: once durable, every earlier segment is sealed. */
  checkpoint: boolean;
  /** The batch starts a new segment. */
  roll: boolean;
  waiters: Waiters | null;
}

export interface WalHooks {
  /** Records restating every group's current hard state and snapshot (called synchronously). */
  checkpoint(): WalRecord[];
  /** A group's durable snapshot index: entries at or below it are no longer needed. */
  snapshotIndex(group: string): number;
}

interface ActiveSegment {
  readonly id: number;
  readonly handle: FileHandle;
  /** Bytes of batches written: where the next one goes. */
  sizeBytes: number;
  /** Bytes the file holds, batches and the zeros written ahead of them. Invariant: >= sizeBytes. */
  zeroedBytes: number;
}

/** How far ahead of its batches a syncing log writes zeros, at a time. */
const PREZERO_STEP_BYTES = 1 << 20;
const ZEROS = Buffer.alloc(PREZERO_STEP_BYTES);

export class Wal {
  readonly #dir: string;
  readonly #options: WalOptions;
  readonly #ledger: SegmentLedger;
  readonly #hooks: WalHooks;
  #active: ActiveSegment;
  /** Batches ended by appendClosing, oldest first: each is written before the next and #pending. */
  readonly #closedBatches: Batch[] = [];
  #pending: Batch = emptyBatch();
  #inFlight: Waiters | null = null;
  #flushing: Promise<void> | null = null;
  #collecting: Promise<void> = Promise.resolve();
  #sealedBelow: number;
  #failure: WalFailedError | null = null;
  #closed = false;
  readonly #stats: WalStats = {
    batches: 0,
    fsyncs: 0,
    recordsWritten: 0,
    bytesWritten: 0,
    segmentsCreated: 0,
    segmentsDeleted: 0,
  };

  private constructor(
    dir: string,
    options: WalOptions,
    ledger: SegmentLedger,
    hooks: WalHooks,
    active: ActiveSegment,
  ) {
    this.#dir = dir;
    this.#options = options;
    this.#ledger = ledger;
    this.#hooks = hooks;
    this.#active = active;
    this.#sealedBelow = ledger.segments()[0] ?? active.id;
  }

  /**
   * Continue the log in `dir` after recovery: append to segment `last` (already cut to its
   * valid length), or start segment 1 in an empty log. `ledger` holds what replay noted.
   */
  static async open(
    dir: string,
    last: { id: number; sizeBytes: number } | null,
    options: WalOptions,
    ledger: SegmentLedger,
    hooks: WalHooks,
  ): Promise<Wal> {
    let active: ActiveSegment;
    if (last === null) {
      active = {
        id: 1,
        handle: await createSegment(dir, 1, options.syncEnabled),
        sizeBytes: 0,
        zeroedBytes: 0,
      };
      ledger.addSegment(1);
    } else {
      const flags = segmentOpenFlags({ create: false, sync: options.syncEnabled });
      // Recovery cut the segment to its last batch: nothing is zeroed ahead yet.
      active = {
        ...last,
        zeroedBytes: last.sizeBytes,
        handle: await open(join(dir, segmentFileName(last.id)), flags),
      };
    }
    return new Wal(dir, options, ledger, hooks, active);
  }

  /** Encode `records`, throwing RecordTooLarge (or the log's failure) before anything is buffered. */
  encode(records: readonly WalRecord[]): EncodedRecords {
    this.#checkUsable();
    const frames = records.map((record) => {
      const payload = encodeRecord(record);
      if (payload.byteLength > this.#options.recordBytesMax) {
        throw new RecordTooLargeError(payload.byteLength, this.#options.recordBytesMax);
      }
      return encodeFrame(payload);
    });
    return { records, frames };
  }

  /** Buffer records for the next batch; `prerequisite` runs (once) before that batch is written. */
  append(encoded: EncodedRecords, prerequisite?: () => Promise<void>): void {
    this.#checkUsable();
    this.#pending.records.push(...encoded.records);
    for (const frame of encoded.frames) {
      this.#pending.frames.push(frame);
      this.#pending.bytes += frame.byteLength;
    }
    if (prerequisite) this.#pending.prerequisites.push(prerequisite);
  }

  /**
   * Buffer records that end the batch: `followUp` runs (once) when they are durable, before
   * anything appended after them is written. A failure in it fails the log, as a write would.
   */
  appendClosing(encoded: EncodedRecords, followUp: () => Promise<void>): void {
    this.append(encoded);
    this.#pending.followUps.push(followUp);
    this.#closedBatches.push(this.#pending);
    this.#pending = emptyBatch();
  }

  /** Buffer a checkpoint; once durable, every segment before the active one is sealed. */
  appendCheckpoint(extra: readonly WalRecord[] = []): void {
    this.append(this.encode([...extra, ...this.#hooks.checkpoint()]));
    this.#pending.checkpoint = true;
  }

  /** Make everything appended so far durable. Concurrent callers share batches. */
  sync(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    // Batches are written in order, so waiting for the newest one waits for all of them.
    const newest = this.#pending.frames.length > 0 ? this.#pending : this.#closedBatches.at(-1);
    if (newest === undefined) return this.#inFlight?.promise ?? Promise.resolve();
    newest.waiters ??= waiters();
    const batchWaiters = newest.waiters;
    // Starting the loop takes the oldest batch synchronously when nothing is in flight.
    this.#flushing ??= this.#flushLoop();
    return batchWaiters.promise;
  }

  /**
   * Delete the oldest segments that no longer hold anything needed (see SegmentLedger), one at
   * a time, oldest first, fsyncing the directory after each: after a crash the segments left
   * are still a contiguous run, which replay requires. Runs are serialised.
   */
  collectGarbage(): Promise<number[]> {
    const run = this.#collecting.then(() => this.#collect());
    this.#collecting = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The oldest segment and the groups that keep it (empty if it is only waiting to be sealed). */
  oldestSegment(): { id: number; pinnedBy: string[] } {
    const id = this.#ledger.segments()[0] ?? this.#active.id;
    return { id, pinnedBy: this.#ledger.pinnedBy(id, this.#hooks.snapshotIndex) };
  }

  segmentCount(): number {
    return this.#ledger.segments().length;
  }

  stats(): WalStats {
    return { ...this.#stats };
  }

  /** Write what is buffered, wait for running work, and close the active segment. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      if (!this.#failure) await this.sync();
      await this.#flushing;
      await this.#collecting;
      // A log closed cleanly leaves its last segment ending at its last batch.
      if (!this.#failure) await this.#cutZeros();
    } finally {
      this.#closed = true;
      await this.#active.handle.close();
    }
  }

  #checkUsable(): void {
    if (this.#closed) throw new StoreClosedError();
    if (this.#failure) throw this.#failure;
  }

  async #flushLoop(): Promise<void> {
    try {
      while (this.#syncRequested() && this.#failure === null) {
        const batch = this.#takeBatch();
        const done = batch.waiters!;
        this.#inFlight = done;
        try {
          await this.#write(batch);
          done.resolve();
        } catch (err) {
          this.#failure = new WalFailedError(err);
          done.reject(this.#failure);
          for (const later of [...this.#closedBatches, this.#pending]) later.waiters?.reject(this.#failure);
        } finally {
          this.#inFlight = null;
        }
        // A checkpoint seals segments; an install or a drop (its follow-up) releases entries.
        const releases = batch.prerequisites.length > 0 || batch.followUps.length > 0;
        if (batch.checkpoint || releases) await this.collectGarbage().catch(this.#fail);
        // One turn of the event loop (not a timer): callers just resolved usually append and
        // sync again at once, and this lets them join the next batch instead of trailing it.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#flushing = null;
    }
  }

  readonly #fail = (err: unknown): void => {
    this.#failure ??= new WalFailedError(err);
  };

  /** Whether a caller waits on some buffered batch (and so on every batch before it). */
  #syncRequested(): boolean {
    return this.#pending.waiters !== null || this.#closedBatches.some((b) => b.waiters !== null);
  }

  /**
   * Take the oldest buffered batch (synchronously, so the pending one is exactly what was
   * appended so far). If it will start a new segment, a checkpoint of the owner's current state
   * goes at its end; but only when nothing is buffered behind it, since the owner's state
   * already includes what is, and a checkpoint must not get ahead of the records it restates.
   * A closed batch with more behind it is written whole into the active segment instead.
   */
  #takeBatch(): Batch {
    const batch = this.#closedBatches.shift() ?? this.#pending;
    if (batch === this.#pending) this.#pending = emptyBatch();
    if (batch.waiters === null) {
      // Nobody waits on this batch itself, only on a later one, which fails with it.
      batch.waiters = waiters();
      batch.waiters.promise.catch(() => undefined);
    }
    const last = this.#closedBatches.length === 0 && this.#pending.frames.length === 0;
    const { sizeBytes } = this.#active;
    if (last && sizeBytes > 0 && sizeBytes + batch.bytes > this.#options.segmentBytesMax) {
      for (const frame of this.encode(this.#hooks.checkpoint()).frames) {
        batch.frames.push(frame);
        batch.bytes += frame.byteLength;
      }
      batch.checkpoint = true;
      batch.roll = true;
    }
    return batch;
  }

  async #write(batch: Batch): Promise<void> {
    for (const prerequisite of batch.prerequisites) await prerequisite();
    if (batch.roll) await this.#roll();
    // A segment's first bytes say which format wrote it (format-version.ts): a new segment, or
    // one recovery cut to nothing, begins with the format frame.
    const frames = this.#active.sizeBytes === 0 ? [FORMAT_FRAME, ...batch.frames] : batch.frames;
    const bytes = Buffer.concat(frames);
    await this.#zeroAhead(bytes.byteLength);
    await writeAll(this.#active.handle, bytes, this.#active.sizeBytes);
    if (this.#options.syncEnabled) {
      // With O_DSYNC the write above was already durable when it returned.
      if (O_DSYNC === undefined) await this.#active.handle.datasync();
      this.#stats.fsyncs++;
    }
    this.#active.sizeBytes += bytes.byteLength;
    // Before the ledger hears of the batch, so nothing it releases goes before its follow-ups ran.
    for (const followUp of batch.followUps) await followUp();
    for (const record of batch.records) this.#ledger.note(this.#active.id, record);
    if (batch.checkpoint) this.#sealedBelow = this.#active.id;
    this.#stats.batches++;
    this.#stats.recordsWritten += batch.frames.length;
    this.#stats.bytesWritten += bytes.byteLength;
  }

  /**
   * Make sure the active segment holds at least `bytes` more past its batches, writing zeros
   * ahead a step at a time (durably, through O_DSYNC or a datasync, before any batch lands on
   * them). Only a syncing log: without durable writes the zeros buy nothing.
   */
  async #zeroAhead(bytes: number): Promise<void> {
    const active = this.#active;
    const needed = active.sizeBytes + bytes;
    if (!this.#options.syncEnabled || active.zeroedBytes >= needed) return;
    const target = Math.max(
      needed,
      Math.min(active.zeroedBytes + PREZERO_STEP_BYTES, this.#options.segmentBytesMax),
    );
    while (active.zeroedBytes < target) {
      const length = Math.min(ZEROS.byteLength, target - active.zeroedBytes);
      await writeAll(active.handle, ZEROS.subarray(0, length), active.zeroedBytes);
      active.zeroedBytes += length;
    }
    if (O_DSYNC === undefined) await active.handle.datasync();
  }

  /**
   * Cut the active segment to its last batch, durably, so it holds no zeros: before it is sealed
   * (an older build reading a sealed segment would take them for damage) and when the log closes.
   */
  async #cutZeros(): Promise<void> {
    const active = this.#active;
    if (active.zeroedBytes <= active.sizeBytes) return;
    await active.handle.truncate(active.sizeBytes);
    await active.handle.datasync();
    active.zeroedBytes = active.sizeBytes;
  }

  /** Start the next segment. The current one is complete: its last batch was fsynced. */
  async #roll(): Promise<void> {
    await this.#cutZeros();
    const id = this.#active.id + 1;
    const handle = await createSegment(this.#dir, id, this.#options.syncEnabled);
    await this.#active.handle.close();
    this.#active = { id, handle, sizeBytes: 0, zeroedBytes: 0 };
    this.#ledger.addSegment(id);
    this.#stats.segmentsCreated++;
  }

  async #collect(): Promise<number[]> {
    const ids = this.#ledger.collectible(this.#sealedBelow, this.#hooks.snapshotIndex);
    for (const id of ids) {
      await rm(join(this.#dir, segmentFileName(id)), { force: true });
      await syncDirectory(this.#dir);
      this.#ledger.removeSegment(id);
      this.#stats.segmentsDeleted++;
    }
    return ids;
  }
}

const FORMAT_FRAME = walFormatFrame();

/**
 * Where the platform has O_DSYNC (Linux, macOS; not Windows), a syncing log opens its segments
 * with it: each write returns once its data (and the metadata needed to read it back, such as
 * the file's new size) is on stable storage, which is exactly what write + fdatasync gives, in
 * one system call and one trip through libuv's thread pool instead of two. On this project's
 * machines (ext4 on virtio) that cut the CPU per durable batch by ~30% and its latency by ~20%.
 */
const O_DSYNC: number | undefined = constants.O_DSYNC;

/**
 * Write-only (batches go at their position, over the zeros written ahead); exclusive when
 * creating; O_DSYNC when syncing and available.
 */
export function segmentOpenFlags(options: { create: boolean; sync: boolean }): number {
  const { O_WRONLY, O_CREAT, O_EXCL } = constants;
  let flags = O_WRONLY | O_CREAT;
  if (options.create) flags |= O_EXCL;
  if (options.sync && O_DSYNC !== undefined) flags |= O_DSYNC;
  return flags;
}

/** Create segment `id` (it must not exist) and make its directory entry durable. */
async function createSegment(dir: string, id: number, sync: boolean): Promise<FileHandle> {
  const handle = await open(join(dir, segmentFileName(id)), segmentOpenFlags({ create: true, sync }));
  await syncDirectory(dir);
  return handle;
}

function emptyBatch(): Batch {
  return {
    records: [],
    frames: [],
    bytes: 0,
    prerequisites: [],
    followUps: [],
    checkpoint: false,
    roll: false,
    waiters: null,
  };
}

function waiters(): Waiters {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
