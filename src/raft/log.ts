// The replica's log: durable entries (read through Storage) plus an unstable tail not yet
// persisted (model: etcd-io/raft log.go and log_unstable.go).
//
// Invariants:
//   applied <= applying <= committed <= lastIndex
//   storage entries cover [storage.firstIndex, unstable.offset); unstable covers the rest.
//   An unstable snapshot, when present, is newer than everything in storage.
import { invariant } from "../invariant.ts";
import { CompactedError, UnavailableError } from "./errors.ts";
import type { Storage } from "./storage.ts";
import { limitSize } from "./storage.ts";
import type { Entry, Snapshot } from "./types.ts";

class Unstable {
  snapshot: Snapshot | null = null;
  entries: Entry[] = [];
  /** Index of entries[0]. */
  offset: number;

  constructor(offset: number) {
    this.offset = offset;
  }

  maybeFirstIndex(): number | null {
    return this.snapshot ? this.snapshot.meta.index + 1 : null;
  }

  maybeLastIndex(): number | null {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot ? this.snapshot.meta.index : null;
  }

  maybeTerm(i: number): number | null {
    if (i < this.offset) {
      return this.snapshot && this.snapshot.meta.index === i ? this.snapshot.meta.term : null;
    }
    const last = this.maybeLastIndex();
    if (last === null || i > last) return null;
    return this.entries[i - this.offset]!.term;
  }

  truncateAndAppend(entries: readonly Entry[]): void {
    const after = entries[0]!.index;
    if (after === this.offset + this.entries.length) {
      this.entries.push(...entries);
    } else if (after <= this.offset) {
      // Replaces everything unstable; storage's conflicting tail is overwritten on persist.
      this.offset = after;
      this.entries = [...entries];
    } else {
      this.entries = this.entries.slice(0, after - this.offset).concat(entries);
    }
  }
}

export class RaftLog {
  readonly #storage: Storage;
  readonly #unstable: Unstable;
  /** Highest index known to be committed by a quorum. */
  committed: number;
  /** Highest index handed to the application in a Ready (not necessarily applied yet). */
  applying: number;
  /** Highest index the application has applied (acknowledged by advance). */
  applied: number;

  constructor(storage: Storage, applied: number) {
    this.#storage = storage;
    const first = storage.firstIndex();
    this.#unstable = new Unstable(storage.lastIndex() + 1);
    this.committed = first - 1;
    const floor = Math.max(applied, first - 1);
    this.applied = floor;
    this.applying = floor;
  }

  firstIndex(): number {
    return this.#unstable.maybeFirstIndex() ?? this.#storage.firstIndex();
  }

  lastIndex(): number {
    return this.#unstable.maybeLastIndex() ?? this.#storage.lastIndex();
  }

  /** Term of entry i, or null if i is compacted away or past the end. */
  term(i: number): number | null {
    if (i < this.firstIndex() - 1 || i > this.lastIndex()) return null;
    const t = this.#unstable.maybeTerm(i);
    if (t !== null) return t;
    try {
      return this.#storage.term(i);
    } catch (e) {
      if (e instanceof CompactedError || e instanceof UnavailableError) return null;
      throw e;
    }
  }

  lastTerm(): number {
    const t = this.term(this.lastIndex());
    invariant(t !== null, "the last entry's term is always known");
    return t;
  }

  matchTerm(i: number, term: number): boolean {
    return this.term(i) === term;
  }

