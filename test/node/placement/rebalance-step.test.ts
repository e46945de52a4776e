// The leader's next membership step toward a group's target placement: one example per step
// kind, a whole move as a transcript, and the safety promises over random groups and targets
// (rebalance-model.ts).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GroupTarget } from "../../../src/node/placement/cluster-view.ts";
import {
  CAUGHT_UP_LAG,
  type LeaderView,
  nextRebalanceStep,
} from "../../../src/node/placement/rebalance-step.ts";
import { ProgressState, type ProgressStatus } from "../../../src/raft/index.ts";
import {
  POOL,
  realStep,
  rebalanceProperty,
  runRebalance,
  type Scenario,
  scenarioArb,
} from "./rebalance-model.ts";

const LAST = 1_000;

interface Member {
  /** Entries behind the leader's last index; 0 unless given. */
  readonly lag?: number;
  /** Heard from recently; true unless given. */
  readonly active?: boolean;
}

/** A leader's view: `self` leads, every listed member has the progress given. */
function view(
  self: string,
  conf: { voters: string[]; learners?: string[] },
  members: Record<string, Member> = {},
): LeaderView {
  const learners = conf.learners ?? [];
  const progress = new Map<string, ProgressStatus>();
  for (const id of [...conf.voters, ...learners]) {
    const { lag = 0, active = true } = members[id] ?? {};
    const match = id === self ? LAST : LAST - lag;
    progress.set(id, {
      match,
      next: match + 1,
      state: ProgressState.Replicate,
      isLearner: learners.includes(id),
      recentActive: active,
    });
  }
  return {
    self,
    confState: { voters: conf.voters, learners, votersOutgoing: [], learnersNext: [], autoLeave: false },
    lastIndex: LAST,
    progress,
  };
}

const target = (voters: string[], learners: string[] = []): GroupTarget => ({ voters, learners });

describe("nextRebalanceStep, one step kind at a time", () => {
  it("a target voter the group lacks is added as a learner first", () => {
    const step = nextRebalanceStep(view("a", { voters: ["a", "b", "c"] }), target(["a", "b", "d"]));
    expect(step).toEqual({ kind: "addLearner", node: "d" });
  });

  it("a target voter that is a learner is promoted once within CAUGHT_UP_LAG entries", () => {
    const conf = { voters: ["a", "b", "c"], learners: ["d"] };
    const goal = target(["a", "b", "d"]);
    expect(nextRebalanceStep(view("a", conf, { d: { lag: CAUGHT_UP_LAG } }), goal)).toEqual({
      kind: "promote",
      node: "d",
    });
    expect(nextRebalanceStep(view("a", conf, { d: { lag: CAUGHT_UP_LAG + 1 } }), goal)).toEqual({
      kind: "wait",
      node: "d",
    });
  });

  it("a learner with no progress entry counts as empty and is waited for", () => {
    const v = view("a", { voters: ["a"], learners: ["b"] });
    const progress = new Map(v.progress);
    progress.delete("b");
    expect(nextRebalanceStep({ ...v, progress }, target(["a", "b"]))).toEqual({ kind: "wait", node: "b" });
  });

  it("no unwanted voter is removed while a target voter does not vote yet", () => {
    const conf = { voters: ["a", "b", "c"], learners: ["d"] };
    const step = nextRebalanceStep(view("a", conf, { d: { lag: 500 } }), target(["a", "b", "d"]));
    expect(step).toEqual({ kind: "wait", node: "d" });
  });

  it("target learners (the meta group's extras) are added once every target voter votes", () => {
    const step = nextRebalanceStep(view("a", { voters: ["a", "b", "c"] }), target(["a", "b", "c"], ["d"]));
    expect(step).toEqual({ kind: "addLearner", node: "d" });
  });

  it("an unwanted voter is removed once every target voter votes", () => {
    const conf = { voters: ["a", "b", "c", "d"] };
    expect(nextRebalanceStep(view("a", conf), target(["a", "b", "d"]))).toEqual({
      kind: "remove",
      node: "c",
    });
  });

  it("a voter the target wants as a learner is removed (Raft cannot demote) and then re-added", () => {
    const goal = target(["a", "b", "c"], ["d"]);
    expect(nextRebalanceStep(view("a", { voters: ["a", "b", "c", "d"] }), goal)).toEqual({
      kind: "remove",
      node: "d",
    });
    expect(nextRebalanceStep(view("a", { voters: ["a", "b", "c"] }), goal)).toEqual({
      kind: "addLearner",
      node: "d",
    });
  });

  it("a leader the target does not want hands leadership to a caught-up target voter first", () => {
    const conf = { voters: ["a", "b", "c", "d"] };
    const goal = target(["b", "c", "d"]);
    expect(nextRebalanceStep(view("a", conf, { b: { lag: 500 } }), goal)).toEqual({
      kind: "transfer",
      to: "c",
      reason: "move",
    });
  });

  it("a leader the target does not want waits when no target voter is caught up", () => {
    const conf = { voters: ["a", "b", "c"] };
    const step = nextRebalanceStep(view("a", conf, { b: { lag: 500 }, c: { lag: 500 } }), target(["b", "c"]));
    expect(step).toEqual({ kind: "wait", node: "b" });
  });

  it("an unwanted learner is removed once the voters are right", () => {
    const conf = { voters: ["a", "b", "c"], learners: ["d", "e"] };
    expect(nextRebalanceStep(view("a", conf), target(["a", "b", "c"], ["e"]))).toEqual({
      kind: "remove",
      node: "d",
    });
  });

  it("with the set right, leadership goes to the preferred leader if it is fully caught up and active", () => {
    const conf = { voters: ["a", "b", "c"] };
    const goal = target(["b", "a", "c"]);
    expect(nextRebalanceStep(view("a", conf), goal)).toEqual({
      kind: "transfer",
      to: "b",
      reason: "balance",
    });
    expect(nextRebalanceStep(view("a", conf, { b: { lag: 1 } }), goal)).toEqual({ kind: "done" });
    expect(nextRebalanceStep(view("a", conf, { b: { active: false } }), goal)).toEqual({ kind: "done" });
  });

  it("a group at its target, led by the preferred leader, is done", () => {
    const conf = { voters: ["b", "a", "c"], learners: ["d"] };
    expect(nextRebalanceStep(view("b", conf), target(["b", "c", "a"], ["d"]))).toEqual({ kind: "done" });
  });
});

