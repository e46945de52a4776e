// The cluster simulator in the test suite: a batch of seeds with every property checked, exact
// replay of a seed, and a planted bug that the checks must catch.
import { describe, expect, it } from "vitest";
import { runClusterSim } from "./cluster-sim.ts";

/** Seeds run by `npm test`; `npm run sim:cluster -- --seeds N` runs more. */
const SEEDS = 60;

describe("cluster simulator", () => {
  it(`${SEEDS} seeds of joins, leaves, crashes, partitions and loss: no property broken`, async () => {
    const broken: string[] = [];
    let operations = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = await runClusterSim({ seed });
      operations += result.operations;
      if (result.violations.length > 0) {
        broken.push(
          `seed ${seed}: ${result.violations.slice(0, 3).join(" | ")} (npm run sim:cluster -- --seed ${seed})`,
        );
      }
    }
    expect(broken).toEqual([]);
    expect(operations).toBeGreaterThan(SEEDS * 300);
  }, 120_000);

  it("replays a seed exactly: the same trace twice", async () => {
    const [a, b] = [await runClusterSim({ seed: 5 }), await runClusterSim({ seed: 5 })];
    expect(a.trace).toBe(b.trace);
    expect(a.events).toBe(b.events);
    const other = await runClusterSim({ seed: 6 });
    expect(other.trace).not.toBe(a.trace);
  }, 60_000);

  it("catches a planted bug: linearizable reads served from any replica", async () => {
    let caught: string | undefined;
    for (let seed = 1; seed <= 20 && !caught; seed++) {
      const result = await runClusterSim({ seed, plantStaleReads: true });
      caught = result.violations.find((v) => v.includes("linearizability"));
    }
    expect(caught).toBeDefined();
  }, 120_000);
});
