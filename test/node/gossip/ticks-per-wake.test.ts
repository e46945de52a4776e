// The agent's timer runs ticksPerWake protocol ticks per fire: fewer wake-ups, same timings.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { GossipAgent, GossipAgentError } from "../../../src/node/gossip/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";

const logger = pino({ level: "silent" });
const dirs: string[] = [];
const agents: GossipAgent[] = [];

async function openAgent(ticksPerWake: number | undefined): Promise<GossipAgent> {
  const dataDir = await mkdtemp(join(tmpdir(), "ringkv-gossip-wake-"));
  dirs.push(dataDir);
  const agent = await GossipAgent.open({
    id: "n1",
    addr: "127.0.0.1:1",
    http: "",
    dataDir,
    tickMs: 5,
    ...(ticksPerWake === undefined ? {} : { ticksPerWake }),
    logger,
  });
  agents.push(agent);
  return agent;
}

afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("gossip agent ticks per wake-up", () => {
  it("runs exactly ticksPerWake ticks on every fire of its timer", async () => {
    const agent = await openAgent(3);
    agent.start();
    const seen = new Set<number>();
    await waitFor(
      () => {
        seen.add(agent.now);
        return agent.now >= 30 ? true : null;
      },
      { what: "30 ticks", timeoutMs: 10_000, intervalMs: 1 },
    );
    expect(seen.size).toBeGreaterThan(3);
    // The clock only ever stops at multiples of 3: no fire ran fewer or more ticks.
    for (const now of seen) expect(now % 3).toBe(0);
  });

  it("runs one tick per fire by default", async () => {
    const agent = await openAgent(undefined);
    expect(agent.ticksPerWake).toBe(1);
  });

  it("refuses a ticksPerWake that is not a positive integer", async () => {
    for (const bad of [0, -1, 1.5]) {
      await expect(openAgent(bad)).rejects.toThrow(GossipAgentError);
      await expect(openAgent(bad)).rejects.toThrow(/ticksPerWake must be a positive integer/);
    }
  });
});
