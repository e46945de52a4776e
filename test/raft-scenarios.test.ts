// Classic Raft traps, each as a short transcript over hand-delivered messages (harness:
// test/sim/transcript.ts). Each test is named after the promise it checks.
import { describe, expect, test } from "vitest";
import type { Message } from "../src/raft/index.ts";
import {
  EMPTY_CONF_STATE,
  MessageType,
  NotLeaderError,
  ProposalDroppedError,
  RawNode,
  Role,
} from "../src/raft/index.ts";
import { Rng } from "./sim/random.ts";
import { Transcript } from "./sim/transcript.ts";

const FIVE = ["s1", "s2", "s3", "s4", "s5"];
const THREE = ["n1", "n2", "n3"];

const isApp = (m: Message): boolean => m.type === MessageType.App;

describe("Figure 8 of the Raft paper", () => {
  /**
   * The paper's trap: s1 leads and replicates X (an entry of its term) to s2 only; s5 wins the
   * next term with s3 and s4 and appends its no-op at X's index, then is cut off; s1 wins a
   * third term. With `holdBack`, no entry of s1's new term gets out, only X.
   */
  function figure8(holdBack: boolean): { t: Transcript; xIndex: number; s5Term: number } {
    // One entry per App and one App in flight, so replication goes entry by entry as in the figure.
    const t = new Transcript(FIVE, {
      preVote: false,
      checkQuorum: false,
      maxMsgBytes: 1,
      maxInflightMsgs: 1,
    });
    t.elect("s1");
    t.block((m) => isApp(m) && m.from === "s1" && m.to !== "s2");
    const x = t.propose("s1", "X");
    t.stabilize();
    expect(t.termAt("s2", x.index)).toBe(x.term);
    expect(t.status("s1").commit).toBeLessThan(x.index);

    t.heal();
    t.isolate("s1", "s2");
    t.campaign("s5");
    t.deliver(); // votes from s3 and s4 (s1, s2 cut off)
    t.deliver(); // s5 counts them, becomes leader, and appends its no-op at X's index
    expect(t.status("s5").role).toBe(Role.Leader);
    t.pool = []; // s5's no-op goes nowhere
    const s5Term = t.status("s5").term;
    expect(t.termAt("s5", x.index)).toBe(s5Term);

    t.heal();
    t.isolate("s5");
    // Appends arrive without any entry of s1's new term (as if sent one batch short).
    if (holdBack)
      t.rewrite((m) => (isApp(m) ? { ...m, entries: m.entries.filter((e) => e.term <= s5Term) } : m));
    t.tick("s1"); // s1's heartbeat meets s5's voters: it learns the new term and steps down
    t.stabilize();
    expect(t.status("s1").role).toBe(Role.Follower);
    t.elect("s1");
    expect(t.status("s1").term).toBeGreaterThan(s5Term);
    t.stabilize();
    return { t, xIndex: x.index, s5Term };
  }

  /** s1 goes away; s5 comes back, hears of the current term, and campaigns until it can't. */
  function s5Campaigns(t: Transcript): void {
    t.heal();
    t.isolate("s1");
    t.tick("s5"); // a heartbeat of its stale term, answered with the current one
    t.stabilize();
    expect(t.status("s5").role).toBe(Role.Follower);
    for (let i = 0; i < 3 && t.status("s5").role !== Role.Leader; i++) {
      t.campaign("s5");
      t.stabilize();
    }
  }

  test("an entry of an earlier term is never committed by counting replicas", () => {
    const { t, xIndex, s5Term } = figure8(true);
    // X now sits on four of five replicas, and is still not committed.
    for (const id of ["s1", "s2", "s3", "s4"]) expect(t.termAt(id, xIndex)).toBeLessThan(s5Term);
    expect(t.status("s1").commit).toBeLessThan(xIndex);

    // s1 dies; s5's log (its no-op at X's index has a later term) wins, and overwrites X.
    s5Campaigns(t);
    expect(t.status("s5").role).toBe(Role.Leader);
    t.stabilize();
    for (const id of ["s2", "s3", "s4", "s5"]) {
      expect(t.termAt(id, xIndex)).toBe(s5Term);
      expect(t.appliedTexts(id)).not.toContain("X");
    }
    expect(t.appliedTexts("s1")).not.toContain("X");
  });

  test("an entry of the current term commits the earlier entries before it", () => {
    const { t, xIndex } = figure8(false);
    expect(t.status("s1").commit).toBeGreaterThan(xIndex);
    expect(t.appliedTexts("s1")).toContain("X");
    // X is committed, so s5 can never be elected: a majority's logs are ahead of its own.
    s5Campaigns(t);
    expect(t.status("s5").role).not.toBe(Role.Leader);
    for (const id of ["s2", "s3", "s4"]) expect(t.appliedTexts(id)).toContain("X");
  });
});

