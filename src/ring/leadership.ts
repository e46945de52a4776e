// Preferred leaders: one replica per shard, at most `capacity` shards per member.
//
// Each shard prefers its replicas in the order the ring walk chose them, so with no bound the
// leader is the shard's first member clockwise. When every replica of a shard already leads
// `capacity` shards, an augmenting path (breadth-first, like bipartite matching) moves leadership
// along a chain of shards until it reaches a member with room; only the end member's count grows.
//
// A path always exists. By Hall's theorem it suffices that any k shards have replicas among at
// least k / capacity members: k shards hold k·r replicas, no member holds more than the replica
// capacity, and placement.ts keeps replica capacity ≤ r × leader capacity.

import { invariant } from "../invariant.ts";

export interface LeadershipInput {
  /** Replica sets as from `assignReplicaSets`: r member indices per shard, in preference order. */
  readonly sets: Int32Array;
  readonly shardCount: number;
  readonly memberCount: number;
  readonly replicasPerShard: number;
  /** Most shards one member may lead; `Infinity` for no bound. */
  readonly capacity: number;
}

/** The leading member index of each shard. */
export function chooseLeaders(input: LeadershipInput): Int32Array {
  const leaders = new Int32Array(input.shardCount).fill(-1);
  const leads = new Float64Array(input.memberCount);
  for (let shard = 0; shard < input.shardCount; shard++) {
    const member = replicasOf(input, shard).find((m) => leads[m]! < input.capacity);
    if (member === undefined) {
      augment(input, { leaders, leads, shard });
    } else {
      leaders[shard] = member;
      leads[member]!++;
    }
  }
  return leaders;
}

function replicasOf(input: LeadershipInput, shard: number): number[] {
  const r = input.replicasPerShard;
  return Array.from(input.sets.subarray(shard * r, shard * r + r));
}

interface AugmentState {
  readonly leaders: Int32Array;
  readonly leads: Float64Array;
  /** The shard that has no leader yet. */
  readonly shard: number;
}

function augment(input: LeadershipInput, state: AugmentState): void {
  const { leaders, leads } = state;
  // parentShard[v] = the shard that takes v's current leader once v hands leadership on.
  const parentShard = new Int32Array(input.shardCount).fill(-1);
  const explored = new Uint8Array(input.memberCount);
  const queue = [state.shard];
  for (let head = 0; head < queue.length; head++) {
    const shard = queue[head]!;
    for (const member of replicasOf(input, shard)) {
      if (member === leaders[shard] || explored[member] === 1) {
        continue;
      }
      if (leads[member]! < input.capacity) {
        shiftLeadership({ leaders, leads, shard }, member, parentShard);
        return;
      }
      explored[member] = 1;
      for (let led = 0; led < input.shardCount; led++) {
        if (leaders[led] === member && parentShard[led] === -1 && led !== state.shard) {
          parentShard[led] = shard;
          queue.push(led);
        }
      }
    }
  }
  invariant(false, () => `no leader for shard ${state.shard} within capacity ${input.capacity}`);
}

/** `end` takes `member`; each shard up the path takes the leader its child gave up. */
function shiftLeadership(end: AugmentState, member: number, parentShard: Int32Array): void {
  const { leaders, leads } = end;
  leads[member]!++;
  let shard = end.shard;
  let incoming = member;
  for (;;) {
    const given = leaders[shard]!;
    leaders[shard] = incoming;
    if (parentShard[shard] === -1) {
      return;
    }
    incoming = given;
    shard = parentShard[shard]!;
  }
}
