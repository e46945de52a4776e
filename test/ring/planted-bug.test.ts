// Each promise's check, run against a placement broken in exactly the way that check guards
// against. If a check passed here, it could not catch the bug it is named after.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHasher, type PlacementRequest, placement, ShardRing } from "../../src/ring/index.ts";
import {
  corpusJoinCost,
  idsOf,
  joinProperty,
  keyShareViolation,
  leaveProperty,
  loadBoundProperty,
  orderProperty,
  type PlaceFn,
  replicaSetProperty,
  unboundedRequest,
} from "./properties.ts";

const hasher = await createHasher();

/** Correct except that it never applies the load bound. */
const ignoresLoadBound: PlaceFn = (request) =>
  placement(hasher, { ...request, loadSlack: Number.POSITIVE_INFINITY }).replicas;

/** Hashes each member's position in the list it was given instead of its id. */
const followsInputOrder: PlaceFn = (request) => placeByPosition(idsOf(request.members), request);

/** Hashes each member's rank among the sorted ids: order-independent and bounded, but a join
 * shifts the ranks after the newcomer, so their ring tokens — and replicas — all move. */
const hashesRank: PlaceFn = (request) => placeByPosition(idsOf(request.members).sort(), request);

/** Picks each replica by its own hash and forgets to skip members the shard already has. */
const hashesEachSlot: PlaceFn = (request) => {
  const ids = idsOf(request.members).sort();
  const r = Math.min(request.replicationFactor, ids.length);
  return Array.from({ length: request.shardCount }, (_, shard) =>
    Array.from({ length: r }, (_, slot) => ids[hasher.hash(`${shard}/${slot}`) % ids.length]!),
  );
};

function placeByPosition(ids: readonly string[], request: PlacementRequest): string[][] {
  const positions = ids.map((_, i) => `#${i}`);
  const byPosition = placement(hasher, { ...request, members: positions }).replicas;
  return byPosition.map((set) => set.map((position) => ids[Number(position.slice(1))]!));
}

function fails<T>(property: fc.IProperty<T>): boolean {
  return fc.check(property).failed;
}

describe("the placement checks catch planted bugs", () => {
  it("the load-bound check catches a placement that ignores the bound", () => {
    expect(fails(replicaSetProperty(ignoresLoadBound))).toBe(false);
    expect(fails(loadBoundProperty(ignoresLoadBound))).toBe(true);
  });

  it("the order check catches a placement that follows the input order", () => {
    expect(fails(loadBoundProperty(followsInputOrder))).toBe(false);
    expect(fails(orderProperty(followsInputOrder))).toBe(true);
  });

  it("the join and leave checks catch a balanced placement that reshuffles old members", () => {
    expect(fails(orderProperty(hashesRank))).toBe(false);
    expect(fails(loadBoundProperty(hashesRank))).toBe(false);
    expect(fails(joinProperty(hashesRank, unboundedRequest))).toBe(true);
    expect(fails(leaveProperty(hashesRank, unboundedRequest))).toBe(true);
    expect(corpusJoinCost(hashesRank)).toBeGreaterThan(1.2);
  });

  it("the replica-set check catches a placement that puts two replicas on one member", () => {
    expect(fails(orderProperty(hashesEachSlot))).toBe(false);
    expect(fails(replicaSetProperty(hashesEachSlot))).toBe(true);
  });

  it("the key-share check catches a ring with one token per shard", () => {
    const sparse = new ShardRing(hasher, { shardCount: 16, tokensPerShard: 1 });
    expect(keyShareViolation(new ShardRing(hasher).shares(), 1.1)).toBeUndefined();
    expect(keyShareViolation(sparse.shares(), 1.1)).toMatch(/× the mean key share/);
  });

  it("the real placement passes every check the planted bugs fail", () => {
    const place: PlaceFn = (request) => placement(hasher, request).replicas;
    const failures = [
      fails(replicaSetProperty(place)),
      fails(loadBoundProperty(place)),
      fails(orderProperty(place)),
      fails(joinProperty(place, unboundedRequest)),
      fails(leaveProperty(place, unboundedRequest)),
    ];
    expect(failures).toEqual([false, false, false, false, false]);
    expect(corpusJoinCost(place)).toBeLessThanOrEqual(1.2);
  });
});
