// Promises of the Raft core that the classic bugs break, each checked on a small cluster with
// hand-delivered messages (test/mutation/mutants.ts lists the bugs these must catch).
import { describe, expect, it } from "vitest";
import {
  ConfChangeTransition,
  ConfChangeType,
  type Entry,
  EntryType,
  MessageType,
} from "../../src/raft/index.ts";
import { bytes, Harness, type HarnessOptions, message, text } from "./cluster-harness.ts";

function electedCluster(ids = ["n1", "n2", "n3"], learners: string[] = []): Harness {
  const h = new Harness(ids, { learners });
  h.node("n1").campaign();
  h.stabilize();
  expect(h.leader()).toBe("n1");
  return h;
}

describe("raft safety", () => {
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
    // n2 and the learners are cut off from n1 and n3; the learners' votes must not elect n2.
    const side = new Set(["n2", "n4", "n5"]);
    h.drop = (m) => side.has(m.from) !== side.has(m.to);
    h.tickAll(60);
    expect(h.node("n2").status().role).not.toBe("leader");
  });

  it("a candidate ignores votes from learners", () => {
    const h = new Harness(["n1", "n2", "n3"], { learners: ["n4", "n5"], preVote: false });
    h.node("n2").campaign();
    const { term } = h.node("n2").status();
    h.mailbox = [];
    for (const learner of ["n4", "n5"]) {
      h.node("n2").step({ ...message({ from: learner, to: "n2", term }), type: MessageType.VoteResp });
    }
    expect(h.node("n2").status().role).toBe("candidate");
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
    h.node("n1").proposeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.RemoveNode, nodeId: "n3" }],
    });
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
    h.node("n1").proposeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.RemoveNode, nodeId: "n3" }],
    });
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
    h.node(follower).step(
      message({
        from: "n1",
        to: follower,
        term: stale.term,
        logTerm: lastTerm,
        index: last,
        entries: [entry(last + 1, stale.term, "stale")],
        commit: last + 1,
      }),
    );
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
    h.node("n2").step(message({ type: MessageType.Vote, from: "n3", to: "n2", term, logTerm: 1, index: 1 }));
    const rd = h.node("n2").ready();
    const answer = rd.messages.find((m) => m.type === MessageType.VoteResp && m.to === "n3");
    expect(answer?.reject).toBe(true);
  });
});

const entry = (index: number, term: number, data = `e${index}t${term}`): Entry => ({
  index,
  term,
  type: EntryType.Normal,
  data: bytes(data),
});

/** A lone follower whose log after the bootstrap snapshot (index 1, term 1) is `entries`. */
function followerWith(entries: Entry[], term: number, options: HarnessOptions = {}): Harness {
  const h = new Harness(["n1", "n2", "n3"], options);
  h.node("n3").step(message({ from: "n1", to: "n3", term, index: 1, logTerm: 1, entries }));
  h.flush();
  h.mailbox = [];
  expect(h.storages.get("n3")!.lastIndex()).toBe(1 + entries.length);
  return h;
}

