// etcd's key-span conventions and ids, as the model sees them.
import { describe, expect, it } from "vitest";
import { rangeQueryOf, spanOf } from "../../../src/node/etcd/convert.ts";
import { etcdClusterId, etcdIdOf, etcdMemberId } from "../../../src/node/etcd/ids.ts";

const b = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("etcd key spans", () => {
  it("an empty range_end is one key, \\0 is every key from key on, else [key, range_end)", () => {
    expect(spanOf(b("a"), new Uint8Array(0))).toEqual({ start: b("a") });
    expect(spanOf(b("a"), new Uint8Array([0]))).toEqual({ start: b("a"), end: new Uint8Array(0) });
    expect(spanOf(b("a"), b("b"))).toEqual({ start: b("a"), end: b("b") });
  });

  it("an empty key is refused as etcd refuses it", () => {
    expect(() => spanOf(new Uint8Array(0), new Uint8Array(0))).toThrow(
      expect.objectContaining({ code: "KeyEmpty" }),
    );
  });

  it("a sort target other than the key with no order sorts ascending (etcd's rule)", () => {
    const base = {
      key: b("a"),
      rangeEnd: b("b"),
      limit: 0,
      revision: 0,
      serializable: false,
      keysOnly: false,
      countOnly: false,
      minModRevision: 0,
      maxModRevision: 0,
      minCreateRevision: 0,
      maxCreateRevision: 0,
    };
    expect(rangeQueryOf({ ...base, sortOrder: 0, sortTarget: 3 })).toMatchObject({
      sortOrder: "ascend",
      sortTarget: "mod",
    });
    expect(rangeQueryOf({ ...base, sortOrder: 0, sortTarget: 0 })).toMatchObject({
      sortOrder: "none",
      sortTarget: "key",
    });
    expect(() => rangeQueryOf({ ...base, sortOrder: 9, sortTarget: 0 })).toThrow(/sort order/);
  });
});

describe("etcd ids", () => {
  it("are stable, non-zero, exact as JS numbers, and distinct over many names", () => {
    const ids = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const id = etcdMemberId(`n${i}`);
      expect(id).toBe(etcdMemberId(`n${i}`));
      expect(Number.isSafeInteger(id) && id > 0).toBe(true);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
    expect(etcdIdOf("")).toBeGreaterThan(0);
  });

  it("the cluster id depends on the ring's shape only", () => {
    expect(etcdClusterId({ shardCount: 16, replicationFactor: 3 })).toBe(
      etcdClusterId({ shardCount: 16, replicationFactor: 3 }),
    );
    expect(etcdClusterId({ shardCount: 16, replicationFactor: 3 })).not.toBe(
      etcdClusterId({ shardCount: 8, replicationFactor: 3 }),
    );
  });
});