describe("a partitioned old leader", () => {
  test("keeps accepting writes that never commit, and are overwritten after heal", () => {
    const t = new Transcript(THREE, { checkQuorum: false });
    t.elect("n1");
    t.isolate("n1");
    const stale = t.propose("n1", "stale");
    t.tickUntil(() => t.leader() === "n2" || t.leader() === "n3");
    expect(t.status("n1").role).toBe(Role.Leader); // it doesn't know yet
    const leader = t.status("n2").role === Role.Leader ? "n2" : "n3";
    const fresh = t.propose(leader, "fresh");
    t.stabilize();
    expect(t.status(leader).commit).toBeGreaterThanOrEqual(fresh.index);

    t.heal();
    t.tickUntil(() => t.status("n1").role === Role.Follower && t.status("n1").commit >= fresh.index);
    t.stabilize();
    // The stale write's slot holds another term's entry: its client learns it failed.
    expect(t.termAt("n1", stale.index)).not.toBe(stale.term);
    for (const id of THREE) {
      expect(t.appliedTexts(id)).not.toContain("stale");
      expect(t.appliedTexts(id)).toContain("fresh");
    }
  });
});

describe("a removed server", () => {
  test("campaigning after its removal cannot disrupt the leader or bump the term", () => {
    const t = new Transcript(["n1", "n2", "n3", "n4"]);
    t.elect("n1");
    t.isolate("n4");
    t.node("n1").proposeConfChange({ transition: 0, changes: [{ type: 2, nodeId: "n4" }] });
    t.stabilize();
    expect(t.status("n1").confState.voters).toEqual(["n1", "n2", "n3"]);
    const term = t.status("n1").term;

    // n4 never heard of its removal; it times out again and again, and can now reach everyone.
    t.heal();
    for (let i = 0; i < 100; i++) {
      t.tick("n4");
      for (const id of ["n1", "n2", "n3"]) t.tick(id);
      t.deliver();
    }
    expect(
      t.countSent((m) => m.from === "n4" && (m.type === MessageType.PreVote || m.type === MessageType.Vote)),
    ).toBeGreaterThan(0);
    expect(t.leader()).toBe("n1");
    for (const id of ["n1", "n2", "n3"]) expect(t.status(id).term).toBe(term);
  });
});

describe("a follower with a long divergent tail", () => {
  test("is truncated and converges in O(terms) append round trips, not O(entries)", () => {
    const t = new Transcript(THREE, { checkQuorum: false });
    t.elect("n1");
    t.isolate("n1");
    for (let i = 0; i < 100; i++) t.propose("n1", `lost${i}`);
    // Meanwhile the others go through three terms with plenty of entries each.
    for (const leader of ["n2", "n3", "n2"]) {
      t.elect(leader);
      for (let i = 0; i < 30; i++) t.propose(leader, `${leader}.${i}`);
      t.stabilize();
    }
    const before = t.sent.length;
    t.heal();
    t.stabilize();
    t.tick("n2");
    t.stabilize();
    const rejects = t.sent
      .slice(before)
      .filter((m) => m.type === MessageType.AppResp && m.from === "n1" && m.reject).length;
    expect(t.logTerms("n1")).toBe(t.logTerms("n2"));
    expect(t.appliedTexts("n1")).toEqual(t.appliedTexts("n2"));
    expect(t.appliedTexts("n1").some((s) => s.startsWith("lost"))).toBe(false);
    // Fast backtracking skips a whole term per rejection: a handful, never ~100.
    expect(rejects).toBeGreaterThan(0);
    expect(rejects).toBeLessThanOrEqual(4);
  });
});

