// Each rebalance safety check, run against a step function broken in exactly the way that check
// guards against. If a check passed here, it could not catch the bug it is named after.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RebalanceStep } from "../../../src/node/placement/rebalance-step.ts";
import {
  afterViolation,
  initialState,
  POOL,
  realStep,
  rebalanceProperty,
  runRebalance,
  type Scenario,
  type StepFn,
} from "./rebalance-model.ts";

const isChange = (step: RebalanceStep): step is Extract<RebalanceStep, { kind: "change" }> =>
  step.kind === "change";

/** Up-replication one learner at a time, as before joint consensus: 1 → 2 → 3 voters. */
const promotesOneByOne: StepFn = (view, target) => {
  const step = realStep(view, target);
  return isChange(step) && step.promote.length > 1 ? { ...step, promote: step.promote.slice(0, 1) } : step;
};

/** A move as add-then-remove: the newcomer is promoted first, the old voter removed later. */
const addsThenRemoves: StepFn = (view, target) => {
  const step = realStep(view, target);
  return isChange(step) && step.promote.length > 0 && step.remove.length > 0 ? { ...step, remove: [] } : step;
};

/** Removes itself where it should hand leadership over. */
const removesItself: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "transfer" && step.reason === "move"
    ? { kind: "change", promote: [], demote: [], remove: [view.self] }
    : step;
};

/** Promotes a learner without waiting for it to catch up. */
const promotesLagging: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "wait" && view.confState.learners.includes(step.node)
    ? { kind: "change", promote: [step.node], demote: [], remove: [] }
    : step;
};

/** Goes on with the next move while still in a joint configuration. */
const staysJoint: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "leaveJoint"
    ? realStep({ ...view, confState: { ...view.confState, votersOutgoing: [] } }, target)
    : step;
};

/** Never hands leadership to the preferred leader. */
const neverBalances: StepFn = (view, target) => {
  const step = realStep(view, target);
  return step.kind === "transfer" && step.reason === "balance" ? { kind: "done" } : step;
};

/** Waits for ever on learners it should promote. */
const neverPromotes: StepFn = (view, target) => {
  const step = realStep(view, target);
  return isChange(step) && step.promote.length > 0 ? { kind: "wait", node: step.promote[0]! } : step;
};

function fails(stepFn: StepFn): boolean {
  return fc.check(rebalanceProperty(stepFn), { numRuns: 400 }).failed;
}

const base = { learners: [], outgoing: [], lag: {}, active: [...POOL], replication: [] };

/** One voter, two joiners: up-replication to three. */
const upReplicate: Scenario = {
  ...base,
  voters: ["n1"],
  leader: "n1",
  target: { voters: ["n1", "n2", "n3"], learners: [], replicationFactor: 3 },
};

/**
 * The leader n1 and the voter n2 must go; n4 (new) and n5 (a learner 500 entries behind) replace
 * them. Nobody catches up on their own for the first few steps.
 */
const moveOffLeader: Scenario = {
  ...base,
  voters: ["n1", "n2", "n3"],
  learners: ["n5"],
  leader: "n1",
  target: { voters: ["n4", "n5", "n3"], learners: [], replicationFactor: 3 },
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
  target: { voters: ["n4", "n2", "n3"], learners: [], replicationFactor: 3 },
  lag: {},
};

describe("the rebalance checks catch planted bugs", () => {
  it("the real step function passes every scenario the bugs below fail", () => {
    for (const scenario of [upReplicate, moveOffLeader, balance]) {
      expect(runRebalance(realStep, scenario).violation).toBeUndefined();
    }
  });

  it("the even-count check catches up-replication through two voters", () => {
    expect(runRebalance(promotesOneByOne, upReplicate).violation).toMatch(/sits at 2 voters/);
    expect(fails(promotesOneByOne)).toBe(true);
  });

  it("the ceiling check catches a move that adds before it removes (four voters at RF 3)", () => {
    expect(runRebalance(addsThenRemoves, moveOffLeader).violation).toMatch(/[45] voters, more than 3/);
    expect(fails(addsThenRemoves)).toBe(true);
  });

  it("the leader check catches a leader that removes itself", () => {
    expect(runRebalance(removesItself, moveOffLeader).violation).toMatch(/n1 removes itself/);
    expect(fails(removesItself)).toBe(true);
  });

  it("the promote check catches a learner promoted while far behind", () => {
    expect(runRebalance(promotesLagging, moveOffLeader).violation).toMatch(
      /promotes n\d, \d+ entries behind/,
    );
    expect(fails(promotesLagging)).toBe(true);
  });

  it("the joint check catches a change made before the joint configuration was left", () => {
    expect(runRebalance(staysJoint, upReplicate).violation).toMatch(/while in a joint configuration/);
    expect(fails(staysJoint)).toBe(true);
  });

  it("the final-leader check catches a rebalance that never moves leadership to the preferred leader", () => {
    expect(runRebalance(neverBalances, balance).violation).toMatch(/done with n2 leading/);
    expect(fails(neverBalances)).toBe(true);
  });

  it("the step bound catches a rebalance that never finishes", () => {
    expect(runRebalance(neverPromotes, moveOffLeader).violation).toMatch(/not done within \d+ steps/);
    expect(fails(neverPromotes)).toBe(true);
  });

  it("the floor check catches a step that drops below the settled voter count", () => {
    const target = moveOffLeader.target;
    const group = initialState(moveOffLeader);
    group.voters = ["n1"];
    expect(afterViolation({ voters: ["n1", "n2", "n3"] }, group, target)).toMatch(/1 voters, fewer than 3/);
  });
});
