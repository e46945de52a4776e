// A member the meta group lists but gossip has never reached (a join for an address where
// nothing listens) is not alive: suspect at once, dead after the longest suspicion, so eviction
// removes it like any member that stopped answering. One that starts late is taken in.
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOSSIP_DEFAULTS } from "../../../src/gossip/config.ts";
import { suspicionMaxTicks } from "../../../src/gossip/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { FAST_CONFIG, LoopbackCluster, TICK_MS } from "./loopback.ts";

/** A loopback port nothing listens on (bound once, then released). */
async function freePort(): Promise<number> {
  const server = new grpc.Server();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  server.forceShutdown();
  return port;
}

describe("a member gossip has never heard from", () => {
  let cluster: LoopbackCluster;

  beforeAll(async () => {
    cluster = await LoopbackCluster.create();
    await cluster.startAll(["n1", "n2"]);
    await waitFor(() => cluster.node("n2").agent.member("n1")?.state === "alive", {
      timeoutMs: 8_000,
      what: "n2 sees n1 alive",
    });
  });

  afterAll(async () => {
    await cluster?.close();
  });

  it("is suspect at once, then dead after the longest suspicion", async () => {
    const agent = cluster.node("n1").agent;
    const started = performance.now();
    agent.addPeers([{ id: "ghost", addr: `127.0.0.1:${await freePort()}` }]);
    expect(agent.member("ghost")?.state).toBe("suspect");
    expect(agent.members().map((m) => m.id)).toContain("ghost");
    const config = { ...GOSSIP_DEFAULTS, ...FAST_CONFIG };
    const deadAfterMs = suspicionMaxTicks(config, 3) * TICK_MS;
    await waitFor(() => agent.member("ghost")?.state === "dead", {
      timeoutMs: deadAfterMs * 4 + 2_000,
      what: "the ghost declared dead",
    });
    // Not before the longest suspicion a real member is given to refute.
    expect(performance.now() - started).toBeGreaterThanOrEqual(deadAfterMs * 0.9);
  });

  it("is taken in as alive once something answers at its address", async () => {
    const agent = cluster.node("n1").agent;
    const port = await freePort();
    agent.addPeers([{ id: "late", addr: `127.0.0.1:${port}` }]);
    expect(agent.member("late")?.state).toBe("suspect");
    const late = await cluster.start("late", { port });
    late.agent.start();
    await waitFor(() => agent.member("late")?.state === "alive", {
      timeoutMs: 8_000,
      what: "the late member seen alive",
    });
  });
});
