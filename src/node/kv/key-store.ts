// The keys a shard holds, in byte order: one B+ tree (sorted-btree) from the key, as a latin1
// string (one char per byte, so string order is byte order), to what is stored of it. Ordered
// so a range walks only the keys of its span; one structure, not an ordered index beside a Map,
// because the Map's entries would cost as much again per key (issue 10's ≤ 3× raw bytes target).
// A lookup is O(log n) string comparisons instead of one hash.
//
// Beside it, the keys attached to each lease (only keys that have one), so revoking a lease
// costs O(its keys), not a scan.
import sortedBtree from "sorted-btree";
import type { KeySpan } from "../../api/kv-model.ts";

// sorted-btree is CommonJS with `exports.default = BTree`: Node's ESM loader (and tsx) hands
// the exports object over as the default import, vitest's interop the class itself.
const BTree: typeof sortedBtree.default =
  (sortedBtree as { default?: typeof sortedBtree.default }).default ??
  (sortedBtree as unknown as typeof sortedBtree.default);

/**
 * What a key holds. The value is a latin1 string, not a Uint8Array: V8 keeps such a string
 * inline on the heap (16 bytes of header), while every Uint8Array is a view object, an
 * ArrayBuffer object and an off-heap backing store (~340 against ~670 bytes per 16-byte key
 * with a 100-byte value, measured in one process after a forced GC). One object per key, its
 * fields small integers (V8 keeps them unboxed while they fit 31 bits).
 */
export interface Stored {
  readonly value: string;
  readonly modRevision: number;
  readonly createRevision: number;
  /** Writes since creation (etcd's version): 1 after the put that created the key. */
  readonly writes: number;
  /** 0: none. */
  readonly lease: number;
}

/** Keys are byte strings; a latin1 string holds each byte as one char. */
export function byteString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

export function stringBytes(s: string): Uint8Array {
  return Buffer.from(s, "latin1");
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A span as strings: one key, [start, end), or [start, ∞) (end null). */
export interface StringSpan {
  readonly start: string;
  readonly end: string | null;
  readonly single: boolean;
}

export function stringSpan(span: KeySpan): StringSpan {
  const start = byteString(span.start);
  if (span.end === undefined) return { start, end: null, single: true };
  return { start, end: span.end.byteLength === 0 ? null : byteString(span.end), single: false };
}

export function spanHas(span: StringSpan, key: string): boolean {
  if (span.single) return key === span.start;
  return key >= span.start && (span.end === null || key < span.end);
}

export class KeyStore {
  readonly #tree = new BTree<string, Stored>(undefined, compareStrings);
  readonly #byLease = new Map<number, Set<string>>();
  #bytes = 0;

  get size(): number {
    return this.#tree.size;
  }

  /** Bytes of keys and values held (what the data quota counts). */
  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): Stored | undefined {
    return this.#tree.get(key);
  }

  set(key: string, stored: Stored): void {
    const current = this.#tree.get(key);
    if (current) this.#unindex(key, current);
    else this.#bytes += key.length;
    this.#bytes += stored.value.length;
    this.#tree.set(key, stored);
    if (stored.lease !== 0) {
      let keys = this.#byLease.get(stored.lease);
      if (keys === undefined) {
        keys = new Set();
        this.#byLease.set(stored.lease, keys);
      }
      keys.add(key);
    }
  }

  delete(key: string): Stored | undefined {
    const current = this.#tree.get(key);
    if (current === undefined) return undefined;
    this.#unindex(key, current);
    this.#bytes -= key.length;
    this.#tree.delete(key);
    return current;
  }

  #unindex(key: string, current: Stored): void {
    this.#bytes -= current.value.length;
    if (current.lease === 0) return;
    const keys = this.#byLease.get(current.lease);
    keys?.delete(key);
    if (keys?.size === 0) this.#byLease.delete(current.lease);
  }

  /** The keys attached to `lease`, in no particular order. */
  leaseKeys(lease: number): string[] {
    return [...(this.#byLease.get(lease) ?? [])];
  }

  /**
   * The keys of `span` in ascending (or descending) byte order, for as long as `visit` returns
   * true. Walks only the keys in the span. The store must not change during the walk.
   */
  walk(span: StringSpan, descending: boolean, visit: (key: string, stored: Stored) => boolean): void {
    if (span.single) {
      const stored = this.#tree.get(span.start);
      if (stored !== undefined) visit(span.start, stored);
      return;
    }
    if (span.end !== null && span.end <= span.start) return;
    const pair: (string | Stored)[] = [];
    if (descending) {
      const iterator =
        span.end === null
          ? this.#tree.entriesReversed(undefined, pair)
          : this.#tree.entriesReversed(span.end, pair, true);
      for (const [key, stored] of iterator) {
        if (key < span.start || !visit(key, stored)) return;
      }
      return;
    }
    for (const [key, stored] of this.#tree.entries(span.start, pair)) {
      if ((span.end !== null && key >= span.end) || !visit(key, stored)) return;
    }
  }

  /** Every key and what it holds, in byte order (snapshots). */
  entries(): IterableIterator<[string, Stored]> {
    return this.#tree.entries();
  }

  clear(): void {
    this.#tree.clear();
    this.#byLease.clear();
    this.#bytes = 0;
  }
}
