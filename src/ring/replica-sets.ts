// Bounded-load replica sets: which members hold each shard, before leaders are chosen.
//
// Every shard walks the member ring clockwise from its own start position. Slot by slot (every
// shard's first replica, then every shard's second, …; shards in id order), a shard takes the
// next member it does not hold yet that is below `capacity`. With an infinite capacity this is
// exactly Dynamo's preference list — the first r distinct members clockwise — which is why a
// join then only moves replicas onto the new member. The capacity is the price: when a member is
// full, the walk passes it by, and a join that frees or shrinks capacity can shift such a
// replica between two old members.
//
// Loads only ever grow during the assignment, so a member passed over because it was full or
// already held the shard stays ineligible for that shard: each shard keeps a cursor into the ring
// and the whole assignment walks every shard's ring at most once.

import { invariant } from "../invariant.ts";
import type { TokenRing } from "./token-ring.ts";

export interface ReplicaSetsInput {
  readonly ring: TokenRing;
  /** Ring index where each shard's walk starts. */
  readonly starts: Uint32Array;
  readonly memberCount: number;
  readonly replicasPerShard: number;
  /** Most replicas one member may hold; `Infinity` for no bound. */
  readonly capacity: number;
}

/** Member indices, `replicasPerShard` per shard (shard s at s·r…s·r+r−1), in the order chosen. */
export function assignReplicaSets(input: ReplicaSetsInput): Int32Array {
  const assignment = new Assignment(input);
  for (let slot = 0; slot < input.replicasPerShard; slot++) {
    for (let shard = 0; shard < input.starts.length; shard++) {
      const member = assignment.nextEligible(shard);
      if (member >= 0) {
        assignment.add(shard, member);
      } else {
        assignment.exchangeInto(shard);
      }
    }
  }
  return assignment.sets;
}

class Assignment {
  readonly sets: Int32Array;
  readonly #input: ReplicaSetsInput;
  readonly #filled: Uint8Array;
  readonly #loads: Float64Array;
  /** Ring tokens each shard's walk has passed over for good. */
  readonly #steps: Uint32Array;

  constructor(input: ReplicaSetsInput) {
    const shardCount = input.starts.length;
    this.#input = input;
    this.sets = new Int32Array(shardCount * input.replicasPerShard).fill(-1);
    this.#filled = new Uint8Array(shardCount);
    this.#loads = new Float64Array(input.memberCount);
    this.#steps = new Uint32Array(shardCount);
  }

  /** The next member on `shard`'s walk that has room and does not hold it yet, or −1. */
  nextEligible(shard: number): number {
    const { ring, starts, capacity } = this.#input;
    while (this.#steps[shard]! < ring.length) {
      const member = ring.ownerOf((starts[shard]! + this.#steps[shard]!) % ring.length);
      if (this.#loads[member]! < capacity && !this.holds(shard, member)) {
        return member;
      }
      this.#steps[shard]!++;
    }
    return -1;
  }

  add(shard: number, member: number): void {
    const r = this.#input.replicasPerShard;
    this.sets[shard * r + this.#filled[shard]!] = member;
    this.#filled[shard]!++;
    this.#loads[member]!++;
  }

  holds(shard: number, member: number): boolean {
    const r = this.#input.replicasPerShard;
    for (let i = shard * r; i < shard * r + this.#filled[shard]!; i++) {
      if (this.sets[i] === member) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every member outside `shard` is full, yet some member z inside it has room (capacity ×
   * members ≥ replicas to place). Take any full y outside: y holds `capacity` shards, and they
   * cannot all hold z too, or z would hold capacity + 1 counting `shard`. So some other shard
   * holds y and not z; hand that replica to z and give y this shard. Loads stay within bounds:
   * z gains one it has room for, y trades one for one.
   */
  exchangeInto(shard: number): void {
    const r = this.#input.replicasPerShard;
    const z = this.#firstWithRoom(shard);
    const y = this.#firstOutside(shard);
    for (let other = 0; other < this.#input.starts.length; other++) {
      const slotOfY = this.#slotOf(other, y);
      if (other !== shard && slotOfY >= 0 && !this.holds(other, z)) {
        this.sets[other * r + slotOfY] = z;
        this.#loads[z]!++;
        this.#loads[y]!--;
        this.add(shard, y);
        return;
      }
    }
    invariant(false, () => `no exchange for shard ${shard} (y=${y}, z=${z})`);
  }

  #firstWithRoom(shard: number): number {
    const r = this.#input.replicasPerShard;
    for (let i = shard * r; i < shard * r + this.#filled[shard]!; i++) {
      const member = this.sets[i]!;
      if (this.#loads[member]! < this.#input.capacity) {
        return member;
      }
    }
    invariant(false, () => `shard ${shard} is stuck but none of its members has room`);
  }

  #firstOutside(shard: number): number {
    for (let member = 0; member < this.#input.memberCount; member++) {
      if (!this.holds(shard, member)) {
        return member;
      }
    }
    invariant(false, () => `shard ${shard} already holds every member`);
  }

  #slotOf(shard: number, member: number): number {
    const r = this.#input.replicasPerShard;
    for (let slot = 0; slot < this.#filled[shard]!; slot++) {
      if (this.sets[shard * r + slot] === member) {
        return slot;
      }
    }
    return -1;
  }
}
