// Promises of the Raft core that the classic bugs break, each checked on a small cluster with
// hand-delivered messages (test/mutation/mutants.ts lists the bugs these must catch).
import { describe, expect, it } from "vitest";
import { ConfChangeType, MessageType } from "../../src/raft/index.ts";
import { bytes, Harness } from "./cluster-harness.ts";

function electedCluster(ids = ["n1", "n2", "n3"], learners: string[] = []): Harness {
  const h = new Harness(ids, { learners });
  h.node("n1").campaign();
  h.stabilize();
  expect(h.leader()).toBe("n1");
  return h;
}

describe("raft safety", () => {
  it("a steady leader keeps its term while heartbeats flow", () => {
    const h = electedCluster();
    const term = h.node("n1").status().term;
    h.tickAll(200);
    for (const id of ["n1", "n2", "n3"]) expect(h.node(id).status().term).toBe(term);
    expect(h.leader()).toBe("n1");
  });

  it("every election bumps the term", () => {
    const h = electedCluster();
    const term = h.node("n1").status().term;
    h.isolate("n1");
    h.node("n2").campaign();
    h.stabilize();
    h.tickAll(30);
    const leader = ["n2", "n3"].find((id) => h.node(id).status().role === "leader");
    expect(leader).toBeDefined();
    expect(h.node(leader!).status().term).toBeGreaterThan(term);
  });

  it("a candidate cannot win with learners' votes", () => {
    const h = electedCluster(["n1", "n2", "n3"], ["n4", "n5"]);
    // n2 can reach only the learners; their votes must not make it leader.
    h.drop = (m) =>
      (m.from === "n2" && (m.to === "n1" || m.to === "n3")) ||
      (m.to === "n2" && (m.from === "n1" || m.from === "n3"));
    h.tickAll(60);
    expect(h.node("n2").status().role).not.toBe("leader");
  });

  it("learners do not count towards the commit quorum", () => {
    const h = electedCluster(["n1", "n2", "n3"], ["n4", "n5"]);
    h.drop = (m) => m.to === "n2" || m.to === "n3";
    const { index } = h.node("n1").propose(bytes("needs voters"));
    h.stabilize();
    expect(h.node("n1").status().commit).toBeLessThan(index);
    h.heal();
    h.tickAll(2);
    expect(h.node("n1").status().commit).toBeGreaterThanOrEqual(index);
  });

  it("a new leader answers no read until it has committed an entry of its term", () => {
    const h = electedCluster();
    h.node("n1").propose(bytes("x"));
    h.stabilize();
    // A new leader wins, but its App messages (and so its no-op) are held back; heartbeats flow.
    h.drop = (m) => m.from === "n1" || m.to === "n1" || m.type === MessageType.App;
    h.tickAll(40);
    const leader = ["n2", "n3"].find((id) => h.node(id).status().role === "leader");
    expect(leader).toBeDefined();
    const l = leader!;
    const noopIndex = h.node(l).status().lastIndex;
    h.node(l).readIndex("r1");
    const beat = (): void => {
      for (let i = 0; i < 5; i++) {
        h.node(l).tick();
        h.stabilize();
      }
    };
    const reads = (): number[] => (h.reads.get(l) ?? []).map((r) => r.index);
    beat();
    expect(reads()).toEqual([]);
    h.drop = (m) => m.from === "n1" || m.to === "n1";
    beat();
    expect(reads()).toHaveLength(1);
    expect(reads()[0]).toBeGreaterThanOrEqual(noopIndex);
  });

  it("a leader cut off from its quorum serves no linearizable read", () => {
    const h = electedCluster();
    h.node("n1").propose(bytes("x"));
    h.stabilize();
    h.isolate("n1");
    h.node("n1").readIndex("r1");
    h.stabilize();
    h.node("n1").tick();
    h.stabilize();
    expect(h.reads.get("n1") ?? []).toEqual([]);
  });

  it("a replica that applied its own removal never campaigns", () => {
    const h = electedCluster();
    h.node("n1").proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: "n3" });
    h.stabilize();
    h.tickAll(2);
    expect(h.node("n3").status().confState.voters).not.toContain("n3");
    h.isolate("n3");
    h.tickAll(60);
    expect(h.node("n3").status().role).toBe("follower");
  });

  it("a removed server that never learned of its removal cannot disrupt the cluster", () => {
    const h = electedCluster();
    h.isolate("n3");
    h.node("n1").proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: "n3" });
    h.stabilize();
    h.tickAll(3);
    const term = h.node("n1").status().term;
    // n3 times out alone and keeps campaigning; then it can reach the others again.
    for (let i = 0; i < 40; i++) {
      h.node("n3").tick();
      h.stabilize();
    }
    h.heal();
    h.tickAll(60);
    expect(h.leader()).toBe("n1");
    expect(h.node("n1").status().term).toBe(term);
    expect(h.node("n2").status().term).toBe(term);
  });

  it("a stale leader's AppendEntries are refused", () => {
    const h = electedCluster();
    h.isolate("n1");
    h.tickAll(30); // n2 or n3 takes over at a higher term
    const newLeader = ["n2", "n3"].find((id) => h.node(id).status().role === "leader")!;
    const follower = newLeader === "n2" ? "n3" : "n2";
    const storage = h.storages.get(follower)!;
    const last = storage.lastIndex();
    const lastTerm = storage.term(last);
    // The old leader, still believing, appends and sends; its mail reaches the follower late.
    const stale = h.node("n1").status();
    h.node(follower).step({
      type: MessageType.App,
      from: "n1",
      to: follower,
      term: stale.term,
      logTerm: lastTerm,
      index: last,
      entries: [{ term: stale.term, index: last + 1, type: 0, data: bytes("stale") }],
      commit: last + 1,
      reject: false,
      rejectHint: 0,
      rejectTerm: 0,
      snapshot: null,
      context: "",
    });
    h.flush();
    expect(storage.lastIndex()).toBe(last);
    expect(h.node(follower).status().leader).toBe(newLeader);
  });

  it("a restarted voter remembers whom it voted for", () => {
    const h = new Harness(["n1", "n2", "n3"], { preVote: false });
    h.drop = (m) => m.to === "n3" || m.from === "n3";
    h.node("n1").campaign();
    h.stabilize();
    expect(h.node("n2").status().vote).toBe("n1");
    const term = h.node("n2").status().term;
    h.restart("n2");
    expect(h.node("n2").status().vote).toBe("n1");
    // n3 asks n2 for a vote in the same term: n2 must refuse.
    h.heal();
    h.node("n2").step({
      type: MessageType.Vote,
      from: "n3",
      to: "n2",
      term,
      logTerm: 1,
      index: 1,
      entries: [],
      commit: 0,
      reject: false,
      rejectHint: 0,
      rejectTerm: 0,
      snapshot: null,
      context: "",
    });
    const rd = h.node("n2").ready();
    const answer = rd.messages.find((m) => m.type === MessageType.VoteResp && m.to === "n3");
    expect(answer?.reject).toBe(true);
  });
});
