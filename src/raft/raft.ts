// The Raft state machine of one replica (model: etcd-io/raft raft.go). Pure and synchronous:
// it reacts to tick() and step(message), queues messages and read states, and leaves all I/O to
// the caller through RawNode's Ready/advance cycle.
//
// Roles and transitions (PreVote on):
//
//            timeout              prevote won             vote won
//  Follower ─────────▶ PreCandidate ─────────▶ Candidate ─────────▶ Leader
//     ▲  ▲  TimeoutNow (transfer) ──────────────▲    │                 │
//     │  └──────── higher term, or a leader's App/Heartbeat/Snap ──────┘
//     └──────── prevote/vote lost, CheckQuorum failed ─────────────────┘

import { invariant } from "../invariant.ts";
import { applyConfChange, ConfChangeError, changeConf, encodeConfChange, isJoint } from "./confchange.ts";
import type { RaftConfig } from "./config.ts";
import {
  NotLeaderError,
  ProposalDroppedError,
  RaftError,
  SnapshotTemporarilyUnavailableError,
} from "./errors.ts";
import { RaftLog } from "./log.ts";
import { Progress, ProgressState } from "./progress.ts";
import { allVoters, committedIndex, hasQuorum, type QuorumConfig, VoteResult, voteResult } from "./quorum.ts";
import { ReadOnly, type ReadRequest } from "./read-only.ts";
import type {
  ConfChangeV2,
  ConfState,
  Entry,
  LeaseState,
  Message,
  NodeId,
  ReadState,
  Snapshot,
} from "./types.ts";
import { ConfChangeTransition, EntryType, MessageType, NONE, Role } from "./types.ts";

/** Marks a Vote sent because of TimeoutNow: voters must not ignore it on account of a lease. */
const TRANSFER_CONTEXT = "transfer";
/**
 * Marks the heartbeat by which a leader tells an idle, fully replicated group to go quiet. It is
 * never a ReadIndex round id (those are numbers), so a stray answer releases no read.
 */
export const QUIESCE_CONTEXT = "quiesce";
/**
 * Marks the heartbeat answer by which a follower wakes a quiescent leader (it was woken by
 * someone else, or could not go quiet). Other late heartbeat answers leave a quiet leader quiet.
 */
const WAKE_CONTEXT = "wake";
/**
 * Marks an App without entries that a leader sends a follower it replicates to steadily
 * (Progress Replicate) only to move its commit index. Its answer would tell the leader nothing
 * it acts on (the follower's match cannot advance without entries), so a follower that accepts
 * it does not answer: under load that was one message in five. Refusals are still answered, and
 * a follower of an older build ignores the mark and answers, as it always did.
 */
export const COMMIT_ONLY_CONTEXT = "commit";

const EMPTY = new Uint8Array(0);
/** The entry by which a leader leaves a joint configuration on its own (auto-leave). */
const LEAVE_JOINT = encodeConfChange({ transition: ConfChangeTransition.Auto, changes: [] });

type MessageFields = Partial<Message> & Pick<Message, "type" | "to">;

export class Raft {
  readonly id: NodeId;
  readonly config: RaftConfig;
  readonly log: RaftLog;

  term = 0;
  vote: NodeId = NONE;
  lead: NodeId = NONE;
  role: Role = Role.Follower;

  /**
   * Every member of the configuration (voters of either half of a joint configuration, learners
   * and learners-to-be), including this replica. A member removed by a joint change keeps its
   * progress until the group leaves the joint configuration: it still votes in C_old.
   */
  readonly progress = new Map<NodeId, Progress>();
  /** The applied configuration (joint or not): the source of truth for quorums and progress. */
  #conf: ConfState = { voters: [], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };
  /** Derived from #conf; null when membership changed since it was last computed. */
  #voters: readonly NodeId[] | null = null;
  /** The voter configuration as a LeaseState key, cached like #voters (asked per read). */
  #confKey: string | null = null;
  readonly #votes = new Map<NodeId, boolean>();
  msgs: Message[] = [];
  readStates: ReadState[] = [];

  #electionElapsed = 0;
  /** Ticks since this replica started, counted up to electionTicks (config.leaseOnStart). */
  #ticksSinceStart = 0;
  #heartbeatElapsed = 0;
  #randomizedElectionTimeout = 0;
  /** The target of a leadership transfer in progress, or NONE. */
  leadTransferee: NodeId = NONE;
  /**
   * This leader sent TimeoutNow in its current term. A vote that TimeoutNow causes ignores
   * leases (TRANSFER_CONTEXT), and a TimeoutNow may arrive after the transfer was abandoned:
   * whoever serves from a lease must not, for the rest of the term.
   */
  timeoutNowSent = false;
  /** A conf change at an index above applied is in the log; no other may be proposed. */
  #pendingConfIndex = 0;
  readonly #readOnly = new ReadOnly();
  /** Reads that arrived before this leader committed an entry of its term. */
  #readsBeforeCommit: (ReadRequest & { readonly byRound: boolean })[] = [];
  /** Proposals appended since the last Ready: their App messages go out together (flushAppends). */
  #appendsPending = false;
  /**
   * Quiescence (see "quiescence" below): an idle, fully replicated group stops ticking. A quiescent leader sends no heartbeats; a quiescent follower's election
   * timer stands still while config.isLive says its leader's node is alive. Any message, proposal,
   * read or transfer wakes the replica; the Raft rules themselves never change.
   */
  #quiescent = false;

