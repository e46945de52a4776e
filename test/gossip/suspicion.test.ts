import { describe, expect, it } from "vitest";
import { Suspicion, suspicionTimeoutTicks } from "../../src/gossip/index.ts";

const timeout = { minTicks: 100, maxTicks: 600, confirmationsExpected: 2 };

describe("suspicion timeout (Lifeguard)", () => {
  it("starts at max and reaches min once K members have confirmed", () => {
    expect(suspicionTimeoutTicks(timeout, 0)).toBe(600);
    expect(suspicionTimeoutTicks(timeout, 2)).toBe(100);
    expect(suspicionTimeoutTicks(timeout, 5)).toBe(100);
  });

  it("shrinks logarithmically with each confirmation: max − (max − min)·log(C+1)/log(K+1)", () => {
    expect(suspicionTimeoutTicks(timeout, 1)).toBe(Math.ceil(600 - 500 * (Math.log(2) / Math.log(3))));
  });

  it("never grows with more confirmations and never leaves [min, max]", () => {
    for (const k of [0, 1, 2, 5]) {
      let previous = Number.POSITIVE_INFINITY;
      for (let c = 0; c <= 8; c++) {
        const ticks = suspicionTimeoutTicks({ ...timeout, confirmationsExpected: k }, c);
        expect(ticks).toBeLessThanOrEqual(previous);
        expect(ticks).toBeGreaterThanOrEqual(100);
        expect(ticks).toBeLessThanOrEqual(600);
        previous = ticks;
      }
    }
  });

  it("is min when no confirmations are expected (too few members to confirm)", () => {
    expect(suspicionTimeoutTicks({ ...timeout, confirmationsExpected: 0 }, 0)).toBe(100);
  });
});

describe("suspicion", () => {
  const start = () => new Suspicion({ ...timeout, incarnation: 3, startTick: 1000, suspectedBy: "a" });

  it("counts each other member once, and not the member that raised it", () => {
    const suspicion = start();
    expect(suspicion.confirm("a")).toBe(false);
    expect(suspicion.confirm("b")).toBe(true);
    expect(suspicion.confirm("b")).toBe(false);
    expect(suspicion.confirmations).toBe(1);
  });

  it("stops counting (and asking to re-gossip) once the timeout is at min", () => {
    const suspicion = start();
    expect(suspicion.confirm("b")).toBe(true);
    expect(suspicion.confirm("c")).toBe(true);
    expect(suspicion.confirm("d")).toBe(false);
    expect(suspicion.deadlineTick).toBe(1100);
  });

  it("expires at its deadline, which moves earlier as confirmations arrive", () => {
    const suspicion = start();
    expect(suspicion.expired(1599)).toBe(false);
    expect(suspicion.expired(1600)).toBe(true);
    suspicion.confirm("b");
    expect(suspicion.deadlineTick).toBeLessThan(1600);
  });
});
