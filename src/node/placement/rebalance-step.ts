// The next membership step that moves one group's replica set toward its target placement, as
// seen by the group's leader. Pure: the rebalancer (rebalancer.ts) runs it and carries it out.
//
// One change at a time, in the order that never shrinks a quorum of the placement:
//   1. a target voter that holds nothing is added as a learner;
//   2. a target voter that is a caught-up learner is promoted;
//   3. a target learner that holds nothing is added as a learner (the meta group's extras);
//   4. only once every target voter votes: an unwanted voter is removed — or, if that voter is
//      the leader itself, leadership goes to a caught-up target voter first;
//   5. an unwanted learner is removed;
//   6. when the set is right, leadership goes to the preferred leader (target.voters[0]) if it
//      is caught up and active, which spreads leaders as placement chose (leader balance).
import type { ConfState, ProgressStatus } from "../../raft/index.ts";
import type { GroupTarget } from "./cluster-view.ts";

export type RebalanceStep =
  | { readonly kind: "addLearner"; readonly node: string }
  | { readonly kind: "promote"; readonly node: string }
  | { readonly kind: "remove"; readonly node: string }
  /** `move`: the leader itself must go; `balance`: the preferred leader should lead. */
  | { readonly kind: "transfer"; readonly to: string; readonly reason: "move" | "balance" }
  /** A learner is still catching up: nothing to do until it has. */
  | { readonly kind: "wait"; readonly node: string }
  | { readonly kind: "done" };

export interface LeaderView {
  readonly self: string;
  readonly confState: ConfState;
  readonly lastIndex: number;
  /** The leader's progress of every member. */
  readonly progress: ReadonlyMap<string, ProgressStatus>;
}

/** A learner this close to the leader's last index is promoted; the rest arrives in one batch. */
export const CAUGHT_UP_LAG = 64;

export function nextRebalanceStep(view: LeaderView, target: GroupTarget): RebalanceStep {
  const { voters, learners } = view.confState;
  const holds = (id: string) => voters.includes(id) || learners.includes(id);
  for (const id of target.voters) {
    if (voters.includes(id)) continue;
    if (!learners.includes(id)) return { kind: "addLearner", node: id };
    return caughtUp(view, id) ? { kind: "promote", node: id } : { kind: "wait", node: id };
  }
  for (const id of target.learners) if (!holds(id)) return { kind: "addLearner", node: id };
  for (const id of voters) {
    if (target.voters.includes(id)) continue;
    if (id !== view.self) return { kind: "remove", node: id };
    // An active heir first: a crashed one would never take over, and the move would stall.
    const heirs = target.voters.filter((v) => caughtUp(view, v));
    const heir = heirs.find((v) => view.progress.get(v)?.recentActive) ?? heirs[0];
    return heir
      ? { kind: "transfer", to: heir, reason: "move" }
      : { kind: "wait", node: target.voters[0] ?? id };
  }
  for (const id of learners) {
    if (!target.voters.includes(id) && !target.learners.includes(id)) return { kind: "remove", node: id };
  }
  const preferred = target.voters[0];
  if (preferred !== undefined && preferred !== view.self && caughtUp(view, preferred, 0)) {
    if (view.progress.get(preferred)?.recentActive)
      return { kind: "transfer", to: preferred, reason: "balance" };
  }
  return { kind: "done" };
}

function caughtUp(view: LeaderView, id: string, lag = CAUGHT_UP_LAG): boolean {
  if (id === view.self) return true;
  const match = view.progress.get(id)?.match ?? 0;
  // match 0: it never acknowledged anything. In a short log that is still "within the lag", but
  // promoting a member that may not even be reachable would only weaken the quorum.
  return match > 0 && view.lastIndex - match <= lag;
}
