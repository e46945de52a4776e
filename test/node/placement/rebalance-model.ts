// A model of one Raft group driven by its leader's rebalance steps, and the safety promises
// every step must keep. rebalance-step.test.ts runs the real step function through it;
// rebalance-planted-bug.test.ts runs deliberately broken step functions through the very same
// checks and expects them to fail, so a check that could never fail would show up there.
//
// The model: a confState {voters, learners}, a leader (always a voter), the leader's last log
// index, and each member's match index (the truth the leader's progress reports). Between steps
// the log grows (client writes) and members catch up, following a generated schedule; once the
// schedule runs out every member catches up after every step ("eventually caught up").

import fc from "fast-check";
import type { GroupTarget } from "../../../src/node/placement/cluster-view.ts";
import {
  CAUGHT_UP_LAG,
  type LeaderView,
  nextRebalanceStep,
  type RebalanceStep,
} from "../../../src/node/placement/rebalance-step.ts";
import { ProgressState, type ProgressStatus } from "../../../src/raft/index.ts";

/** The real step function or a planted bug. */
export type StepFn = (view: LeaderView, target: GroupTarget) => RebalanceStep;

export const realStep: StepFn = nextRebalanceStep;

/** A description of a broken promise, or undefined when it holds. */
export type Violation = string | undefined;

export const POOL: readonly string[] = ["n1", "n2", "n3", "n4", "n5", "n6", "n7"];

/** What happens to the log between two steps while the schedule lasts. */
export type Replication =
  | { readonly kind: "catchUp"; readonly node: string }
  | { readonly kind: "write"; readonly entries: number }
  | { readonly kind: "idle" };

export interface Scenario {
  readonly voters: readonly string[];
  readonly learners: readonly string[];
  readonly leader: string;
  readonly target: GroupTarget;
  /** How far each pool member starts behind the leader's last index. */
  readonly lag: Readonly<Record<string, number>>;
  /** Members the leader has heard from recently (the leader itself always counts). */
  readonly active: readonly string[];
  readonly replication: readonly Replication[];
}

export interface GroupState {
  voters: string[];
  learners: string[];
  leader: string;
  lastIndex: number;
  readonly match: Map<string, number>;
  readonly active: ReadonlySet<string>;
}

export interface Run {
  readonly steps: readonly RebalanceStep[];
  readonly final: GroupState;
  readonly violation: Violation;
}

const LAST_INDEX_START = 1_000;

// Arbitraries -------------------------------------------------------------------------------

const voterSet = fc.shuffledSubarray([...POOL], { minLength: 1, maxLength: 5 });

/** Shard-like targets (no learners) and meta-like ones (extra members as learners). */
const targetArb: fc.Arbitrary<GroupTarget> = fc
  .tuple(voterSet, fc.oneof(fc.constant<string[]>([]), fc.subarray([...POOL])))
  .map(([voters, extras]) => ({ voters, learners: extras.filter((id) => !voters.includes(id)) }));

const lagArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: CAUGHT_UP_LAG }),
  fc.integer({ min: CAUGHT_UP_LAG + 1, max: 500 }),
);

const replicationArb: fc.Arbitrary<Replication> = fc.oneof(
  fc.constantFrom(...POOL).map((node) => ({ kind: "catchUp" as const, node })),
  fc.integer({ min: 1, max: 100 }).map((entries) => ({ kind: "write" as const, entries })),
  fc.constant({ kind: "idle" as const }),
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    voters: voterSet,
    extras: fc.subarray([...POOL]),
    leaderIndex: fc.nat(),
    target: targetArb,
    lags: fc.array(lagArb, { minLength: POOL.length, maxLength: POOL.length }),
    active: fc.subarray([...POOL], { minLength: Math.floor(POOL.length / 2) }),
    replication: fc.array(replicationArb, { maxLength: 30 }),
  })
  .map(({ voters, extras, leaderIndex, target, lags, active, replication }) => ({
    voters,
    learners: extras.filter((id) => !voters.includes(id)),
    leader: voters[leaderIndex % voters.length]!,
    target,
    lag: Object.fromEntries(POOL.map((id, i) => [id, lags[i]!])),
    active,
    replication,
  }));

// The model ---------------------------------------------------------------------------------

export function initialState(scenario: Scenario): GroupState {
  const match = new Map<string, number>();
  for (const id of [...scenario.voters, ...scenario.learners]) {
    match.set(id, LAST_INDEX_START - (scenario.lag[id] ?? 0));
  }
  match.set(scenario.leader, LAST_INDEX_START);
  return {
    voters: [...scenario.voters],
    learners: [...scenario.learners],
    leader: scenario.leader,
    lastIndex: LAST_INDEX_START,
    match,
    active: new Set([...scenario.active, scenario.leader]),
  };
}