describe("PreVote", () => {
  /** n3 is cut off while the others commit writes, then rejoins; returns the terms around it. */
  function isolatedRejoins(preVote: boolean, checkQuorum: boolean, writes: number) {
    const t = new Transcript(THREE, { preVote, checkQuorum });
    t.elect("n1");
    const before = t.status("n1").term;
    t.isolate("n3");
    for (let i = 0; i < writes; i++) t.propose("n1", `w${i}`);
    t.stabilize();
    t.tick("n3", 100);
    const isolatedTerm = t.status("n3").term;
    t.heal();
    t.tickUntil(
      () => t.leader() !== null && t.status("n3").leader === t.leader() && t.status("n3").commit >= writes,
    );
    return { before, isolatedTerm, after: t.status(t.leader()!).term, leader: t.leader() };
  }

  test("a partitioned node does not bump its term, and rejoining does not bump the cluster's", () => {
    const r = isolatedRejoins(true, false, 3);
    expect(r.isolatedTerm).toBe(r.before);
    expect(r.after).toBe(r.before);
    expect(r.leader).toBe("n1");
  });

  test("with CheckQuorum too, even a node whose log is up to date cannot disrupt the leader", () => {
    const r = isolatedRejoins(true, true, 0);
    expect(r.after).toBe(r.before);
    expect(r.leader).toBe("n1");
  });

  test("(contrast) without PreVote the rejoining node forces a new term", () => {
    const r = isolatedRejoins(false, false, 3);
    expect(r.isolatedTerm).toBeGreaterThan(r.before);
    expect(r.after).toBeGreaterThan(r.before);
  });
});

describe("CheckQuorum", () => {
  function isolatedLeaderRole(checkQuorum: boolean): Role {
    const t = new Transcript(THREE, { checkQuorum });
    t.elect("n1");
    t.isolate("n1");
    t.tick("n1", 30);
    return t.status("n1").role;
  }

  test("an isolated leader steps down within an election timeout", () => {
    expect(isolatedLeaderRole(true)).toBe(Role.Follower);
  });

  test("(contrast) without CheckQuorum it stays leader", () => {
    expect(isolatedLeaderRole(false)).toBe(Role.Leader);
  });
});

describe("leadership transfer", () => {
  test("hands leadership to a caught-up follower, refusing proposals meanwhile", () => {
    const t = new Transcript(THREE);
    t.elect("n1");
    const term = t.status("n1").term;
    t.node("n1").transferLeadership("n2");
    expect(() => t.propose("n1", "during")).toThrow(ProposalDroppedError);
    t.stabilize();
    expect(t.leader()).toBe("n2");
    expect(t.status("n2").term).toBeGreaterThan(term);
    expect(() => t.propose("n1", "late")).toThrow(NotLeaderError);
  });

  test("catches a lagging target up first, so no committed entry is lost", () => {
    const t = new Transcript(THREE);
    t.elect("n1");
    t.isolate("n3");
    for (let i = 0; i < 20; i++) t.propose("n1", `w${i}`);
    t.stabilize();
    t.heal();
    t.node("n1").transferLeadership("n3");
    t.stabilize();
    expect(t.leader()).toBe("n3");
    const w = Array.from({ length: 20 }, (_, i) => `w${i}`);
    for (const id of THREE) expect(t.appliedTexts(id)).toEqual(w);
  });
});

