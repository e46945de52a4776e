// What a leader lease rests on in the core (RawNode.leaseState, RaftConfig.leaseOnStart): a
// voter that acknowledged a leader refuses other candidates for an election timeout, even if it
// restarts meanwhile; a leader that sent TimeoutNow or has a conf change pending holds none.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/node/host/random.ts";
import {
  ConfChangeTransition,
  ConfChangeType,
  MemoryStorage,
  MessageType,
  RawNode,
} from "../../src/raft/index.ts";
import { bytes, Harness } from "./cluster-harness.ts";

/** n1 leads n1..n3; then n1 is cut off, n2 restarted, and n3 campaigns at once. */
function restartThenCampaign(leaseOnStart: boolean): Harness {
  const h = new Harness(["n1", "n2", "n3"], { leaseOnStart });
  // Out of the start lease everywhere, as a running cluster is.
  h.tickAll(10);
  h.node("n1").campaign();
  h.stabilize();
  expect(h.leader()).toBe("n1");
  h.isolate("n1");
  h.restart("n2");
  h.node("n3").campaign(); // as if its timer ran out (a partition, a slow clock)
  h.stabilize();
  return h;
}

describe("leader lease in the core", () => {
  it("a restarted voter refuses votes for its first election timeout with leaseOnStart", () => {
    const h = restartThenCampaign(true);
    expect(h.node("n3").status().role).not.toBe("leader");
    // After a full election timeout the restarted voter votes again.
    h.tickAll(10);
    h.node("n3").campaign();
    h.stabilize();
    expect(h.node("n3").status().role).toBe("leader");
  });

  it("without leaseOnStart a restarted voter votes at once (the hole the option closes)", () => {
    const h = restartThenCampaign(false);
    expect(h.node("n3").status().role).toBe("leader");
  });

  it("a leader holds a lease state in its term and configuration, and none after sending TimeoutNow", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    const lease = h.node("n1").leaseState();
    expect(lease).toEqual({ term: h.node("n1").status().term, conf: "n1,n2,n3|" });
    expect(h.node("n2").leaseState()).toBeUndefined();
    // The TimeoutNow is lost: the transfer is abandoned after an election timeout, n1 leads on.
    h.drop = (m) => m.type === MessageType.TimeoutNow;
    h.node("n1").transferLeadership("n2");
    h.stabilize();
    h.tickAll(12);
    expect(h.node("n1").status().role).toBe("leader");
    expect(h.node("n1").status().leadTransferee).toBe("");
    // A TimeoutNow still in flight would win n2 votes despite any lease: none for this term.
    expect(h.node("n1").leaseState()).toBeUndefined();
  });

  it("a leader with a conf change in the log holds no lease state until it is applied", () => {
    const h = new Harness(["n1", "n2", "n3"]);
    h.node("n1").campaign();
    h.stabilize();
    h.isolate("n2", "n3");
    h.node("n1").proposeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.AddNode, nodeId: "n4" }],
    });
    h.flush();
    expect(h.node("n1").leaseState()).toBeUndefined();
    h.heal();
    h.stabilize();
    h.tickAll(1);
    h.stabilize();
    expect(h.node("n1").leaseState()?.conf).toBe("n1,n2,n3,n4|");
  });
});

