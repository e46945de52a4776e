// A model of one Raft group driven by its leader's rebalance steps, and the safety promises
// every step must keep. rebalance-step.test.ts runs the real step function through it;
// rebalance-planted-bug.test.ts runs deliberately broken step functions through the very same
// checks and expects them to fail, so a check that could never fail would show up there.
//
// The model: a confState {voters, learners, votersOutgoing (non-empty while joint)}, a leader
// (always a voter of the incoming configuration), the leader's last log index, and each member's
// match index (the truth the leader's progress reports). Between steps the log grows (client
// writes) and members catch up, following a generated schedule; once the schedule runs out every
// member catches up after every step ("eventually caught up"). A change of more than one voter,
// or one that demotes, enters a joint configuration, which the next step must leave (the core's
// auto-leave; the planner's leaveJoint when it did not happen).
//
// The checks are written from the target alone, never from plannedConf: the settled voter count
// is min(target voters, RF), cut by one when that is even and below RF.

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
  /** The outgoing voters when the group starts in a joint configuration; empty otherwise. */
  readonly outgoing: readonly string[];
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
  outgoing: string[];
  leader: string;
  lastIndex: number;
  readonly match: Map<string, number>;
  readonly active: ReadonlySet<string>;
}

export interface Run {
  readonly steps: readonly RebalanceStep[];
  readonly final: GroupState;
  readonly violation: Violation;
  /** Every voter count the group sat at outside a joint configuration, after each step. */
  readonly voterCounts: readonly number[];
}

const LAST_INDEX_START = 1_000;

// Arbitraries -------------------------------------------------------------------------------

const voterSet = fc.shuffledSubarray([...POOL], { minLength: 1, maxLength: 5 });

/**
 * Targets as ClusterView makes them: min(RF, members) voters, and learners (the meta group's
 * other members) only when there are more members than RF.
 */
const targetArb: fc.Arbitrary<GroupTarget> = fc
  .tuple(voterSet, fc.oneof(fc.constant<string[]>([]), fc.subarray([...POOL])), fc.constantFrom(1, 3, 5))
  .map(([members, extras, replicationFactor]) => {
    const voters = members.slice(0, replicationFactor);
    const learners = voters.length === replicationFactor ? extras.filter((id) => !voters.includes(id)) : [];
    return { voters, learners, replicationFactor };
  });

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
    joint: fc.oneof({ weight: 4, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: voterSet }),
    leaderIndex: fc.nat(),
    target: targetArb,
    lags: fc.array(lagArb, { minLength: POOL.length, maxLength: POOL.length }),
    active: fc.subarray([...POOL], { minLength: Math.floor(POOL.length / 2) }),
    replication: fc.array(replicationArb, { maxLength: 30 }),
  })
  .map(({ voters, extras, joint, leaderIndex, target, lags, active, replication }) => ({
    voters,
    learners: extras.filter((id) => !voters.includes(id) && !joint.includes(id)),
    outgoing: joint,
    leader: voters[leaderIndex % voters.length]!,
    target,
    lag: Object.fromEntries(POOL.map((id, i) => [id, lags[i]!])),
    active,
    replication,
  }));

// The model ---------------------------------------------------------------------------------

export function initialState(scenario: Scenario): GroupState {
  const match = new Map<string, number>();
  for (const id of [...scenario.voters, ...scenario.learners, ...scenario.outgoing]) {
    match.set(id, LAST_INDEX_START - (scenario.lag[id] ?? 0));
  }
  match.set(scenario.leader, LAST_INDEX_START);
  return {
    voters: [...scenario.voters],
    learners: [...scenario.learners],
    outgoing: [...scenario.outgoing],
    leader: scenario.leader,
    lastIndex: LAST_INDEX_START,
    match,
    active: new Set([...scenario.active, scenario.leader]),
  };
}

/** What the leader sees: its confState, last index and progress of every member. */
export function viewOf(group: GroupState): LeaderView {
  const progress = new Map<string, ProgressStatus>();
  for (const id of new Set([...group.voters, ...group.learners, ...group.outgoing])) {
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
      votersOutgoing: [...group.outgoing],
      learnersNext: [],
      autoLeave: group.outgoing.length > 0,
    },
    lastIndex: group.lastIndex,
    progress,
  };
}

function lagOf(group: GroupState, id: string): number {
  return group.lastIndex - (group.match.get(id) ?? 0);
}

function caughtUp(group: GroupState, id: string): boolean {
  return (group.match.get(id) ?? 0) > 0 && lagOf(group, id) <= CAUGHT_UP_LAG;
}

