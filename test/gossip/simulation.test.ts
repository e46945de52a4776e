// Whole clusters on the deterministic network: the promises SWIM makes, checked across seeds.
// Each scenario lists the promises it saw broken (with the seed); the tests demand none.
import { describe, expect, it } from "vitest";
import { GOSSIP_DEFAULTS, messageBytes, retransmitLimit, suspicionMaxTicks } from "../../src/gossip/index.ts";
import { SimulatedCluster } from "./cluster.ts";
import {
  crashScenario,
  DISSEMINATION_PERIODS,
  detectionBoundTicks,
  disseminationScenario,
  partitionScenario,
  pauseScenario,
  steadyScenario,
} from "./scenarios.ts";

const SEEDS = [1, 2, 3, 4, 5];

describe("dissemination", () => {
  it("an update reaches every member; without loss, by gossip alone within a few periods", () => {
    for (const seed of SEEDS) {
      const { violations, ticks } = disseminationScenario({ size: 16, seed });
      expect(violations).toEqual([]);
      expect(ticks).toBeLessThanOrEqual(DISSEMINATION_PERIODS * GOSSIP_DEFAULTS.probeIntervalTicks);
    }
  });

  it("an update reaches every member despite 10% loss", () => {
    for (const seed of SEEDS) {
      expect(disseminationScenario({ size: 16, seed, network: { lossRate: 0.1 } }).violations).toEqual([]);
    }
  });

  it("no probe, ack or gossip message exceeds messageBytesMax or piggybackedUpdatesMax", () => {
    // One setting where the byte limit binds first (updates here are ~130 bytes), one where the count does.
    for (const limits of [
      { messageBytesMax: 500, piggybackedUpdatesMax: 8 },
      { messageBytesMax: 1400, piggybackedUpdatesMax: 3 },
    ]) {
      const sim = new SimulatedCluster({ size: 12, seed: 9, config: limits });
      const oversized: string[] = [];
      let mostBytes = 0;
      let mostUpdates = 0;
      sim.onSend = (message) => {
        if (message.type === "push-pull-request" || message.type === "push-pull-response") return;
        const bytes = messageBytes(message);
        mostBytes = Math.max(mostBytes, bytes);
        mostUpdates = Math.max(mostUpdates, message.updates.length);
        if (message.updates.length > limits.piggybackedUpdatesMax || bytes > limits.messageBytesMax) {
          oversized.push(`${message.type} ${bytes} bytes, ${message.updates.length} updates`);
        }
      };
      // A burst far larger than one message can carry, and a crash so suspicions join the queues.
      for (let i = 0; i < 30; i++) sim.setMetadata(sim.ids[i % 11]!, `shard/${i}`, "v".repeat(60), 1);
      sim.crash(sim.ids[11]!);
      const everywhere = () =>
        sim
          .running()
          .every((id) =>
            Array.from({ length: 30 }, (_, i) => sim.member(id).metadata(`shard/${i}`)).every(Boolean),
          );
      expect(sim.runUntil(everywhere, 2 * sim.config.pushPullIntervalTicks)).toBeDefined();
      expect(oversized).toEqual([]);
      // Some message came close to a limit, so the limits were exercised, not idle.
      expect(mostUpdates === limits.piggybackedUpdatesMax || mostBytes > limits.messageBytesMax - 150).toBe(
        true,
      );
    }
  });

  it("an update is piggybacked at most retransmitLimit times by each member", () => {
    const sim = new SimulatedCluster({ size: 20, seed: 4 });
    const carried = new Map<string, number>();
    sim.onSend = (message) => {
      if (!("updates" in message)) return;
      for (const update of message.updates) {
        if (update.kind === "metadata") carried.set(message.from, (carried.get(message.from) ?? 0) + 1);
      }
    };
    sim.setMetadata(sim.ids[0]!, "epoch", 1, 1);
    sim.run(20 * sim.config.probeIntervalTicks);
    const limit = retransmitLimit(sim.config, 20);
    expect(carried.size).toBeGreaterThan(0);
    expect(Math.max(...carried.values())).toBeLessThanOrEqual(limit);
  });
});