describe("reads from a leader lease (RaftConfig.leaseRead)", () => {
  /** n1 leads n1..n3 with its no-op committed; every message is recorded in `sent`. */
  function leaseCluster(): { h: Harness; sent: { type: string; from: string; to: string }[] } {
    const h = new Harness(["n1", "n2", "n3"], { leaseOnStart: true, leaseRead: true });
    h.tickAll(10);
    h.node("n1").campaign();
    h.stabilize();
    expect(h.leader()).toBe("n1");
    const sent: { type: string; from: string; to: string }[] = [];
    h.drop = (m) => {
      sent.push({ type: m.type, from: m.from, to: m.to });
      return false;
    };
    return { h, sent };
  }

  it("a leader whose lease covers the moment answers a read at its commit index, with no round", () => {
    const { h, sent } = leaseCluster();
    h.lease = () => true;
    h.node("n1").propose(bytes("x"));
    h.stabilize();
    sent.length = 0;
    h.node("n1").readIndex("r1");
    h.stabilize();
    expect(h.reads.get("n1")?.map((r) => r.context)).toEqual(["r1"]);
    expect(h.reads.get("n1")?.[0]?.index).toBe(h.node("n1").status().commit);
    expect(sent.filter((m) => m.type === MessageType.Heartbeat)).toEqual([]);
    expect(h.leaseAsked.at(-1)).toEqual({ id: "n1", state: h.node("n1").leaseState() });
  });

  it("without a covering lease the read runs a heartbeat round, as plain ReadIndex does", () => {
    const { h, sent } = leaseCluster();
    h.lease = () => false;
    h.node("n1").readIndex("r1");
    h.stabilize();
    expect(h.reads.get("n1")?.map((r) => r.context)).toEqual(["r1"]);
    expect(sent.filter((m) => m.type === MessageType.Heartbeat).length).toBe(2);
  });

  it("a read marked byRound runs a round even under a lease (what renews a lease)", () => {
    const { h, sent } = leaseCluster();
    h.lease = () => true;
    h.node("n1").readIndex("renew", true);
    h.stabilize();
    expect(h.reads.get("n1")?.map((r) => r.context)).toEqual(["renew"]);
    expect(sent.filter((m) => m.type === MessageType.Heartbeat).length).toBe(2);
    // Cut off, a byRound read is not answered at all, lease or not.
    h.isolate("n1");
    h.node("n1").readIndex("cut", true);
    h.stabilize();
    expect(h.reads.get("n1")?.map((r) => r.context)).toEqual(["renew"]);
  });

  it("a follower's ReadIndex is answered from the leader's lease with no round", () => {
    const { h, sent } = leaseCluster();
    h.lease = (id) => id === "n1";
    h.node("n2").readIndex("f1");
    h.stabilize();
    expect(h.reads.get("n2")?.map((r) => r.context)).toEqual(["f1"]);
    expect(sent.map((m) => m.type)).toEqual([MessageType.ReadIndex, MessageType.ReadIndexResp]);
  });

  it("a leader that sent TimeoutNow is not asked: its reads run rounds", () => {
    const { h, sent } = leaseCluster();
    h.lease = () => true;
    h.drop = (m) => {
      sent.push({ type: m.type, from: m.from, to: m.to });
      return m.type === MessageType.TimeoutNow;
    };
    h.node("n1").transferLeadership("n2");
    h.stabilize();
    const asked = h.leaseAsked.length;
    sent.length = 0;
    h.node("n1").readIndex("r1");
    h.stabilize();
    expect(h.leaseAsked.length).toBe(asked);
    expect(sent.filter((m) => m.type === MessageType.Heartbeat).length).toBe(2);
  });

  it("a new leader is not asked before it has committed in its term", () => {
    const { h } = leaseCluster();
    h.lease = () => true;
    // A new leader wins without n1, but its App messages (and so its no-op) are held back.
    h.drop = (m) => m.from === "n1" || m.to === "n1" || m.type === MessageType.App;
    h.tickAll(40);
    const l = ["n2", "n3"].find((id) => h.node(id).status().role === "leader");
    expect(l).toBeDefined();
    const asked = h.leaseAsked.length;
    h.node(l!).readIndex("r1");
    h.stabilize();
    expect(h.leaseAsked.length).toBe(asked);
    expect(h.reads.get(l!) ?? []).toEqual([]);
    // Nor does it hold a lease state that a host could serve from (Replica.leaderReadBarrier).
    expect(h.node(l!).leaseState()).toBeUndefined();
    h.drop = (m) => m.from === "n1" || m.to === "n1";
    h.node(l!).tick();
    h.stabilize();
    expect(h.node(l!).leaseState()?.term).toBe(h.node(l!).status().term);
    expect(h.reads.get(l!)?.map((r) => r.context)).toEqual(["r1"]);
    expect(h.leaseAsked.slice(asked).map((a) => a.id)).toEqual([l]);
  });

  it("refuses a configuration where voters honour no lease", () => {
    const storage = new MemoryStorage();
    const make = (leaseOnStart: boolean) =>
      new RawNode({ id: "n1", storage, random: seededRandom(1), leaseOnStart, leaseRead: () => true });
    expect(() => make(false)).toThrow(/leaseRead needs checkQuorum and leaseOnStart/);
    expect(() => make(true)).not.toThrow();
  });
});