const holds = (group: GroupState, id: string) =>
  group.voters.includes(id) || group.learners.includes(id) || group.outgoing.includes(id);

/** Carry out a step as the rebalancer and Raft would. Checks nothing: see stepViolation. */
export function applyStep(group: GroupState, step: RebalanceStep): void {
  switch (step.kind) {
    case "addLearners":
      for (const id of step.nodes) {
        group.learners.push(id);
        group.match.set(id, 0); // a new replica starts empty
      }
      appendEntries(group, 1);
      return;
    case "change": {
      const before = [...group.voters];
      const leaving = [...step.demote, ...step.remove];
      group.voters = [...before.filter((id) => !leaving.includes(id)), ...step.promote];
      group.learners = [...group.learners.filter((id) => !step.promote.includes(id)), ...step.demote];
      for (const id of step.remove) group.match.delete(id);
      if (step.promote.length + leaving.length > 1 || step.demote.length > 0) group.outgoing = before;
      appendEntries(group, 1);
      return;
    }
    case "removeLearners":
      group.learners = group.learners.filter((id) => !step.nodes.includes(id));
      for (const id of step.nodes) group.match.delete(id);
      appendEntries(group, 1);
      return;
    case "leaveJoint":
      for (const id of group.outgoing) if (!holds({ ...group, outgoing: [] }, id)) group.match.delete(id);
      group.outgoing = [];
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
    for (const id of new Set([...group.voters, ...group.learners, ...group.outgoing]))
      group.match.set(id, group.lastIndex);
  } else if (event.kind === "write") {
    appendEntries(group, event.entries);
  } else if (event.kind === "catchUp" && group.match.has(event.node)) {
    group.match.set(event.node, group.lastIndex);
  }
}

// The promises ------------------------------------------------------------------------------

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** The voter count a group settles at: the target's, cut by one when even and below RF. */
export function settledVoters(target: GroupTarget): number {
  const t = target.voters.length;
  return t % 2 === 0 && t < target.replicationFactor ? t - 1 : t;
}

const wantedBy = (target: GroupTarget, id: string) =>
  target.voters.includes(id) || target.learners.includes(id);

/** Is it safe (and meaningful) for the leader of `group` to take `step` toward `target`? */
export function stepViolation(group: GroupState, step: RebalanceStep, target: GroupTarget): Violation {
  const joint = group.outgoing.length > 0;
  if (joint && step.kind !== "leaveJoint") return `${step.kind} while in a joint configuration`;
  switch (step.kind) {
    case "addLearners":
      for (const id of step.nodes) {
        if (holds(group, id)) return `adds ${id}, which the group already holds`;
        if (!wantedBy(target, id)) return `adds ${id}, which the target does not want`;
      }
      return step.nodes.length === 0 ? "adds nobody" : undefined;
    case "change":
      return changeViolation(group, step, target);
    case "removeLearners":
      for (const id of step.nodes) {
        if (!group.learners.includes(id)) return `removes learner ${id}, which is not a learner`;
        if (wantedBy(target, id)) return `removes ${id}, which the target wants`;
      }
      return step.nodes.length === 0 ? "removes nobody" : undefined;
    case "leaveJoint":
      return joint ? undefined : "leaves a joint configuration it is not in";
    case "transfer":
      return transferViolation(group, step, target);
    case "wait":
      // Waiting on a member that is already caught up is pointless but not unsafe: the step
      // bound catches a rebalance that waits for ever.
      if (!holds(group, step.node)) return `waits for ${step.node}, which the group does not hold`;
      return undefined;
    case "done":
      return doneViolation(group, target);
  }
}

function changeViolation(
  group: GroupState,
  step: Extract<RebalanceStep, { kind: "change" }>,
  target: GroupTarget,
): Violation {
  for (const id of step.promote) {
    if (!group.learners.includes(id)) return `promotes ${id}, which is not a learner`;
    if (!caughtUp(group, id))
      return `promotes ${id}, ${lagOf(group, id)} entries behind (limit ${CAUGHT_UP_LAG})`;
  }
  for (const id of [...step.demote, ...step.remove]) {
    if (!group.voters.includes(id)) return `demotes or removes ${id}, which is not a voter`;
    if (id === group.leader) return `the leader ${id} removes itself instead of handing over first`;
  }
  for (const id of step.demote)
    if (!wantedBy(target, id)) return `demotes ${id}, which the target does not want`;
  for (const id of step.remove) if (wantedBy(target, id)) return `removes ${id}, which the target wants`;
  if (step.promote.length + step.demote.length + step.remove.length === 0) return "changes nothing";
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
  const preferred = target.voters.find((id) => group.voters.includes(id));
  if (to !== preferred) return `balances leadership onto ${to}, not the preferred ${preferred}`;
  if (lagOf(group, to) !== 0 || !group.active.has(to)) return `balances onto ${to}, not caught up and active`;
  return undefined;
}

