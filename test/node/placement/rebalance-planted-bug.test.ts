// Each rebalance safety check, run against a step function broken in exactly the way that check
// guards against. If a check passed here, it could not catch the bug it is named after.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  afterViolation,
  initialState,
  realStep,
  rebalanceProperty,
  runRebalance,
  type Scenario,
  type StepFn,
} from "./rebalance-model.ts";

/** Removes an unwanted voter (not itself) before the target voters all vote. */
const removesEarly: StepFn = (view, target) => {
  const unwanted = view.confState.voters.find((id) => id !== view.self && !target.voters.includes(id));
  return unwanted ? { kind: "remove", node: unwanted } : realStep(view, target);
};

/** Removes itself where it should hand leadership over. */
const removesItself: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "transfer" && step.reason === "move" ? { kind: "remove", node: view.self } : step;
};

/** Promotes a learner without waiting for it to catch up. */
const promotesLagging: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "wait" && view.confState.learners.includes(step.node)
    ? { kind: "promote", node: step.node }
    : step;
};

/** Never hands leadership to the preferred leader. */
const neverBalances: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "transfer" && step.reason === "balance" ? { kind: "done" } : step;
};

/** Waits for ever on a learner it should promote. */
const neverPromotes: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "promote" ? { kind: "wait", node: step.node } : step;
};

function fails(stepFn: StepFn): boolean {
  return fc.check(rebalanceProperty(stepFn), { numRuns: 400 }).failed;
}

/**
 * The leader n1 and the voter n2 must go; n4 (new) and n5 (a learner 500 entries behind) replace
 * them. Nobody catches up on their own for the first few steps.
 */
const moveOffLeader: Scenario = {
  voters: ["n1", "n2", "n3"],
  learners: ["n5"],
  leader: "n1",
  target: { voters: ["n4", "n5", "n3"], learners: [] },
  lag: { n5: 500 },
  active: ["n2", "n3", "n4", "n5"],
  replication: [{ kind: "idle" }, { kind: "idle" }, { kind: "idle" }, { kind: "idle" }],
};

/** The set is right but n2 leads; the preferred n4 is caught up and active. */
const balance: Scenario = {
  ...moveOffLeader,
  voters: ["n2", "n3", "n4"],
  learners: [],
  leader: "n2",
  target: { voters: ["n4", "n2", "n3"], learners: [] },
  lag: {},
};

describe("the rebalance checks catch planted bugs", () => {
  it("the real step function passes every scenario the bugs below fail", () => {
    for (const scenario of [moveOffLeader, balance]) {
      expect(runRebalance(realStep, scenario).violation).toBeUndefined();
    }
  });

  it("the remove check catches a voter removed before the target voters all vote", () => {
    expect(runRebalance(removesEarly, moveOffLeader).violation).toMatch(
      /removes voter n2 while target voters n4,n5 do not vote/,
    );
    expect(fails(removesEarly)).toBe(true);
  });

  it("the leader check catches a leader that removes itself", () => {
    expect(runRebalance(removesItself, moveOffLeader).violation).toMatch(/n1 removes itself/);
    expect(fails(removesItself)).toBe(true);
  });

  it("the promote check catches a learner promoted while far behind", () => {
    expect(runRebalance(promotesLagging, moveOffLeader).violation).toMatch(
      /promotes n4, 1001 entries behind/,
    );
    expect(fails(promotesLagging)).toBe(true);
  });

  it("the final-leader check catches a rebalance that never moves leadership to the preferred leader", () => {
    expect(runRebalance(neverBalances, balance).violation).toMatch(/done with n2 leading/);
    expect(fails(neverBalances)).toBe(true);
  });

  it("the step bound catches a rebalance that never finishes", () => {
    expect(runRebalance(neverPromotes, moveOffLeader).violation).toMatch(/not done within \d+ steps/);
    expect(fails(neverPromotes)).toBe(true);
  });

  it("the one-at-a-time and voter-floor checks catch a step that drops two voters", () => {
    const group = initialState(moveOffLeader);
    const before = { voters: [...group.voters], learners: [...group.learners] };
    group.voters = ["n1"];
    expect(afterViolation(before, group, 3)).toMatch(/one step changed 2 members/);
    expect(afterViolation({ ...before, voters: ["n1", "n2"] }, group, 2)).toMatch(/1 voters, fewer than 2/);
  });
});
