// The ring's promises as reusable checks. placement.test.ts runs them against the real
// placement; planted-bug.test.ts runs the very same checks against deliberately broken
// placements and expects them to fail, so a check that could never fail would show up there.

import fc from "fast-check";
import type { MemberInput, PlacementRequest } from "../../src/ring/index.ts";

/** Shard id → member ids, preferred leader first. */
export type ReplicaSets = readonly (readonly string[])[];

/** Anything that places shards on members: the real placement or a planted bug. */
export type PlaceFn = (request: PlacementRequest) => ReplicaSets;

/** A description of a broken promise, or undefined when it holds. */
export type Violation = string | undefined;

export function idsOf(members: readonly MemberInput[]): string[] {
  return members.map((member) => (typeof member === "string" ? member : member.id));
}

export function failOn(violation: Violation): void {
  if (violation !== undefined) {
    throw new Error(violation);
  }
}

// Arbitraries -------------------------------------------------------------------------------

const memberIds = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 });

/** Requests with a finite load bound (including ε = 0, the tightest). */
export const boundedRequest = fc.record({
  members: memberIds,
  shardCount: fc.integer({ min: 1, max: 48 }),
  replicationFactor: fc.integer({ min: 1, max: 5 }),
  loadSlack: fc.constantFrom(0, 0.05, 0.1, 0.25, 1),
  tokensPerMember: fc.constantFrom(1, 4, 16, 64),
});

/** Requests with the load bound off: the plain ring. */
export const unboundedRequest = boundedRequest.map((request) => ({
  ...request,
  loadSlack: Number.POSITIVE_INFINITY,
}));

/** A request plus the same members in another order and one more id that is not a member. */
export function withShuffleAndNewcomer(request: fc.Arbitrary<PlacementRequest>) {
  return request.chain((r) =>
    fc.record({
      request: fc.constant(r),
      shuffled: fc.shuffledSubarray([...r.members], {
        minLength: r.members.length,
        maxLength: r.members.length,
      }),
      newcomer: fc.string({ minLength: 1, maxLength: 8 }).filter((id) => !idsOf(r.members).includes(id)),
      leaverIndex: fc.nat({ max: r.members.length - 1 }),
    }),
  );
}

// Checks on one placement -------------------------------------------------------------------

/** Every shard has min(R, members) distinct replicas, all of them members. */
export function replicaSetViolation(replicas: ReplicaSets, request: PlacementRequest): Violation {
  const members = new Set(idsOf(request.members));
  const size = Math.min(request.replicationFactor, members.size);
  if (replicas.length !== request.shardCount) {
    return `${replicas.length} replica sets for ${request.shardCount} shards`;
  }
  for (const [shard, set] of replicas.entries()) {
    if (set.length !== size) {
      return `shard ${shard} has ${set.length} replicas, expected min(R, members) = ${size}`;
    }
    if (new Set(set).size !== set.length) {
      return `shard ${shard} holds a member twice: ${JSON.stringify(set)}`;
    }
    const stranger = set.find((id) => !members.has(id));
    if (stranger !== undefined) {
      return `shard ${shard} is placed on non-member ${JSON.stringify(stranger)}`;
    }
  }
  return undefined;
}

/**
 * No member holds more than ⌈(1 + ε) · average⌉ replicas, nor leads more than
 * ⌈(1 + ε) · shards / members⌉ shards. (The 1e-9 keeps 1.1 × 10 from rounding up to 12.)
 */
export function loadBoundViolation(replicas: ReplicaSets, request: PlacementRequest): Violation {
  const slack = request.loadSlack ?? 0.1;
  const n = request.members.length;
  const r = Math.min(request.replicationFactor, n);
  const replicaBound = Math.ceil(((1 + slack) * request.shardCount * r) / n - 1e-9);
  const leaderBound = Math.ceil(((1 + slack) * request.shardCount) / n - 1e-9);
  const held = countBy(replicas.flat());
  const led = countBy(replicas.map((set) => set[0] ?? ""));
  for (const [id, count] of held) {
    if (count > replicaBound) {
      return `${id} holds ${count} replicas, bound ⌈(1+${slack})·${request.shardCount}·${r}/${n}⌉ = ${replicaBound}`;
    }
  }
  for (const [id, count] of led) {
    if (count > leaderBound) {
      return `${id} leads ${count} shards, bound ⌈(1+${slack})·${request.shardCount}/${n}⌉ = ${leaderBound}`;
    }
  }
  return undefined;
}

