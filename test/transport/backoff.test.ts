import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Backoff } from "../../src/transport/backoff.ts";

describe("backoff", () => {
  it("the n-th consecutive failure waits between half and all of min(max, base·2^(n-1))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 1,
          maxLength: 50,
        }),
        (baseMs, factor, draws) => {
          const maxMs = baseMs * factor;
          let i = 0;
          const backoff = new Backoff({ baseMs, maxMs, random: () => draws[i]! });
          for (i = 0; i < draws.length; i++) {
            const ceiling = Math.min(maxMs, baseMs * 2 ** i);
            const delay = backoff.nextDelayMs();
            expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
            expect(delay).toBeLessThanOrEqual(ceiling);
          }
        },
      ),
    );
  });

  it("a success starts the next failure over from the base delay", () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 10_000, random: () => 0.999 });
    for (let i = 0; i < 5; i++) backoff.nextDelayMs();
    backoff.reset();
    expect(backoff.nextDelayMs()).toBeLessThanOrEqual(100);
  });

  it("never overflows however long the outage", () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 5_000, random: () => 0.5 });
    let delay = 0;
    for (let i = 0; i < 5000; i++) delay = backoff.nextDelayMs();
    expect(delay).toBe(3_750);
  });
});