describe("raft safety: votes", () => {
  it.each([
    ["PreVote and CheckQuorum", {}],
    ["neither PreVote nor CheckQuorum", { preVote: false, checkQuorum: false }],
  ])("a steady leader keeps its term (%s)", (_, options) => {
    const h = new Harness(["n1", "n2", "n3"], options);
    h.node("n1").campaign();
    h.stabilize();
    const term = h.node("n1").status().term;
    h.tickAll(200);
    expect(h.leader()).toBe("n1");
    for (const id of ["n1", "n2", "n3"]) expect(h.node(id).status().term).toBe(term);
  });

  it("a voter refuses a candidate whose last term is older, even with a longer log", () => {
    // Without CheckQuorum the follower does not ignore votes while it hears from a leader.
    const h = followerWith([entry(2, 3)], 3, { checkQuorum: false });
    // n1 asks at term 4 with a longer log whose last entry is from term 2.
    h.node("n3").step(
      message({ type: MessageType.Vote, from: "n1", to: "n3", term: 4, index: 5, logTerm: 2 }),
    );
    const answer = h
      .node("n3")
      .ready()
      .messages.find((m) => m.type === MessageType.VoteResp);
    expect(answer?.reject).toBe(true);
  });

  it("a voter refuses a candidate whose log is shorter in the same last term", () => {
    const h = followerWith([entry(2, 2), entry(3, 2)], 2, { checkQuorum: false });
    h.node("n3").step(
      message({ type: MessageType.Vote, from: "n1", to: "n3", term: 3, index: 2, logTerm: 2 }),
    );
    const answer = h
      .node("n3")
      .ready()
      .messages.find((m) => m.type === MessageType.VoteResp);
    expect(answer?.reject).toBe(true);
  });

  it("a voter grants one vote per term", () => {
    const h = new Harness(["n1", "n2", "n3"], { preVote: false });
    const vote = (from: string): boolean | undefined => {
      h.node("n3").step({
        ...message({ from, to: "n3", term: 2 }),
        type: MessageType.Vote,
        index: 1,
        logTerm: 1,
      });
      const rd = h.node("n3").ready();
      h.node("n3").advance(rd);
      return rd.messages.find((m) => m.type === MessageType.VoteResp)?.reject;
    };
    expect(vote("n1")).toBe(false);
    expect(vote("n2")).toBe(true);
    expect(vote("n1")).toBe(false); // asking again is fine: same candidate
  });

  it("a briefly partitioned follower with an up-to-date log cannot depose a healthy leader", () => {
    const h = electedCluster();
    const term = h.node("n1").status().term;
    h.isolate("n3");
    h.tickAll(40);
    h.heal();
    h.node("n3").campaign();
    h.stabilize();
    h.tickAll(5);
    expect(h.leader()).toBe("n1");
    expect(h.node("n1").status().term).toBe(term);
  });
});

describe("raft safety: log replication", () => {
  it("a follower rejects entries whose predecessor's term does not match", () => {
    const h = followerWith([entry(2, 2), entry(3, 2)], 2);
    h.node("n3").step(
      message({ from: "n2", to: "n3", term: 3, index: 3, logTerm: 3, entries: [entry(4, 3)] }),
    );
    const rd = h.node("n3").ready();
    expect(rd.entries).toEqual([]);
    expect(rd.messages.find((m) => m.type === MessageType.AppResp)?.reject).toBe(true);
  });

  it("a duplicate AppendEntries never truncates entries it matches", () => {
    const h = followerWith([entry(2, 2), entry(3, 2), entry(4, 2)], 2);
    h.node("n3").step(
      message({ from: "n1", to: "n3", term: 2, index: 1, logTerm: 1, entries: [entry(2, 2)], commit: 3 }),
    );
    h.flush();
    expect(h.storages.get("n3")!.lastIndex()).toBe(4);
    expect(h.node("n3").status().commit).toBe(2);
  });

  it("a follower commits no further than the last entry the leader vouched for", () => {
    // The follower holds 2..4 from term 2; the new leader (term 3) agrees only up to 3.
    const h = followerWith([entry(2, 2), entry(3, 2), entry(4, 2)], 2);
    h.node("n3").step(
      message({ from: "n2", to: "n3", term: 3, index: 2, logTerm: 2, entries: [entry(3, 2)], commit: 4 }),
    );
    h.flush();
    expect(h.node("n3").status().commit).toBe(3);
  });

  it("a follower with a divergent tail never applies it", () => {
    const h = electedCluster();
    h.isolate("n1");
    for (let i = 0; i < 3; i++) h.node("n1").propose(bytes(`stale-${i}`));
    h.stabilize();
    h.tickAll(40);
    const leader = ["n2", "n3"].find((id) => h.node(id).status().role === "leader")!;
    for (let i = 0; i < 3; i++) h.node(leader).propose(bytes(`fresh-${i}`));
    h.stabilize();
    h.tickAll(2);
    h.heal();
    h.tickAll(10);
    const applied = (id: string) => h.applied.get(id)!.map((e) => `${e.index}:${text(e.data)}`);
    expect(applied("n1")).toEqual(applied(leader));
    expect(applied("n1").some((s) => s.includes("stale"))).toBe(false);
  });
});
