// Five gossip agents on loopback gRPC: the promises the node relies on, end to end.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compareMemberRecords,
  DEFAULT_MERGE_RULES,
  type GossipEvent,
  type MemberRecord,
  type MergeRules,
} from "../../../src/gossip/index.ts";
import { INCARNATION_FILE } from "../../../src/node/gossip/index.ts";
import { WaitTimeoutError, waitFor } from "../../cluster/wait-for.ts";
import { deliverRaw, LoopbackCluster, type LoopbackNode, waitForEach, waitForView } from "./loopback.ts";

const IDS = ["n1", "n2", "n3", "n4", "n5"];

/** What the scenario measured, printed once at the end (for the report and the README). */
const timings: Record<string, number> = {};

describe("gossip agents on loopback gRPC", () => {
  let cluster: LoopbackCluster;
  /** n5 as it was when it crashed: its port and data directory are reused by the restart. */
  let crashedN5: LoopbackNode | undefined;
  const others = (id: string): LoopbackNode[] => cluster.nodes().filter((n) => n.id !== id);

  beforeAll(async () => {
    cluster = await LoopbackCluster.create();
    const started = performance.now();
    await cluster.startAll(IDS);
    for (const id of IDS) {
      await waitForView(cluster.nodes(), id, (state) => state === "alive", "everyone sees it alive");
    }
    timings["converge5Ms"] = Math.round(performance.now() - started);
  });

  afterAll(async () => {
    // Refutations of live members are false suspicions: loopback should cause none or few.
    timings["refutations"] = cluster
      .nodes()
      .reduce((sum, n) => sum + n.agent.stats().protocol.refutations, 0);
    await cluster?.close();
    console.log("gossip loopback timings (ms):", JSON.stringify(timings));
  });

  it("every agent, told only of n1, comes to see all five alive", () => {
    for (const node of cluster.nodes()) {
      const view = node.agent.members();
      expect(view.map((m) => m.id)).toEqual(IDS);
      expect(view.every((m) => m.state === "alive")).toBe(true);
      // Each record carries the member's own addresses.
      for (const m of view) expect(m.addr).toBe(cluster.node(m.id).addr);
    }
  });

  it("metadata published on one agent reaches all", async () => {
    const writer = cluster.node("n3").agent;
    expect(writer.publish("placement/epoch", { epoch: 7, shards: [0, 1] })).toBe(true);
    const version = writer.metadata("placement/epoch")!.version;
    const started = performance.now();
    await waitForEach(cluster.nodes(), "the entry everywhere", (n) => {
      const entry = n.agent.metadata("placement/epoch");
      return entry?.version === version && entry.origin === "n3";
    });
    timings["metadataSpreadMs"] = Math.round(performance.now() - started);
    for (const node of cluster.nodes()) {
      expect(node.agent.metadata("placement/epoch")?.value).toEqual({ epoch: 7, shards: [0, 1] });
      expect(node.agent.entries("placement/").map((e) => e.key)).toEqual(["placement/epoch"]);
    }
    // A later write from anywhere outranks it (the version moves past the held one).
    expect(cluster.node("n1").agent.publish("placement/epoch", { epoch: 8, shards: [] })).toBe(true);
    await waitForEach(cluster.nodes(), "the newer entry everywhere", (n) => {
      const entry = n.agent.metadata("placement/epoch");
      return entry?.origin === "n1" && entry.version > version;
    });
    // An explicit version below the held one changes nothing.
    expect(cluster.node("n2").agent.publish("placement/epoch", null, 1)).toBe(false);
  });

  it("a crashed agent is suspected, then declared dead, by all the others", async () => {
    const seen = recordStates(others("n5"), "n5");
    const crashed = performance.now();
    crashedN5 = await cluster.crash("n5");
    await waitFor(() => others("n5").some((n) => n.agent.member("n5")?.state === "suspect"), {
      timeoutMs: 8_000,
      what: "n5 suspected by someone",
      intervalMs: 5,
    });
    timings["firstSuspectMs"] = Math.round(performance.now() - crashed);
    await waitForView(others("n5"), "n5", (state) => state === "dead", "everyone sees it dead");
    timings["allDeadMs"] = Math.round(performance.now() - crashed);
    seen.stop();
    // Wherever both were seen, suspicion came before death.
    for (const [observer, states] of seen.states) {
      expect(states.indexOf("suspect"), `${observer} saw ${states}`).toBeLessThanOrEqual(
        Math.max(0, states.indexOf("dead")),
      );
    }
    expect([...seen.states.values()].some((states) => states.includes("suspect"))).toBe(true);
  });

  it("a restarted agent starts above its previous incarnation and is seen alive again", async () => {
    const crashed = crashedN5!;
    const before = Math.max(...others("n5").map((n) => n.agent.member("n5")!.incarnation));
    const file = JSON.parse(await readFile(join(crashed.dataDir, INCARNATION_FILE), "utf8"));
    const restarted = performance.now();
    // The same port and data directory: a process restart.
    const n5 = await cluster.start("n5", { port: crashed.port });
    // From the persisted file alone, before hearing from anyone.
    expect(n5.agent.incarnation).toBe(file.incarnation + 1);
    expect(n5.agent.incarnation).toBeGreaterThan(before);
    n5.agent.start();
    n5.agent.addPeers(others("n5").map((n) => ({ id: n.id, addr: n.addr })));
    await waitForView(
      cluster.nodes(),
      "n5",
      (state, incarnation) => state === "alive" && incarnation > before,
      "everyone sees the new life alive",
    );
    timings["restartSeenAliveMs"] = Math.round(performance.now() - restarted);
  });

  it("a member restarted on a new address is reached there", async () => {
    const before = cluster.node("n2").agent.incarnation;
    const oldAddr = cluster.node("n2").addr;
    await cluster.crash("n2");
    const started = performance.now();
    const n2 = await cluster.start("n2");
    expect(n2.addr).not.toBe(oldAddr);
    n2.agent.start();
    n2.agent.addPeers(others("n2").map((n) => ({ id: n.id, addr: n.addr })));
    await waitForEach(cluster.nodes(), "everyone holds n2's new life and address", (n) => {
      const view = n.agent.member("n2");
      return view?.state === "alive" && view.incarnation > before && view.addr === n2.addr;
    });
    timings["newAddressSeenMs"] = Math.round(performance.now() - started);
    // …and probes reach it there.
    const probed = n2.agent.stats().messagesReceived;
    await waitFor(() => n2.agent.stats().messagesReceived > probed + 10, {
      timeoutMs: 5_000,
      what: "n2 probed",
    });
    // Probed there, it is alive there: a suspicion a slow first connection caused on a loaded
    // machine is refuted by n2 itself (a higher incarnation), which only a reached member can do.
    await waitForEach(cluster.nodes(), "everyone holds n2 alive at its new address after probes", (n) => {
      const view = n.agent.member("n2");
      return view?.state === "alive" && view.addr === n2.addr;
    });
  });

  it("a garbage batch is refused with INVALID_ARGUMENT and the agent gossips on", async () => {
    const n1 = cluster.node("n1");
    const rejected = n1.agent.stats().batchesRejected;
    const status = await deliverRaw(n1.addr, new TextEncoder().encode("garbage bytes here!!"));
    expect(status).toBe(grpc.status.INVALID_ARGUMENT);
    expect(n1.agent.stats().batchesRejected).toBe(rejected + 1);
    expect(n1.agent.publish("after/garbage", true)).toBe(true);
    await waitForEach(
      cluster.nodes(),
      "the entry everywhere",
      (n) => n.agent.metadata("after/garbage") !== undefined,
    );
  });

  it("an agent that leaves is marked left, never suspected", async () => {
    // From a settled view: the earlier crash and restarts may leave a suspicion of n4 (on a
    // loaded machine a probe can miss), and its refutation is no part of the leave.
    await waitForView(others("n4"), "n4", (state) => state === "alive", "everyone sees n4 alive");
    const seen = recordStates(others("n4"), "n4");
    const n4 = cluster.node("n4");
    const started = performance.now();
    await n4.agent.leave();
    timings["leaveReturnedMs"] = Math.round(performance.now() - started);
    expect(n4.agent.state).toBe("stopped");
    await waitForView(others("n4"), "n4", (state) => state === "left", "everyone sees it left");
    timings["leftEverywhereMs"] = Math.round(performance.now() - started);
    seen.stop();
    for (const states of seen.states.values()) expect(states).toEqual(["left"]);
    // The graceful leave spread while the agent still ran: nothing was lost to its stop.
    const sent = n4.agent.stats();
    expect(sent.messagesSent).toBeGreaterThan(0);
  });
});

