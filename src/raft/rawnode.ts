// The driver of one Raft replica (model: etcd-io/raft rawnode.go): the caller ticks it, steps
// messages into it, proposes, and runs the Ready → persist → send → apply → advance cycle.
// At most one Ready is outstanding; step/tick/propose may be called while it is being handled.

import { invariant } from "../invariant.ts";
import { decodeConfChange, encodeConfChange } from "./confchange.ts";
import { type RaftOptions, raftConfig } from "./config.ts";
import type { ProgressState } from "./progress.ts";
import { Raft } from "./raft.ts";
import type {
  ConfChangeV2,
  ConfState,
  HardState,
  LeaseState,
  Message,
  NodeId,
  Ready,
  SoftState,
} from "./types.ts";
import { EntryType, Role } from "./types.ts";

export interface ProgressStatus {
  readonly match: number;
  readonly next: number;
  readonly state: ProgressState;
  readonly isLearner: boolean;
  readonly recentActive: boolean;
}

export interface RaftStatus {
  readonly id: NodeId;
  readonly term: number;
  readonly vote: NodeId;
  readonly commit: number;
  readonly applied: number;
  readonly leader: NodeId;
  readonly role: Role;
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly confState: ConfState;
  readonly leadTransferee: NodeId;
  /** The leader's view of every member; empty on other roles. */
  readonly progress: ReadonlyMap<NodeId, ProgressStatus>;
}

export class RawNode {
  readonly #raft: Raft;
  #prevSoft: SoftState;
  #prevHard: HardState;
  #outstanding: Ready | null = null;

  constructor(options: RaftOptions) {
    this.#raft = new Raft(raftConfig(options));
    this.#prevSoft = this.#softState();
    this.#prevHard = this.#hardState();
  }

  tick(): void {
    this.#raft.tick();
  }

