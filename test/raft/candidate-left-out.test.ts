// A candidate whose configuration changes under it: the conf change that removes or demotes it
// was committed but not applied when it campaigned, and is applied before the votes come back.
// Winning those votes must not make it leader (commit b4d719a, simulator seed 1007937, where
// becomeLeader crashed on a leader with no progress of its own).
import { describe, expect, it } from "vitest";
import { ConfChangeTransition, ConfChangeType, MessageType } from "../../src/raft/index.ts";
import { Harness, message } from "./cluster-harness.ts";

describe("a candidate left out of the configuration applied during its campaign", () => {
  for (const [type, how] of [
    [ConfChangeType.AddLearner, "demoted to learner"],
    [ConfChangeType.RemoveNode, "removed"],
  ] as const) {
    it(`${how}: wins the votes and does not become leader`, () => {
      // No PreVote and no lease, so the voters grant n3's vote as soon as they hear it.
      const h = new Harness(["n1", "n2", "n3"], { preVote: false, checkQuorum: false });
      h.node("n1").campaign();
      h.stabilize();
      h.node("n1").proposeConfChange({
        transition: ConfChangeTransition.Auto,
        changes: [{ type, nodeId: "n3" }],
      });
      // n3 gets every entry, and the commit of all but the last: the one that takes it out of
      // the voters (the change itself; for a demotion, which enters a joint configuration as
      // etcd does, the leave that follows it).
      h.drop = (m) => m.to === "n3" && m.commit >= h.node("n1").status().lastIndex;
      h.stabilize();
      const outIndex = h.node("n1").status().lastIndex;
      expect(h.node("n2").confState()).toMatchObject({ voters: ["n1", "n2"], votersOutgoing: [] });
      const n3 = h.node("n3");
      expect(n3.status().lastIndex).toBe(outIndex);
      const before = n3.confState(); // n3 still votes: in C_old when the demotion left it joint
      expect([...before.voters, ...before.votersOutgoing]).toContain("n3");
      h.heal();

      // The commit arrives; before n3 handles its Ready (which applies the change), it campaigns.
      n3.step(
        message({
          type: MessageType.Heartbeat,
          from: "n1",
          to: "n3",
          term: n3.status().term,
          commit: outIndex,
        }),
      );
      n3.campaign();
      expect(n3.status().role).toBe("candidate");
      h.stabilize(); // applies the change at n3, then delivers its vote requests and the grants

      expect(n3.confState().voters).toEqual(["n1", "n2"]);
      expect(h.node("n1").status().vote).toBe("n3"); // the votes were won…
      expect(h.node("n2").status().vote).toBe("n3");
      expect(n3.status().role).not.toBe("leader"); // …and n3 still does not lead
      h.tickAll(60);
      expect(["n1", "n2"]).toContain(h.leader());
      expect(n3.status().role).not.toBe("leader");
    });
  }
});