/** What the leader sees: its confState, last index and progress of every member. */
export function viewOf(group: GroupState): LeaderView {
  const progress = new Map<string, ProgressStatus>();
  for (const id of [...group.voters, ...group.learners]) {
    const match = group.match.get(id) ?? 0;
    progress.set(id, {
      match,
      next: match + 1,
      state: ProgressState.Replicate,
      isLearner: group.learners.includes(id),
      recentActive: id === group.leader || group.active.has(id),
    });
  }
  return {
    self: group.leader,
    confState: {
      voters: [...group.voters],
      learners: [...group.learners],
      votersOutgoing: [],
      learnersNext: [],
      autoLeave: false,
    },
    lastIndex: group.lastIndex,
    progress,
  };
}

function lagOf(group: GroupState, id: string): number {
  return group.lastIndex - (group.match.get(id) ?? 0);
}

/** Carry out a step as the rebalancer and Raft would. Checks nothing: see stepViolation. */
export function applyStep(group: GroupState, step: RebalanceStep): void {
  switch (step.kind) {
    case "addLearner":
      group.learners.push(step.node);
      group.match.set(step.node, 0); // a new replica starts empty
      appendEntries(group, 1);
      return;
    case "promote":
      group.learners = group.learners.filter((id) => id !== step.node);
      group.voters.push(step.node);
      appendEntries(group, 1);
      return;
    case "remove":
      group.voters = group.voters.filter((id) => id !== step.node);
      group.learners = group.learners.filter((id) => id !== step.node);
      group.match.delete(step.node);
      appendEntries(group, 1);
      return;
    case "transfer":
      // Raft catches the transferee up before it campaigns; the new leader appends an empty entry.
      group.match.set(step.to, group.lastIndex);
      group.leader = step.to;
      appendEntries(group, 1);
      return;
    case "wait":
      group.match.set(step.node, group.lastIndex);
      return;
    case "done":
      return;
  }
}

function appendEntries(group: GroupState, entries: number): void {
  group.lastIndex += entries;
  group.match.set(group.leader, group.lastIndex);
}

function replicate(group: GroupState, event: Replication | undefined): void {
  if (event === undefined) {
    for (const id of [...group.voters, ...group.learners]) group.match.set(id, group.lastIndex);
  } else if (event.kind === "write") {
    appendEntries(group, event.entries);
  } else if (event.kind === "catchUp" && group.match.has(event.node)) {
    group.match.set(event.node, group.lastIndex);
  }
}

// The promises ------------------------------------------------------------------------------

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Is it safe (and meaningful) for the leader of `group` to take `step` toward `target`? */
export function stepViolation(group: GroupState, step: RebalanceStep, target: GroupTarget): Violation {
  const { voters, learners, leader } = group;
  const holds = (id: string) => voters.includes(id) || learners.includes(id);
  switch (step.kind) {
    case "addLearner":
      if (holds(step.node)) return `adds ${step.node}, which the group already holds`;
      if (!target.voters.includes(step.node) && !target.learners.includes(step.node)) {
        return `adds ${step.node}, which the target does not want`;
      }
      return undefined;
    case "promote":
      if (!learners.includes(step.node)) return `promotes ${step.node}, which is not a learner`;
      if (!target.voters.includes(step.node)) return `promotes ${step.node}, which is no target voter`;
      if (lagOf(group, step.node) > CAUGHT_UP_LAG) {
        return `promotes ${step.node}, ${lagOf(group, step.node)} entries behind (limit ${CAUGHT_UP_LAG})`;
      }
      return undefined;
    case "remove":
      return removeViolation(group, step.node, target);
    case "transfer":
      return transferViolation(group, step, target);
    case "wait":
      // Waiting on a member that is already caught up is pointless but not unsafe: the step
      // bound catches a rebalance that waits for ever.
      if (!holds(step.node)) return `waits for ${step.node}, which the group does not hold`;
      return undefined;
    case "done":
      if (!sameSet(voters, target.voters) || !sameSet(learners, target.learners)) {
        return `done at ${JSON.stringify({ voters, learners })}, short of ${JSON.stringify(target)}`;
      }
      if (!voters.includes(leader)) return `done with leader ${leader} outside the voters`;
      return undefined;
  }
}

function removeViolation(group: GroupState, node: string, target: GroupTarget): Violation {
  const { voters, learners, leader } = group;
  if (node === leader) return `the leader ${leader} removes itself instead of handing over first`;
  if (target.voters.includes(node)) return `removes target voter ${node}`;
  if (voters.includes(node)) {
    const missing = target.voters.filter((id) => !voters.includes(id));
    if (missing.length > 0) return `removes voter ${node} while target voters ${missing} do not vote yet`;
    return undefined;
  }
  if (!learners.includes(node)) return `removes ${node}, which the group does not hold`;
  if (target.learners.includes(node)) return `removes target learner ${node}`;
  return undefined;
}

