// A leader that a joint change removes or demotes hands leadership over before it stops leading
// (issue 14, simulator seed 1009673). Configurations take effect when applied, so the voters of
// C_new that have not yet learned that the leave committed still need a majority of C_old; the
// members leaving C_old cannot campaign, and when their logs are longer they refuse every vote:
// if the departing leader just stepped down, nobody could ever be elected.
import { describe, expect, it } from "vitest";
import {
  type ConfChangeSingle,
  ConfChangeTransition,
  ConfChangeType,
  type ConfChangeV2,
  isJoint,
  type Message,
} from "../../src/raft/index.ts";
import { bytes, Harness } from "./cluster-harness.ts";

const { AddNode, AddLearner, RemoveNode } = ConfChangeType;
const c = (type: ConfChangeType, nodeId: string): ConfChangeSingle => ({ type, nodeId });
const LEAVE: ConfChangeV2 = { transition: ConfChangeTransition.Auto, changes: [] };
const NEW_CONFIG = ["n3", "n4", "n5"];

/**
 * C_old {n1,n2,n3} led by n1, C_new {n3,n4,n5}: n1 demoted to learner (or removed), n2 removed.
 * The leave commits, but only n1 and n2 learn it and hold the entry proposed after it.
 */
function leaveKnownOnlyByTheDeparting(leaderFate: ConfChangeType): Harness {
  const h = new Harness(["n1", "n2", "n3"], { learners: ["n4", "n5"] });
  h.node("n1").campaign();
  h.stabilize();
  h.node("n1").proposeConfChange({
    transition: ConfChangeTransition.JointExplicit,
    changes: [c(AddNode, "n4"), c(AddNode, "n5"), c(RemoveNode, "n2"), c(leaderFate, "n1")],
  });
  h.stabilize();
  expect(h.node("n3").confState()).toMatchObject({ voters: NEW_CONFIG, votersOutgoing: ["n1", "n2", "n3"] });

  h.node("n1").proposeConfChange(LEAVE);
  const leaveIndex = h.node("n1").status().lastIndex;
  h.flush(); // the leave entry goes out to everyone
  h.node("n1").propose(bytes("after the leave"));
  // C_new gets the leave entry, but neither its commit nor anything after it.
  h.drop = (m: Message) =>
    m.from === "n1" &&
    NEW_CONFIG.includes(m.to) &&
    (m.commit >= leaveIndex || m.entries.some((e) => e.index > leaveIndex));
  h.stabilize();
  expect(isJoint(h.node("n1").confState())).toBe(false);
  for (const id of NEW_CONFIG) {
    expect(h.node(id).status().lastIndex).toBe(leaveIndex);
    expect(isJoint(h.node(id).confState())).toBe(true);
  }
  return h;
}

describe("a leader that leaves the voters hands over leadership", () => {
  for (const [fate, how] of [
    [AddLearner, "demoted to learner"],
    [RemoveNode, "removed"],
  ] as const) {
    it(`${how}: a voter of C_new leads once the messages flow again`, () => {
      const h = leaveKnownOnlyByTheDeparting(fate);
      h.heal();
      h.tickAll(60);
      const leader = h.leader();
      expect(NEW_CONFIG).toContain(leader);
      for (const id of NEW_CONFIG) {
        expect(h.node(id).status().leader).toBe(leader);
        expect(h.node(id).confState()).toMatchObject({ voters: NEW_CONFIG, votersOutgoing: [] });
      }
      // The entry proposed after the leave survives, and the group takes new ones.
      h.node(leader!).propose(bytes("new leader"));
      h.stabilize();
      const texts = h.applied.get("n4")!.map((e) => new TextDecoder().decode(e.data));
      expect(texts.slice(-2)).toEqual(["after the leave", "new leader"]);
    });
  }

  it("the departing leader takes no proposals while it hands over", () => {
    const h = leaveKnownOnlyByTheDeparting(AddLearner);
    expect(h.node("n1").status().role).toBe("leader");
    expect(() => h.node("n1").propose(bytes("late"))).toThrow(/leadership is moving/);
  });
});
