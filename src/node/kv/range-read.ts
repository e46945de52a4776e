// A range query over one shard's keys (etcd's Range, without history): the keys of a span that
// pass the revision filters, sorted, cut to a limit and to the node's bounds, with the count of
// every match. Never holds more than the answer in memory: a key-ordered range stops collecting
// at the limit (it still walks the span to count), any other order keeps a bounded selection.
import type { KeyRecord, RangeQuery, RangeResult, SortTarget } from "../../api/kv-model.ts";
import { BoundedSelection } from "./bounded-selection.ts";
import { type KeyStore, type Stored, stringBytes, stringSpan } from "./key-store.ts";

/** At most this many keys in one range answer, whatever its limit (a longer range is paged). */
export const RANGE_MAX_KEYS_DEFAULT = 10_000;
/** At most about this many bytes of keys and values in one range answer (at least one key). */
export const RANGE_MAX_BYTES_DEFAULT = 4 * 1024 * 1024;

/** What one range answer may hold: the node's own limits on top of the query's. */
export interface RangeBounds {
  readonly maxKeys: number;
  readonly maxBytes: number;
}

export const RANGE_BOUNDS_DEFAULT: RangeBounds = {
  maxKeys: RANGE_MAX_KEYS_DEFAULT,
  maxBytes: RANGE_MAX_BYTES_DEFAULT,
};

const EMPTY = new Uint8Array(0);

export function keyRecord(key: string, stored: Stored, keysOnly = false): KeyRecord {
  return {
    key: stringBytes(key),
    value: keysOnly ? EMPTY : stringBytes(stored.value),
    createRevision: stored.createRevision,
    modRevision: stored.modRevision,
    writes: stored.writes,
    lease: stored.lease,
  };
}

type Match = readonly [key: string, stored: Stored];

function targetCompare(target: SortTarget): (a: Match, b: Match) => number {
  const byKey = (a: Match, b: Match): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const field = (get: (s: Stored) => number) => (a: Match, b: Match) => get(a[1]) - get(b[1]) || byKey(a, b);
  switch (target) {
    case "key":
      return byKey;
    case "version":
      return field((s) => s.writes);
    case "create":
      return field((s) => s.createRevision);
    case "mod":
      return field((s) => s.modRevision);
    case "value":
      return (a, b) => (a[1].value < b[1].value ? -1 : a[1].value > b[1].value ? 1 : byKey(a, b));
  }
}

function matcher(q: RangeQuery): (s: Stored) => boolean {
  const minMod = q.minModRevision ?? 0;
  const maxMod = q.maxModRevision ?? 0;
  const minCreate = q.minCreateRevision ?? 0;
  const maxCreate = q.maxCreateRevision ?? 0;
  if (minMod === 0 && maxMod === 0 && minCreate === 0 && maxCreate === 0) return () => true;
  return (s) =>
    (minMod === 0 || s.modRevision >= minMod) &&
    (maxMod === 0 || s.modRevision <= maxMod) &&
    (minCreate === 0 || s.createRevision >= minCreate) &&
    (maxCreate === 0 || s.createRevision <= maxCreate);
}

/**
 * The range answer at this point of the log. `revision` is the shard's floor. Sorting follows
 * etcd: a target other than the key with order "none" sorts ascending; ties break by key
 * (ascending; "descend" is the exact reverse of "ascend").
 */
export function readRange(
  store: KeyStore,
  query: RangeQuery,
  bounds: RangeBounds,
  revision: number,
): RangeResult {
  const span = stringSpan(query);
  const matches = matcher(query);
  const target = query.sortTarget ?? "key";
  const descending = query.sortOrder === "descend";
  const limit = query.limit ?? 0;
  const cap = Math.min(limit > 0 ? limit : Number.POSITIVE_INFINITY, bounds.maxKeys);
  let count = 0;
  if (query.countOnly) {
    store.walk(span, false, (_k, s) => {
      if (matches(s)) count++;
      return true;
    });
    return { kvs: [], more: false, count, revision };
  }
  let picked: Match[];
  if (target === "key") {
    picked = [];
    store.walk(span, descending, (k, s) => {
      if (!matches(s)) return true;
      count++;
      if (picked.length < cap) picked.push([k, s]);
      return true;
    });
  } else {
    const ascending = targetCompare(target);
    const order = descending ? (a: Match, b: Match) => ascending(b, a) : ascending;
    const selection = new BoundedSelection<Match>(cap, order);
    store.walk(span, false, (k, s) => {
      if (!matches(s)) return true;
      count++;
      selection.offer([k, s]);
      return true;
    });
    picked = selection.sorted();
  }
  const kvs = withinBytes(picked, bounds.maxBytes, query.keysOnly === true);
  return { kvs, more: count > kvs.length, count, revision };
}

/** The first of `picked` whose keys and values fit `maxBytes`, at least one. */
function withinBytes(picked: readonly Match[], maxBytes: number, keysOnly: boolean): KeyRecord[] {
  const kvs: KeyRecord[] = [];
  let bytes = 0;
  for (const [key, stored] of picked) {
    bytes += key.length + (keysOnly ? 0 : stored.value.length);
    if (kvs.length > 0 && bytes > maxBytes) break;
    kvs.push(keyRecord(key, stored, keysOnly));
  }
  return kvs;
}
