// A range over one shard: its span, filters, sort, limit and the node's bounds, with `more` and
// `count` telling what the answer left out, and never more than the bounds held in memory.
import { describe, expect, it } from "vitest";
import type { KeyRecord, RangeQuery } from "../../../src/api/kv-model.ts";
import { BoundedSelection } from "../../../src/node/kv/bounded-selection.ts";
import {
  KvStateMachine,
  RANGE_MAX_BYTES_DEFAULT,
  RANGE_MAX_KEYS_DEFAULT,
} from "../../../src/node/kv/state-machine.ts";

const b = (text: string): Uint8Array => new TextEncoder().encode(text);
const keysOf = (kvs: readonly KeyRecord[]): string[] => kvs.map((kv) => new TextDecoder().decode(kv.key));
const ALL = { start: new Uint8Array(0), end: new Uint8Array(0) };

/** Keys k0..k9; k_i written at revision 10 + i with value "v{9-i}", k3 and k7 rewritten later. */
function shard(): KvStateMachine {
  const sm = new KvStateMachine();
  for (let i = 0; i < 10; i++)
    sm.apply({ put: { key: b(`k${i}`), value: b(`v${9 - i}`), revision: 10 + i } }, i + 1);
  sm.apply({ put: { key: b("k3"), value: b("v6"), revision: 30 } }, 11);
  sm.apply({ put: { key: b("k7"), value: b("v2"), revision: 31 } }, 12);
  return sm;
}

const range = (q: Partial<RangeQuery>, bounds = { maxKeys: 1000, maxBytes: 1 << 20 }) =>
  shard().range({ ...ALL, ...q }, bounds);

describe("range over a shard", () => {
  it("spans one key, [start, end), or everything from start", () => {
    const one = shard().range({ start: b("k3") });
    expect(keysOf(one.kvs)).toEqual(["k3"]);
    expect(keysOf(range({ start: b("k2"), end: b("k5") }).kvs)).toEqual(["k2", "k3", "k4"]);
    expect(keysOf(range({ start: b("k8") }).kvs)).toEqual(["k8", "k9"]);
    expect(range({ start: b("k5"), end: b("k2") }).count).toBe(0);
  });

  it("answers the floor as its revision, counts every match, and says when it cut", () => {
    const r = range({ limit: 3 });
    expect(keysOf(r.kvs)).toEqual(["k0", "k1", "k2"]);
    expect(r).toMatchObject({ more: true, count: 10, revision: 31 });
    expect(range({ limit: 10 }).more).toBe(false);
  });

  it("keysOnly leaves values empty; countOnly answers the count alone", () => {
    expect(range({ keysOnly: true, limit: 1 }).kvs[0]?.value.byteLength).toBe(0);
    expect(range({ countOnly: true })).toEqual({ kvs: [], more: false, count: 10, revision: 31 });
  });

  it("filters by mod and create revision", () => {
    expect(keysOf(range({ minModRevision: 18 }).kvs)).toEqual(["k3", "k7", "k8", "k9"]);
    expect(keysOf(range({ maxCreateRevision: 11 }).kvs)).toEqual(["k0", "k1"]);
    expect(keysOf(range({ minCreateRevision: 12, maxModRevision: 15 }).kvs)).toEqual(["k2", "k4", "k5"]);
  });

  it("sorts over all matches before the limit, ties broken by key", () => {
    expect(keysOf(range({ sortOrder: "descend", limit: 3 }).kvs)).toEqual(["k9", "k8", "k7"]);
    expect(keysOf(range({ sortTarget: "mod", sortOrder: "descend", limit: 3 }).kvs)).toEqual([
      "k7",
      "k3",
      "k9",
    ]);
    // Target other than key with order "none": ascending, as etcd.
    expect(keysOf(range({ sortTarget: "value", limit: 4 }).kvs)).toEqual(["k9", "k8", "k7", "k6"]);
    expect(keysOf(range({ sortTarget: "version", sortOrder: "descend", limit: 3 }).kvs)).toEqual([
      "k7",
      "k3",
      "k9",
    ]);
    expect(keysOf(range({ sortTarget: "create", limit: 2 }).kvs)).toEqual(["k0", "k1"]);
    expect(range({ sortTarget: "mod", limit: 2 }).count).toBe(10);
  });

  it("the node's bounds cut the answer, keeping at least one key", () => {
    expect(range({}, { maxKeys: 4, maxBytes: 1 << 20 })).toMatchObject({ more: true, count: 10 });
    expect(range({}, { maxKeys: 4, maxBytes: 1 << 20 }).kvs).toHaveLength(4);
    // Each key and value is 2 + 2 bytes.
    expect(keysOf(range({}, { maxKeys: 100, maxBytes: 9 }).kvs)).toEqual(["k0", "k1"]);
    expect(keysOf(range({}, { maxKeys: 100, maxBytes: 1 }).kvs)).toEqual(["k0"]);
    expect(RANGE_MAX_KEYS_DEFAULT).toBeGreaterThan(0);
    expect(RANGE_MAX_BYTES_DEFAULT).toBeGreaterThan(0);
  });
});

describe("bounded selection", () => {
  it("keeps the smallest `capacity` items, never more", () => {
    const selection = new BoundedSelection<number>(3, (x, y) => x - y);
    for (const n of [9, 4, 7, 1, 8, 2, 6]) selection.offer(n);
    expect(selection.sorted()).toEqual([1, 2, 4]);
    const none = new BoundedSelection<number>(0, (x, y) => x - y);
    none.offer(1);
    expect(none.sorted()).toEqual([]);
  });
});
