// The next membership step that moves one group's replica set toward its target placement, as
// seen by the group's leader. Pure: the rebalancer (rebalancer.ts) runs it and carries it out.
//
// A move is atomic (issue 14): new replicas join as learners, and once every one of them has
// caught up ONE change swaps the voter set — promoting the newcomers and removing (or demoting)
// the leavers together. A change of more than one voter goes through a joint configuration
// (Raft thesis §4.3), which the core leaves on its own once it commits (auto-leave), so the voter
// count never passes through the sizes in between: up-replication goes 1 → 3 voters, a replica
// moving to a new node goes 3 → 3, never through 2 (where either failure is fatal) or 4.
//
// The steps, in order:
//   0. in a joint configuration: nothing but leaving it (auto-leave normally does it first);
//   1. every member the plan wants that the group lacks is added as a learner (one change);
//   2. the leader itself must go: leadership goes to a caught-up voter that stays; with none,
//      the voters first change to a set that keeps the leader (it swaps in for a newcomer), so
//      that one of them can take over on the next step;
//   3. once every incoming voter has caught up: one change to the planned voters;
//   4. learners nobody wants are removed (one change);
//   5. leadership goes to the preferred leader if it is caught up and active (leader balance).
//
// The plan (plannedConf) is the target with one adjustment: the voters never sit at an even
// count below the replication factor, since an odd count one lower tolerates as many failures
// and needs fewer of them for a quorum. With two members and a factor of three a group keeps one
// voter and one learner, not two voters (README: "Replicas, voters and learners").
//
// The leader never removes itself: the core keeps a leader in office through a joint
// configuration that leaves it out, but the node layer's leadership hand-off (transfer, then
// change) is what every other path already does, and it keeps the leader a voter of every
// configuration it commits. The one cost: a group whose only target voter is not its leader (one
// or two members) passes through two voters while it hands over.
import { type ConfState, isJoint, type ProgressStatus } from "../../raft/index.ts";
import type { GroupTarget } from "./cluster-view.ts";

export type RebalanceStep =
  | { readonly kind: "addLearners"; readonly nodes: readonly string[] }
  /** One configuration change; more than one voter changed (or any demotion) is a joint one. */
  | {
      readonly kind: "change";
      readonly promote: readonly string[];
      readonly demote: readonly string[];
      readonly remove: readonly string[];
    }
  | { readonly kind: "removeLearners"; readonly nodes: readonly string[] }
  /** The group is in a joint configuration: leave it. */
  | { readonly kind: "leaveJoint" }
  /** `move`: the leader itself must go; `balance`: the preferred leader should lead. */
  | { readonly kind: "transfer"; readonly to: string; readonly reason: "move" | "balance" }
  /** A member is still catching up: nothing to do until it has. */
  | { readonly kind: "wait"; readonly node: string }
  | { readonly kind: "done" };

export interface LeaderView {
  readonly self: string;
  readonly confState: ConfState;
  readonly lastIndex: number;
  /** The leader's progress of every member. */
  readonly progress: ReadonlyMap<string, ProgressStatus>;
}

/** Where a group's members settle: the target, its voters cut to an odd count where that helps. */
export interface PlannedConf {
  /** In target order; [0] is the preferred leader. */
  readonly voters: readonly string[];
  readonly learners: readonly string[];
}

/** A learner this close to the leader's last index is promoted; the rest arrives in one batch. */
export const CAUGHT_UP_LAG = 64;

/**
 * The target's voters, cut by one where they are an even count below the replication factor (the
 * one left out becomes a learner). The ones kept are the leader, then current voters, then target
 * order, so the cut moves nothing that need not move and a new leader computes the same set.
 */
export function plannedConf(
  target: GroupTarget,
  current: { readonly voters: readonly string[]; readonly leader: string },
): PlannedConf {
  const t = target.voters;
  const keep = plannedVoterCount(target);
  const rank = (id: string) => (id === current.leader ? 0 : current.voters.includes(id) ? 1 : 2);
  const kept = new Set(
    [...t].sort((a, b) => rank(a) - rank(b) || t.indexOf(a) - t.indexOf(b)).slice(0, keep),
  );
  return {
    voters: t.filter((id) => kept.has(id)),
    learners: [...t.filter((id) => !kept.has(id)), ...target.learners.filter((id) => !kept.has(id))],
  };
}

