import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { prefixEnd } from "../../../src/api/kv-model.ts";
import {
  compareBytes,
  isEmptySpan,
  shardsOfSpan,
  singleKeyOf,
} from "../../../src/node/cluster/span-shards.ts";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const ring = { shardCount: 8, shardOf: (key: Uint8Array) => (key[0] ?? 0) % 8 };

describe("which shards a span touches", () => {
  test("one key touches its own shard only", () => {
    expect(shardsOfSpan({ start: bytes("c") }, ring)).toEqual([ring.shardOf(bytes("c"))]);
  });

  test("a key followed by 0x00 as the end is that one key", () => {
    const start = bytes("ab");
    expect(singleKeyOf({ start, end: Uint8Array.of(...start, 0) })).toEqual(start);
    expect(shardsOfSpan({ start, end: Uint8Array.of(...start, 0) }, ring)).toEqual([ring.shardOf(start)]);
    expect(singleKeyOf({ start, end: Uint8Array.of(...start, 1) })).toBeUndefined();
    expect(singleKeyOf({ start, end: bytes("b\0") })).toBeUndefined();
  });

  test("a prefix, a range and 'to the end' touch every shard", () => {
    const all = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(shardsOfSpan({ start: bytes("p/"), end: prefixEnd(bytes("p/")) }, ring)).toEqual(all);
    expect(shardsOfSpan({ start: bytes("a"), end: bytes("b") }, ring)).toEqual(all);
    expect(shardsOfSpan({ start: bytes("a"), end: new Uint8Array(0) }, ring)).toEqual(all);
  });

  test("an end at or before the start holds no key and touches no shard", () => {
    expect(isEmptySpan({ start: bytes("b"), end: bytes("a") })).toBe(true);
    expect(isEmptySpan({ start: bytes("b"), end: bytes("b") })).toBe(true);
    expect(shardsOfSpan({ start: bytes("b"), end: bytes("a") }, ring)).toEqual([]);
  });

  test("byte order agrees with Buffer.compare", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6 }), fc.uint8Array({ maxLength: 6 }), (a, b) => {
        expect(Math.sign(compareBytes(a, b))).toBe(Buffer.compare(Buffer.from(a), Buffer.from(b)));
      }),
    );
  });
});
