import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { KeyRecord, SortOrder, SortTarget } from "../../../src/api/kv-model.ts";
import { mergeRangeParts, type RangePart, recordOrder } from "../../../src/node/cluster/range-merge.ts";

const SORT_TARGETS: readonly SortTarget[] = ["key", "version", "create", "mod", "value"];
const SORT_ORDERS: readonly SortOrder[] = ["none", "ascend", "descend"];

const record = fc.record({
  key: fc.uint8Array({ minLength: 1, maxLength: 4, max: 3 }),
  value: fc.uint8Array({ maxLength: 3, max: 2 }),
  createRevision: fc.integer({ min: 1, max: 6 }),
  modRevision: fc.integer({ min: 1, max: 6 }),
  writes: fc.integer({ min: 1, max: 4 }),
  lease: fc.constant(0),
});

/** Records with unique keys, dealt to `shards` parts (as hash sharding deals keys). */
const dealt = fc
  .tuple(
    fc.uniqueArray(record, { selector: (r) => Buffer.from(r.key).toString("hex"), maxLength: 30 }),
    fc.integer({ min: 1, max: 6 }),
  )
  .chain(([records, shards]) =>
    fc.tuple(
      fc.constant(records),
      fc.array(fc.integer({ min: 0, max: shards - 1 }), {
        minLength: records.length,
        maxLength: records.length,
      }),
      fc.constant(shards),
    ),
  );

/** What one shard answers: its matching keys in the query's order, cut at the limit. */
function shardPart(
  records: readonly KeyRecord[],
  order: (a: KeyRecord, b: KeyRecord) => number,
  limit: number,
): RangePart {
  const sorted = [...records].sort(order);
  return { kvs: sorted.slice(0, limit), more: sorted.length > limit, count: sorted.length };
}

describe("merging the parts of a range", () => {
  test("merging per-shard sorted parts then limiting equals sorting all keys then limiting, for every sort target and order", () => {
    fc.assert(
      fc.property(
        dealt,
        fc.constantFrom(...SORT_TARGETS),
        fc.constantFrom(...SORT_ORDERS),
        fc.integer({ min: 1, max: 35 }),
        ([records, owners, shards], sortTarget, sortOrder, limit) => {
          const query = { sortTarget, sortOrder };
          const order = recordOrder(query);
          const parts = Array.from({ length: shards }, (_, s) =>
            shardPart(
              records.filter((_, i) => owners[i] === s),
              order,
              limit,
            ),
          );
          const merged = mergeRangeParts(parts, query, limit);
          const all = [...records].sort(order);
          expect(merged.kvs).toEqual(all.slice(0, limit));
          expect(merged.count).toBe(records.length);
          expect(merged.more).toBe(records.length > limit);
        },
      ),
      { numRuns: 400 },
    );
  });

  test("a shard's own tie order does not change the merged answer", () => {
    const a = (key: number, mod: number): KeyRecord => ({
      key: Uint8Array.of(key),
      value: new Uint8Array(0),
      createRevision: 1,
      modRevision: mod,
      writes: 1,
      lease: 0,
    });
    // Shard 0 answers its tie (mod 5) in reverse key order.
    const parts: RangePart[] = [
      { kvs: [a(3, 5), a(1, 5)], more: false, count: 2 },
      { kvs: [a(2, 5)], more: false, count: 1 },
    ];
    const merged = mergeRangeParts(parts, { sortTarget: "mod", sortOrder: "ascend" }, 10);
    expect(merged.kvs.map((r) => r.key[0])).toEqual([1, 2, 3]);
  });

  test("count only sums the counts and answers no keys", () => {
    const merged = mergeRangeParts(
      [
        { kvs: [], more: false, count: 4 },
        { kvs: [], more: false, count: 7 },
      ],
      { countOnly: true },
      1,
    );
    expect(merged).toEqual({ kvs: [], more: false, count: 11 });
  });

  test("a part that had more keys makes the answer say more, even when the merge did not cut", () => {
    const r: KeyRecord = {
      key: Uint8Array.of(1),
      value: Uint8Array.of(),
      createRevision: 1,
      modRevision: 1,
      writes: 1,
      lease: 0,
    };
    const merged = mergeRangeParts([{ kvs: [r], more: true, count: 9 }], {}, 5);
    expect(merged.more).toBe(true);
    expect(merged.kvs).toHaveLength(1);
  });
});
