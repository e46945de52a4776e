// A failing simulation is only useful if its seed replays it exactly.
import { describe, expect, it } from "vitest";
import { SimulatedCluster, traceLines } from "./cluster.ts";

/** Loss, jitter, a crash, a pause and a partition: every source of nondeterminism at once. */
function run(seed: number): { trace: string[]; stats: object; views: string[] } {
  const sim = new SimulatedCluster({ size: 8, seed, network: { lossRate: 0.05, jitterTicks: 2 } });
  sim.run(60);
  sim.setMetadata(sim.ids[0]!, "epoch", 2, 2);
  sim.crash(sim.ids[1]!);
  sim.pause(sim.ids[2]!);
  sim.run(200);
  sim.resume(sim.ids[2]!);
  sim.partition(sim.ids.slice(0, 3), sim.ids.slice(3));
  sim.run(300);
  sim.heal();
  sim.run(300);
  return {
    trace: traceLines(sim.observations),
    stats: { ...sim.network.stats },
    views: sim.ids.map((id) => sim.view(id)),
  };
}

describe("deterministic replay", () => {
  it("the same seed replays the same trace, network counts and final views", () => {
    const first = run(42);
    expect(first.trace.length).toBeGreaterThan(10);
    expect(run(42)).toEqual(first);
  });

  it("a different seed gives a different run", () => {
    expect(run(43).trace).not.toEqual(run(42).trace);
  });
});