/** How many voters a group settles at: the target's, less one if that is even and below RF. */
export function plannedVoterCount(target: GroupTarget): number {
  const n = target.voters.length;
  return n % 2 === 0 && n < target.replicationFactor ? n - 1 : n;
}

export function nextRebalanceStep(view: LeaderView, target: GroupTarget): RebalanceStep {
  const conf = view.confState;
  if (isJoint(conf)) return { kind: "leaveJoint" };
  const { voters, learners } = conf;
  const plan = plannedConf(target, { voters, leader: view.self });
  const missing = [...plan.voters, ...plan.learners].filter(
    (id) => !voters.includes(id) && !learners.includes(id),
  );
  if (missing.length > 0) return { kind: "addLearners", nodes: missing };

  const decided = nextVoters(view, plan);
  if (decided.kind !== "voters") return decided;
  const next = decided.voters;
  if (!sameSet(next, voters)) {
    const incoming = next.filter((id) => !voters.includes(id));
    const lagging = incoming.find((id) => !caughtUp(view, id));
    if (lagging !== undefined) return { kind: "wait", node: lagging };
    const outgoing = voters.filter((id) => !next.includes(id));
    const wanted = (id: string) => plan.voters.includes(id) || plan.learners.includes(id);
    return {
      kind: "change",
      promote: incoming,
      demote: outgoing.filter(wanted),
      remove: outgoing.filter((id) => !wanted(id)),
    };
  }
  const unwanted = learners.filter((id) => !plan.voters.includes(id) && !plan.learners.includes(id));
  if (unwanted.length > 0) return { kind: "removeLearners", nodes: unwanted };
  const preferred = plan.voters[0];
  if (preferred !== undefined && preferred !== view.self && caughtUp(view, preferred, 0)) {
    if (view.progress.get(preferred)?.recentActive)
      return { kind: "transfer", to: preferred, reason: "balance" };
  }
  return { kind: "done" };
}

/** The voter set to change to next, or the step to take first (a hand-over, a wait). */
function nextVoters(
  view: LeaderView,
  plan: PlannedConf,
): { readonly kind: "voters"; readonly voters: readonly string[] } | RebalanceStep {
  const { self } = view;
  const { voters } = view.confState;
  if (plan.voters.includes(self)) return { kind: "voters", voters: plan.voters };
  // An active heir first: a crashed one would never take over, and the move would stall.
  const heirs = plan.voters.filter((id) => voters.includes(id) && caughtUp(view, id));
  const heir = heirs.find((id) => view.progress.get(id)?.recentActive) ?? heirs[0];
  if (heir !== undefined) return { kind: "transfer", to: heir, reason: "move" };
  // No voter that stays can take over: the leader swaps in for the last newcomer, keeping the
  // count, so that the caught-up planned voters become voters beside it.
  const staying = plan.voters.find((id) => voters.includes(id));
  const last = plan.voters.filter((id) => !voters.includes(id)).at(-1);
  if (last === undefined) return { kind: "wait", node: staying ?? self };
  const swapped =
    plan.voters.length === 1 ? [self, last] : [self, ...plan.voters.filter((id) => id !== last)];
  // Already there, and still no heir: a staying voter has to catch up first.
  if (sameSet(swapped, voters)) return { kind: "wait", node: staying ?? last };
  return { kind: "voters", voters: swapped };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function caughtUp(view: LeaderView, id: string, lag = CAUGHT_UP_LAG): boolean {
  if (id === view.self) return true;
  const match = view.progress.get(id)?.match ?? 0;
  // match 0: it never acknowledged anything. In a short log that is still "within the lag", but
  // promoting a member that may not even be reachable would only weaken the quorum.
  return match > 0 && view.lastIndex - match <= lag;
}
