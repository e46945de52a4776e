// placement(members) → for every shard, the members holding its replicas, preferred leader first.
//
// A pure function of the membership *set*: ids are put in canonical order first, the member ring
// is built from hashes of ids, and every tie is broken by id, so two nodes that agree on the
// members agree on the placement, however their member lists are ordered.
//
// Two promises pull against each other here, and the load bound wins:
// - Load bound: no member holds more than ⌈(1 + ε) · average⌉ replicas or leads more than
//   ⌈(1 + ε) · shards / members⌉ shards. Always holds.
// - Minimal movement: with the bound off (ε = ∞) this is the plain ring, and a join moves
//   replicas only onto the new member, a leave only off the leaving one. With a finite ε a
//   join usually also shifts a few replicas between old members. No function of the membership
//   set alone can avoid that and keep any bound: if joins only ever moved replicas onto the
//   newcomer, each shard would in effect rank all possible ids in one fixed order (removing a
//   member it does not pick never changes its pick), and by Ramsey's theorem some n ids are
//   ranked by every shard either in one order or in its reverse — with those n members, two of
//   them take every shard. bench/ring measures the extra moves. When the ring alone already
//   satisfies the bound, the bound changes nothing (a tested property).

import { invariant } from "../invariant.ts";
import { RingError, requireIntegerIn } from "./errors.ts";
import type { Hasher } from "./hasher.ts";
import { chooseLeaders } from "./leadership.ts";
import { canonicalMemberIds, type MemberInput } from "./member.ts";
import { memberRing } from "./member-ring.ts";
import { assignReplicaSets } from "./replica-sets.ts";
import {
  loadSlackDefault,
  replicationFactorMax,
  shardCountMax,
  tokensMax,
  tokensPerMemberDefault,
} from "./settings.ts";
import { uint32Bytes } from "./token-position.ts";

export interface PlacementRequest {
  /** Member ids or records with an `id`; order does not matter. */
  readonly members: readonly MemberInput[];
  readonly shardCount: number;
  readonly replicationFactor: number;
  /** ε of the load bound (≥ 0, or `Infinity` for none); default `loadSlackDefault`. */
  readonly loadSlack?: number;
  readonly tokensPerMember?: number;
}

export interface Placement {
  /** Member ids in canonical order. */
  readonly members: readonly string[];
  readonly shardCount: number;
  readonly replicationFactor: number;
  /** min(replicationFactor, members): the size of every replica set. */
  readonly replicasPerShard: number;
  readonly loadSlack: number;
  readonly capacity: LoadCapacity;
  /** Indexed by shard id: the member ids holding it, distinct; [0] is the preferred leader. */
  readonly replicas: readonly (readonly string[])[];
}

export interface LoadCapacity {
  /** Most replicas one member may hold. */
  readonly replicas: number;
  /** Most shards one member may lead. */
  readonly leaders: number;
}

export interface LoadCapacityInput {
  readonly shardCount: number;
  readonly replicasPerShard: number;
  readonly memberCount: number;
  readonly loadSlack: number;
}

// Float products like 1.1 × 10 = 11.000000000000002 would otherwise round a whole bound up by one.
const roundingGuard = 1e-9;

/**
 * The bounds ⌈(1 + ε) · shards · r / members⌉ and ⌈(1 + ε) · shards / members⌉. The replica
 * bound is also capped at r × the leader bound (never tighter than the formula), which
 * guarantees every shard can be given a leader (see leadership.ts).
 */
export function loadCapacity(input: LoadCapacityInput): LoadCapacity {
  const { shardCount, replicasPerShard, memberCount, loadSlack } = input;
  if (loadSlack === Number.POSITIVE_INFINITY) {
    return { replicas: Number.POSITIVE_INFINITY, leaders: Number.POSITIVE_INFINITY };
  }
  const leaders = Math.ceil(((1 + loadSlack) * shardCount) / memberCount - roundingGuard);
  const replicas = Math.min(
    Math.ceil(((1 + loadSlack) * shardCount * replicasPerShard) / memberCount - roundingGuard),
    replicasPerShard * leaders,
  );
  return { replicas, leaders };
}

