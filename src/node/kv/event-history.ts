// The recent changes of one shard, as watch events in revision order, so a watch can start or
// resume from a past revision. Bounded by count and bytes: the oldest events go first, and
// `compactedRevision` says up to where history is no longer complete (a watch from at or below
// it gets Compacted, as etcd answers a watch from a compacted revision). Not replicated state:
// not in the digest, not in snapshots; after a restore it starts empty with
// compactedRevision = the restored floor. Events of one revision (a deleteRange, a txn) are
// kept or dropped together, so a reader never sees part of a revision.
//
// A change is kept as references to what the key store held (the key string, the new and the
// previous Stored), not as a WatchEvent with its byte arrays: every put makes one, and building
// arrays for each would churn the heap (the previous record is garbage anyway once replaced).
// WatchEvents are built when read: by since(), and for listeners when there are any.
import { RingkvError } from "../../api/errors.ts";
import type { KeyRecord, WatchEvent } from "../../api/kv-model.ts";
import { invariant } from "../../invariant.ts";
import { type Stored, type StringSpan, spanHas, stringBytes } from "./key-store.ts";

/** Events a shard keeps for watches to start from (the oldest are dropped first). */
export const HISTORY_MAX_EVENTS_DEFAULT = 10_000;
/** Bytes of keys and values (event and prevKv) a shard keeps in its history. */
export const HISTORY_MAX_BYTES_DEFAULT = 16 * 1024 * 1024;
/** What an event costs beyond its bytes (the objects holding it), counted against maxBytes. */
export const HISTORY_EVENT_OVERHEAD_BYTES = 128;

export interface EventHistoryOptions {
  readonly maxEvents?: number;
  readonly maxBytes?: number;
}

/** Called synchronously at each apply that changed keys or the floor, with the events it made. */
export type HistoryListener = (events: readonly WatchEvent[], floor: number) => void;

/** One change of a key: `stored` is what it holds after (null: deleted at `revision`). */
export interface Change {
  readonly key: string;
  readonly revision: number;
  readonly stored: Stored | null;
  readonly prev: Stored | undefined;
}

function changeBytes(c: Change): number {
  return (
    HISTORY_EVENT_OVERHEAD_BYTES + c.key.length + (c.stored?.value.length ?? 0) + (c.prev?.value.length ?? 0)
  );
}

const EMPTY = new Uint8Array(0);

function record(key: Uint8Array, s: Stored): KeyRecord {
  const { createRevision, modRevision, writes, lease } = s;
  return { key, value: stringBytes(s.value), createRevision, modRevision, writes, lease };
}

/** The change as a watch event. */
export function watchEvent(c: Change): WatchEvent {
  const key = stringBytes(c.key);
  const prevKv = c.prev && record(key, c.prev);
  const kv =
    c.stored === null
      ? { key, value: EMPTY, createRevision: 0, modRevision: c.revision, writes: 0, lease: 0 }
      : record(key, c.stored);
  return prevKv ? { type: c.stored === null ? "delete" : "put", kv, prevKv } : { type: "put", kv };
}

export class EventHistory {
  readonly maxEvents: number;
  readonly maxBytes: number;
  /** Changes in revision order; the live ones are from #head on (dropped ones are cut lazily). */
  #events: Change[] = [];
  #head = 0;
  #bytes = 0;
  #compactedRevision = 0;
  readonly #listeners = new Set<HistoryListener>();

  constructor(options: EventHistoryOptions = {}) {
    this.maxEvents = options.maxEvents ?? HISTORY_MAX_EVENTS_DEFAULT;
    this.maxBytes = options.maxBytes ?? HISTORY_MAX_BYTES_DEFAULT;
    invariant(this.maxEvents > 0 && this.maxBytes > 0, "history bounds must be positive", {
      maxEvents: this.maxEvents,
      maxBytes: this.maxBytes,
    });
  }

  /** The highest revision whose events are no longer all here (0: nothing dropped yet). */
  get compactedRevision(): number {
    return this.#compactedRevision;
  }

  get length(): number {
    return this.#events.length - this.#head;
  }

  /** Record the changes of one apply (all at one revision, or none) and tell the listeners. */
  record(changes: readonly Change[], floor: number): void {
    for (const c of changes) {
      const last = this.#events[this.#events.length - 1];
      invariant(last === undefined || last.revision <= c.revision, "history out of revision order", {
        last: last?.revision ?? 0,
        next: c.revision,
      });
      this.#events.push(c);
      this.#bytes += changeBytes(c);
    }
    this.#trim();
    if (this.#listeners.size === 0) return;
    const events = changes.map(watchEvent);
    for (const listener of [...this.#listeners]) listener(events, floor);
  }

  /** Forget everything: history restarts after `revision` (a restore). */
  reset(revision: number): void {
    this.#events = [];
    this.#head = 0;
    this.#bytes = 0;
    this.#compactedRevision = revision;
  }

  subscribe(listener: HistoryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Events with a revision ≥ `startRevision` on keys of `span`, oldest first: at most
   * `maxEvents`, but never part of a revision (the first revision is answered whole even if
   * larger). Compacted if `startRevision` ≤ compactedRevision: some of them are gone.
   */
  since(startRevision: number, span: StringSpan, maxEvents: number): WatchEvent[] {
    if (startRevision <= this.#compactedRevision) {
      throw new RingkvError(
        "Compacted",
        `revision ${startRevision} is compacted: this shard's history starts after revision ${this.#compactedRevision}`,
      );
    }
    const out: Change[] = [];
    let i = this.#firstAtOrAfter(startRevision);
    while (i < this.#events.length) {
      const revision = (this.#events[i] as Change).revision;
      const group: Change[] = [];
      for (; i < this.#events.length && (this.#events[i] as Change).revision === revision; i++) {
        const c = this.#events[i] as Change;
        if (spanHas(span, c.key)) group.push(c);
      }
      if (out.length > 0 && out.length + group.length > maxEvents) break;
      out.push(...group);
      if (out.length >= maxEvents) break;
    }
    return out.map(watchEvent);
  }

  #firstAtOrAfter(revision: number): number {
    let lo = this.#head;
    let hi = this.#events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#events[mid] as Change).revision < revision) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drop the oldest revisions until within bounds. */
  #trim(): void {
    while (this.length > this.maxEvents || this.#bytes > this.maxBytes) {
      const revision = (this.#events[this.#head] as Change).revision;
      while (this.#head < this.#events.length && (this.#events[this.#head] as Change).revision === revision) {
        this.#bytes -= changeBytes(this.#events[this.#head] as Change);
        this.#head++;
      }
      this.#compactedRevision = Math.max(this.#compactedRevision, revision);
    }
    // Cut the dropped prefix once it is half the array, so trimming is amortised O(1).
    if (this.#head > 0 && this.#head * 2 >= this.#events.length) {
      this.#events = this.#events.slice(this.#head);
      this.#head = 0;
    }
  }
}
