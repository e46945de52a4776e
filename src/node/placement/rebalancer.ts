// Drives every group this node leads toward its target placement (cluster-view.ts), one
// membership step at a time (rebalance-step.ts). Each group's leader moves its own group, so
// the work follows leadership: nothing to hand over when a meta or shard leader changes, and a
// new leader simply picks up from the configuration its log holds.
//
// A step that changes members is one configuration change of any number of members
// (changeConf): the core applies it simply when it alters at most one voter, and through a joint
// configuration otherwise, which the core's leader leaves on its own once it is applied. The
// rebalancer proposes the leave itself only when a group has stayed joint for a cooldown (a
// leader elected while joint that did not leave it): proposing it at once would race the core's
// own.
//
// Throttled: at most maxConcurrentMoves groups led here have a move in flight (from the first
// learner added to the last replica removed), and a group tries a leadership transfer at most
// once per cooldown, so a preferred leader that cannot take over is not pestered. A new leader
// also waits one cooldown before handing over to the preferred leader: leadership it was just
// given (a stopping node's hand-off, an election) must not bounce straight back.
import type { Logger } from "pino";
import { toRingkvError } from "../../api/errors.ts";
import { type ConfChangeSingle, ConfChangeType, Role } from "../../raft/index.ts";
import type { Replica } from "../host/replica.ts";
import type { ClusterView } from "./cluster-view.ts";
import { nextRebalanceStep, type RebalanceStep } from "./rebalance-step.ts";

export interface RebalancerOptions {
  readonly nodeId: string;
  readonly view: ClusterView;
  readonly replicas: () => Iterable<Replica>;
  /**
   * Propose one configuration change of these members on `replica` (none: leave the joint
   * configuration) and resolve once it is applied.
   */
  readonly changeConf: (replica: Replica, changes: readonly ConfChangeSingle[]) => Promise<void>;
  /** Wake the Ready loop (a transfer's TimeoutNow should leave now). */
  readonly kick: () => void;
  readonly maxConcurrentMoves: number;
  /** Members not to give a replica of `group` for now (a diverged replica being rebuilt). */
  readonly heldOff?: (group: string) => ReadonlySet<string>;
  /** Ticks between two transfer attempts on one group. */
  readonly transferCooldownTicks: number;
  readonly logger: Logger;
  /** A group's replicas reached their target after a move (for metrics). */
  readonly onMoveDone?: (group: string) => void;
}

export class Rebalancer {
  readonly #o: RebalancerOptions;
  /** Groups with a membership change being proposed or applied. */
  readonly #busy = new Set<string>();
  /** Groups whose replica set differs from the target (a move in progress). */
  readonly #moving = new Set<string>();
  readonly #lastTransfer = new Map<string, number>();
  /** When this node was first seen leading each group (this term of leadership). */
  readonly #leaderSince = new Map<string, number>();
  /** When each group led here was first seen in a joint configuration (cleared on leaving). */
  readonly #jointSince = new Map<string, number>();
  /** The last step computed per group led here, for status. */
  readonly #steps = new Map<string, RebalanceStep>();
  #ticks = 0;

  constructor(options: RebalancerOptions) {
    this.#o = options;
  }

  /** The last step computed for a group this node leads (undefined elsewhere). */
  step(group: string): RebalanceStep | undefined {
    return this.#steps.get(group);
  }

  /** Groups led here whose replicas are moving. */
  get moving(): number {
    return this.#moving.size;
  }