export function placement(hasher: Hasher, request: PlacementRequest): Placement {
  const members = canonicalMemberIds(request.members);
  const shardCount = requireIntegerIn("InvalidShardCount", "shardCount", request.shardCount, {
    min: 1,
    max: shardCountMax,
  });
  const replicationFactor = requireIntegerIn(
    "InvalidReplicationFactor",
    "replicationFactor",
    request.replicationFactor,
    { min: 1, max: replicationFactorMax },
  );
  const loadSlack = requireLoadSlack(request.loadSlack ?? loadSlackDefault);
  const tokensPerMember = requireIntegerIn(
    "InvalidTokenCount",
    "tokensPerMember",
    request.tokensPerMember ?? tokensPerMemberDefault,
    { min: 1, max: Math.floor(tokensMax / members.length) },
  );
  const replicasPerShard = Math.min(replicationFactor, members.length);
  const capacity = loadCapacity({ shardCount, replicasPerShard, memberCount: members.length, loadSlack });
  const ring = memberRing(hasher, members, tokensPerMember);
  const starts = new Uint32Array(shardCount);
  for (let shard = 0; shard < shardCount; shard++) {
    starts[shard] = ring.indexAt(hasher.hashBytes(uint32Bytes(shard)));
  }
  const shape = { memberCount: members.length, replicasPerShard };
  const sets = assignReplicaSets({ ring, starts, ...shape, capacity: capacity.replicas });
  const leaders = chooseLeaders({ sets, shardCount, ...shape, capacity: capacity.leaders });
  const replicas = orderReplicas({ sets, leaders, members, replicasPerShard });
  assertWithinCapacity(replicas, capacity);
  return { members, shardCount, replicationFactor, replicasPerShard, loadSlack, capacity, replicas };
}

function requireLoadSlack(loadSlack: number): number {
  if (Number.isNaN(loadSlack) || loadSlack < 0) {
    throw new RingError("InvalidLoadSlack", `loadSlack must be ≥ 0 or Infinity, got ${loadSlack}`, {
      loadSlack,
    });
  }
  return loadSlack;
}

interface OrderInput {
  readonly sets: Int32Array;
  readonly leaders: Int32Array;
  readonly members: readonly string[];
  readonly replicasPerShard: number;
}

/** The leader first, then the other replicas in the order the ring walk chose them. */
function orderReplicas(input: OrderInput): string[][] {
  const { sets, leaders, members, replicasPerShard: r } = input;
  return Array.from(leaders, (leader, shard) => {
    const followers = Array.from(sets.subarray(shard * r, shard * r + r)).filter((m) => m !== leader);
    invariant(
      followers.length === r - 1,
      () => `shard ${shard}: leader ${leader} is not one of its replicas`,
    );
    return [leader, ...followers].map((m) => members[m]!);
  });
}

function assertWithinCapacity(replicas: readonly (readonly string[])[], capacity: LoadCapacity): void {
  const held = new Map<string, number>();
  const led = new Map<string, number>();
  replicas.forEach((set, shard) => {
    invariant(new Set(set).size === set.length, () => `shard ${shard} holds a member twice: ${set}`);
    led.set(set[0]!, (led.get(set[0]!) ?? 0) + 1);
    for (const id of set) {
      held.set(id, (held.get(id) ?? 0) + 1);
    }
  });
  for (const [id, count] of held) {
    invariant(count <= capacity.replicas, () => `${id} holds ${count} > ${capacity.replicas} replicas`);
  }
  for (const [id, count] of led) {
    invariant(count <= capacity.leaders, () => `${id} leads ${count} > ${capacity.leaders} shards`);
  }
}
