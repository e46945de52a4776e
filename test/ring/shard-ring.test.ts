import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createHasher,
  isRingError,
  placement,
  ringReport,
  ShardRing,
  shardCountDefault,
  tokensPerShardDefault,
  tokensPerShardFor,
} from "../../src/ring/index.ts";
import { keyShareViolation } from "./properties.ts";

const hasher = await createHasher();
const ring = new ShardRing(hasher);
const key = fc.oneof(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }));

describe("shard ring", () => {
  it("defaults to 16 shards of 512 tokens", () => {
    expect([ring.shardCount, ring.tokensPerShard]).toEqual([shardCountDefault, tokensPerShardDefault]);
    expect([shardCountDefault, tokensPerShardDefault]).toEqual([16, 512]);
  });

  it("every key lands on a shard in 0..shardCount−1", () => {
    fc.assert(
      fc.property(key, fc.integer({ min: 1, max: 300 }), (k, shardCount) => {
        const shard = new ShardRing(hasher, { shardCount, tokensPerShard: 8 }).shardOf(k);
        expect(Number.isInteger(shard) && shard >= 0 && shard < shardCount).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("a string key and its UTF-8 bytes land on the same shard, through every entry point", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (k) => {
        const bytes = new TextEncoder().encode(k);
        const shard = ring.shardOf(k);
        expect([ring.shardOf(bytes), ring.shardOfString(k), ring.shardOfBytes(bytes)]).toEqual([
          shard,
          shard,
          shard,
        ]);
        expect(ring.shardOfHash(hasher.hash(k))).toBe(shard);
      }),
    );
  });

  it("a key's shard depends only on the key and the shard count, never on membership", async () => {
    const elsewhere = new ShardRing(await createHasher(), { shardCount: 16 });
    const members = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 20 }), members, members, (keys, before, after) => {
        // Shards are routed through the ring alone; the report for any membership shows the
        // same shard shares, because placement decides only where shards live.
        for (const k of keys) {
          expect(elsewhere.shardOf(k)).toBe(ring.shardOf(k));
        }
        const report = (ids: string[]) =>
          ringReport(ring, placement(hasher, { members: ids, shardCount: 16, replicationFactor: 3 }));
        expect(report(after).shards.map((s) => s.keyShare)).toEqual(
          report(before).shards.map((s) => s.keyShare),
        );
      }),
      { numRuns: 30 },
    );
  });

  it("with the defaults, no shard gets more than 1.10× the mean key share", () => {
    const shares = ring.shares();
    expect(keyShareViolation(shares, 1.1)).toBeUndefined();
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("each shard's key share stays within 1 + 6/√tokens of the mean for any shard count", () => {
    // A shard's share is a sum of `tokens` random arcs, so its relative spread is ~1/√tokens.
    // Every (shard count, tokens) pair here is deterministic; the worst over the whole grid is
    // 5.0 spreads (49 shards × 64 tokens), so 6 leaves room and still catches tokens that fail
    // to spread: if a shard's tokens all landed together, 64 shards would see max/mean ≈ 4
    // against a bound of 1.75 at 64 tokens.
    const tokensPerShard = fc.constantFrom(16, 32, 64, 128, 256, 512, 1024);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), tokensPerShard, (shardCount, tokens) => {
        const shares = new ShardRing(hasher, { shardCount, tokensPerShard: tokens }).shares();
        expect(keyShareViolation(shares, 1 + 6 / Math.sqrt(tokens))).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    [{ shardCount: 0 }, "InvalidShardCount"],
    [{ shardCount: 32_769 }, "InvalidShardCount"],
    [{ shardCount: 1.5 }, "InvalidShardCount"],
    [{ tokensPerShard: 0 }, "InvalidTokenCount"],
    [{ shardCount: 4096, tokensPerShard: 1024 }, "InvalidTokenCount"],
  ])("rejects %o with a stable error code", (options, code) => {
    let caught: unknown;
    try {
      new ShardRing(hasher, options);
    } catch (error) {
      caught = error;
    }
    expect(isRingError(caught) && caught.code).toBe(code);
  });

  it("very large shard counts get fewer tokens per shard by default rather than an error", () => {
    expect([4096, 8192, 32_768].map(tokensPerShardFor)).toEqual([512, 256, 64]);
  });
});
