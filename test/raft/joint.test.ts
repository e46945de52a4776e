// Joint consensus in the core (Raft thesis §4.3): while joint, commit, elections, ReadIndex and
// CheckQuorum need a majority of both configurations; the leader leaves on its own (auto-leave);
// proposals are refused while a change is pending or the group is joint.
import { describe, expect, it } from "vitest";
import {
  type ConfChangeSingle,
  ConfChangeTransition,
  ConfChangeType,
  type ConfChangeV2,
  isJoint,
  ProposalDroppedError,
} from "../../src/raft/index.ts";
import { bytes, Harness, text } from "./cluster-harness.ts";

const { AddNode, AddLearner, RemoveNode } = ConfChangeType;
const c = (type: ConfChangeType, nodeId: string): ConfChangeSingle => ({ type, nodeId });
const explicit = (...changes: ConfChangeSingle[]): ConfChangeV2 => ({
  transition: ConfChangeTransition.JointExplicit,
  changes,
});
const LEAVE: ConfChangeV2 = { transition: ConfChangeTransition.Auto, changes: [] };

/** n1..n3 voters, n4 and n5 learners, n1 leading. */
function elected(options: { preVote?: boolean; checkQuorum?: boolean } = {}): Harness {
  const h = new Harness(["n1", "n2", "n3"], { learners: ["n4", "n5"], ...options });
  h.node("n1").campaign();
  h.stabilize();
  expect(h.leader()).toBe("n1");
  return h;
}

/** Replace n2 and n3 by n4 and n5 in one explicit joint change: C_old {n1,n2,n3}, C_new {n1,n4,n5}. */
function jointMove(h: Harness, leader = "n1"): void {
  h.node(leader).proposeConfChange(
    explicit(c(AddNode, "n4"), c(AddNode, "n5"), c(RemoveNode, "n2"), c(RemoveNode, "n3")),
  );
  h.stabilize();
  const cs = h.node(leader).confState();
  expect(cs.votersOutgoing).toEqual(["n1", "n2", "n3"]);
  expect(cs.voters).toEqual(["n1", "n4", "n5"]);
}

const committedTexts = (h: Harness, id: string): string[] => h.applied.get(id)!.map((e) => text(e.data));

