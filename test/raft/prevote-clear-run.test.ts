// Two survivors of a three-voter group that time out together must not split the vote: granting
// a PreVote leaves its sender a clear run (raft.ts #leaveClearRun). The churn soak saw splits
// cost one to two extra election timeouts per leader failure.
import { describe, expect, it } from "vitest";
import { Harness } from "./cluster-harness.ts";

function electedThenLeaderDies(): { h: Harness; term: number } {
  // No CheckQuorum: followers then grant PreVotes right after the leader's death (no lease),
  // which is where a split happens.
  const h = new Harness(["n1", "n2", "n3"], { checkQuorum: false });
  h.node("n1").campaign();
  h.stabilize();
  expect(h.leader()).toBe("n1");
  h.isolate("n1");
  return { h, term: h.node("n2").status().term };
}

/** The roles of the two survivors (n1, cut off without CheckQuorum, still thinks it leads). */
function roles(h: Harness): string[] {
  return ["n2", "n3"].map((id) => h.node(id).status().role);
}

describe("PreVote leaves a clear run", () => {
  it("two pre-candidates with equal logs: the lower id goes on, the other steps back and votes for it", () => {
    const { h, term } = electedThenLeaderDies();
    h.node("n2").campaign();
    h.node("n3").campaign();
    expect([h.node("n2").status().role, h.node("n3").status().role]).toEqual([
      "pre-candidate",
      "pre-candidate",
    ]);
    h.stabilize();
    // One election, in the next term: without the rule both win their trials, both campaign in
    // term + 1, each votes for itself, and nobody leads until another timeout.
    expect(roles(h)).toEqual(["leader", "follower"]);
    expect(h.node("n2").status().term).toBe(term + 1);
    expect(h.node("n3").status().vote).toBe("n2");
  });

  it("a pre-candidate with the longer log goes on, whatever the ids", () => {
    const { h, term } = electedThenLeaderDies();
    // n3 holds one entry more than n2: the old leader's last append reached only n3.
    h.heal();
    h.drop = (m) => m.to === "n2" || (m.from === "n1" && m.to !== "n3");
    h.node("n1").propose(new TextEncoder().encode("x"));
    h.stabilize();
    expect(h.node("n3").status().lastIndex).toBe(h.node("n2").status().lastIndex + 1);
    h.isolate("n1");
    h.node("n2").campaign();
    h.node("n3").campaign();
    h.stabilize();
    expect(roles(h)).toEqual(["follower", "leader"]);
    expect(h.node("n3").status().term).toBe(term + 1);
  });
});