function transferViolation(
  group: GroupState,
  step: Extract<RebalanceStep, { kind: "transfer" }>,
  target: GroupTarget,
): Violation {
  const { to, reason } = step;
  if (to === group.leader) return `transfers leadership to itself`;
  if (!group.voters.includes(to)) return `transfers leadership to ${to}, which is not a voter`;
  if (lagOf(group, to) > CAUGHT_UP_LAG) return `transfers leadership to ${to}, ${lagOf(group, to)} behind`;
  if (reason === "move") {
    if (target.voters.includes(group.leader)) return `moves leadership off ${group.leader}, a target voter`;
    if (!target.voters.includes(to)) return `moves leadership to ${to}, which is no target voter`;
    return undefined;
  }
  if (to !== target.voters[0]) return `balances leadership onto ${to}, not the preferred ${target.voters[0]}`;
  if (lagOf(group, to) !== 0 || !group.active.has(to)) return `balances onto ${to}, not caught up and active`;
  return undefined;
}

/**
 * What must hold of the group after every step, whatever the step was. One member at a time
 * holds by construction while every step kind names one member, and the voter floor follows from
 * the remove check; both are stated here on their own so that neither rests on the other.
 */
export function afterViolation(
  before: { voters: readonly string[]; learners: readonly string[] },
  group: GroupState,
  voterFloor: number,
): Violation {
  const role = (g: typeof before, id: string) =>
    g.voters.includes(id) ? "voter" : g.learners.includes(id) ? "learner" : "none";
  const changed = POOL.filter((id) => role(before, id) !== role(group, id));
  if (changed.length > 1) return `one step changed ${changed.length} members: ${changed}`;
  if (!group.voters.includes(group.leader)) return `the leader ${group.leader} is no longer a voter`;
  if (group.voters.length < voterFloor) return `${group.voters.length} voters, fewer than ${voterFloor}`;
  return undefined;
}

/**
 * Steps the schedule allows plus enough to settle once every member keeps up: each target voter
 * added and promoted, each target learner at most removed as a voter and re-added, every other
 * member removed (≤ 2 per pool member in all); leadership moved and balanced once (2); one wait
 * for a member the schedule's last write left behind (1); a "done" while the schedule lasted and
 * the final one (2).
 */
export function stepsMax(scenario: Scenario): number {
  return scenario.replication.length + 2 * POOL.length + 5;
}

/** Ask `stepFn` for steps and carry them out until it is done for good, checking every step. */
export function runRebalance(stepFn: StepFn, scenario: Scenario): Run {
  const group = initialState(scenario);
  const { target } = scenario;
  // Voters only grow until every target voter votes, and only shrink to the target after that.
  const voterFloor = Math.min(scenario.voters.length, target.voters.length);
  const schedule = [...scenario.replication];
  const steps: RebalanceStep[] = [];
  const fail = (violation: string): Run => ({ steps, final: group, violation });
  for (let i = 0; i < stepsMax(scenario); i++) {
    const step = stepFn(viewOf(group), target);
    steps.push(step);
    const violation = stepViolation(group, step, target);
    if (violation) return fail(`step ${i} ${JSON.stringify(step)}: ${violation}`);
    if (step.kind === "done") {
      if (schedule.length === 0)
        return { steps, final: group, violation: preferredLeaderViolation(group, target) };
      // Done for now; let every member catch up and ask again, as the rebalancer keeps doing.
      schedule.length = 0;
      replicate(group, undefined);
      continue;
    }
    const before = { voters: [...group.voters], learners: [...group.learners] };
    applyStep(group, step);
    const after = afterViolation(before, group, voterFloor);
    if (after) return fail(`after step ${i} ${JSON.stringify(step)}: ${after}`);
    replicate(group, schedule.shift());
  }
  return fail(`not done within ${stepsMax(scenario)} steps`);
}

/** With everyone caught up, the preferred leader leads unless it is not recently active. */
function preferredLeaderViolation(group: GroupState, target: GroupTarget): Violation {
  const preferred = target.voters[0];
  if (preferred === undefined || group.leader === preferred) return undefined;
  if (lagOf(group, preferred) === 0 && group.active.has(preferred)) {
    return `done with ${group.leader} leading, though the preferred ${preferred} is caught up and active`;
  }
  return undefined;
}

export function rebalanceProperty(stepFn: StepFn): fc.IPropertyWithHooks<[Scenario]> {
  return fc.property(scenarioArb, (scenario) => {
    const { violation } = runRebalance(stepFn, scenario);
    if (violation !== undefined) throw new Error(violation);
  });
}