  /** One round over the groups led here; call every few ticks. */
  round(elapsedTicks: number): void {
    this.#ticks += elapsedTicks;
    for (const replica of this.#o.replicas()) {
      const { group } = replica;
      // softState first: status() copies every follower's progress, and most replicas here follow.
      if (replica.raw.softState().role !== Role.Leader) {
        this.#steps.delete(group);
        this.#moving.delete(group);
        this.#leaderSince.delete(group);
        this.#jointSince.delete(group);
        continue;
      }
      const st = replica.raw.status();
      if (!this.#leaderSince.has(group)) this.#leaderSince.set(group, this.#ticks);
      const planned = this.#o.view.target(group);
      if (!planned || this.#busy.has(group) || st.leadTransferee) continue;
      const held = this.#o.heldOff?.(group);
      const kept = held && held.size > 0 ? planned.voters.filter((id) => !held.has(id)) : planned.voters;
      const target =
        held && held.size > 0
          ? {
              voters: kept,
              learners: planned.learners.filter((id) => !held.has(id)),
              // A held-off member is being rebuilt and comes back shortly: the group is not cut
              // to an odd count meanwhile (two more changes, and acknowledged writes on one disk
              // only, to gain nothing once the rebuilt replica is promoted again).
              replicationFactor: Math.min(planned.replicationFactor, kept.length),
            }
          : planned;
      const step = nextRebalanceStep(
        { self: this.#o.nodeId, confState: st.confState, lastIndex: st.lastIndex, progress: st.progress },
        target,
      );
      this.#steps.set(group, step);
      this.#act(replica, step);
    }
  }

  #act(replica: Replica, step: RebalanceStep): void {
    const { group } = replica;
    const settled = step.kind === "done" || (step.kind === "transfer" && !this.#moving.has(group));
    if (settled) {
      if (this.#moving.delete(group)) {
        this.#o.logger.info({ group }, "rebalance: replicas in place");
        this.#o.onMoveDone?.(group);
      }
    }
    if (step.kind !== "leaveJoint") this.#jointSince.delete(group);
    switch (step.kind) {
      case "done":
      case "wait":
        return;
      case "leaveJoint": {
        // The core's auto-leave normally gets there first; a leader that inherited the joint
        // configuration without leaving it gets a nudge after a cooldown.
        const since = this.#jointSince.get(group) ?? this.#ticks;
        this.#jointSince.set(group, since);
        if (this.#ticks - since < this.#o.transferCooldownTicks) return;
        this.#jointSince.set(group, this.#ticks);
        this.#change(replica, []);
        return;
      }
      case "transfer": {
        const last = this.#lastTransfer.get(group);
        const cooldown = this.#o.transferCooldownTicks;
        if (last !== undefined && this.#ticks - last < cooldown) return;
        if (step.reason === "balance" && this.#ticks - this.#leaderSince.get(group)! < cooldown) return;
        this.#lastTransfer.set(group, this.#ticks);
        this.#o.logger.info({ group, to: step.to, reason: step.reason }, "rebalance: leadership transfer");
        replica.raw.transferLeadership(step.to);
        this.#o.kick();
        return;
      }
      case "addLearners":
        // A new move starts only under the limit; moves under way always finish.
        if (!this.#moving.has(group) && this.#moving.size >= this.#o.maxConcurrentMoves) return;
        this.#change(
          replica,
          step.nodes.map((nodeId) => ({ type: ConfChangeType.AddLearner, nodeId })),
        );
        return;
      case "change":
        this.#change(replica, [
          ...step.promote.map((nodeId) => ({ type: ConfChangeType.AddNode, nodeId })),
          // AddLearner on a voter demotes it (inside the joint change the core makes of this).
          ...step.demote.map((nodeId) => ({ type: ConfChangeType.AddLearner, nodeId })),
          ...step.remove.map((nodeId) => ({ type: ConfChangeType.RemoveNode, nodeId })),
        ]);
        return;
      case "removeLearners":
        this.#change(
          replica,
          step.nodes.map((nodeId) => ({ type: ConfChangeType.RemoveNode, nodeId })),
        );
        return;
    }
  }

  #change(replica: Replica, changes: readonly ConfChangeSingle[]): void {
    const { group } = replica;
    this.#moving.add(group);
    this.#busy.add(group);
    const shown = changes.map((c) => `${ConfChangeType[c.type]} ${c.nodeId}`).join(", ") || "leave joint";
    this.#o.logger.info({ group, change: shown }, "rebalance: membership change");
    this.#o
      .changeConf(replica, changes)
      .catch((e: unknown) => {
        this.#o.logger.warn({ group, change: shown, err: toRingkvError(e).message }, "rebalance step failed");
      })
      .finally(() => this.#busy.delete(group));
  }
}
