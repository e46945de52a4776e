import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHasher, isRingError, type PlacementRequest, placement } from "../../src/ring/index.ts";
import {
  boundedRequest,
  corpusJoinCost,
  failOn,
  joinProperty,
  joinViolation,
  leaveProperty,
  loadBoundProperty,
  loadBoundViolation,
  orderProperty,
  type PlaceFn,
  replicaSetProperty,
  unboundedRequest,
  withShuffleAndNewcomer,
} from "./properties.ts";

const hasher = await createHasher();
const place: PlaceFn = (request) => placement(hasher, request).replicas;

describe("placement", () => {
  it("every node computes the same placement, whatever order it lists the members in", () => {
    fc.assert(orderProperty(place));
  });

  it("separately loaded hashers compute the same placement", async () => {
    const other = await createHasher();
    fc.assert(
      fc.property(boundedRequest, (request) => {
        expect(placement(other, request)).toEqual(placement(hasher, request));
      }),
      { numRuns: 30 },
    );
  });

  it("every shard has min(R, members) distinct replicas, all of them members", () => {
    fc.assert(replicaSetProperty(place));
  });

  it("no member holds more than ⌈(1+ε)·average⌉ replicas or leads more than ⌈(1+ε)·shards/members⌉", () => {
    fc.assert(loadBoundProperty(place));
  });

  it("with the load bound off, a join moves replicas only onto the new member", () => {
    fc.assert(joinProperty(place, unboundedRequest));
  });

  it("with the load bound off, a leave moves replicas only off the leaving member", () => {
    fc.assert(leaveProperty(place, unboundedRequest));
  });

  it("when the ring alone meets the load bound, the bound changes nothing", () => {
    // Loose bounds (ε ≥ 0.5) over few members make this common enough to test; fc.pre rejects
    // the rest, and fast-check fails the test if it has to reject too many.
    const loose = boundedRequest.map((request) => ({ ...request, loadSlack: 0.5 + request.loadSlack * 3 }));
    fc.assert(
      fc.property(withShuffleAndNewcomer(loose), ({ request, newcomer }) => {
        const joined = { ...request, members: [...request.members, newcomer] };
        const ringOnly = (r: PlacementRequest) => place({ ...r, loadSlack: Number.POSITIVE_INFINITY });
        fc.pre(loadBoundViolation(ringOnly(request), request) === undefined);
        fc.pre(loadBoundViolation(ringOnly(joined), joined) === undefined);
        expect(place(request)).toEqual(ringOnly(request));
        expect(place(joined)).toEqual(ringOnly(joined));
        failOn(joinViolation(place(request), place(joined), newcomer));
      }),
    );
  });

  it("a join moves at most 1.2× the optimal number of replicas, over a fixed corpus of joins", () => {
    const cost = corpusJoinCost(place);
    expect(cost).toBeGreaterThanOrEqual(1);
    expect(cost).toBeLessThanOrEqual(1.2);
  });

  it("the first replica is the preferred leader, and leadership is bounded like replicas", () => {
    const result = placement(hasher, { members: ["a", "b", "c"], shardCount: 30, replicationFactor: 3 });
    const leads = new Map<string, number>();
    for (const set of result.replicas) {
      leads.set(set[0]!, (leads.get(set[0]!) ?? 0) + 1);
    }
    expect(result.capacity).toEqual({ replicas: 33, leaders: 11 });
    expect([...leads.values()].every((count) => count <= 11)).toBe(true);
    expect([...leads.values()].reduce((a, b) => a + b, 0)).toBe(30);
  });
});

describe("placement input", () => {
  const valid: PlacementRequest = { members: ["n1", "n2", "n3"], shardCount: 16, replicationFactor: 3 };
  const cases: [string, PlacementRequest, string][] = [
    ["no members", { ...valid, members: [] }, "EmptyMembership"],
    ["a duplicate id", { ...valid, members: ["n1", { id: "n1" }] }, "DuplicateMember"],
    ["an empty id", { ...valid, members: ["n1", ""] }, "InvalidMemberId"],
    ["an over-long id", { ...valid, members: ["x".repeat(257)] }, "InvalidMemberId"],
    ["zero shards", { ...valid, shardCount: 0 }, "InvalidShardCount"],
    ["a fractional shard count", { ...valid, shardCount: 2.5 }, "InvalidShardCount"],
    ["zero replicas", { ...valid, replicationFactor: 0 }, "InvalidReplicationFactor"],
    ["too many replicas", { ...valid, replicationFactor: 10 }, "InvalidReplicationFactor"],
    ["a negative load slack", { ...valid, loadSlack: -0.1 }, "InvalidLoadSlack"],
    ["a NaN load slack", { ...valid, loadSlack: Number.NaN }, "InvalidLoadSlack"],
    ["zero tokens per member", { ...valid, tokensPerMember: 0 }, "InvalidTokenCount"],
  ];
  it.each(cases)("rejects %s with a stable error code", (_, request, code) => {
    let caught: unknown;
    try {
      placement(hasher, request);
    } catch (error) {
      caught = error;
    }
    expect(isRingError(caught) && caught.code).toBe(code);
  });
});