describe("joint consensus", () => {
  it("a joint entry with auto-leave is left by the leader on its own, on every member", () => {
    const h = elected();
    h.node("n1").proposeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [c(AddNode, "n4"), c(AddNode, "n5"), c(RemoveNode, "n2")],
    });
    h.stabilize();
    for (const id of ["n1", "n3", "n4", "n5"]) {
      const cs = h.node(id).confState();
      expect(isJoint(cs)).toBe(false);
      expect(cs.voters).toEqual(["n1", "n3", "n4", "n5"]);
    }
  });

  it("the leave commits only with a majority of the new configuration: cut off, the group stays joint", () => {
    const h = elected();
    h.drop = (m) => ["n4", "n5"].includes(m.to) || ["n4", "n5"].includes(m.from);
    h.node("n1").proposeConfChange({
      transition: ConfChangeTransition.JointImplicit,
      changes: [c(AddNode, "n4"), c(AddNode, "n5"), c(RemoveNode, "n2"), c(RemoveNode, "n3")],
    });
    h.stabilize();
    h.tickAll(5);
    // The joint entry committed with C_old; the leave needs C_new, which holds nothing yet.
    for (const id of ["n1", "n2", "n3"]) expect(isJoint(h.node(id).confState())).toBe(true);
    h.heal();
    h.tickAll(5);
    expect(h.node("n1").confState()).toMatchObject({ voters: ["n1", "n4", "n5"], votersOutgoing: [] });
    expect(h.node("n4").status().commit).toBe(h.node("n1").status().commit);
  });

  it("an explicit joint configuration stays until the leave is proposed", () => {
    const h = elected();
    jointMove(h);
    h.tickAll(5);
    expect(isJoint(h.node("n1").confState())).toBe(true);
    h.node("n1").proposeConfChange(LEAVE);
    h.stabilize();
    expect(h.node("n1").confState()).toMatchObject({ voters: ["n1", "n4", "n5"], votersOutgoing: [] });
  });

  it("while joint, an entry held by a majority of the new configuration only does not commit", () => {
    const h = elected();
    jointMove(h);
    h.drop = (m) => ["n2", "n3"].includes(m.to) || ["n2", "n3"].includes(m.from);
    h.node("n1").propose(bytes("x"));
    h.stabilize();
    expect(committedTexts(h, "n1")).toEqual([]);
    h.heal();
    h.tickAll(3);
    expect(committedTexts(h, "n1")).toEqual(["x"]);
  });

  it("while joint, an entry held by a majority of the old configuration only does not commit", () => {
    const h = elected();
    jointMove(h);
    h.drop = (m) => ["n4", "n5"].includes(m.to) || ["n4", "n5"].includes(m.from);
    h.node("n1").propose(bytes("y"));
    h.stabilize();
    expect(committedTexts(h, "n1")).toEqual([]);
  });

  it("while joint, a candidate needs the votes of both majorities", () => {
    // Without CheckQuorum the voters have no lease to ignore n4's campaign with.
    for (const [granting, wins] of [
      [["n2", "n3"], false], // all of C_old but n1, and of C_new only the candidate
      [["n5"], false], // C_new, and of C_old nobody
      [["n2", "n3", "n5"], true], // a majority of each
    ] as const) {
      const h = elected({ preVote: false, checkQuorum: false });
      jointMove(h);
      // n1 goes away; n4 campaigns and hears only from `granting`.
      h.drop = (m) =>
        m.from === "n1" ||
        m.to === "n1" ||
        (m.to === "n4" && !(granting as readonly string[]).includes(m.from));
      h.node("n4").campaign();
      h.stabilize();
      expect(h.node("n4").status().role === "leader").toBe(wins);
    }
  });

  it("while joint, ReadIndex needs acknowledgements from both majorities", () => {
    for (const cut of [
      ["n4", "n5"],
      ["n2", "n3"],
    ]) {
      const h = elected();
      jointMove(h);
      h.drop = (m) => cut.includes(m.to) || cut.includes(m.from);
      h.node("n1").readIndex("r1");
      h.stabilize();
      expect(h.reads.get("n1") ?? []).toEqual([]);
      h.heal();
      h.tickAll(3);
      expect((h.reads.get("n1") ?? []).map((r) => r.context)).toContain("r1");
    }
  });

  it("while joint, CheckQuorum deposes a leader that hears from one configuration only", () => {
    for (const cut of [
      ["n4", "n5"],
      ["n2", "n3"],
    ]) {
      const h = elected();
      jointMove(h);
      h.drop = (m) => cut.includes(m.to) || cut.includes(m.from);
      h.tickAll(40);
      expect(h.node("n1").status().role).not.toBe("leader");
    }
  });

  it("a leader removed by a joint change leads until the leave is applied, then steps down", () => {
    const h = elected();
    h.node("n1").proposeConfChange(explicit(c(AddNode, "n4"), c(RemoveNode, "n1")));
    h.stabilize();
    expect(h.node("n1").confState().votersOutgoing).toContain("n1");
    expect(h.node("n1").status().role).toBe("leader");
    h.node("n1").propose(bytes("still leading"));
    h.stabilize();
    expect(committedTexts(h, "n2")).toEqual(["still leading"]);
    h.node("n1").proposeConfChange(LEAVE);
    h.stabilize();
    expect(h.node("n1").status().role).toBe("follower");
    h.tickAll(40);
    const leader = h.leader();
    expect(["n2", "n3", "n4"]).toContain(leader);
  });

  it("a demoted voter stays a voter of the outgoing configuration, then becomes a learner", () => {
    const h = elected();
    h.node("n1").proposeConfChange(explicit(c(AddNode, "n4"), c(AddLearner, "n3")));
    h.stabilize();
    const joint = h.node("n2").confState();
    expect(joint.learnersNext).toEqual(["n3"]);
    expect(joint.votersOutgoing).toContain("n3");
    h.node("n1").proposeConfChange(LEAVE);
    h.stabilize();
    expect(h.node("n2").confState()).toMatchObject({ voters: ["n1", "n2", "n4"], learners: ["n3", "n5"] });
  });

  it("refuses a change while one is pending, a new change while joint, and a leave when not joint", () => {
    const h = elected();
    expect(() => h.node("n1").proposeConfChange(LEAVE)).toThrow(ProposalDroppedError);
    h.node("n1").proposeConfChange(explicit(c(AddNode, "n4")));
    expect(() => h.node("n1").proposeConfChange(LEAVE)).toThrow(/not applied yet/);
    h.stabilize();
    expect(() => h.node("n1").proposeConfChange(explicit(c(AddNode, "n5")))).toThrow(/joint/);
    expect(() =>
      h.node("n1").proposeConfChange({ transition: ConfChangeTransition.Auto, changes: [c(AddNode, "n5")] }),
    ).toThrow(ProposalDroppedError);
  });

  it("a replica restarted from a snapshot taken while joint is still joint", () => {
    const h = elected();
    jointMove(h);
    const n2 = h.node("n2");
    const storage = h.storages.get("n2")!;
    storage.createSnapshot(n2.status().applied, n2.confState(), new Uint8Array(0));
    h.restart("n2");
    expect(h.node("n2").confState()).toEqual(n2.confState());
    expect(isJoint(h.node("n2").confState())).toBe(true);
  });
});