function doneViolation(group: GroupState, target: GroupTarget): Violation {
  const { voters, learners } = group;
  const shown = JSON.stringify({ voters, learners });
  if (voters.length !== settledVoters(target)) return `done at ${shown}: not ${settledVoters(target)} voters`;
  if (!voters.every((id) => target.voters.includes(id)))
    return `done at ${shown}: a voter the target does not want`;
  const rest = [...target.voters, ...target.learners].filter((id) => !voters.includes(id));
  if (!sameSet(learners, rest)) return `done at ${shown}: learners are not ${rest}`;
  if (!voters.includes(group.leader)) return `done with leader ${group.leader} outside the voters`;
  return undefined;
}

/**
 * What must hold of the group after every step, whatever the step was: the leader votes in the
 * incoming configuration; the voters stay between min and max of (what they were, what they
 * settle at);
 * and outside a joint configuration no step moves them to an even count below RF, except to two
 * while a group whose target has at most two voters hands over from a leader that must go (no
 * odd count is reachable there: the leader hands over only to a voter).
 */
export function afterViolation(
  before: { voters: readonly string[] },
  group: GroupState,
  target: GroupTarget,
): Violation {
  const n = group.voters.length;
  if (!group.voters.includes(group.leader)) return `the leader ${group.leader} is no longer a voter`;
  const floor = Math.min(before.voters.length, settledVoters(target));
  if (n < floor) return `${n} voters, fewer than ${floor}`;
  const even = n % 2 === 0 && n < target.replicationFactor;
  const handover = n === 2 && target.voters.length <= 2 && !target.voters.includes(group.leader);
  // Add-then-remove would pass through one voter more than either end (4 on a move at RF 3).
  const ceiling = Math.max(before.voters.length, settledVoters(target));
  if (n > ceiling && !handover) return `${n} voters, more than ${ceiling}`;
  // Only a set this step moved to: a group may start at any count (a member was just evicted).
  const moved = !sameSet(before.voters, group.voters);
  if (moved && group.outgoing.length === 0 && even && !handover) {
    return `sits at ${n} voters (${group.voters}), an even count below RF ${target.replicationFactor}`;
  }
  return undefined;
}

/**
 * Steps the schedule allows plus enough to settle once every member keeps up: learners added
 * (1), a hand-over swap and its leave (2), a transfer (1), the change and its leave (2), waits
 * for lagging members (≤ one per pool member), learners removed (1), a balance transfer (1), a
 * leave of a joint start (1), a "done" while the schedule lasted and the final one (2).
 */
export function stepsMax(scenario: Scenario): number {
  return scenario.replication.length + POOL.length + 12;
}

/** Ask `stepFn` for steps and carry them out until it is done for good, checking every step. */
export function runRebalance(stepFn: StepFn, scenario: Scenario): Run {
  const group = initialState(scenario);
  const { target } = scenario;
  const schedule = [...scenario.replication];
  const steps: RebalanceStep[] = [];
  const voterCounts: number[] = [];
  const fail = (violation: string): Run => ({ steps, final: group, violation, voterCounts });
  for (let i = 0; i < stepsMax(scenario); i++) {
    const step = stepFn(viewOf(group), target);
    steps.push(step);
    const violation = stepViolation(group, step, target);
    if (violation) return fail(`step ${i} ${JSON.stringify(step)}: ${violation}`);
    if (step.kind === "done") {
      if (schedule.length === 0)
        return { steps, final: group, violation: preferredLeaderViolation(group, target), voterCounts };
      // Done for now; let every member catch up and ask again, as the rebalancer keeps doing.
      schedule.length = 0;
      replicate(group, undefined);
      continue;
    }
    const before = { voters: [...group.voters] };
    applyStep(group, step);
    const after = afterViolation(before, group, target);
    if (after) return fail(`after step ${i} ${JSON.stringify(step)}: ${after}`);
    if (group.outgoing.length === 0) voterCounts.push(group.voters.length);
    replicate(group, schedule.shift());
  }
  return fail(`not done within ${stepsMax(scenario)} steps`);
}

/** With everyone caught up, the preferred leader leads unless it is not recently active. */
function preferredLeaderViolation(group: GroupState, target: GroupTarget): Violation {
  const preferred = target.voters.find((id) => group.voters.includes(id));
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
