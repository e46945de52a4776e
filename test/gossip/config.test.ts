import { describe, expect, it } from "vitest";
import {
  GossipError,
  gossipConfig,
  pushPullIntervalTicks,
  retransmitLimit,
  suspicionConfirmationsExpected,
  suspicionMaxTicks,
  suspicionMinTicks,
} from "../../src/gossip/index.ts";

const config = gossipConfig();

describe("gossip config formulas", () => {
  it("suspicion min = multiplier · max(1, log10 N) · probe period; max = maxMultiplier · min", () => {
    expect(suspicionMinTicks(config, 5)).toBe(4 * 1 * 20);
    expect(suspicionMinTicks(config, 1000)).toBe(4 * 3 * 20);
    expect(suspicionMaxTicks(config, 1000)).toBe(6 * 240);
  });

  it("expects K = multiplier − 2 confirmations, or none when too few members could confirm", () => {
    expect(suspicionConfirmationsExpected(config, 100)).toBe(2);
    expect(suspicionConfirmationsExpected(config, 3)).toBe(0);
  });

  it("retransmits each update multiplier · ⌈log10(N + 1)⌉ times", () => {
    expect(retransmitLimit(config, 9)).toBe(4);
    expect(retransmitLimit(config, 10)).toBe(8);
    expect(retransmitLimit(config, 1000)).toBe(16);
  });

  it("stretches push-pull past 32 members by ⌈log2 N − log2 32⌉ + 1", () => {
    expect(pushPullIntervalTicks(config, 32)).toBe(600);
    expect(pushPullIntervalTicks(config, 64)).toBe(1200);
    expect(pushPullIntervalTicks(config, 1000)).toBe(600 * 6);
  });
});

describe("gossip config validation", () => {
  it("rejects non-integer, zero or inconsistent settings with InvalidConfig", () => {
    for (const bad of [{ probeIntervalTicks: 0 }, { gossipFanout: 1.5 }, { probeTimeoutTicks: 20 }]) {
      expect(() => gossipConfig(bad)).toThrow(GossipError);
      try {
        gossipConfig(bad);
      } catch (error) {
        expect(error instanceof GossipError && error.code).toBe("InvalidConfig");
      }
    }
  });

  it("allows zero indirect probes (plain SWIM without ping-req)", () => {
    expect(gossipConfig({ indirectProbes: 0 }).indirectProbes).toBe(0);
  });
});
