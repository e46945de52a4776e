import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createHasher,
  formatRingReport,
  isRingError,
  placement,
  ringReport,
  ShardRing,
} from "../../src/ring/index.ts";
import { boundedRequest } from "./properties.ts";

const hasher = await createHasher();
const rings = new Map<number, ShardRing>();
function ringFor(shardCount: number): ShardRing {
  const ring = rings.get(shardCount) ?? new ShardRing(hasher, { shardCount, tokensPerShard: 64 });
  rings.set(shardCount, ring);
  return ring;
}

describe("ring report", () => {
  it("shard shares and keys led each sum to 1; keys stored sum to the replicas per shard", () => {
    fc.assert(
      fc.property(boundedRequest, (request) => {
        const report = ringReport(ringFor(request.shardCount), placement(hasher, request));
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        expect(sum(report.shards.map((s) => s.keyShare))).toBeCloseTo(1, 9);
        expect(sum(report.nodes.map((n) => n.keysLed))).toBeCloseTo(1, 9);
        expect(sum(report.nodes.map((n) => n.keysStored))).toBeCloseTo(report.replicasPerShard, 9);
        expect(sum(report.nodes.map((n) => n.leaders))).toBe(request.shardCount);
        expect(sum(report.nodes.map((n) => n.replicas))).toBe(request.shardCount * report.replicasPerShard);
      }),
      { numRuns: 50 },
    );
  });

  it("each node's counts are what the placement gives it, members without shards included", () => {
    const result = placement(hasher, {
      members: ["a", "b", "c", "d", "e"],
      shardCount: 2,
      replicationFactor: 1,
    });
    const report = ringReport(ringFor(2), result);
    expect(report.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "d", "e"]);
    for (const node of report.nodes) {
      expect(node.replicas).toBe(result.replicas.filter((set) => set.includes(node.id)).length);
      expect(node.leaders).toBe(result.replicas.filter((set) => set[0] === node.id).length);
    }
    expect(report.nodes.filter((n) => n.replicas === 0)).toHaveLength(3);
  });

  it("survives a JSON round trip unchanged, for `ringkv ring --json` and GET /v1/ring", () => {
    const report = ringReport(
      ringFor(16),
      placement(hasher, { members: ["n1", "n2"], shardCount: 16, replicationFactor: 3 }),
    );
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("the table shows every shard and node with shares that add up to 100%", () => {
    const report = ringReport(
      ringFor(16),
      placement(hasher, { members: ["n1", "n2", "n3", "n4"], shardCount: 16, replicationFactor: 3 }),
    );
    const text = formatRingReport(report);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^shard\s+key share\s+leader\s+replicas$/);
    const shardLines = lines.slice(2, 18);
    expect(shardLines.map((line) => Number(line.trim().split(/\s+/)[0]))).toEqual([...Array(16).keys()]);
    const percentSum = shardLines.reduce(
      (sum, line) => sum + Number(line.trim().split(/\s+/)[1]!.replace("%", "")),
      0,
    );
    expect(percentSum).toBeCloseTo(100, 1);
    const nodeLines = lines.slice(21, 25);
    expect(nodeLines.map((line) => line.split(/\s+/)[0])).toEqual(["n1", "n2", "n3", "n4"]);
    expect(lines.at(-1)).toMatch(/^16 shards × 3 replicas .* max\/mean: shard key share \d\.\d{3}/);
  });

  it("rejects a placement made for a different shard count", () => {
    let caught: unknown;
    try {
      ringReport(ringFor(8), placement(hasher, { members: ["n1"], shardCount: 16, replicationFactor: 1 }));
    } catch (error) {
      caught = error;
    }
    expect(isRingError(caught) && caught.code).toBe("ShardCountMismatch");
  });
});