describe("ReadIndex", () => {
  test("a burst of reads shares heartbeat rounds: the count doesn't grow with the reads", () => {
    const rounds = (reads: number): number => {
      const t = new Transcript(THREE);
      t.elect("n1");
      t.propose("n1", "x");
      t.stabilize();
      const before = t.sent.length;
      for (let i = 0; i < reads; i++) t.node("n1").readIndex(`r${i}`);
      t.process();
      t.stabilize();
      t.tick("n1");
      t.stabilize();
      const commit = t.status("n1").commit;
      expect(t.peer("n1").readStates.map((r) => r.context)).toEqual(
        Array.from({ length: reads }, (_, i) => `r${i}`),
      );
      for (const rs of t.peer("n1").readStates) expect(rs.index).toBe(commit);
      const contexts = new Set(
        t.sent
          .slice(before)
          .filter((m) => m.type === MessageType.Heartbeat && m.context !== "")
          .map((m) => m.context),
      );
      return contexts.size;
    };
    const few = rounds(2);
    expect(few).toBeLessThanOrEqual(2);
    expect(rounds(100)).toBe(few);
  });

  test("a read on a follower is forwarded and answered at the leader's commit index", () => {
    const t = new Transcript(THREE);
    t.elect("n1");
    t.propose("n1", "x");
    t.stabilize();
    t.node("n2").readIndex("follower-read");
    t.process();
    t.stabilize();
    t.tick("n1");
    t.stabilize();
    expect(t.peer("n2").readStates).toEqual([{ index: t.status("n1").commit, context: "follower-read" }]);
  });
});

describe("learners", () => {
  function withLearners(): Transcript {
    const t = new Transcript(THREE, { checkQuorum: false });
    t.elect("n1");
    t.addLearner("n1", "n4");
    t.addLearner("n1", "n5");
    expect(t.status("n1").confState).toEqual({ ...EMPTY_CONF_STATE, voters: THREE, learners: ["n4", "n5"] });
    return t;
  }

  test("don't count toward commit", () => {
    const t = withLearners();
    t.isolate("n2", "n3");
    const w = t.propose("n1", "needs-voters");
    t.stabilize();
    // n1, n4 and n5 hold it: three of five replicas, but only one of three voters.
    expect(t.peer("n4").storage.lastIndex()).toBeGreaterThanOrEqual(w.index);
    expect(t.status("n1").commit).toBeLessThan(w.index);
    t.heal();
    t.stabilize();
    t.tick("n1");
    t.stabilize();
    expect(t.status("n1").commit).toBeGreaterThanOrEqual(w.index);
    expect(t.appliedTexts("n4")).toContain("needs-voters");
  });

  test("don't vote and never campaign", () => {
    const t = withLearners();
    t.isolate("n1", "n3");
    // n2's only reachable peers are learners: it must not win with their votes.
    for (let i = 0; i < 3; i++) {
      t.campaign("n2");
      t.stabilize();
      expect(t.status("n2").role).not.toBe(Role.Leader);
    }
    expect(
      t.countSent(
        (m) =>
          m.to === "n2" && m.type === MessageType.VoteResp && !m.reject && m.from.match(/n[45]/) !== null,
      ),
    ).toBe(0);
    // A learner cut off from its leader times out but stays a follower in its term.
    const term = t.status("n4").term;
    t.heal();
    t.isolate("n4");
    t.tick("n4", 100);
    expect(t.status("n4").role).toBe(Role.Follower);
    expect(t.status("n4").term).toBe(term);
  });
});

describe("crash recovery", () => {
  // The Ready contract persists snapshot, entries, then hard state with one fsync, and a torn
  // write-ahead-log tail can keep the snapshot record while losing the hard state after it. The
  // restarted core must take the snapshot's index as committed rather than reject its own disk.
  test("a restart after a torn write that kept a snapshot but lost its hard state recovers", () => {
    const t = new Transcript(THREE);
    t.elect("n1");
    const storage = t.peer("n2").storage;
    const snapshot = {
      meta: {
        index: 10,
        term: t.status("n1").term,
        confState: { voters: THREE, learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
      },
      data: new Uint8Array(0),
    };
    t.node("n2").step({
      type: MessageType.Snap,
      from: "n1",
      to: "n2",
      term: t.status("n1").term,
      logTerm: 0,
      index: 0,
      entries: [],
      commit: 10,
      reject: false,
      rejectHint: 0,
      rejectTerm: 0,
      snapshot,
      context: "",
    });
    const rd = t.node("n2").ready();
    expect(rd.snapshot?.meta.index).toBe(10);
    storage.applySnapshot(rd.snapshot!); // …and the crash tears off the hard state record
    const restarted = new RawNode({ id: "n2", storage, random: new Rng(2), applied: 10 });
    expect(restarted.status().commit).toBe(10);
  });
});
