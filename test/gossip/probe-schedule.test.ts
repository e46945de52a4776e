import { describe, expect, it } from "vitest";
import { ProbeSchedule } from "../../src/gossip/index.ts";
import { Rng } from "../sim/random.ts";

const ids = Array.from({ length: 10 }, (_, i) => `m${i}`);
const always = () => true;

function scheduleOf(seed: number): ProbeSchedule {
  const schedule = new ProbeSchedule(new Rng(seed));
  for (const id of ids) schedule.add(id);
  return schedule;
}

describe("probe schedule", () => {
  it("probes every member exactly once per pass", () => {
    const schedule = scheduleOf(1);
    for (let pass = 0; pass < 5; pass++) {
      const picks = ids.map(() => schedule.next(always));
      expect(new Set(picks).size).toBe(ids.length);
    }
  });

  it("reshuffles between passes", () => {
    const schedule = scheduleOf(2);
    const passes = Array.from({ length: 4 }, () => ids.map(() => schedule.next(always)).join(","));
    expect(new Set(passes).size).toBeGreaterThan(1);
  });

  it("skips members that are not eligible (dead, left, self)", () => {
    const schedule = scheduleOf(3);
    const picks = Array.from({ length: 20 }, () => schedule.next((id) => id !== "m4"));
    expect(picks).not.toContain("m4");
    expect(new Set(picks).size).toBe(ids.length - 1);
  });

  it("probes a newcomer within the current or the next pass", () => {
    const schedule = scheduleOf(4);
    for (let i = 0; i < 5; i++) schedule.next(always);
    schedule.add("new");
    const picks = Array.from({ length: 2 * (ids.length + 1) }, () => schedule.next(always));
    expect(picks).toContain("new");
  });

  it("returns undefined when no member is eligible", () => {
    expect(scheduleOf(5).next(() => false)).toBeUndefined();
    expect(new ProbeSchedule(new Rng(6)).next(always)).toBeUndefined();
  });
});
