// Quiescence and proposal batching in the core: an idle group goes quiet and sends nothing, any
// work wakes it, a read on a quiet leader still runs a real quorum round, and a quiet follower
// whose leader's node is no longer alive wakes and campaigns. Several proposals between two
// Readies leave as one App per follower.
import { describe, expect, it } from "vitest";
import { MessageType, Role } from "../../src/raft/index.ts";
import { bytes, Harness, message, text } from "./cluster-harness.ts";

const IDS = ["n1", "n2", "n3"];

/** A 3-node group led by n1, ticked until it went quiet. */
function quietGroup(): Harness {
  const h = new Harness(IDS, { quiesce: true });
  h.node("n1").campaign();
  h.stabilize();
  h.tickAll(3);
  return h;
}

/** Messages the group sends over `ticks` ticks. */
function trafficOver(h: Harness, ticks: number): number {
  let sent = 0;
  for (let i = 0; i < ticks; i++) {
    for (const n of h.nodes.values()) n.tick();
    sent += h.stabilize();
  }
  return sent;
}

describe("quiescence", () => {
  it("an idle, fully replicated group goes quiet and sends nothing while its nodes are alive", () => {
    const h = quietGroup();
    for (const id of IDS) expect(h.node(id).quiescent).toBe(true);
    expect(trafficOver(h, 100)).toBe(0);
    expect(h.leader()).toBe("n1");
  });

  it("without quiescence the same group heartbeats every tick", () => {
    const h = new Harness(IDS);
    h.node("n1").campaign();
    h.stabilize();
    expect(trafficOver(h, 10)).toBeGreaterThanOrEqual(10 * 2 * 2);
  });

  it("a proposal wakes the group, commits everywhere, and the group goes quiet again", () => {
    const h = quietGroup();
    h.node("n1").propose(bytes("wake"));
    expect(h.node("n1").quiescent).toBe(false);
    h.stabilize();
    h.tickAll(3);
    for (const id of IDS) {
      expect(h.applied.get(id)!.map((e) => text(e.data))).toEqual(["wake"]);
      expect(h.node(id).quiescent).toBe(true);
    }
  });

  it("a read on a quiet leader wakes it and confirms leadership with a quorum round", () => {
    const h = quietGroup();
    h.node("n1").readIndex("r1");
    h.flush();
    const round = h.mailbox.filter((m) => m.type === MessageType.Heartbeat && m.context !== "");
    expect(round.map((m) => m.to).sort()).toEqual(["n2", "n3"]);
    // No quorum answers: the read is not released.
    h.isolate("n2", "n3");
    h.stabilize();
    expect(h.reads.get("n1") ?? []).toEqual([]);
    h.heal();
    h.tickAll(2);
    expect((h.reads.get("n1") ?? []).map((r) => r.context)).toEqual(["r1"]);
  });

  it("a quiet follower whose leader's node dies wakes, and the survivors elect a leader", () => {
    const h = quietGroup();
    h.isolate("n1");
    // The liveness layer has not noticed yet: the followers stay quiet.
    for (let i = 0; i < 50; i++) for (const id of ["n2", "n3"]) h.node(id).tick();
    expect(h.node("n2").status().leader).toBe("n1");
    h.live = (_observer, target) => target !== "n1";
    h.tickAll(40);
    const leaders = ["n2", "n3"].filter((id) => h.node(id).status().role === Role.Leader);
    expect(leaders).toHaveLength(1);
  });

  it("a quiet leader that loses its followers wakes and steps down (CheckQuorum)", () => {
    const h = quietGroup();
    h.isolate("n1");
    h.live = (observer, target) => !(observer === "n1" || target === "n1");
    for (let i = 0; i < 40; i++) h.node("n1").tick();
    h.stabilize();
    expect(h.node("n1").status().role).not.toBe(Role.Leader);
  });

  it("a follower woken by a stranger's message wakes its leader, so it never campaigns", () => {
    const h = quietGroup();
    const campaigns: string[] = [];
    h.drop = (m) => {
      if (m.type === MessageType.PreVote || m.type === MessageType.Vote) campaigns.push(m.from);
      return false;
    };
    h.node("n2").step(
      message({ type: MessageType.HeartbeatResp, from: "n3", to: "n2", term: h.node("n2").status().term }),
    );
    h.tickAll(60);
    expect(campaigns).toEqual([]);
    expect(h.leader()).toBe("n1");
  });
});

describe("proposal batching", () => {
  it("proposals between two Readies leave as one App per follower", () => {
    const h = new Harness(IDS);
    h.node("n1").campaign();
    h.stabilize();
    for (let i = 0; i < 10; i++) h.node("n1").propose(bytes(`p${i}`));
    const rd = h.node("n1").ready();
    const apps = rd.messages.filter((m) => m.type === MessageType.App);
    expect(apps.map((m) => m.to).sort()).toEqual(["n2", "n3"]);
    for (const m of apps)
      expect(m.entries.map((e) => text(e.data))).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}`));
  });
});
