// The core's read-only view of durable state (model: etcd-io/raft storage.go), and its
// in-memory implementation. The node's durable storage implements the same interface over
// the write-ahead log; the simulator uses MemoryStorage as each replica's "disk".
import { invariant } from "../invariant.ts";
import { CompactedError, UnavailableError } from "./errors.ts";
import type { ConfState, Entry, HardState, Snapshot } from "./types.ts";
import { NONE } from "./types.ts";

export interface InitialState {
  readonly hardState: HardState;
  readonly confState: ConfState;
}

export interface Storage {
  /** The persisted hard state and the membership as of the last snapshot + applied log. */
  initialState(): InitialState;
  /**
   * Entries in [lo, hi), stopping early once their total size passes `maxBytes` (always at
   * least one entry). Throws CompactedError if lo <= snapshot index, UnavailableError if
   * hi > lastIndex + 1.
   */
  entries(lo: number, hi: number, maxBytes: number): Entry[];
  /** Term of entry i; valid for snapshot index <= i <= lastIndex. */
  term(i: number): number;
  /** Index of the first entry that may be read with entries() (snapshot index + 1). */
  firstIndex(): number;
  lastIndex(): number;
  /** The most recent snapshot. */
  snapshot(): Snapshot;
}

export const EMPTY_HARD_STATE: HardState = { term: 0, vote: NONE, commit: 0 };
export const EMPTY_CONF_STATE: ConfState = {
  voters: [],
  learners: [],
  votersOutgoing: [],
  learnersNext: [],
  autoLeave: false,
};
export const EMPTY_SNAPSHOT: Snapshot = {
  meta: { index: 0, term: 0, confState: EMPTY_CONF_STATE },
  data: new Uint8Array(0),
};

export function entrySizeBytes(e: Entry): number {
  // Fixed overhead approximates the encoded header (term, index, type).
  return e.data.byteLength + 24;
}

/** Cut `entries` so their total size stays within maxBytes, keeping at least one. */
export function limitSize<T extends Entry>(entries: T[], maxBytes: number): T[] {
  let size = 0;
  for (let i = 0; i < entries.length; i++) {
    size += entrySizeBytes(entries[i]!);
    if (i > 0 && size > maxBytes) return entries.slice(0, i);
  }
  return entries;
}

/**
 * Log, hard state and snapshot held in memory. `#entries[0]` is a dummy standing for the
 * snapshot point (its index and term), so term(snapshotIndex) answers without the snapshot.
 */
export class MemoryStorage implements Storage {
  #hardState: HardState = EMPTY_HARD_STATE;
  #snapshot: Snapshot = EMPTY_SNAPSHOT;
  #entries: Entry[] = [{ term: 0, index: 0, type: 0, data: new Uint8Array(0) }];

  /** A storage for a brand-new group whose initial members are `voters`. */
  static bootstrap(voters: readonly string[]): MemoryStorage {
    const s = new MemoryStorage();
    s.#snapshot = {
      ...EMPTY_SNAPSHOT,
      meta: { index: 0, term: 0, confState: { ...EMPTY_CONF_STATE, voters } },
    };
    return s;
  }

  initialState(): InitialState {
    return { hardState: this.#hardState, confState: this.#snapshot.meta.confState };
  }

  setHardState(hs: HardState): void {
    this.#hardState = hs;
  }

  hardState(): HardState {
    return this.#hardState;
  }

  entries(lo: number, hi: number, maxBytes: number): Entry[] {
    const offset = this.#entries[0]!.index;
    if (lo <= offset) throw new CompactedError(lo, offset + 1);
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1, this.lastIndex());
    return limitSize(this.#entries.slice(lo - offset, hi - offset), maxBytes);
  }

  term(i: number): number {
    const offset = this.#entries[0]!.index;
    if (i < offset) throw new CompactedError(i, offset + 1);
    if (i > this.lastIndex()) throw new UnavailableError(i, this.lastIndex());
    return this.#entries[i - offset]!.term;
  }

  firstIndex(): number {
    return this.#entries[0]!.index + 1;
  }

  lastIndex(): number {
    return this.#entries[0]!.index + this.#entries.length - 1;
  }

  snapshot(): Snapshot {
    return this.#snapshot;
  }

  /** Replace everything with `snap` (a follower receiving InstallSnapshot). Older ones are ignored. */
  applySnapshot(snap: Snapshot): void {
    if (snap.meta.index <= this.#snapshot.meta.index) return;
    this.#snapshot = snap;
    this.#entries = [{ term: snap.meta.term, index: snap.meta.index, type: 0, data: new Uint8Array(0) }];
  }

  /** Record the state machine's snapshot at `index` (<= applied). Does not compact by itself. */
  createSnapshot(index: number, confState: ConfState, data: Uint8Array): Snapshot {
    if (index <= this.#snapshot.meta.index) return this.#snapshot;
    invariant(
      index <= this.lastIndex(),
      () => `snapshot ${index} is past the last index ${this.lastIndex()}`,
    );
    this.#snapshot = { meta: { index, term: this.term(index), confState }, data };
    return this.#snapshot;
  }

  /** Discard entries before `compactIndex` (which must not pass the snapshot). */
  compact(compactIndex: number): void {
    const offset = this.#entries[0]!.index;
    if (compactIndex <= offset) return;
    invariant(
      compactIndex <= this.#snapshot.meta.index,
      () => `compact ${compactIndex} is past the snapshot`,
    );
    const i = compactIndex - offset;
    const head = this.#entries[i]!;
    this.#entries = [
      { term: head.term, index: head.index, type: 0, data: new Uint8Array(0) },
      ...this.#entries.slice(i + 1),
    ];
  }

  /**
   * Append entries, replacing any conflicting suffix. The first new entry must not leave a gap.
   * Entries at or before the snapshot are skipped.
   */
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const offset = this.#entries[0]!.index;
    const first = entries[0]!.index;
    const last = entries[entries.length - 1]!.index;
    if (last <= offset) return;
    const fresh = first <= offset ? entries.slice(offset + 1 - first) : entries;
    const start = fresh[0]!.index;
    invariant(
      start <= this.lastIndex() + 1,
      () => `append at ${start} leaves a gap after ${this.lastIndex()}`,
    );
    // In place: appends are the hot path and the log may be long.
    this.#entries.length = start - offset;
    for (const e of fresh) this.#entries.push(e);
  }
}
