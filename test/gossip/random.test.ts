import { describe, expect, it } from "vitest";
import { sampleDistinct } from "../../src/gossip/index.ts";
import { Rng } from "../sim/random.ts";

describe("sampleDistinct", () => {
  it("returns distinct accepted items, as many as asked when enough exist", () => {
    const rng = new Rng(1);
    for (const size of [3, 10, 1000]) {
      const items = Array.from({ length: size }, (_, i) => i);
      for (let round = 0; round < 50; round++) {
        const picked = sampleDistinct(rng, items, 3, (i) => i % 2 === 0);
        expect(new Set(picked).size).toBe(picked.length);
        expect(picked.every((i) => i % 2 === 0)).toBe(true);
        expect(picked.length).toBe(Math.min(3, Math.ceil(size / 2)));
      }
    }
  });

  it("finds the few accepted items in a large, mostly rejected pool", () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    expect(sampleDistinct(new Rng(2), items, 3, (i) => i === 500).length).toBe(1);
  });

  it("draws the same sample from the same seed", () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(sampleDistinct(new Rng(3), items, 5)).toEqual(sampleDistinct(new Rng(3), items, 5));
  });
});
