// The membership changers: etcd's validation rules, the joint configuration's invariants (checked
// on random change sequences), and the entry encoding, old and new.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyConfChange,
  ConfChangeError,
  type ConfChangeSingle,
  ConfChangeTransition,
  ConfChangeType,
  type ConfState,
  changeConf,
  decodeConfChange,
  EMPTY_CONF_STATE,
  encodeConfChange,
  enterJoint,
  isJoint,
  leaveJoint,
  members,
  simple,
} from "../../src/raft/index.ts";

const { AddNode, AddLearner, RemoveNode } = ConfChangeType;
const conf = (voters: string[], learners: string[] = []): ConfState => ({
  ...EMPTY_CONF_STATE,
  voters,
  learners,
});
const c = (type: ConfChangeType, nodeId: string): ConfChangeSingle => ({ type, nodeId });

describe("simple changes (one voter at a time)", () => {
  it("add a voter, promote a learner, remove a member", () => {
    expect(simple(conf(["n1"]), [c(AddNode, "n2")]).voters).toEqual(["n1", "n2"]);
    expect(simple(conf(["n1"], ["n2"]), [c(AddNode, "n2")])).toEqual(conf(["n1", "n2"]));
    expect(simple(conf(["n1", "n2"], ["n3"]), [c(RemoveNode, "n2"), c(RemoveNode, "n3")])).toEqual(
      conf(["n1"]),
    );
  });

  it("refuse to change two voters", () => {
    expect(() => simple(conf(["n1"]), [c(AddNode, "n2"), c(AddNode, "n3")])).toThrow(ConfChangeError);
    expect(() => simple(conf(["n1", "n2"]), [c(AddNode, "n3"), c(RemoveNode, "n1")])).toThrow(
      /more than one voter/,
    );
  });

  it("refuse to demote a voter: only a joint change may", () => {
    expect(() => simple(conf(["n1", "n2"]), [c(AddLearner, "n2")])).toThrow(/joint/);
  });

  it("refuse to remove every voter, and refuse while joint", () => {
    expect(() => simple(conf(["n1"]), [c(RemoveNode, "n1")])).toThrow(/every voter/);
    const joint = enterJoint(conf(["n1"]), false, [c(AddNode, "n2"), c(AddNode, "n3")]);
    expect(() => simple(joint, [c(AddLearner, "n9")])).toThrow(/joint/);
  });
});

describe("joint changes", () => {
  it("enter: the old voters become the outgoing half; leave: only the incoming remains", () => {
    const joint = enterJoint(conf(["n1", "n2", "n3"]), true, [
      c(AddNode, "n4"),
      c(RemoveNode, "n1"),
      c(AddNode, "n5"),
      c(RemoveNode, "n2"),
    ]);
    expect(joint).toEqual({
      voters: ["n3", "n4", "n5"],
      learners: [],
      votersOutgoing: ["n1", "n2", "n3"],
      learnersNext: [],
      autoLeave: true,
    });
    expect(isJoint(joint)).toBe(true);
    expect(members(joint)).toEqual(["n1", "n2", "n3", "n4", "n5"]);
    expect(leaveJoint(joint)).toEqual(conf(["n3", "n4", "n5"]));
  });

  it("a demoted voter stays an outgoing voter until the leave, then becomes a learner", () => {
    const joint = enterJoint(conf(["n1", "n2", "n3"], ["n4"]), false, [
      c(AddNode, "n4"),
      c(AddLearner, "n1"),
    ]);
    expect(joint.voters).toEqual(["n2", "n3", "n4"]);
    expect(joint.votersOutgoing).toEqual(["n1", "n2", "n3"]);
    expect(joint.learnersNext).toEqual(["n1"]);
    expect(joint.learners).toEqual([]);
    expect(leaveJoint(joint)).toEqual(conf(["n2", "n3", "n4"], ["n1"]));
  });

  it("refuse to enter when joint, to leave when not joint, and to make an empty configuration joint", () => {
    const joint = enterJoint(conf(["n1"]), false, [c(AddNode, "n2"), c(AddNode, "n3")]);
    expect(() => enterJoint(joint, false, [c(AddNode, "n4")])).toThrow(/already/);
    expect(() => leaveJoint(conf(["n1"]))).toThrow(/not joint/);
    expect(() => enterJoint(conf([]), false, [c(AddNode, "n1")])).toThrow(/without voters/);
  });

  it("Auto: one voter changes simply, more than one (or a demotion) goes joint with auto-leave", () => {
    const auto = (changes: ConfChangeSingle[]) =>
      changeConf(conf(["n1", "n2", "n3"], ["n4"]), { transition: ConfChangeTransition.Auto, changes });
    expect(isJoint(auto([c(AddNode, "n4")]))).toBe(false);
    expect(isJoint(auto([c(AddLearner, "n5"), c(AddLearner, "n6")]))).toBe(false);
    const two = auto([c(AddNode, "n4"), c(RemoveNode, "n1")]);
    expect(two.votersOutgoing).toEqual(["n1", "n2", "n3"]);
    expect(two.autoLeave).toBe(true);
    expect(auto([c(AddLearner, "n2")]).learnersNext).toEqual(["n2"]);
  });

  it("explicit joint stays until asked; implicit asks the leader to leave", () => {
    const base = conf(["n1"]);
    const changes = [c(AddNode, "n2")];
    expect(changeConf(base, { transition: ConfChangeTransition.JointExplicit, changes }).autoLeave).toBe(
      false,
    );
    expect(changeConf(base, { transition: ConfChangeTransition.JointImplicit, changes }).autoLeave).toBe(
      true,
    );
  });

  it("applying a refused change leaves the configuration as it is", () => {
    const base = conf(["n1", "n2"]);
    expect(applyConfChange(base, { transition: ConfChangeTransition.Auto, changes: [] })).toBe(base);
  });
});