  constructor(config: RaftConfig) {
    this.config = config;
    this.id = config.id;
    const { hardState, confState } = config.storage.initialState();
    this.log = new RaftLog(config.storage, config.applied);
    this.#resetProgress(confState);
    invariant(
      hardState.commit <= this.log.lastIndex(),
      () => `hard state commit ${hardState.commit} is past the last index ${this.log.lastIndex()}`,
    );
    // A snapshot holds only committed state, so the commit is at least its index even when the
    // hard state written with it was lost (a torn write keeps the one and not the other).
    this.log.committed = Math.max(this.log.committed, hardState.commit);
    this.term = hardState.term;
    this.vote = hardState.vote;
    this.becomeFollower(this.term, NONE);
  }

  // ─── configuration ────────────────────────────────────────────────────────────────────────

  #resetProgress(cs: ConfState): void {
    this.progress.clear();
    this.#conf = cs;
    this.#voters = null;
    this.#confKey = null;
    for (const id of this.voters()) this.#addProgress(id, false);
    for (const id of [...cs.learners, ...cs.learnersNext]) {
      if (!this.progress.has(id)) this.#addProgress(id, true);
    }
  }

  #addProgress(id: NodeId, isLearner: boolean): void {
    this.#voters = null;
    const pr = new Progress({
      next: this.log.lastIndex() + 1,
      maxInflight: this.config.maxInflightMsgs,
      isLearner,
    });
    pr.recentActive = true; // a new member gets one CheckQuorum round before it counts as silent
    if (id === this.id) pr.match = this.log.stableLastIndex();
    this.progress.set(id, pr);
  }

  /** The voters of either half (each once), cached: heartbeats and votes go to all of them. */
  voters(): readonly NodeId[] {
    if (this.#voters === null) this.#voters = allVoters(this.#quorum());
    return this.#voters;
  }

  /** The halves whose majorities decide commit, elections, ReadIndex and CheckQuorum. */
  #quorum(): QuorumConfig {
    return { incoming: this.#conf.voters, outgoing: this.#conf.votersOutgoing };
  }

  confState(): ConfState {
    return this.#conf;
  }

  /** A replica may campaign only while it is a voter of its own configuration. */
  promotable(): boolean {
    const pr = this.progress.get(this.id);
    return pr !== undefined && !pr.isLearner && this.log.unstableSnapshot() === null;
  }

  applyConfChange(cc: ConfChangeV2): ConfState {
    const next = applyConfChange(this.#conf, cc);
    this.#conf = next;
    this.#voters = null;
    this.#confKey = null;
    const voters = new Set(this.voters());
    const members = new Set([...voters, ...next.learners, ...next.learnersNext]);
    for (const id of [...this.progress.keys()]) if (!members.has(id)) this.progress.delete(id);
    for (const id of members) {
      const pr = this.progress.get(id);
      if (pr) pr.isLearner = !voters.has(id);
      else this.#addProgress(id, !voters.has(id));
    }

    if (this.role === Role.Leader) {
      if (!this.progress.has(this.id) || this.progress.get(this.id)!.isLearner) {
        // The leader removed (or demoted) itself. Removed by a joint change, it is still a voter
        // of C_old and leads until the leave is applied (as etcd does), so the joint
        // configuration is always left. It then hands leadership over instead of stepping down:
        // see #handOff.
        this.#handOff();
      } else {
        if (this.leadTransferee !== NONE && !this.progress.has(this.leadTransferee))
          this.leadTransferee = NONE;
        // A smaller quorum may commit more; newcomers need the log.
        if (this.#maybeCommit()) this.#onCommitAdvanced();
        this.#broadcastAppend();
      }
    }
    return next;
  }

  /** A leader that is no voter of its own (applied) configuration: it leads only to hand over. */
  #departing(): boolean {
    return this.role === Role.Leader && !this.promotable();
  }

  /**
   * The departing leader passes leadership to the voter of its configuration that holds the
   * most of its log (TimeoutNow once that voter has all of it), and keeps leading, taking no
   * proposals, until the successor's higher term deposes it. Stepping down at once (etcd's
   * stepDownOnRemoval) can leave the group with no possible leader: configurations take effect
   * when applied, so voters of C_new that have not yet learned that the leave committed still
   * need a majority of C_old, and the members leaving C_old cannot campaign and refuse every
   * vote when their logs are longer (an entry proposed after the leave) — issue 14, simulator
   * seed 1009673. Leading on, it tells them the commit. Retried every election timeout
   * (#tickHeartbeat); with no voter left to hand to, it steps down.
   */
  #handOff(): void {
    let heir: NodeId = NONE;
    let heirMatch = -1;
    for (const id of this.voters()) {
      const pr = this.progress.get(id);
      if (id === this.id || !pr || pr.match <= heirMatch) continue;
      heir = id;
      heirMatch = pr.match;
    }
    if (heir === NONE) {
      this.becomeFollower(this.term, NONE);
      return;
    }
    this.leadTransferee = heir;
    this.#broadcastAppend();
    if (heirMatch === this.log.lastIndex()) this.#sendTimeoutNow(heir);
  }

  // ─── role transitions ─────────────────────────────────────────────────────────────────────

  #reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.#electionElapsed = 0;
    this.#heartbeatElapsed = 0;
    this.#randomizedElectionTimeout =
      this.config.electionTicks + this.config.random.intBelow(this.config.electionTicks);
    this.leadTransferee = NONE;
    this.timeoutNowSent = false;
    this.#votes.clear();
    for (const [id, pr] of this.progress) {
      const fresh = new Progress({
        next: this.log.lastIndex() + 1,
        maxInflight: this.config.maxInflightMsgs,
        isLearner: pr.isLearner,
      });
      if (id === this.id) fresh.match = this.log.stableLastIndex();
      this.progress.set(id, fresh);
    }
    this.#pendingConfIndex = 0;
    this.#readOnly.reset();
    this.#readsBeforeCommit = [];
    this.#appendsPending = false;
    this.#quiescent = false;
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.#reset(term);
    this.lead = lead;
    this.role = Role.Follower;
  }

  /**
   * A higher term heard from anyone but a leader (a vote request, a rejection): follow it, but
   * keep the election timer running. Raft §5.2 (Figure 2) resets the timer only on granting a
   * vote or hearing from the current leader; etcd resets it on any higher term and leans on
   * PreVote. Without PreVote that reset lets stale candidates starve the one server whose log
   * is freshest: each stale campaign, rejected by it, restarted its clock too, so all members
   * timed out together again and the only server that could win never got a clear run
   * (issue 14: simulator seed 911255 on the tree it was found on). Keeping the clock gives it
   * its turn within one timeout.
   * Granting a vote still resets it (#handleVoteRequest).
   */
  #adoptTerm(term: number): void {
    const elapsed = this.#electionElapsed;
    const timeout = this.#randomizedElectionTimeout;
    this.becomeFollower(term, NONE);
    this.#electionElapsed = elapsed;
    this.#randomizedElectionTimeout = timeout;
  }

  #becomePreCandidate(): void {
    invariant(this.role !== Role.Leader, "a leader cannot become a pre-candidate");
    // A trial election: neither the term nor the vote changes.
    this.#votes.clear();
    this.lead = NONE;
    this.role = Role.PreCandidate;
  }

  #becomeCandidate(): void {
    invariant(this.role !== Role.Leader, "a leader cannot become a candidate");
    this.#reset(this.term + 1);
    this.vote = this.id;
    this.role = Role.Candidate;
  }

  #becomeLeader(): void {
    invariant(this.role === Role.Candidate, "only a candidate becomes leader");
    this.#reset(this.term);
    this.lead = this.id;
    this.role = Role.Leader;
    this.progress.get(this.id)!.becomeReplicate();
    // Conf changes already in the log may not be applied yet: hold new ones until they are.
    this.#pendingConfIndex = this.log.lastIndex();
    // The no-op entry of the new term: committing it commits everything before it (§5.4.2).
    this.#appendEntries([{ term: 0, index: 0, type: EntryType.Normal, data: EMPTY }]);
  }

  // ─── ticks ────────────────────────────────────────────────────────────────────────────────

  tick(): void {
    if (this.#ticksSinceStart < this.config.electionTicks) this.#ticksSinceStart++;
    if (this.#quiescent && !this.#stayQuiescent()) this.#wake(false);
    if (this.#quiescent) return;
    if (this.role === Role.Leader) this.#tickHeartbeat();
    else this.#tickElection();
  }

  // ─── quiescence ───────────────────────────────────────────────────────────────────────────
  //
  // Safety never depends on it: a quiescent replica only skips ticks (so it neither heartbeats
  // nor times out); every message is still stepped by the unchanged rules, and stepping one wakes
  // the replica first. Liveness depends on the liveness oracle: a quiescent follower wakes (and
  // campaigns as usual after an election timeout) as soon as config.isLive says its leader's node
  // is not alive, and a quiescent leader wakes as soon as any voter's node is not (so CheckQuorum
  // runs again and a partitioned leader steps down).

  get quiescent(): boolean {
    return this.#quiescent;
  }

  /** Asked on every tick of a quiescent replica: may it stay quiet? */
  #stayQuiescent(): boolean {
    if (this.role === Role.Leader) {
      for (const id of this.voters()) if (id !== this.id && !this.config.isLive(id)) return false;
      return true;
    }
    return this.role === Role.Follower && this.lead !== NONE && this.config.isLive(this.lead);
  }

  /**
   * Leave quiescence. A leader gets one full election timeout before CheckQuorum looks at its
   * followers, who were silent because it told them to be. A follower woken by anything but its
   * leader tells the leader (`wakeLeader`), or it would time out against a silent leader.
   */
  #wake(wakeLeader: boolean): void {
    this.#quiescent = false;
    this.#electionElapsed = 0;
    this.#heartbeatElapsed = 0;
    if (this.role === Role.Leader) {
      for (const pr of this.progress.values()) pr.recentActive = true;
    } else if (wakeLeader && this.lead !== NONE) {
      this.#send({ type: MessageType.HeartbeatResp, to: this.lead, context: WAKE_CONTEXT });
    }
  }

  /**
   * A leader may quiesce when nothing is left to do: every member holds and knows its whole log
   * (all committed and applied here), no read, transfer, proposal or membership change is under
   * way, and every member's node is alive by the oracle.
   */
  #canQuiesce(): boolean {
    if (!this.config.quiesce || this.role !== Role.Leader) return false;
    const last = this.log.lastIndex();
    if (this.leadTransferee !== NONE || this.#appendsPending) return false;
    if (this.#readOnly.hasWaiting() || this.#readOnly.roundInFlight() || this.#readsBeforeCommit.length > 0)
      return false;
    if (this.log.committed !== last || this.log.applied !== last || this.log.stableLastIndex() !== last)
      return false;
    if (!this.#committedInTerm() || this.#pendingConfIndex > this.log.applied) return false;
    if (this.#conf.autoLeave) return false; // the leave is still to be proposed
    for (const [id, pr] of this.progress) {
      if (id === this.id) continue;
      if (pr.match !== last || pr.state !== ProgressState.Replicate || !this.config.isLive(id)) return false;
    }
    return true;
  }

  /**
   * Does stepping `m` wake this quiescent replica? Everything does, except its own leader's
   * quiesce heartbeat (on a follower) and a late answer to an earlier heartbeat (on a leader:
   * its followers are quiet because it told them to be).
   */
  #wakes(m: Message): boolean {
    if (m.term !== this.term) return true;
    if (this.role === Role.Leader)
      return !(m.type === MessageType.HeartbeatResp && m.context !== WAKE_CONTEXT);
    return !(m.from === this.lead && m.type === MessageType.Heartbeat && m.context === QUIESCE_CONTEXT);
  }

  /** Tell every member to go quiet with the last heartbeat, and go quiet. */
  #quiesce(): void {
    for (const id of this.progress.keys()) {
      if (id === this.id) continue;
      this.#send({
        type: MessageType.Heartbeat,
        to: id,
        commit: this.log.committed,
        context: QUIESCE_CONTEXT,
      });
    }
    // Every member was alive by the oracle and held the whole log just now, and quiet followers
    // never answer: without this, the last CheckQuorum round's reset would leave them "inactive"
    // for as long as the group stays quiet, and whoever reads progress (the rebalancer's leader
    // balance, snapshot sending) would wait on a wake that never comes.
    for (const pr of this.progress.values()) pr.recentActive = true;
    this.#quiescent = true;
  }

  /**
   * A follower goes quiet only on its own leader's quiesce heartbeat, and only if it holds
   * exactly the log the leader committed (so it owes the leader nothing). It does not answer: an
   * answer would wake the leader. Otherwise it answers as to any heartbeat, which wakes the
   * leader, and the leader tries again later.
   */
  #maybeQuiesceFollower(m: Message): boolean {
    if (m.context !== QUIESCE_CONTEXT) return false;
    if (this.lead !== m.from || this.log.lastIndex() !== m.commit || this.log.committed !== m.commit)
      return false;
    this.#quiescent = true;
    this.#electionElapsed = 0;
    return true;
  }

  #tickElection(): void {
    this.#electionElapsed++;
    if (this.promotable() && this.#electionElapsed >= this.#randomizedElectionTimeout) {
      this.#electionElapsed = 0;
      this.campaign(false);
    }
  }

  #tickHeartbeat(): void {
    this.#heartbeatElapsed++;
    this.#electionElapsed++;
    if (this.#electionElapsed >= this.config.electionTicks) {
      this.#electionElapsed = 0;
      if (this.config.checkQuorum && !this.#quorumActive()) {
        this.becomeFollower(this.term, NONE);
        return;
      }
      this.#retryStalledSnapshots();
      // A transfer that did not finish within an election timeout is abandoned, unless this
      // leader is departing: then it must go on, to whichever voter is best placed now.
      this.leadTransferee = NONE;
      if (this.#departing()) {
        this.#handOff();
        return;
      }
    }
    if (this.#heartbeatElapsed >= this.config.heartbeatTicks) {
      this.#heartbeatElapsed = 0;
      if (this.#canQuiesce()) this.#quiesce();
      else this.#broadcastHeartbeat();
    }
  }

  /** CheckQuorum: did a quorum of voters contact us since the last check? Resets the marks. */
  #quorumActive(): boolean {
    const active = new Set<NodeId>();
    for (const [id, pr] of this.progress) {
      if (id === this.id || pr.recentActive) active.add(id);
      if (id !== this.id) pr.recentActive = false;
    }
    return hasQuorum(this.#quorum(), active);
  }

  /** A snapshot may be lost in transit: after a full round without it landing, probe again. */
  #retryStalledSnapshots(): void {
    for (const pr of this.progress.values()) {
      if (pr.state !== ProgressState.Snapshot) continue;
      if (pr.snapshotStalled) pr.becomeProbe();
      else pr.snapshotStalled = true;
    }
  }

  // ─── elections ────────────────────────────────────────────────────────────────────────────

  /** Start an election: with PreVote first unless `transfer` (TimeoutNow) says to go straight in. */
  campaign(transfer: boolean): void {
    if (!this.promotable()) return;
    if (this.role === Role.Leader) return;
    if (this.#quiescent) this.#wake(false);
    const pre = this.config.preVote && !transfer;
    if (pre) this.#becomePreCandidate();
    else this.#becomeCandidate();
    const type = pre ? MessageType.PreVote : MessageType.Vote;
    const term = pre ? this.term + 1 : this.term;
    if (this.#poll(this.id, true) === VoteResult.Won) {
      // A single-voter group wins at once.
      if (pre) this.campaign(true);
      else this.#becomeLeader();
      return;
    }
    for (const id of this.voters()) {
      if (id === this.id) continue;
      this.#send({
        type,
        to: id,
        term,
        index: this.log.lastIndex(),
        logTerm: this.log.lastTerm(),
        context: transfer ? TRANSFER_CONTEXT : "",
      });
    }
  }

  #poll(id: NodeId, granted: boolean): VoteResult {
    if (!this.#votes.has(id)) this.#votes.set(id, granted);
    return voteResult(this.#quorum(), this.#votes);
  }

  #handleVoteRequest(m: Message): void {
    const canVote =
      this.vote === m.from ||
      (this.vote === NONE && this.lead === NONE) ||
      (m.type === MessageType.PreVote && m.term > this.term);
    const respType = m.type === MessageType.Vote ? MessageType.VoteResp : MessageType.PreVoteResp;
    if (canVote && this.log.isUpToDate(m.index, m.logTerm)) {
      // A PreVote answer carries the candidate's future term, so it is not mistaken for stale.
      this.#send({ type: respType, to: m.from, term: m.term, reject: false });
      if (m.type === MessageType.Vote) {
        this.#electionElapsed = 0;
        this.vote = m.from;
      } else {
        this.#leaveClearRun(m);
      }
    } else {
      this.#send({ type: respType, to: m.from, term: this.term, reject: true });
    }
  }

  /**
   * A PreVote was just granted: its sender is about to campaign for real, so leave it a clear
   * run. Otherwise two members that time out close together (the two survivors of a three-voter
   * group after its leader died, on a loaded machine whose ticks arrive late) both win their
   * trials, both campaign, and split the vote: another whole election timeout without a leader
   * (the churn soak saw up to two in a row). A follower restarts its election timer; a
   * pre-candidate steps back to follower unless its own claim is the stronger one (the longer
   * log, or an equal one and the lower id), so of two pre-candidates exactly one goes on.
   * Liveness only: a PreVote changes no term and records no vote.
   */
  #leaveClearRun(m: Message): void {
    if (this.role === Role.Follower) {
      this.#electionElapsed = 0;
      return;
    }
    if (this.role !== Role.PreCandidate) return;
    const sameLog = m.logTerm === this.log.lastTerm() && m.index === this.log.lastIndex();
    if (sameLog && this.id < m.from) return;
    this.becomeFollower(this.term, NONE);
  }

  // ─── step ─────────────────────────────────────────────────────────────────────────────────

  step(m: Message): void {
    if (this.#quiescent && this.#wakes(m)) this.#wake(!(m.from === this.lead && m.term === this.term));
    if (!this.#stepTerm(m)) return;
    switch (m.type) {
      case MessageType.Vote:
      case MessageType.PreVote:
        this.#handleVoteRequest(m);
        return;
    }
    switch (this.role) {
      case Role.Leader:
        this.#stepLeader(m);
        return;
      case Role.Candidate:
      case Role.PreCandidate:
        this.#stepCandidate(m);
        return;
      case Role.Follower:
        this.#stepFollower(m);
        return;
    }
  }

  /** Term handling common to every role. Returns false when the message must be dropped. */
  #stepTerm(m: Message): boolean {
    if (m.term > this.term) {
      const isVote = m.type === MessageType.Vote || m.type === MessageType.PreVote;
      if (isVote) {
        // Lease (CheckQuorum): while we hear from a live leader, ignore would-be disruptors,
        // such as a removed or partitioned server — unless the leader itself asked (transfer).
        const inLease =
          this.config.checkQuorum &&
          ((this.lead !== NONE && this.#electionElapsed < this.config.electionTicks) ||
            (this.config.leaseOnStart && this.#ticksSinceStart < this.config.electionTicks));
        if (inLease && m.context !== TRANSFER_CONTEXT) return false;
      }
      if (m.type === MessageType.PreVote) return true; // a trial: our term stays
      if (m.type === MessageType.PreVoteResp && !m.reject) return true; // granted for term+1
      const fromLeader =
        m.type === MessageType.App || m.type === MessageType.Heartbeat || m.type === MessageType.Snap;
      if (fromLeader) this.becomeFollower(m.term, m.from);
      else this.#adoptTerm(m.term);
      return true;
    }
    if (m.term < this.term) {
      if (m.type === MessageType.App || m.type === MessageType.Heartbeat) {
        // A stale leader (maybe partitioned away): tell it our term so it steps down.
        this.#send({ type: MessageType.AppResp, to: m.from });
      } else if (m.type === MessageType.PreVote) {
        this.#send({ type: MessageType.PreVoteResp, to: m.from, reject: true });
      }
      return false;
    }
    return true;
  }

  #stepLeader(m: Message): void {
    const pr = this.progress.get(m.from);
    switch (m.type) {
      case MessageType.AppResp:
        if (pr) this.#handleAppendResponse(m, pr);
        return;
      case MessageType.HeartbeatResp:
        if (pr) this.#handleHeartbeatResponse(m, pr);
        return;
      case MessageType.ReadIndex:
        if (pr) this.#handleReadRequest({ from: m.from, context: m.context });
        return;
      default:
        return;
    }
  }

  #stepCandidate(m: Message): void {
    const myResp = this.role === Role.PreCandidate ? MessageType.PreVoteResp : MessageType.VoteResp;
    switch (m.type) {
      case MessageType.App:
        this.becomeFollower(m.term, m.from);
        this.#handleAppend(m);
        return;
      case MessageType.Heartbeat:
        this.becomeFollower(m.term, m.from);
        this.#handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.becomeFollower(m.term, m.from);
        this.#handleSnapshot(m);
        return;
      case myResp: {
        const result = this.#poll(m.from, !m.reject);
        if (result === VoteResult.Won && !this.promotable()) {
          // The configuration applied since the campaign began left this replica out (a leave
          // or a demotion): it may not lead, whatever the votes (simulator seed 1007937).
          this.becomeFollower(this.term, NONE);
        } else if (result === VoteResult.Won) {
          if (this.role === Role.PreCandidate) this.campaign(true);
          else {
            this.#becomeLeader();
            this.#broadcastAppend();
          }
        } else if (result === VoteResult.Lost) {
          this.becomeFollower(this.term, NONE);
        }
        return;
      }
      default:
        return;
    }
  }

  #stepFollower(m: Message): void {
    switch (m.type) {
      case MessageType.App:
        this.#electionElapsed = 0;
        this.lead = m.from;
        this.#handleAppend(m);
        return;
      case MessageType.Heartbeat:
        this.#electionElapsed = 0;
        this.lead = m.from;
        this.#handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.#electionElapsed = 0;
        this.lead = m.from;
        this.#handleSnapshot(m);
        return;
      case MessageType.TimeoutNow:
        this.campaign(true);
        return;
      case MessageType.ReadIndexResp:
        this.readStates.push({ index: m.index, context: m.context });
        return;
      default:
        return;
    }
  }

  // ─── follower side of replication ─────────────────────────────────────────────────────────

  #handleAppend(m: Message): void {
    if (m.index < this.log.committed) {
      this.#send({ type: MessageType.AppResp, to: m.from, index: this.log.committed });
      return;
    }
    const lastNew = this.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
    if (lastNew !== null) {
      if (m.context === COMMIT_ONLY_CONTEXT && m.entries.length === 0) return;
      this.#send({ type: MessageType.AppResp, to: m.from, index: lastNew });
      return;
    }
    // Fast backtracking: point the leader at our last entry whose term is <= its logTerm.
    const hint = this.log.findConflictByTerm(Math.min(m.index, this.log.lastIndex()), m.logTerm);
    this.#send({
      type: MessageType.AppResp,
      to: m.from,
      index: m.index,
      reject: true,
      rejectHint: hint.index,
      rejectTerm: hint.term,
    });
  }

  #handleHeartbeat(m: Message): void {
    // The leader sends min(commit, our match), so this never passes our log.
    this.log.commitTo(Math.min(m.commit, this.log.lastIndex()));
    if (this.#maybeQuiesceFollower(m)) return;
    // Could not go quiet: the answer says so, and wakes the leader.
    const context = m.context === QUIESCE_CONTEXT ? WAKE_CONTEXT : m.context;
    this.#send({ type: MessageType.HeartbeatResp, to: m.from, context });
  }

  #handleSnapshot(m: Message): void {
    const snap = m.snapshot;
    if (snap && this.#restore(snap)) {
      this.#send({ type: MessageType.AppResp, to: m.from, index: this.log.lastIndex() });
    } else {
      this.#send({ type: MessageType.AppResp, to: m.from, index: this.log.committed });
    }
  }

  /** Install a snapshot newer than our commit. Returns false if we already have what it holds. */
  #restore(snap: Snapshot): boolean {
    const { index, term } = snap.meta;
    if (index <= this.log.committed) return false;
    if (this.log.matchTerm(index, term)) {
      // We hold the entry: just fast-forward the commit; the log stays.
      this.log.commitTo(index);
      return false;
    }
    this.log.restore(snap);
    this.#resetProgress(snap.meta.confState);
    return true;
  }

  // ─── leader side of replication ───────────────────────────────────────────────────────────

  #appendEntries(entries: Entry[]): { index: number; term: number } {
    let index = this.log.lastIndex();
    const stamped = entries.map((e) => ({ ...e, term: this.term, index: ++index }));
    this.log.append(stamped);
    // The leader's own copy counts towards commit only once persisted (see onPersisted).
    return { index, term: this.term };
  }

  /** Called when entries up to `index` are durable locally: the leader may now count itself. */
  onPersisted(index: number): void {
    if (this.role !== Role.Leader) return;
    if (this.progress.get(this.id)?.maybeUpdate(index) && this.#maybeCommit()) this.#onCommitAdvanced();
  }

  #maybeCommit(): boolean {
    const index = committedIndex(this.#quorum(), (id) => this.progress.get(id)!.match);
    return this.log.maybeCommit(index, this.term);
  }

  #committedInTerm(): boolean {
    return this.log.term(this.log.committed) === this.term;
  }

  #onCommitAdvanced(): void {
    this.#broadcastAppend();
    if (this.#readsBeforeCommit.length > 0 && this.#committedInTerm()) {
      const reads = this.#readsBeforeCommit;
      this.#readsBeforeCommit = [];
      for (const r of reads) this.#handleReadRequest(r, r.byRound);
    }
  }

  #handleAppendResponse(m: Message, pr: Progress): void {
    pr.recentActive = true;
    if (m.reject) {
      const probe =
        m.rejectTerm > 0 ? this.log.findConflictByTerm(m.rejectHint, m.rejectTerm).index : m.rejectHint;
      if (pr.maybeDecrTo(m.index, probe)) {
        if (pr.state === ProgressState.Replicate) pr.becomeProbe();
        this.#sendAppend(m.from, true);
      }
      return;
    }
    const wasPaused = pr.isPaused();
    if (!pr.maybeUpdate(m.index)) return;
    if (pr.state === ProgressState.Probe) pr.becomeReplicate();
    else if (pr.state === ProgressState.Snapshot && pr.match >= pr.pendingSnapshot) {
      pr.becomeProbe();
      pr.becomeReplicate();
    } else if (pr.state === ProgressState.Replicate) pr.inflights.freeLE(m.index);

    if (this.#maybeCommit()) this.#onCommitAdvanced();
    else if (wasPaused) this.#sendAppend(m.from, true);
    // Pipelining: keep the window full.
    while (this.#sendAppend(m.from, false)) {}
    if (m.from === this.leadTransferee && pr.match === this.log.lastIndex()) {
      this.#sendTimeoutNow(m.from);
    }
  }

  #handleHeartbeatResponse(m: Message, pr: Progress): void {
    pr.recentActive = true;
    pr.probeSent = false;
    // Acks may have been lost with a full window: open one slot so replication cannot stall.
    if (pr.state === ProgressState.Replicate && pr.inflights.full()) pr.inflights.freeFirstOne();
    if (pr.match < this.log.lastIndex()) this.#sendAppend(m.from, true);
    if (m.context === "") return;
    const released = this.#readOnly.ack(m.context, m.from, (acks) => this.#hasQuorum(acks));
    for (const r of released) this.#releaseRead(r.from, r.context, r.index);
    // Reads that queued behind the round just confirmed start theirs now, not on the next beat.
    if (released.length > 0 && this.#readOnly.hasWaiting() && !this.#readOnly.roundInFlight()) {
      this.#sendHeartbeats(this.#readOnly.startRound(this.log.committed, this.id));
    }
  }

  #hasQuorum(ids: ReadonlySet<NodeId>): boolean {
    return hasQuorum(this.#quorum(), ids);
  }

  /**
   * Send the entries `to` lacks, or a snapshot if they were compacted. With `sendIfEmpty` false
   * nothing is sent when there are no new entries. Returns whether a message was sent.
   */
  #sendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const pr = this.progress.get(to);
    if (!pr || to === this.id || pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    const prevTerm = this.log.term(prevIndex);
    let entries: Entry[] | null = null;
    if (prevTerm !== null) {
      try {
        entries = this.log.slice(pr.next, this.log.lastIndex() + 1, this.config.maxMsgBytes);
      } catch (e) {
        if (!(e instanceof RaftError && e.code === "Compacted")) throw e;
      }
    }
    if (prevTerm === null || entries === null) return this.#sendSnapshot(to, pr);
    if (entries.length === 0 && !sendIfEmpty) return false;
    this.#dropQueuedCommitOnlyApps(to);
    // A probe (Probe state) is answered whatever it carries: that answer is how replication resumes.
    const commitOnly = entries.length === 0 && pr.state === ProgressState.Replicate;
    this.#send({
      type: MessageType.App,
      to,
      index: prevIndex,
      logTerm: prevTerm,
      entries,
      commit: this.log.committed,
      context: commitOnly ? COMMIT_ONLY_CONTEXT : "",
    });
    pr.sentEntries(entries.length > 0 ? entries[entries.length - 1]!.index : null);
    return true;
  }

  /**
   * An App to `to` not yet handed out that carries no entries only tells `to` the commit index
   * (after a commit advanced, or as a probe). The App about to be queued carries the same or a
   * later commit index and the progress's current probe point, so the older one is dropped: one
   * message and one answer instead of two. Dropping a message is always safe in Raft (the
   * network may); this one is not even lost, since a newer one says more. Under load a Ready
   * often held an empty App per follower (a commit advanced by an answer) and then the App with
   * the new proposals.
   */
  #dropQueuedCommitOnlyApps(to: NodeId): void {
    const msgs = this.msgs;
    let kept = 0;
    for (let i = 0; i < msgs.length; i++) {
      const m = msgs[i]!;
      const redundant =
        m.type === MessageType.App && m.to === to && m.entries.length === 0 && m.term === this.term;
      if (!redundant) msgs[kept++] = m;
    }
    msgs.length = kept;
  }

  #sendSnapshot(to: NodeId, pr: Progress): boolean {
    if (!pr.recentActive) return false; // don't ship a snapshot to a follower that may be down
    let snapshot: Snapshot;
    try {
      snapshot = this.log.snapshot();
    } catch (e) {
      if (e instanceof SnapshotTemporarilyUnavailableError) return false;
      throw e;
    }
    invariant(snapshot.meta.index > 0, "a compacted log implies a snapshot");
    pr.becomeSnapshot(snapshot.meta.index);
    this.#send({ type: MessageType.Snap, to, snapshot });
    return true;
  }

  #broadcastAppend(): void {
    for (const id of this.progress.keys()) if (id !== this.id) this.#sendAppend(id, true);
  }

  #broadcastHeartbeat(): void {
    let context = this.#readOnly.latestRound();
    if (this.#readOnly.hasWaiting()) context = this.#readOnly.startRound(this.log.committed, this.id);
    this.#sendHeartbeats(context);
  }

  #sendHeartbeats(context: string): void {
    for (const [id, pr] of this.progress) {
      if (id === this.id) continue;
      // Never tell a follower to commit past what it is known to hold.
      const commit = Math.min(pr.match, this.log.committed);
      this.#send({ type: MessageType.Heartbeat, to: id, commit, context });
    }
  }

  // ─── client requests (leader) ─────────────────────────────────────────────────────────────

  propose(data: Uint8Array, type: EntryType = EntryType.Normal): { index: number; term: number } {
    if (this.role !== Role.Leader) throw new NotLeaderError(this.lead);
    if (this.leadTransferee !== NONE)
      throw new ProposalDroppedError(`leadership is moving to ${this.leadTransferee}`);
    if (type === EntryType.ConfChange) {
      if (this.#pendingConfIndex > this.log.applied) {
        throw new ProposalDroppedError("another membership change is not applied yet");
      }
    }
    if (this.#quiescent) this.#wake(false);
    const result = this.#appendEntries([{ term: 0, index: 0, type, data }]);
    if (type === EntryType.ConfChange) this.#pendingConfIndex = result.index;
    // Not one App per proposal: every proposal until the next Ready leaves in one (flushAppends).
    this.#appendsPending = true;
    return result;
  }

  /** Have proposals been appended whose App messages are not built yet? */
  get appendsPending(): boolean {
    return this.#appendsPending;
  }

  /** Send the App messages for proposals appended since the last call (RawNode.ready calls it). */
  flushAppends(): void {
    if (!this.#appendsPending) return;
    this.#appendsPending = false;
    if (this.role === Role.Leader) this.#broadcastAppend();
  }

  /**
   * Validate and propose a membership change. Refused (ProposalDropped) while another is not
   * applied yet, while joint (except the leave), or when the change cannot apply to the current
   * configuration — which, with nothing pending, is the one it will apply to.
   */
  proposeConfChange(cc: ConfChangeV2, data: Uint8Array): { index: number; term: number } {
    if (this.role !== Role.Leader) throw new NotLeaderError(this.lead);
    if (this.#pendingConfIndex > this.log.applied) {
      throw new ProposalDroppedError("another membership change is not applied yet");
    }
    if (isJoint(this.#conf) && cc.changes.length > 0) {
      throw new ProposalDroppedError("in a joint configuration: only leaving it may be proposed");
    }
    try {
      changeConf(this.#conf, cc);
    } catch (e) {
      if (e instanceof ConfChangeError) throw new ProposalDroppedError(e.message);
      throw e;
    }
    return this.propose(data, EntryType.ConfChange);
  }

  /**
   * Auto-leave (etcd's appliedTo): once the joint entry — and every conf change before it — is
   * applied on the leader, the leader itself proposes the leave. Called after every apply. It
   * bypasses the transfer check: a joint configuration must not outlive an abandoned transfer.
   */
  maybeAutoLeave(): void {
    if (this.role !== Role.Leader || !this.#conf.autoLeave || !isJoint(this.#conf)) return;
    if (this.#pendingConfIndex > this.log.applied) return;
    if (this.#quiescent) this.#wake(false);
    const { index } = this.#appendEntries([
      { term: 0, index: 0, type: EntryType.ConfChange, data: LEAVE_JOINT },
    ]);
    this.#pendingConfIndex = index;
    this.#appendsPending = true;
  }

  readIndex(context: string, byRound = false): void {
    // A read on a quiescent leader wakes it and then runs a real quorum round like any other.
    if (this.#quiescent) this.#wake(true);
    if (this.role === Role.Leader) {
      this.#handleReadRequest({ from: this.id, context }, byRound);
      return;
    }
    if (this.lead === NONE) throw new NotLeaderError(NONE);
    this.#send({ type: MessageType.ReadIndex, to: this.lead, context });
  }

  #handleReadRequest(request: ReadRequest, byRound = false): void {
    if (!this.#committedInTerm()) {
      // Our commit index may lag the true one until our no-op commits (thesis §6.4 step 1).
      this.#readsBeforeCommit.push({ ...request, byRound });
      return;
    }
    if (!byRound && this.#leaseCoversRead()) {
      // No other leader can exist while the lease lasts, and we committed in our term: our
      // commit index holds every write acknowledged before this request arrived.
      this.#releaseRead(request.from, request.context, this.log.committed);
      return;
    }
    if (this.voters().length === 1) {
      this.#releaseRead(request.from, request.context, this.log.committed);
      return;
    }
    this.#readOnly.add(request);
    // Reads arriving while a round is in flight share the next one (started on the next beat).
    if (!this.#readOnly.roundInFlight()) {
      this.#sendHeartbeats(this.#readOnly.startRound(this.log.committed, this.id));
    }
  }

  #leaseCoversRead(): boolean {
    const { leaseRead } = this.config;
    if (leaseRead === undefined) return false;
    const state = this.leaseState();
    return state !== undefined && leaseRead(state);
  }

  /**
   * While this replica leads and a lease may be served from: its term and voter configuration;
   * undefined otherwise. A quorum that acknowledged this leader at time s (a ReadIndex round
   * begun at s) then refuses every other candidate until at least s plus one election timeout,
   * by CheckQuorum's lease — unless this term sent TimeoutNow (a transfer's vote ignores leases)
   * or the configuration the quorum belonged to changed (a conf change is in the log and not
   * applied, or the key differs from the one the round began with). None before the leader has
   * committed an entry of its term: its commit index may lag until then (thesis §6.4 step 1).
   */
  leaseState(): LeaseState | undefined {
    if (
      this.role !== Role.Leader ||
      !this.config.checkQuorum ||
      this.timeoutNowSent ||
      this.confChangePending() ||
      !this.#committedInTerm()
    ) {
      return undefined;
    }
    this.#confKey ??= `${this.#conf.voters.join(",")}|${this.#conf.votersOutgoing.join(",")}`;
    return { term: this.term, conf: this.#confKey };
  }

  #releaseRead(from: NodeId, context: string, index: number): void {
    if (from === this.id) this.readStates.push({ index, context });
    else this.#send({ type: MessageType.ReadIndexResp, to: from, index, context });
  }

  /** A conf change sits in the log above the applied index (or a new leader holds new ones). */
  confChangePending(): boolean {
    return this.#pendingConfIndex > this.log.applied;
  }

  transferLeadership(to: NodeId): void {
    if (this.role !== Role.Leader) throw new NotLeaderError(this.lead);
    if (this.#quiescent) this.#wake(false);
    const pr = this.progress.get(to);
    if (to === this.id || !pr || pr.isLearner || this.leadTransferee === to) return;
    this.leadTransferee = to;
    this.#electionElapsed = 0; // the transfer must finish within one election timeout
    if (pr.match === this.log.lastIndex()) this.#sendTimeoutNow(to);
    else this.#sendAppend(to, true);
  }

  #sendTimeoutNow(to: NodeId): void {
    this.timeoutNowSent = true;
    this.#send({ type: MessageType.TimeoutNow, to });
  }

  // ─── outbox ───────────────────────────────────────────────────────────────────────────────

  #send(f: MessageFields): void {
    // Spelled out field by field (not spread): one object shape for every message keeps this
    // hot path monomorphic.
    this.msgs.push({
      type: f.type,
      from: this.id,
      to: f.to,
      term: f.term ?? this.term,
      logTerm: f.logTerm ?? 0,
      index: f.index ?? 0,
      entries: f.entries ?? [],
      commit: f.commit ?? 0,
      reject: f.reject ?? false,
      rejectHint: f.rejectHint ?? 0,
      rejectTerm: f.rejectTerm ?? 0,
      snapshot: f.snapshot ?? null,
      context: f.context ?? "",
    });
  }
}
