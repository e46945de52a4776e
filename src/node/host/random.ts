// The node's source for Raft's randomized election timeouts (xorshift32): the core takes any
// Random, and tests pass their own seeded ones.
import type { Random } from "../../raft/index.ts";

export function seededRandom(seed: number): Random {
  let s = seed >>> 0 || 0x9e3779b9;
  return {
    intBelow(n: number): number {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s % n;
    },
  };
}