describe("conf change encoding", () => {
  it("round-trips a V2", () => {
    const cc = {
      transition: ConfChangeTransition.JointExplicit,
      changes: [c(AddNode, "n4"), c(AddLearner, "n1")],
    };
    expect(decodeConfChange(encodeConfChange(cc))).toEqual(cc);
  });

  it("decodes an entry written before joint consensus as one Auto change", () => {
    const old = new TextEncoder().encode(JSON.stringify({ type: RemoveNode, nodeId: "n3" }));
    expect(decodeConfChange(old)).toEqual({
      transition: ConfChangeTransition.Auto,
      changes: [c(RemoveNode, "n3")],
    });
  });
});

describe("invariants over random change sequences", () => {
  const ids = ["n1", "n2", "n3", "n4", "n5", "n6"];
  const single = fc.record({
    type: fc.constantFrom(AddNode, AddLearner, RemoveNode),
    nodeId: fc.constantFrom(...ids),
  });
  const step = fc.record({
    transition: fc.constantFrom(
      ConfChangeTransition.Auto,
      ConfChangeTransition.JointImplicit,
      ConfChangeTransition.JointExplicit,
    ),
    changes: fc.array(single, { maxLength: 4 }),
  });

  it("voters ∩ learners = ∅, learnersNext ⊆ votersOutgoing, leaving yields no outgoing", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let cs = conf(["n1", "n2", "n3"]);
        for (const cc of steps) {
          let next: ConfState;
          try {
            next = changeConf(cs, cc);
          } catch (e) {
            if (!(e instanceof ConfChangeError)) throw e;
            continue;
          }
          const voters = new Set([...next.voters, ...next.votersOutgoing]);
          expect(next.learners.filter((id) => voters.has(id))).toEqual([]);
          expect(next.learnersNext.every((id) => next.votersOutgoing.includes(id))).toBe(true);
          expect(next.voters.length).toBeGreaterThan(0);
          if (cc.changes.length === 0) {
            expect(next.votersOutgoing).toEqual([]);
            expect(next.autoLeave).toBe(false);
          }
          if (isJoint(next) && !isJoint(cs)) expect(next.votersOutgoing).toEqual(cs.voters);
          if (!isJoint(next)) {
            // A simple change moves at most one voter.
            const moved = [...next.voters, ...cs.voters].filter(
              (id) => next.voters.includes(id) !== cs.voters.includes(id),
            );
            if (!isJoint(cs)) expect(moved.length).toBeLessThanOrEqual(1);
          }
          cs = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