  /** Raft §5.4.1: a candidate's log is at least as up-to-date as ours. Term first, then index. */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ours = this.lastTerm();
    return lastTerm > ours || (lastTerm === ours && lastIndex >= this.lastIndex());
  }

  /** Index of the first entry in `entries` that we lack or hold with another term; 0 if none. */
  findConflict(entries: readonly Entry[]): number {
    for (const e of entries) {
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The last index <= `index` whose term is <= `term`, with that term. A follower rejecting an
   * App returns this so the leader skips a whole conflicting term per round trip.
   */
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    for (let i = index; i >= 0; i--) {
      const t = this.term(i);
      if (t === null) return { index: i, term: 0 };
      if (t <= term) return { index: i, term: t };
    }
    return { index: 0, term: 0 };
  }

  /**
   * Append entries received after (index, logTerm) if we hold that entry. Entries we already
   * hold are kept (a duplicate App never truncates); a conflicting suffix is replaced.
   * Returns the index of the last new entry, or null if (index, logTerm) does not match.
   */
  maybeAppend(index: number, logTerm: number, committed: number, entries: readonly Entry[]): number | null {
    if (!this.matchTerm(index, logTerm)) return null;
    const lastNew = index + entries.length;
    const conflict = this.findConflict(entries);
    if (conflict !== 0) {
      invariant(
        conflict > this.committed,
        () => `entry ${conflict} conflicts with committed ${this.committed}`,
      );
      this.append(entries.slice(conflict - (index + 1)));
    }
    this.commitTo(Math.min(committed, lastNew));
    return lastNew;
  }

  append(entries: readonly Entry[]): number {
    if (entries.length === 0) return this.lastIndex();
    const after = entries[0]!.index - 1;
    invariant(
      after >= this.committed,
      () => `append after ${after} would overwrite committed ${this.committed}`,
    );
    this.#unstable.truncateAndAppend(entries);
    return this.lastIndex();
  }

  commitTo(index: number): void {
    if (index <= this.committed) return; // commit never decreases
    invariant(index <= this.lastIndex(), () => `commit ${index} is past the last index ${this.lastIndex()}`);
    this.committed = index;
  }

  /** The leader's commit rule: only an entry of the current term is committed by counting. */
  maybeCommit(index: number, term: number): boolean {
    if (index > this.committed && this.term(index) === term) {
      this.commitTo(index);
      return true;
    }
    return false;
  }

  /** Entries in [lo, hi), at most maxBytes (at least one). Throws CompactedError below firstIndex. */
  slice(lo: number, hi: number, maxBytes: number): Entry[] {
    if (lo >= hi) return [];
    const first = this.firstIndex();
    if (lo < first) throw new CompactedError(lo, first);
    invariant(
      hi <= this.lastIndex() + 1,
      () => `slice [${lo}, ${hi}) is past the last index ${this.lastIndex()}`,
    );
    const offset = this.#unstable.offset;
    let out: Entry[] = [];
    if (lo < offset) {
      out = this.#storage.entries(lo, Math.min(hi, offset), maxBytes);
      if (out.length < Math.min(hi, offset) - lo) return out; // cut by size
    }
    if (hi > offset) {
      const from = this.#unstable.entries.slice(Math.max(lo, offset) - offset, hi - offset);
      out = out.length > 0 ? out.concat(from) : from;
    }
    return limitSize(out, maxBytes);
  }

  unstableEntries(): readonly Entry[] {
    return this.#unstable.entries;
  }

  unstableSnapshot(): Snapshot | null {
    return this.#unstable.snapshot;
  }

  /** Committed entries not yet handed to the application, at most maxBytes. */
  nextCommittedEntries(maxBytes: number): Entry[] {
    const lo = Math.max(this.applying + 1, this.firstIndex());
    const hi = this.committed + 1;
    if (lo >= hi) return [];
    return this.slice(lo, hi, maxBytes);
  }

  hasNextCommittedEntries(): boolean {
    return this.committed > Math.max(this.applying, this.firstIndex() - 1);
  }

  /** The snapshot to send a lagging follower: the unstable one if any, else storage's. */
  snapshot(): Snapshot {
    return this.#unstable.snapshot ?? this.#storage.snapshot();
  }

  /** The highest index known to be persisted locally (what the leader may count for itself). */
  stableLastIndex(): number {
    // Only a follower restores a snapshot; until it is persisted nothing here counts as stable.
    if (this.#unstable.snapshot) return 0;
    return this.#unstable.offset - 1;
  }

  /** Entries up to (index, term) were persisted: drop them from the unstable tail. */
  stableTo(index: number, term: number): void {
    const u = this.#unstable;
    if (u.maybeTerm(index) !== term || index < u.offset) return; // overwritten meanwhile
    u.entries = u.entries.slice(index + 1 - u.offset);
    u.offset = index + 1;
  }

  stableSnapTo(index: number): void {
    if (this.#unstable.snapshot?.meta.index === index) this.#unstable.snapshot = null;
  }

  appliedTo(index: number): void {
    if (index === 0) return;
    invariant(index <= this.committed, () => `applied ${index} is past committed ${this.committed}`);
    invariant(index >= this.applied, () => `applied ${index} goes back from ${this.applied}`);
    this.applied = index;
    this.applying = Math.max(this.applying, index);
  }

  /** Replace the log by a snapshot (a follower that fell behind the leader's compaction). */
  restore(snapshot: Snapshot): void {
    const { index } = snapshot.meta;
    invariant(index >= this.committed, () => `restore to ${index} behind commit ${this.committed}`);
    this.committed = index;
    this.applying = index;
    this.#unstable.snapshot = snapshot;
    this.#unstable.entries = [];
    this.#unstable.offset = index + 1;
  }
}