  step(m: Message): void {
    if (m.to !== this.#raft.id) return; // misdelivered; never act on another replica's mail
    this.#raft.step(m);
  }

  /** Start an election now (tests, and an operator forcing one). */
  campaign(): void {
    this.#raft.campaign(false);
  }

  /** Append a command. Returns where it will sit; it took effect once applied there with this term. */
  propose(data: Uint8Array): { index: number; term: number } {
    return this.#raft.propose(data);
  }

  /**
   * Propose a membership change (simple or joint, see ConfChangeTransition; `changes: []` leaves
   * a joint configuration). Applied to the configuration when committed and advanced. Throws
   * ProposalDroppedError while another change is pending, while joint (except the leave), or if
   * the change does not apply to the current configuration.
   */
  proposeConfChange(cc: ConfChangeV2): { index: number; term: number } {
    return this.#raft.proposeConfChange(cc, encodeConfChange(cc));
  }

  /**
   * Ask for a linearizable read; answered by a ReadState carrying `context` in a later Ready.
   * A leader answers from its lease (RaftConfig.leaseRead) when one covers the moment, unless
   * `byRound`: then only a quorum heartbeat round begun after this call confirms it — what a
   * lease itself is renewed by.
   */
  readIndex(context: string, byRound = false): void {
    this.#raft.readIndex(context, byRound);
  }

  transferLeadership(to: NodeId): void {
    this.#raft.transferLeadership(to);
  }

  /**
   * While this replica leads and a lease may be served from: its term and voter configuration;
   * undefined otherwise (Raft.leaseState says when, and why a lease is safe).
   */
  leaseState(): LeaseState | undefined {
    return this.#raft.leaseState();
  }

  /**
   * Membership as of the applied index, joint or not (see isJoint): what a snapshot taken at
   * `applied` must record.
   */
  confState(): ConfState {
    return this.#raft.confState();
  }

  /** Called for every replica on every host pass and tick: compares fields, allocates nothing. */
  hasReady(): boolean {
    if (this.#outstanding) return false;
    const r = this.#raft;
    const hard = this.#prevHard;
    const soft = this.#prevSoft;
    return (
      r.appendsPending ||
      r.msgs.length > 0 ||
      r.readStates.length > 0 ||
      r.log.unstableEntries().length > 0 ||
      r.log.unstableSnapshot() !== null ||
      r.log.hasNextCommittedEntries() ||
      r.term !== hard.term ||
      r.vote !== hard.vote ||
      r.log.committed !== hard.commit ||
      r.lead !== soft.leader ||
      r.role !== soft.role
    );
  }

  /** Is the group quiet (see RaftConfig.quiesce)? */
  get quiescent(): boolean {
    return this.#raft.quiescent;
  }

  ready(): Ready {
    invariant(this.#outstanding === null, "ready() called again before advance()");
    const r = this.#raft;
    r.flushAppends();
    const soft = this.#softState();
    const hard = this.#hardState();
    const entries = [...r.log.unstableEntries()];
    const snapshot = r.log.unstableSnapshot();
    const committedEntries = r.log.nextCommittedEntries(r.config.maxCommittedBytesPerReady);
    const hardChanged = !sameHard(hard, this.#prevHard);
    const rd: Ready = {
      softState: sameSoft(soft, this.#prevSoft) ? null : soft,
      hardState: hardChanged ? hard : null,
      entries,
      snapshot,
      committedEntries,
      messages: r.msgs,
      readStates: r.readStates,
      mustSync:
        entries.length > 0 ||
        snapshot !== null ||
        (hardChanged && (hard.term !== this.#prevHard.term || hard.vote !== this.#prevHard.vote)),
    };
    r.msgs = [];
    r.readStates = [];
    if (committedEntries.length > 0) r.log.applying = committedEntries[committedEntries.length - 1]!.index;
    if (rd.softState) this.#prevSoft = soft;
    if (rd.hardState) this.#prevHard = hard;
    this.#outstanding = rd;
    return rd;
  }

  /** The caller persisted, sent and applied everything in `rd`. */
  advance(rd: Ready): void {
    invariant(this.#outstanding === rd, "advance() must be given the outstanding Ready");
    this.#outstanding = null;
    const r = this.#raft;
    if (rd.snapshot) {
      r.log.stableSnapTo(rd.snapshot.meta.index);
      r.log.appliedTo(rd.snapshot.meta.index);
    }
    const last = rd.entries[rd.entries.length - 1];
    if (last) {
      r.log.stableTo(last.index, last.term);
      if (r.log.term(last.index) === last.term) r.onPersisted(last.index);
    }
    for (const e of rd.committedEntries) {
      r.log.appliedTo(e.index);
      if (e.type === EntryType.ConfChange) r.applyConfChange(decodeConfChange(e.data));
    }
    if (rd.committedEntries.length > 0) r.maybeAutoLeave();
  }

  status(): RaftStatus {
    const r = this.#raft;
    const progress = new Map<NodeId, ProgressStatus>();
    if (r.role === Role.Leader) {
      for (const [id, pr] of r.progress) {
        progress.set(id, {
          match: pr.match,
          next: pr.next,
          state: pr.state,
          isLearner: pr.isLearner,
          recentActive: pr.recentActive,
        });
      }
    }
    return {
      id: r.id,
      term: r.term,
      vote: r.vote,
      commit: r.log.committed,
      applied: r.log.applied,
      leader: r.lead,
      role: r.role,
      firstIndex: r.log.firstIndex(),
      lastIndex: r.log.lastIndex(),
      confState: r.confState(),
      leadTransferee: r.leadTransferee,
      progress,
    };
  }

  /** The current term: the cheap part of status(), for per-request checks. */
  get term(): number {
    return this.#raft.term;
  }

  /** The commit index, cheaply (status() builds the progress map). */
  get committed(): number {
    return this.#raft.log.committed;
  }

  /** Leader and role: the cheap part of status(), for per-request checks. */
  softState(): SoftState {
    return this.#softState();
  }

  #softState(): SoftState {
    return { leader: this.#raft.lead, role: this.#raft.role };
  }

  #hardState(): HardState {
    return { term: this.#raft.term, vote: this.#raft.vote, commit: this.#raft.log.committed };
  }
}

function sameHard(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

function sameSoft(a: SoftState, b: SoftState): boolean {
  return a.leader === b.leader && a.role === b.role;
}