describe("failure detection", () => {
  it("a crashed member is suspected, then declared dead by every other member, within the bound", () => {
    for (const seed of SEEDS) expect(crashScenario({ size: 8, seed }).violations).toEqual([]);
  });

  it("a crashed member is declared dead everywhere despite 5% loss", () => {
    for (const seed of SEEDS) {
      const { violations } = crashScenario({ size: 8, seed, network: { lossRate: 0.05 } });
      expect(violations).toEqual([]);
    }
  });

  it("no member is ever suspected or declared dead without loss", () => {
    for (const seed of SEEDS) expect(steadyScenario({ size: 12, seed, periods: 150 }).violations).toEqual([]);
  });

  it("no running member is declared dead under 5% loss", () => {
    for (const seed of SEEDS) {
      const { violations } = steadyScenario({ size: 12, seed, periods: 150, network: { lossRate: 0.05 } });
      expect(violations).toEqual([]);
    }
  });
});

describe("refutation", () => {
  it("a member paused until suspected refutes on resume, is never declared dead, and stays alive", () => {
    for (const seed of SEEDS) {
      expect(pauseScenario({ size: 8, seed, until: "suspect" }).violations).toEqual([]);
    }
  });

  it("a member paused until declared dead everywhere refutes on resume and stays alive", () => {
    for (const seed of SEEDS) expect(pauseScenario({ size: 8, seed, until: "dead" }).violations).toEqual([]);
  });

  it("a restarted member with a fresh, too-low incarnation outranks its death and is alive everywhere", () => {
    const sim = new SimulatedCluster({ size: 6, seed: 3 });
    const subject = sim.ids[4]!;
    sim.crash(subject);
    const others = sim.ids.filter((id) => id !== subject);
    const bound = detectionBoundTicks(sim.config, 6) + suspicionMaxTicks(sim.config, 6) * 2;
    expect(
      sim.runUntil(() => others.every((id) => sim.stateOf(id, subject) === "dead"), bound),
    ).toBeDefined();
    const deadIncarnation = sim.member(others[0]!).member(subject)!.incarnation;
    sim.restart(subject, 0, [others[0]!]);
    const back = () =>
      others.every((id) => {
        const record = sim.member(id).member(subject);
        return record?.state === "alive" && record.incarnation > deadIncarnation;
      });
    expect(sim.runUntil(back, DISSEMINATION_PERIODS * sim.config.probeIntervalTicks)).toBeDefined();
  });

  it("a member that leaves is seen as left everywhere and never accused, even after it stops", () => {
    const sim = new SimulatedCluster({ size: 6, seed: 5 });
    const leaver = sim.ids[2]!;
    sim.member(leaver).leave();
    const others = sim.ids.filter((id) => id !== leaver);
    expect(
      sim.runUntil(() => others.every((id) => sim.stateOf(id, leaver) === "left"), 5 * 20),
    ).toBeDefined();
    sim.run(3 * sim.config.probeIntervalTicks);
    sim.crash(leaver);
    sim.run(2 * suspicionMaxTicks(sim.config, 6));
    expect(others.map((id) => sim.stateOf(id, leaver))).toEqual(others.map(() => "left"));
    expect([...sim.verdicts(leaver, "suspect"), ...sim.verdicts(leaver, "dead")]).toEqual([]);
  });
});

describe("anti-entropy", () => {
  it("a partition of 2 from 3 heals: every member converges on one view, all alive", () => {
    for (const seed of SEEDS) {
      const { violations } = partitionScenario({ size: 5, seed, config: { pushPullIntervalTicks: 100 } });
      expect(violations).toEqual([]);
    }
  });

  it("a member joining through one seed learns the whole cluster, and the cluster learns it", () => {
    const sim = new SimulatedCluster({ size: 8, seed: 6 });
    const joiner = sim.ids[7]!;
    sim.crash(joiner);
    sim.restart(joiner, 1, [sim.ids[0]!]);
    const everyone = () =>
      sim.ids.every((x) => sim.ids.every((y) => sim.stateOf(x, y) === "alive")) && sim.converged();
    expect(sim.runUntil(everyone, DISSEMINATION_PERIODS * sim.config.probeIntervalTicks)).toBeDefined();
  });
});