function countBy(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

// Checks across memberships ------------------------------------------------------------------

/** Same members, any order, bare ids or records: the same placement. */
export function orderViolation(
  place: PlaceFn,
  request: PlacementRequest,
  shuffled: readonly MemberInput[],
): Violation {
  const reference = JSON.stringify(place(request));
  const reordered = JSON.stringify(place({ ...request, members: shuffled }));
  if (reordered !== reference) {
    return `listing the members as ${JSON.stringify(idsOf(shuffled))} changed the placement`;
  }
  const records = idsOf(shuffled).map((id) => ({ id, addr: `${id}.example:7001` }));
  if (JSON.stringify(place({ ...request, members: records })) !== reference) {
    return "passing member records instead of ids changed the placement";
  }
  return undefined;
}

/** Every replica a shard gains on a join is on the new member. */
export function joinViolation(before: ReplicaSets, after: ReplicaSets, newcomer: string): Violation {
  for (const [shard, set] of after.entries()) {
    const gained = set.filter((id) => id !== newcomer && !(before[shard] ?? []).includes(id));
    if (gained.length > 0) {
      return `joining ${newcomer} moved shard ${shard} onto old member(s) ${gained.join(",")}`;
    }
  }
  return undefined;
}

/** Every replica a shard loses on a leave was on the leaving member. */
export function leaveViolation(before: ReplicaSets, after: ReplicaSets, leaver: string): Violation {
  for (const [shard, set] of before.entries()) {
    const lost = set.filter((id) => id !== leaver && !(after[shard] ?? []).includes(id));
    if (lost.length > 0) {
      return `removing ${leaver} moved shard ${shard} off remaining member(s) ${lost.join(",")}`;
    }
  }
  return undefined;
}

/** Replicas that changed hands: members in a shard's new set that were not in its old one. */
export function movedReplicas(before: ReplicaSets, after: ReplicaSets): number {
  let moved = 0;
  for (const [shard, set] of after.entries()) {
    moved += set.filter((id) => !(before[shard] ?? []).includes(id)).length;
  }
  return moved;
}

/** The fewest replicas a join can move and stay balanced: the new member's fair share. */
export function optimalJoinMoves(request: PlacementRequest): number {
  const n = request.members.length + 1;
  return (request.shardCount * Math.min(request.replicationFactor, n)) / n;
}

// Properties -------------------------------------------------------------------------------

export function replicaSetProperty(place: PlaceFn) {
  return fc.property(boundedRequest, (request) => failOn(replicaSetViolation(place(request), request)));
}

export function loadBoundProperty(place: PlaceFn) {
  return fc.property(boundedRequest, (request) => failOn(loadBoundViolation(place(request), request)));
}

export function orderProperty(place: PlaceFn) {
  return fc.property(withShuffleAndNewcomer(boundedRequest), ({ request, shuffled }) =>
    failOn(orderViolation(place, request, shuffled)),
  );
}

export function joinProperty(place: PlaceFn, requests: fc.Arbitrary<PlacementRequest>) {
  return fc.property(withShuffleAndNewcomer(requests), ({ request, newcomer }) => {
    const after = place({ ...request, members: [...request.members, newcomer] });
    failOn(joinViolation(place(request), after, newcomer));
  });
}

export function leaveProperty(place: PlaceFn, requests: fc.Arbitrary<PlacementRequest>) {
  return fc.property(withShuffleAndNewcomer(requests), ({ request, leaverIndex }) => {
    const leaver = idsOf(request.members)[leaverIndex]!;
    fc.pre(request.members.length > 1);
    const remaining = request.members.filter((_, i) => i !== leaverIndex);
    failOn(leaveViolation(place(request), place({ ...request, members: remaining }), leaver));
  });
}

/**
 * A fixed corpus of joins (no randomness, so the figure is reproducible): 2–40 members, the
 * default 16 shards and 3 replicas. Ids are scrambled so the newcomer sorts anywhere among them.
 */
export function joinCorpus(): { request: PlacementRequest; newcomer: string }[] {
  const id = (trial: number, i: number) =>
    `node-${(Math.imul(i + 1, 0x9e3779b1) ^ (trial * 0x85ebca6b)) >>> 0}`;
  const corpus: { request: PlacementRequest; newcomer: string }[] = [];
  for (const size of [2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30, 40]) {
    for (let trial = 0; trial < 8; trial++) {
      const members = Array.from({ length: size }, (_, i) => id(trial, i));
      corpus.push({ request: { members, shardCount: 16, replicationFactor: 3 }, newcomer: id(trial, 1000) });
    }
  }
  return corpus;
}

/** Σ replicas moved / Σ optimal moves over the join corpus. */
export function corpusJoinCost(place: PlaceFn): number {
  let moved = 0;
  let optimal = 0;
  for (const { request, newcomer } of joinCorpus()) {
    const after = place({ ...request, members: [...request.members, newcomer] });
    moved += movedReplicas(place(request), after);
    optimal += optimalJoinMoves(request);
  }
  return moved / optimal;
}

/** No shard's key share exceeds `maxOverMean` × the mean share. */
export function keyShareViolation(shares: ArrayLike<number>, maxOverMean: number): Violation {
  const mean = 1 / shares.length;
  for (let shard = 0; shard < shares.length; shard++) {
    if (shares[shard]! > maxOverMean * mean) {
      return `shard ${shard} owns ${(shares[shard]! / mean).toFixed(3)}× the mean key share, bound ${maxOverMean}`;
    }
  }
  return undefined;
}
