// Merging the parts of a range that several shards answered: each part is sorted by the query's
// sort target and order and holds at most `limit` keys, so the first `limit` keys of the k-way
// merge are the first `limit` keys of the whole span. Memory is O(limit × shards) at worst.
import type { KeyRecord, RangeQuery, SortTarget } from "../../api/kv-model.ts";
import { compareBytes } from "./span-shards.ts";

/** One shard's answer to a range: its keys in the query's order, whether it held more, its count. */
export interface RangePart {
  readonly kvs: readonly KeyRecord[];
  readonly more: boolean;
  readonly count: number;
}

function compareTarget(target: SortTarget, a: KeyRecord, b: KeyRecord): number {
  switch (target) {
    case "key":
      return compareBytes(a.key, b.key);
    case "version":
      return a.writes - b.writes;
    case "create":
      return a.createRevision - b.createRevision;
    case "mod":
      return a.modRevision - b.modRevision;
    case "value":
      return compareBytes(a.value, b.value);
  }
}

/**
 * The order of a range's answer: by the sort target (default: key), ties by key, the whole order
 * reversed for "descend". A total order (keys are unique), so the merge result is deterministic
 * whatever order each shard used for ties.
 */
export function recordOrder(
  query: Pick<RangeQuery, "sortOrder" | "sortTarget">,
): (a: KeyRecord, b: KeyRecord) => number {
  const target = query.sortTarget ?? "key";
  const sign = query.sortOrder === "descend" ? -1 : 1;
  return (a, b) => sign * (compareTarget(target, a, b) || compareBytes(a.key, b.key));
}

/**
 * The answer to `query` from its shards' parts: the first `limitKeys` keys of all parts in the
 * query's order; `more` when a part had more or the merge cut; `count` the sum of the parts'.
 * Each part is re-sorted with recordOrder first (at most limitKeys keys each), so a shard's own
 * tie order cannot break the merge.
 */
export function mergeRangeParts(
  parts: readonly RangePart[],
  query: Pick<RangeQuery, "sortOrder" | "sortTarget" | "countOnly">,
  limitKeys: number,
): RangePart {
  let count = 0;
  let more = false;
  for (const part of parts) {
    count += part.count;
    more ||= part.more;
  }
  if (query.countOnly) return { kvs: [], more: false, count };
  const order = recordOrder(query);
  const sorted = parts.filter((p) => p.kvs.length > 0).map((p) => [...p.kvs].sort(order));
  const heads = sorted.map(() => 0);
  const kvs: KeyRecord[] = [];
  // k-way merge by linear scan of the heads: shards are tens to hundreds, a heap would save
  // little and add a file.
  while (kvs.length < limitKeys) {
    let best = -1;
    for (let i = 0; i < sorted.length; i++) {
      const candidate = sorted[i]?.[heads[i] as number];
      if (candidate === undefined) continue;
      const current = best < 0 ? undefined : sorted[best]?.[heads[best] as number];
      if (current === undefined || order(candidate, current) < 0) best = i;
    }
    if (best < 0) break;
    kvs.push(sorted[best]?.[heads[best] as number] as KeyRecord);
    heads[best] = (heads[best] as number) + 1;
  }
  const left = sorted.some((part, i) => (heads[i] as number) < part.length);
  return { kvs, more: more || left, count };
}
