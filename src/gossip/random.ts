// The only source of randomness in the gossip core is an injected generator, so a simulation
// replays exactly from its seed (STYLE.md habit 2). The helpers below are the two ways the
// protocol draws: a fresh permutation (probe order) and a few distinct peers (gossip,
// indirect probes, push-pull).

/** A uniform integer source; the host seeds it, the simulator forks it per member. */
export interface Random {
  /** An integer in [0, n), for a positive integer n. */
  intBelow(n: number): number;
}

/** Fisher–Yates in place: every permutation equally likely given a uniform `random`. */
export function shuffleInPlace<T>(random: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.intBelow(i + 1);
    const held = items[i]!;
    items[i] = items[j]!;
    items[j] = held;
  }
}

/**
 * Up to `count` distinct items that pass `accept`, in random order. Large pools are drawn by
 * rejection (O(count) rather than O(pool), which matters when every member of a 1,000-member
 * cluster samples every period); small or mostly-rejected pools fall back to a full shuffle.
 */
export function sampleDistinct<T>(
  random: Random,
  items: readonly T[],
  count: number,
  accept: (item: T) => boolean = () => true,
): T[] {
  if (count <= 0 || items.length === 0) return [];
  if (items.length <= count * 4) return shuffledAccepted(random, items, count, accept, new Set());
  const tried = new Set<number>();
  const picked: T[] = [];
  for (let attempt = 0; attempt < count * 8 && picked.length < count; attempt++) {
    const index = random.intBelow(items.length);
    if (tried.has(index)) continue;
    tried.add(index);
    const item = items[index]!;
    if (accept(item)) picked.push(item);
  }
  if (picked.length < count) {
    picked.push(...shuffledAccepted(random, items, count - picked.length, accept, tried));
  }
  return picked;
}

function shuffledAccepted<T>(
  random: Random,
  items: readonly T[],
  count: number,
  accept: (item: T) => boolean,
  skip: ReadonlySet<number>,
): T[] {
  const pool = items.filter((item, index) => !skip.has(index) && accept(item));
  shuffleInPlace(random, pool);
  return pool.slice(0, count);
}