describe("a whole move as a transcript", () => {
  it("replacing the leader: add, promote, hand over, remove", () => {
    const scenario: Scenario = {
      voters: ["n1", "n2", "n3"],
      learners: [],
      leader: "n1",
      target: target(["n4", "n2", "n3"]),
      lag: {},
      active: [...POOL],
      replication: [],
    };
    const { steps, final, violation } = runRebalance(realStep, scenario);
    expect(violation).toBeUndefined();
    expect(steps).toEqual([
      { kind: "addLearner", node: "n4" },
      { kind: "promote", node: "n4" },
      { kind: "transfer", to: "n4", reason: "move" },
      { kind: "remove", node: "n1" },
      { kind: "done" },
    ]);
    expect(final.leader).toBe("n4");
  });
});

describe("nextRebalanceStep over random groups and targets", () => {
  it("reaches the target within a bounded number of steps, every step safe, the preferred leader leading", () => {
    // Checked per step: one member changes at a time; a voter is removed only once every target
    // voter votes; the leader never removes itself; only caught-up learners are promoted; the
    // voters never drop below min(initial, target). At the end: voters and learners equal the
    // target's, and target.voters[0] leads if it is caught up and active. See rebalance-model.ts.
    fc.assert(rebalanceProperty(realStep), { numRuns: 400 });
  });

  it("the generator covers the cases that matter", () => {
    const runs = fc.sample(scenarioArb, { numRuns: 400, seed: 1 }).map((scenario) => ({
      scenario,
      kinds: new Set<string>(
        runRebalance(realStep, scenario).steps.map((s) => ("reason" in s ? s.reason : s.kind)),
      ),
    }));
    const share = (p: (r: (typeof runs)[number]) => boolean) => runs.filter(p).length / runs.length;
    expect(share((r) => !r.scenario.target.voters.includes(r.scenario.leader))).toBeGreaterThan(0.2);
    expect(share((r) => r.scenario.target.learners.length > 0)).toBeGreaterThan(0.2);
    for (const kind of ["addLearner", "promote", "remove", "move", "balance", "wait"]) {
      expect(
        share((r) => r.kinds.has(kind)),
        kind,
      ).toBeGreaterThan(0.1);
    }
  });
});