/** Bug: a lower incarnation wins, so a restarted member's new life never outranks its death. */
const lowerIncarnationWins: MergeRules = {
  ...DEFAULT_MERGE_RULES,
  compareMembers: (a: MemberRecord, b: MemberRecord) =>
    a.incarnation !== b.incarnation ? b.incarnation - a.incarnation : compareMemberRecords(a, b),
};

describe("a check that cannot fail proves nothing", () => {
  it("the restart check catches agents whose merge rule lets a lower incarnation win", async () => {
    const cluster = await LoopbackCluster.create();
    try {
      await cluster.startAll(["p1", "p2", "p3"], { rules: lowerIncarnationWins });
      const all = cluster.nodes();
      for (const id of ["p1", "p2", "p3"]) {
        await waitForView(all, id, (state) => state === "alive", "everyone sees it alive");
      }
      const port = cluster.node("p3").port;
      await cluster.crash("p3");
      const observers = cluster.nodes();
      await waitForView(observers, "p3", (state) => state === "dead", "p3 dead");
      const p3 = await cluster.start("p3", { port, rules: lowerIncarnationWins });
      p3.agent.start();
      p3.agent.addPeers(observers.map((n) => ({ id: n.id, addr: n.addr })));
      const check = waitForView(
        cluster.nodes(),
        "p3",
        (state, incarnation) => state === "alive" && incarnation > 0,
        "everyone sees the new life alive",
        2_000,
      );
      await expect(check).rejects.toBeInstanceOf(WaitTimeoutError);
    } finally {
      await cluster.close();
    }
  });
});

/** Every state change of `id` each observer goes through, from now until stop(). */
function recordStates(observers: readonly LoopbackNode[], id: string) {
  const states = new Map<string, string[]>();
  const unsubscribe = observers.map((o) => {
    states.set(o.id, []);
    return o.agent.onEvent((event: GossipEvent) => {
      if (event.type !== "member-changed" || event.member.id !== id) return;
      if (event.previous?.state === event.member.state) return;
      states.get(o.id)!.push(event.member.state);
    });
  });
  const stop = () => {
    for (const u of unsubscribe) u();
  };
  return { states, stop };
}
