// Merging several nodes' reports of their own replicas into one status per shard: the report of
// a replica that believes it leads wins at equal term; a higher term wins over both; then commit.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ShardStatus } from "../../../src/api/kv-api.ts";
import { mergeShardReports, type ReplicaReport } from "../../../src/node/cluster/status-merge.ts";

function shard(id: number, fields: Partial<ShardStatus> = {}): ShardStatus {
  return {
    id,
    leader: "",
    term: 1,
    replicas: ["a", "b", "c"],
    learners: [],
    commitIndex: 0,
    appliedIndex: 0,
    keys: 0,
    ...fields,
  };
}

const report = (node: string, ...shards: ShardStatus[]): ReplicaReport => ({ node, shards });

describe("mergeShardReports", () => {
  it("a replica that believes it leads wins over followers at the same term, whatever their commit", () => {
    const leader = shard(0, { leader: "a", term: 5, commitIndex: 10 });
    const follower = shard(0, { leader: "a", term: 5, commitIndex: 12 });
    expect(mergeShardReports([report("b", follower), report("a", leader)], 1)).toEqual([leader]);
    expect(mergeShardReports([report("a", leader), report("b", follower)], 1)).toEqual([leader]);
  });

  it("naming another node as leader is not believing to lead", () => {
    const named = shard(0, { leader: "a", term: 5, commitIndex: 12 });
    const other = shard(0, { leader: "", term: 5, commitIndex: 11 });
    // Neither "b" nor "c" leads, so commit decides.
    expect(mergeShardReports([report("c", other), report("b", named)], 1)).toEqual([named]);
  });

  it("a higher term wins over a stale leader's report", () => {
    const stale = shard(0, { leader: "a", term: 4, commitIndex: 20 });
    const newer = shard(0, { leader: "b", term: 5, commitIndex: 3 });
    expect(mergeShardReports([report("a", stale), report("c", newer)], 1)).toEqual([newer]);
    expect(mergeShardReports([report("c", newer), report("a", stale)], 1)).toEqual([newer]);
  });

  it("of two leaders, the one at the higher term wins", () => {
    const old = shard(0, { leader: "a", term: 4, commitIndex: 20 });
    const current = shard(0, { leader: "b", term: 5, commitIndex: 3 });
    expect(mergeShardReports([report("b", current), report("a", old)], 1)).toEqual([current]);
  });

  it("without a leader, the highest term wins, then the highest commit", () => {
    const t4 = shard(0, { term: 4, commitIndex: 30 });
    const t5low = shard(0, { term: 5, commitIndex: 7 });
    const t5high = shard(0, { term: 5, commitIndex: 8 });
    expect(mergeShardReports([report("a", t4), report("b", t5high), report("c", t5low)], 1)).toEqual([
      t5high,
    ]);
  });

  it("a shard nobody reported appears with no leader and no replicas", () => {
    const reported = shard(1, { leader: "a", term: 2 });
    expect(mergeShardReports([report("a", reported)], 3)).toEqual([
      { id: 0, leader: "", term: 0, replicas: [], learners: [], commitIndex: 0, appliedIndex: 0, keys: 0 },
      reported,
      { id: 2, leader: "", term: 0, replicas: [], learners: [], commitIndex: 0, appliedIndex: 0, keys: 0 },
    ]);
  });

  it("shards outside 0..shardCount-1 are ignored", () => {
    const merged = mergeShardReports([report("a", shard(-1), shard(2, { leader: "a" }), shard(0))], 2);
    expect(merged.map((s) => s.id)).toEqual([0, 1]);
    expect(merged[1]!.leader).toBe("");
  });

  it("no reports and no shards make an empty status", () => {
    expect(mergeShardReports([], 0)).toEqual([]);
  });
});

// Properties --------------------------------------------------------------------------------

const NODES = ["a", "b", "c", "d", "e"];
const SHARD_COUNT = 4;

/**
 * Reports from distinct nodes, each of some shards. Terms and commits are small so they collide
 * often; the commit's last digit is the reporting node's index, so no two reports of one shard tie
 * exactly (a tie is the one case where report order may pick the winner).
 */
const reportsArb: fc.Arbitrary<ReplicaReport[]> = fc
  .shuffledSubarray(NODES, { minLength: 1 })
  .chain((nodes) =>
    fc.tuple(
      ...nodes.map((node, n) =>
        fc
          .uniqueArray(
            fc.record({
              id: fc.integer({ min: 0, max: SHARD_COUNT - 1 }),
              leader: fc.constantFrom("", ...NODES),
              term: fc.integer({ min: 1, max: 3 }),
              commit: fc.nat({ max: 5 }),
            }),
            { maxLength: SHARD_COUNT, selector: (s) => s.id },
          )
          .map((shards) =>
            report(
              node,
              ...shards.map(({ id, leader, term, commit }) =>
                shard(id, { leader, term, commitIndex: commit * 10 + n }),
              ),
            ),
          ),
      ),
    ),
  );

/** The rule, stated as a ranking: term first, then believing to lead, then commit. */
function rank(node: string, s: ShardStatus): [number, number, number] {
  return [s.term, s.leader === node ? 1 : 0, s.commitIndex];
}

function outranks(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

describe("mergeShardReports over random reports", () => {
  it("the merge does not depend on the order the reports arrive in", () => {
    fc.assert(
      fc.property(
        reportsArb.chain((reports) =>
          fc.tuple(fc.constant(reports), fc.shuffledSubarray(reports, { minLength: reports.length })),
        ),
        ([reports, shuffled]) => {
          expect(mergeShardReports(shuffled, SHARD_COUNT)).toEqual(mergeShardReports(reports, SHARD_COUNT));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("each shard's merged status is the best-ranked report of it, or unreported", () => {
    fc.assert(
      fc.property(reportsArb, (reports) => {
        const merged = mergeShardReports(reports, SHARD_COUNT);
        expect(merged.map((s) => s.id)).toEqual([...Array(SHARD_COUNT).keys()]);
        for (let id = 0; id < SHARD_COUNT; id++) {
          const candidates = reports.flatMap(({ node, shards }) =>
            shards.filter((s) => s.id === id).map((s) => ({ s, rank: rank(node, s) })),
          );
          const best = candidates.reduce<(typeof candidates)[number] | undefined>(
            (acc, c) => (acc === undefined || outranks(c.rank, acc.rank) ? c : acc),
            undefined,
          );
          if (best === undefined) expect(merged[id]).toMatchObject({ id, leader: "", term: 0, replicas: [] });
          else expect(merged[id]).toBe(best.s);
        }
      }),
      { numRuns: 300 },
    );
  });
});
