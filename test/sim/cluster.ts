// The simulated Raft group: replicas, the network between them, and the simulated clock.
// One call to tick() advances time by one tick: every live replica ticks (subject to its clock
// skew), the network delivers what is due, and every replica handles its Readies. Faults are
// applied from outside (faults.ts) through the methods here.

import type { ConfChangeSingle, ConfChangeV2, ConfState, Message, NodeId } from "../../src/raft/index.ts";
import {
  applyConfChange,
  ConfChangeTransition,
  ConfChangeType,
  EMPTY_CONF_STATE,
  isJoint,
  MemoryStorage,
  members,
  NotLeaderError,
  ProposalDroppedError,
  Role,
} from "../../src/raft/index.ts";
import type { PlantedBugs } from "./bugs.ts";
import type { SafetyChecker } from "./checkers.ts";
import type { NetworkFaults } from "./network.ts";
import { Network } from "./network.ts";
import type { Rng } from "./random.ts";
import type { CrashPoint, RaftSettings, ReplicaHost } from "./replica.ts";
import { Replica } from "./replica.ts";
import type { Trace } from "./trace.ts";

export type MembershipStep =
  | "add-learner"
  | "promote"
  | "remove-voter"
  | "remove-learner"
  /** Several changes at once (promotions, removals, demotions, a new learner): joint unless Auto finds it simple. */
  | "joint"
  /** Leave an explicit joint configuration. */
  | "leave-joint";

/** Limits a membership step must respect so the group stays able to lose a member. */
export interface MembershipLimits {
  readonly votersMin: number;
  readonly membersMax: number;
}

export interface ClusterOptions {
  readonly random: Rng;
  readonly checker: SafetyChecker;
  readonly trace: Trace;
  /** The group's founding voters, n1..nN. */
  readonly voterCount: number;
  readonly raft: RaftSettings;
  readonly network: NetworkFaults;
  readonly snapshotEveryEntries: number;
  readonly keepEntriesAfterSnapshot: number;
  /** Planted bugs (tests only). */
  readonly bugs: PlantedBugs;
  /**
   * Start joiners from an empty disk instead of the genesis configuration. Unsafe with this
   * core (see #addReplica); kept to reproduce the hazard (`npm run sim -- --empty-joiners`).
   */
  readonly emptyJoinerDisks?: boolean;
  /**
   * How long the liveness model takes to notice a crashed process (gossip's suspicion time);
   * a cut link is noticed at once (the transport's connection drops).
   */
  readonly livenessLagTicks: number;
}

export class Cluster implements ReplicaHost {
  readonly checker: SafetyChecker;
  readonly trace: Trace;
  readonly network: Network<Message>;
  readonly replicas = new Map<NodeId, Replica>();
  /** The founding voters; a joiner's disk starts from the same genesis configuration. */
  readonly genesis: readonly NodeId[];
  readonly #options: ClusterOptions;
  #now = 0;
  #nextId: number;
  /** How often notable events happened (crash points hit, snapshots installed…). */
  readonly counters = new Map<string, number>();
  /** The configuration after the highest conf change index any replica applied. */
  #membership: ConfState;
  #membershipIndex = 0;
  /** Index of the latest conf change proposed; the group is not settled until it is applied. */
  lastConfChangeIndex = 0;
  /** Everyone that was ever a member by an applied configuration. */
  readonly #everMembers = new Set<NodeId>();
  /** Set once faults stop: from then on removed servers are shut down as soon as they may be. */
  #decommissionOrdered = false;

  constructor(options: ClusterOptions) {
    this.#options = options;
    this.checker = options.checker;
    this.trace = options.trace;
    this.network = new Network<Message>(options.random.fork("network"), options.network);
    this.genesis = Array.from({ length: options.voterCount }, (_, i) => `n${i + 1}`);
    this.#membership = { ...EMPTY_CONF_STATE, voters: this.genesis };
    for (const id of this.genesis) this.#everMembers.add(id);
    this.#nextId = options.voterCount + 1;
    for (const id of this.genesis) this.#addReplica(id).start();
  }

  now(): number {
    return this.#now;
  }

