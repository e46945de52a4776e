import { describe, expect, it } from "vitest";
import { Awareness } from "../../src/gossip/index.ts";

describe("local health awareness", () => {
  it("scales timeouts by (score + 1) and stays within [0, max − 1]", () => {
    const awareness = new Awareness(8);
    expect(awareness.scaleTicks(20)).toBe(20);
    awareness.apply(3);
    expect(awareness.scaleTicks(20)).toBe(80);
    awareness.apply(100);
    expect(awareness.score).toBe(7);
    awareness.apply(-100);
    expect(awareness.score).toBe(0);
  });

  it("with max 1 it never scales anything (awareness off)", () => {
    const awareness = new Awareness(1);
    awareness.apply(5);
    expect(awareness.scaleTicks(20)).toBe(20);
  });
});
