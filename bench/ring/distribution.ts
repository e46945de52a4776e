// Member-level key distribution: N members own the key space directly, as in classic
// consistent hashing. The ring is measured exactly (arc lengths) and by sampling; the baselines
// only by sampling, so every method also gets the same sampled figures for a fair comparison.

import { type Hasher, maxOverMean, memberRing, type TokenRing } from "../../src/ring/index.ts";
import { jumpHash, Rendezvous } from "./baselines.ts";

export interface DistributionRow {
  readonly method: string;
  readonly tokens: number | undefined;
  readonly members: number;
  /** Max/mean member key share, exact (ring only) and over the sampled keys. */
  readonly maxOverMeanExact: number | undefined;
  readonly maxOverMeanSampled: number;
  /** Standard deviation of member key shares relative to the mean (coefficient of variation). */
  readonly stdDevExact: number | undefined;
  readonly stdDevSampled: number;
  /** Fraction of keys that change owner when one member joins, over the optimal 1/(N+1). */
  readonly joinMovedExact: number | undefined;
  readonly joinMovedSampled: number;
}

export function memberId(index: number): string {
  return `10.0.${index >> 8}.${index & 255}:7001`;
}

function ring(hasher: Hasher, members: number, tokens: number): TokenRing {
  return memberRing(
    hasher,
    Array.from({ length: members }, (_, member) => memberId(member)),
    tokens,
  );
}

export function ringRow(
  hasher: Hasher,
  keys: Uint32Array,
  shape: { members: number; tokens: number },
): DistributionRow {
  const { members, tokens } = shape;
  const before = ring(hasher, members, tokens);
  const joined = ring(hasher, members + 1, tokens);
  const counts = new Float64Array(members);
  let moved = 0;
  for (const key of keys) {
    const owner = before.ownerAt(key);
    counts[owner]!++;
    const after = joined.ownerAt(key);
    if (after !== owner) {
      // A ring join moves keys only onto the newcomer; anything else is a bug in the ring.
      if (after !== members) throw new Error(`key moved from ${owner} to old member ${after}`);
      moved++;
    }
  }
  const exact = before.shares(members);
  return {
    method: "ring",
    tokens,
    members,
    maxOverMeanExact: maxOverMean([...exact]),
    maxOverMeanSampled: maxOverMean([...counts]),
    stdDevExact: relativeStdDev(exact),
    stdDevSampled: relativeStdDev(counts),
    joinMovedExact: joined.shares(members + 1)[members]! * (members + 1),
    joinMovedSampled: (moved / keys.length) * (members + 1),
  };
}

export function jumpRow(keys: Uint32Array, members: number): DistributionRow {
  return sampledRow("jump", keys, members, (key) => {
    const owner = jumpHash(key, members);
    return { owner, moved: jumpHash(key, members + 1) !== owner };
  });
}

export function rendezvousRow(hasher: Hasher, keys: Uint32Array, members: number): DistributionRow {
  const ids = Uint32Array.from({ length: members }, (_, member) => hasher.hash(memberId(member)));
  const newcomer = hasher.hash(memberId(members));
  const rendezvous = new Rendezvous(ids);
  return sampledRow("rendezvous", keys, members, (key) => {
    const owner = rendezvous.ownerOf(key);
    return { owner, moved: Rendezvous.score(key, newcomer) > Rendezvous.score(key, ids[owner]!) };
  });
}

/** `hash mod n`: perfectly uniform, not consistent. Its balance is what sampling alone costs. */
export function moduloRow(keys: Uint32Array, members: number): DistributionRow {
  return sampledRow("hash mod N", keys, members, (key) => ({
    owner: key % members,
    moved: key % members !== key % (members + 1),
  }));
}

function sampledRow(
  method: string,
  keys: Uint32Array,
  members: number,
  locate: (key: number) => { owner: number; moved: boolean },
): DistributionRow {
  const counts = new Float64Array(members);
  let moved = 0;
  for (const key of keys) {
    const result = locate(key);
    counts[result.owner]!++;
    if (result.moved) moved++;
  }
  return {
    method,
    tokens: undefined,
    members,
    maxOverMeanExact: undefined,
    maxOverMeanSampled: maxOverMean([...counts]),
    stdDevExact: undefined,
    stdDevSampled: relativeStdDev(counts),
    joinMovedExact: undefined,
    joinMovedSampled: (moved / keys.length) * (members + 1),
  };
}

export function relativeStdDev(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / values.length) / mean;
}