  get membership(): ConfState {
    return this.#membership;
  }

  /** Current members (voters and learners) by the latest applied configuration. */
  members(): NodeId[] {
    return members(this.#membership);
  }

  replica(id: NodeId): Replica {
    const r = this.replicas.get(id);
    if (r === undefined) throw new Error(`no replica ${id}`);
    return r;
  }

  /** Replicas whose process runs. */
  upReplicas(): Replica[] {
    return [...this.replicas.values()].filter((r) => r.up);
  }

  /** The live leader with the highest term, if any. */
  leader(): Replica | null {
    let best: Replica | null = null;
    let bestTerm = -1;
    for (const r of this.replicas.values()) {
      const status = r.node?.status();
      if (status?.role === Role.Leader && status.term > bestTerm) {
        best = r;
        bestTerm = status.term;
      }
    }
    return best;
  }

  tick(): void {
    this.#now++;
    this.checker.setTime(this.#now);
    for (const r of this.replicas.values()) r.tick();
    for (const m of this.network.deliverDue(this.#now)) {
      this.trace.mix(this.#now);
      this.trace.mixString(m.type);
      this.trace.mixString(m.to);
      this.replicas.get(m.to)?.step(m);
    }
    this.handleReadies();
    this.#stopRemoved();
    if (this.#decommissionOrdered) this.#decommissionReady();
  }

  /**
   * A replica that applied its own removal stops for good — once no live member's applied
   * configuration still counts it. Configurations take effect when applied: a member that has
   * not applied a leave-joint yet still needs a majority of C_old, removed servers included, and
   * stopping those at once can leave it unable ever to elect a leader (found at seed 67 of the
   * test suite's runs when joint changes came in). A removed server that keeps running is
   * harmless: it is not promotable, so it only answers. The node layer needs the same care.
   */
  #stopRemoved(): void {
    for (const r of this.replicas.values()) {
      if (r.removalApplied && !this.#countedByLiveMember(r.id)) r.stopRemoved();
    }
  }

  /**
   * Does a running member (by the latest applied configuration) still count `id` in the
   * configuration it has applied? Servers outside that configuration do not matter: they are
   * on their way out too, and a stale one must not keep a removed server running (seed 1001975).
   */
  #countedByLiveMember(id: NodeId): boolean {
    const current = new Set(this.members());
    for (const o of this.replicas.values()) {
      const node = o.node;
      if (o.id === id || node === null || o.removalApplied || !current.has(o.id)) continue;
      if (members(node.confState()).includes(id)) return true;
    }
    return false;
  }

  handleReadies(): void {
    for (const r of this.replicas.values()) r.handleReadies();
  }

  send(message: Message): void {
    const interceptor = this.#options.bugs.interceptor;
    const m = interceptor ? interceptor(message, this) : message;
    if (m !== null) this.network.send(m, this.#now);
  }

  isLive(observer: NodeId, target: NodeId): boolean {
    if (this.#options.bugs.blindLiveness) return true;
    const r = this.replicas.get(target);
    if (r === undefined) return false;
    if (!this.network.isConnected(observer, target) || !this.network.isConnected(target, observer))
      return false;
    return r.downSince === null || this.#now - r.downSince < this.#options.livenessLagTicks;
  }

  count(event: string): void {
    this.counters.set(event, (this.counters.get(event) ?? 0) + 1);
  }

  setNetworkFaults(faults: NetworkFaults): void {
    this.network.setFaults(faults);
  }

  confChangeApplied(replica: NodeId, change: ConfChangeV2, index: number): void {
    if (index <= this.#membershipIndex) return;
    this.#membershipIndex = index;
    const before = this.#membership;
    this.#membership = applyConfChange(before, change);
    for (const id of this.members()) this.#everMembers.add(id);
    this.count(`conf change ${changeKind(before, this.#membership, change)}`);
    this.trace.event(this.#now, () => `${replica} applies conf change ${describeChange(change)} at ${index}`);
  }

  // ─── faults ──────────────────────────────────────────────────────────────────────────────

  crash(id: NodeId, reason = "killed"): void {
    this.replica(id).crash(reason);
  }

  /** Crash `id` at `point` of the next Ready it handles. */
  crashDuringReady(id: NodeId, point: CrashPoint): void {
    this.replica(id).armCrash(point);
  }

  restart(id: NodeId): void {
    this.replica(id).start();
  }

  /**
   * Stop, for good, replicas that were removed from the group but never learned it (they
   * were cut off when their removal committed). An operator shuts such servers down (Raft
   * thesis §4.2.3); until then they may campaign, and only PreVote/CheckQuorum keep them from
   * disrupting the group.
   */
  decommissionRemoved(): NodeId[] {
    this.#decommissionOrdered = true;
    return this.#decommissionReady();
  }

  /**
   * The order given by decommissionRemoved stands until carried out: a removed server that a
   * live member still counted then (that member had not applied the removal yet) is shut down
   * on the first tick nobody counts it any more. Deciding once, at the end of faults, left such
   * a server running through the quiet phase for good (seed 427: learner n5, removed while cut
   * off, stuck at an old term believing an old leader led; the member still counting it caught
   * up by snapshot 5 ticks later). Clients may pick any replica, and reads it forwarded at its
   * stale term were dropped by the leader, so a client that picked it three times in a row got
   * no answer. Real removed-but-running servers are the operator's to stop (thesis §4.2.3),
   * which is what this models; the quiet phase only counts once it is done (awaitingDecommission).
   */
  #decommissionReady(): NodeId[] {
    const stopped: NodeId[] = [];
    for (const r of this.#removedStillRunning()) {
      if (this.#countedByLiveMember(r.id)) continue; // see #stopRemoved
      r.decommission();
      stopped.push(r.id);
    }
    return stopped;
  }

  /** Replicas removed from the group that were never stopped (not down for good yet). */
  #removedStillRunning(): Replica[] {
    const members = new Set(this.members());
    return [...this.replicas.values()].filter(
      (r) => !r.removed && !members.has(r.id) && this.#everMembers.has(r.id),
    );
  }

  /**
   * Faults stopped, but a removed server is still waiting to be decommissioned (a member still
   * counts it). The group has not recovered until it is gone: a request sent to it meanwhile
   * may only get an answer elsewhere. A member that never applies the removal keeps it here,
   * and the liveness check reports the group as never settled.
   */
  get awaitingDecommission(): boolean {
    return this.#decommissionOrdered && this.#removedStillRunning().length > 0;
  }

  restartAll(): void {
    for (const r of this.replicas.values()) if (!r.up && !r.removed) r.start();
  }

  /**
   * Ask the current leader for one membership change. Adding a learner creates the new
   * replica first (empty disk with the group's genesis configuration) so it can be reached.
   * Returns a description of what was proposed, or null if nothing could be.
   */
  proposeMembershipChange(kind: MembershipStep, random: Rng, limits: MembershipLimits): string | null {
    const leader = this.leader();
    const node = leader?.node;
    if (!leader || !node) return null;
    const cs = node.confState();
    let cc: ConfChangeV2 | null;
    if (kind === "joint") cc = this.#jointChange(cs, random, limits);
    else if (kind === "leave-joint") cc = { transition: ConfChangeTransition.Auto, changes: [] };
    else {
      let change: ConfChangeSingle | null = null;
      if (kind === "add-learner") {
        change = { type: ConfChangeType.AddLearner, nodeId: `n${this.#nextId}` };
      } else {
        const from = kind === "remove-voter" ? cs.voters : cs.learners;
        const type = kind === "promote" ? ConfChangeType.AddNode : ConfChangeType.RemoveNode;
        if (from.length > 0) change = { type, nodeId: random.pick(from) };
      }
      cc = change === null ? null : { transition: ConfChangeTransition.Auto, changes: [change] };
    }
    if (cc === null) return null;
    try {
      const at = node.proposeConfChange(cc);
      this.lastConfChangeIndex = Math.max(this.lastConfChangeIndex, at.index);
      // A new learner's replica must exist (and be reachable) before the change applies.
      const members = new Set(this.replicas.keys());
      for (const c of cc.changes) {
        if (c.type === ConfChangeType.RemoveNode || members.has(c.nodeId)) continue;
        this.#nextId++;
        this.#addReplica(c.nodeId).start();
      }
      const what = describeChange(cc);
      this.trace.event(this.#now, `${leader.id} proposes ${what} at ${at.index}`);
      return what;
    } catch (e) {
      if (e instanceof ProposalDroppedError || e instanceof NotLeaderError) return null;
      throw e;
    }
  }

  /**
   * A random multi-node change over `cs`: promote some learners, remove or demote some voters
   * (never below `votersMin` incoming voters), maybe add a new node; with a random
   * transition (Auto goes joint only when it must). Null if it drew no change.
   */
  #jointChange(cs: ConfState, random: Rng, limits: MembershipLimits): ConfChangeV2 | null {
    const changes: ConfChangeSingle[] = [];
    let voters = cs.voters.length;
    for (const id of cs.learners) {
      if (random.chance(0.6)) {
        changes.push({ type: ConfChangeType.AddNode, nodeId: id });
        voters++;
      }
    }
    if (members(cs).length < limits.membersMax && random.chance(0.5)) {
      // A brand-new node, straight in as a voter (it must catch up before C_new can commit)
      // or as a learner.
      const type = random.chance(0.6) ? ConfChangeType.AddNode : ConfChangeType.AddLearner;
      changes.push({ type, nodeId: `n${this.#nextId}` });
      if (type === ConfChangeType.AddNode) voters++;
    }
    for (const id of cs.voters) {
      if (voters <= limits.votersMin || !random.chance(0.35)) continue;
      const type = random.chance(0.5) ? ConfChangeType.RemoveNode : ConfChangeType.AddLearner;
      changes.push({ type, nodeId: id });
      voters--;
    }
    if (changes.length === 0) return null;
    const transition = random.pick([
      ConfChangeTransition.Auto,
      ConfChangeTransition.JointImplicit,
      ConfChangeTransition.JointExplicit,
    ]);
    return { transition, changes: random.shuffled(changes) };
  }

  /**
   * A new replica and its disk. The founding membership lives only in the bootstrap snapshot
   * at index 0, which is never shipped, so a joiner replaying the log from index 1 on an empty
   * disk would start from voters = [] and, once promoted, count itself a one-voter group:
   * split brain. Hence joiners start from the genesis configuration, like the founders.
   */
  #addReplica(id: NodeId): Replica {
    const o = this.#options;
    const replica = new Replica(
      {
        id,
        storage:
          this.#options.emptyJoinerDisks && !this.genesis.includes(id)
            ? new MemoryStorage()
            : MemoryStorage.bootstrap(this.genesis),
        raft: o.raft,
        random: o.random,
        snapshotEveryEntries: o.snapshotEveryEntries,
        keepEntriesAfterSnapshot: o.keepEntriesAfterSnapshot,
        bugs: o.bugs,
      },
      this,
    );
    this.replicas.set(id, replica);
    return replica;
  }

  /** Log Matching over every replica's disk (crashed ones too: their disks still hold logs). */
  checkLogMatching(): void {
    this.checker.checkLogMatching(new Map([...this.replicas].map(([id, r]) => [id, r.storage])));
  }
}

/** "AddNode n4", "joint(AddNode n4, RemoveNode n1)", "leave joint": for traces and counters. */
function describeChange(cc: ConfChangeV2): string {
  if (cc.changes.length === 0) return "leave joint";
  const each = cc.changes.map((c) => `${ConfChangeType[c.type]} ${c.nodeId}`).join(", ");
  return cc.changes.length === 1 && cc.transition === ConfChangeTransition.Auto ? each : `joint(${each})`;
}

/** What an applied change did, for counters: "AddNode", "joint", "leave joint", "several", "refused". */
function changeKind(before: ConfState, after: ConfState, cc: ConfChangeV2): string {
  if (after === before) return "refused";
  if (isJoint(after)) return "joint";
  if (isJoint(before)) return "leave joint";
  const only = cc.changes[0];
  return cc.changes.length === 1 && only ? ConfChangeType[only.type] : "several";
}
