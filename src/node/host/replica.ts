// One replica of one Raft group on this node: the Raft core, the group's state machine, and the
// client requests waiting on them (proposals until applied, reads until confirmed and applied).
// The host drives it through the Ready cycle; this class only applies and answers.

import { RingkvError } from "../../api/errors.ts";
import { invariant } from "../../invariant.ts";
import {
  type ConfChangeV2,
  type Entry,
  EntryType,
  type LeaseState,
  NONE,
  NotLeaderError,
  ProposalDroppedError,
  type RaftOptions,
  RawNode,
  type Ready,
  Role,
  type Snapshot,
  type Storage,
} from "../../raft/index.ts";
import type { Command } from "../kv/command.ts";
import { decodeCommand, encodeCommand } from "../kv/command-codec.ts";
import { DigestHistory } from "../kv/digest-history.ts";
import { type ApplyResult, KvStateMachine } from "../kv/state-machine.ts";
import { type HostObserver, NO_HOST_OBSERVER } from "./host-observer.ts";
import { ReadLease, type ReadLeaseStats } from "./read-lease.ts";

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: RingkvError): void;
}

/** A follower ReadIndex request and how many reads wait on it. */
interface SharedRead {
  readonly context: string;
  readonly index: Promise<number>;
  sharers: number;
}

interface PendingProposal extends Waiter<ApplyResult> {
  readonly term: number;
  /** observer.now() when proposed, for the proposal → commit latency. */
  readonly proposedAtMs: number;
}

export interface ReplicaOptions {
  readonly group: string;
  readonly nodeId: string;
  readonly storage: Storage;
  readonly raft: Omit<RaftOptions, "id" | "storage" | "applied">;
  /** Take a snapshot once this many entries were applied since the last one. */
  readonly snapshotEntries: number;
  /** …or once this many bytes of entries were. */
  readonly snapshotLogBytes: number;
  /** Where proposal latencies and failures go; nowhere by default. */
  readonly observer?: HostObserver;
  /** A proposal or read entered the core: the host must look at this replica in its next pass. */
  readonly onWork?: () => void;
  /** The host's clock, in ms: dates the loss of a leader, for errors that say how long ago. */
  readonly now?: () => number;
  /**
   * Serve linearizable reads from a leader lease (read-lease.ts) of this length, measured on this
   * monotonic clock. Needs raft.leaseOnStart. Absent: every read runs a heartbeat round.
   */
  readonly readLease?: {
    readonly durationMs: number;
    readonly nowMs: () => number;
    readonly stats: ReadLeaseStats;
  };
}

/**
 * Invariants (asserted where the fields change; a broken one throws InvariantError, which the
 * host hands to onFatal — see STYLE.md habit 6 and etcd-io/raft tracker/progress.go):
 *
 *   snapshotIndex <= applied <= commit
 *   commit never goes back.
 *   applied moves one entry at a time (entry.index === applied + 1: no gap, no repeat), or
 *     jumps forward to an installed snapshot (snapshot index > applied: the core installs only
 *     a snapshot past its commit, and commit >= applied).
 *   appliedTerm never goes back (terms do not decrease along a Raft log).
 *   A snapshot is taken only of what the core applied too (after advance(), so it records
 *     the membership changes the core applies on advance).
 */
export class Replica {
  readonly group: string;
  readonly raw: RawNode;
  readonly sm = new KvStateMachine();
  /** Index of the last entry (or snapshot) the state machine holds. */
  #applied: number;
  /** Term of that entry. */
  #appliedTerm: number;
  /** The highest commit index the core handed over (its hard state's commit). */
  #commit: number;
  /** Index of the last snapshot taken or installed: the log before it may be gone. */
  #snapshotIndex: number;
  readonly #snapshotEntries: number;
  readonly #snapshotLogBytes: number;
  readonly #observer: HostObserver;
  readonly #onWork: () => void;
  /** Bytes of entries applied since the last snapshot. */
  #logBytesSinceSnapshot = 0;
  readonly #proposals = new Map<number, PendingProposal>();
  readonly #reads = new Map<string, Waiter<number>>();
  #applyWaiters: { index: number; resolve: () => void }[] = [];
  #readSeq = 0;
  /** A follower ReadIndex request still in the core (its Ready not taken): reads may share it. */
  #unsentFollowerRead: SharedRead | null = null;
  /** The state machine's digest at each of the last applied indexes (for divergence checks). */
  readonly #digests = new DigestHistory();
  /**
   * The membership epoch: the log index of the last membership change or member/config command
   * applied (a snapshot's index when it predates it). Increases with every change, on every
   * replica alike; the meta group's is the cluster's placement epoch.
   */
  epoch = 0;
  readonly #now: () => number;
  /** The leader lease its reads are served from, if the host gave one (ReplicaOptions.readLease). */
  readonly #readLease: ReadLease | undefined;
  /** When this replica last saw its group without a leader begin (now() time); null: it has one. */
  #leaderlessSinceMs: number | null;

  constructor(options: ReplicaOptions) {
    this.group = options.group;
    this.#snapshotEntries = options.snapshotEntries;
    this.#snapshotLogBytes = options.snapshotLogBytes;
    this.#observer = options.observer ?? NO_HOST_OBSERVER;
    this.#onWork = options.onWork ?? (() => {});
    const snap = options.storage.snapshot();
    this.sm.restore(snap.data);
    this.#applied = snap.meta.index;
    this.#appliedTerm = snap.meta.term;
    this.#snapshotIndex = snap.meta.index;
    this.epoch = snap.meta.index;
    this.#digests.record(snap.meta.index, this.sm.digestLanes());
    const lease =
      options.readLease === undefined
        ? undefined
        : new ReadLease({
            ...options.readLease,
            leaseState: () => this.raw.leaseState(),
            confirmByRound: () => this.readIndex(true),
          });
    this.#readLease = lease;
    this.raw = new RawNode({
      ...options.raft,
      ...(lease === undefined ? {} : { leaseRead: (state: LeaseState) => lease.covers(state) }),
      id: options.nodeId,
      storage: options.storage,
      applied: snap.meta.index,
    });
    this.#commit = this.raw.status().commit;
    this.#now = options.now ?? Date.now;
    this.#leaderlessSinceMs = this.#now(); // a replica starts knowing no leader
    this.#checkOrder();
  }

  /**
   * How long this replica has known no leader for its group, in ms; undefined while it knows
   * one. Cheap (no status()), for the errors that explain why a shard cannot be served.
   */
  leaderlessForMs(): number | undefined {
    return this.#leaderlessSinceMs === null ? undefined : this.#now() - this.#leaderlessSinceMs;
  }

  get applied(): number {
    return this.#applied;
  }

  /** Term of the last entry (or snapshot) applied: the oracle serves once its term's first is. */
  get appliedTerm(): number {
    return this.#appliedTerm;
  }

  isLeader(): boolean {
    return this.raw.softState().role === Role.Leader;
  }

  /**
   * The state machine's digest right after applying `index`, while `index` is among the last
   * DIGEST_HISTORY_LENGTH applied (or a snapshot point in that range); undefined otherwise.
   * Two replicas of a group whose digests at the same index differ have diverged.
   */
  digestAt(index: number): string | undefined {
    return this.#digests.at(index);
  }

  /** The applied index and the digest of the state there. */
  latestDigest(): { index: number; digest: string } {
    return { index: this.#applied, digest: this.sm.digest() };
  }

  /** Proposals waiting to be applied here. */
  get pendingProposals(): number {
    return this.#proposals.size;
  }

  /** Propose a command; resolves with its result once applied here. */
  propose(command: Command): Promise<ApplyResult> {
    const proposedAtMs = this.#observer.now();
    const { index, term } = this.#proposeCall(() => this.raw.propose(encodeCommand(command)));
    return new Promise((resolve, reject) => this.#track(index, { term, proposedAtMs, resolve, reject }));
  }

  /** Propose a membership change; resolves once it is applied (here and in the core). */
  async proposeConfChange(change: ConfChangeV2): Promise<void> {
    const proposedAtMs = this.#observer.now();
    const { index, term } = this.#proposeCall(() => this.raw.proposeConfChange(change));
    await new Promise<ApplyResult>((resolve, reject) =>
      this.#track(index, { term, proposedAtMs, resolve, reject }),
    );
  }

  #proposeCall<T>(call: () => T): T {
    try {
      return this.#raftCall(call);
    } catch (e) {
      this.#observer.proposalFailed();
      throw e;
    }
  }

  #track(index: number, proposal: PendingProposal): void {
    // An older proposal waiting at this index was cut from our log (we reuse the index as leader
    // of a later term), so it can never apply: fail it now rather than at its deadline.
    const older = this.#proposals.get(index);
    if (older)
      this.#failProposal(
        older,
        new RingkvError("NotLeader", "leadership changed before the write committed"),
      );
    this.#proposals.set(index, proposal);
  }

  #failProposal(proposal: PendingProposal, error: RingkvError): void {
    this.#observer.proposalFailed();
    proposal.reject(error);
  }

  /**
   * Confirm leadership — from the lease if one covers now, else by a quorum round; `byRound`: by
   * a round begun after this call, always (what a lease is measured from). Resolves with the
   * index a linearizable read must wait for.
   */
  readIndex(byRound = false): Promise<number> {
    const context = `${this.group}/${++this.#readSeq}`;
    this.#raftCall(() => this.raw.readIndex(context, byRound));
    return new Promise((resolve, reject) => this.#reads.set(context, { resolve, reject }));
  }

  /**
   * Resolves once a linearizable read may be served from this replica as its group's leader: at
   * once while a lease covers the moment and everything committed is applied (no trip through
   * the core, no pass of the host), else after the core's ReadIndex. Rejects as readIndex does.
   */
  async leaderReadBarrier(): Promise<void> {
    const leased = this.#leaseReadIndex();
    await this.waitApplied(leased ?? (await this.readIndex()));
  }

  /**
   * The index a read may be served at now from this leader's lease: its commit index, which holds
   * every write acknowledged before now (no other leader can exist while the lease lasts, and
   * leaseState is given only once the leader committed in its term). Undefined without a lease.
   */
  #leaseReadIndex(): number | undefined {
    const lease = this.#readLease;
    if (lease === undefined) return undefined;
    const state = this.raw.leaseState();
    if (state === undefined || !lease.covers(state)) return undefined;
    return this.raw.committed;
  }

  /**
   * Follower ReadIndex (Raft thesis §6.4, "reads from followers"): ask the leader for its read
   * index — its commit index once a quorum has confirmed, after the request arrived, that it still
   * leads — and resolve with it. A linearizable read served here must then wait until this replica
   * has applied that index. Works on the leader too (no message then). The request or its answer
   * may be lost: `cancel` forgets it (the caller gives up after its own timeout), and a change of
   * leader fails it with NotLeader (#failReads).
   *
   * On a follower, reads share a request that has not left yet: until the host takes this
   * replica's next Ready (ready()), the request sits in the core, so the leader will fix its index
   * after every read that joined it began. One request and one answer then serve them all.
   */
  followerReadIndex(): { readonly index: Promise<number>; cancel(): void } {
    const unsent = this.#unsentFollowerRead;
    if (unsent !== null) {
      unsent.sharers++;
      return { index: unsent.index, cancel: () => this.#cancelShared(unsent) };
    }
    const context = `${this.group}/${++this.#readSeq}`;
    this.#raftCall(() => this.raw.readIndex(context));
    const index = new Promise<number>((resolve, reject) => this.#reads.set(context, { resolve, reject }));
    // The leader answers its own request in the core at once (from its lease or a round it began
    // then): nothing to share there.
    const request: SharedRead = { context, index, sharers: 1 };
    if (!this.isLeader()) this.#unsentFollowerRead = request;
    return { index, cancel: () => this.#cancelShared(request) };
  }

  /** The last sharer to give up forgets the request; a read begun after that asks anew. */
  #cancelShared(request: SharedRead): void {
    if (--request.sharers > 0) return;
    this.#reads.delete(request.context);
    if (this.#unsentFollowerRead === request) this.#unsentFollowerRead = null;
  }

  /**
   * The host takes this replica's Ready (the one thing it must call instead of raw.ready()): the
   * messages in it are on their way, so no later read may share a request among them.
   */
  ready(): Ready {
    this.#unsentFollowerRead = null;
    return this.raw.ready();
  }

  /** Resolves once the state machine has applied `index`. */
  waitApplied(index: number): Promise<void> {
    if (this.#applied >= index) return Promise.resolve();
    return new Promise((resolve) => {
      this.#applyWaiters.push({ index, resolve });
    });
  }

  /** Turn the core's refusals into client errors. */
  #raftCall<T>(call: () => T): T {
    try {
      const result = call();
      this.#onWork();
      return result;
    } catch (e) {
      if (e instanceof NotLeaderError) {
        throw new RingkvError("NotLeader", `${this.group}: ${e.message}`, { leaderHint: e.leaderHint });
      }
      if (e instanceof ProposalDroppedError) {
        // Dropped before it entered the log, so it is safe to send again. While leadership moves,
        // say NotLeader and name the next leader: clients retry writes on NotLeader only.
        const transferee = this.raw.status().leadTransferee;
        if (transferee) {
          throw new RingkvError("NotLeader", `${this.group}: ${e.message}`, {
            leaderHint: transferee,
            retryAfterMs: 50,
          });
        }
        throw new RingkvError("Unavailable", `${this.group}: ${e.message}`, { retryAfterMs: 100 });
      }
      throw e;
    }
  }

  /**
   * Apply what a Ready hands over (its durable part is already persisted and its messages sent).
   * `readyAtMs` (observer.now()) is when the Ready was taken: when its entries were known committed.
   */
  apply(rd: Ready, readyAtMs = 0): void {
    if (rd.hardState) this.#advanceCommit(rd.hardState.commit);
    if (rd.snapshot) this.#install(rd.snapshot);
    for (const entry of rd.committedEntries) this.#applyEntry(entry, readyAtMs);
    for (const rs of rd.readStates) {
      const waiter = this.#reads.get(rs.context);
      if (waiter) {
        this.#reads.delete(rs.context);
        waiter.resolve(rs.index);
      }
    }
    this.#wakeApplyWaiters();
    // Any change of role or leader: a leader's reads were never confirmed, and a follower's
    // request went to a leader that may not answer any more.
    if (rd.softState) {
      this.#failReads();
      if (rd.softState.leader !== NONE) this.#leaderlessSinceMs = null;
      else this.#leaderlessSinceMs ??= this.#now();
    }
  }

  #advanceCommit(commit: number): void {
    invariant(commit >= this.#commit, "the commit index never goes back", () => ({
      group: this.group,
      commit,
      was: this.#commit,
    }));
    this.#commit = commit;
  }

  #install(snapshot: Snapshot): void {
    const { index, term } = snapshot.meta;
    invariant(index > this.#applied, "an installed snapshot moves applied forward", () => ({
      group: this.group,
      snapshotIndex: index,
      applied: this.#applied,
    }));
    invariant(term >= this.#appliedTerm, "an installed snapshot's term does not go back", () => ({
      group: this.group,
      snapshotTerm: term,
      appliedTerm: this.#appliedTerm,
    }));
    this.sm.restore(snapshot.data);
    this.#applied = index;
    this.#appliedTerm = term;
    this.#snapshotIndex = index;
    this.#logBytesSinceSnapshot = 0;
    this.epoch = index;
    this.#digests.record(index, this.sm.digestLanes());
    this.#checkOrder();
    // Proposals at or below the snapshot can no longer be matched: their outcome is unknown.
    for (const [at, p] of this.#proposals) {
      if (at <= index) {
        this.#proposals.delete(at);
        this.#failProposal(
          p,
          new RingkvError("Timeout", "outcome unknown: the replica installed a snapshot"),
        );
      }
    }
  }

  #applyEntry(entry: Entry, readyAtMs: number): void {
    invariant(entry.index === this.#applied + 1, "entries apply in order, one at a time", () => ({
      group: this.group,
      entryIndex: entry.index,
      applied: this.#applied,
    }));
    invariant(entry.term >= this.#appliedTerm, "terms do not go back along the log", () => ({
      group: this.group,
      entryIndex: entry.index,
      entryTerm: entry.term,
      appliedTerm: this.#appliedTerm,
    }));
    let result: ApplyResult = { kind: "member" };
    if (entry.type === EntryType.Normal && entry.data.byteLength > 0) {
      result = this.sm.apply(decodeCommand(entry.data), entry.index);
    }
    // Conf changes and meta commands (members, config) both return "member": the epoch.
    if (result.kind === "member") this.epoch = entry.index;
    this.#logBytesSinceSnapshot += entry.data.byteLength;
    this.#applied = entry.index;
    this.#appliedTerm = entry.term;
    this.#checkOrder();
    this.#digests.record(entry.index, this.sm.digestLanes());
    const pending = this.#proposals.get(entry.index);
    if (pending) {
      this.#proposals.delete(entry.index);
      // Another term's entry at our index means ours was overwritten: it never took effect.
      if (pending.term === entry.term) {
        const appliedAtMs = this.#observer.now();
        this.#observer.proposalApplied(
          (readyAtMs - pending.proposedAtMs) / 1000,
          (appliedAtMs - readyAtMs) / 1000,
        );
        pending.resolve(result);
      } else {
        this.#failProposal(
          pending,
          new RingkvError("NotLeader", "leadership changed before the write committed"),
        );
      }
    }
  }

  /** snapshotIndex <= applied <= commit. */
  #checkOrder(): void {
    invariant(
      this.#snapshotIndex <= this.#applied && this.#applied <= this.#commit,
      "snapshotIndex <= applied <= commit",
      () => ({
        group: this.group,
        snapshotIndex: this.#snapshotIndex,
        applied: this.#applied,
        commit: this.#commit,
      }),
    );
  }

  #wakeApplyWaiters(): void {
    if (this.#applyWaiters.length === 0) return;
    const ready = this.#applyWaiters.filter((w) => w.index <= this.#applied);
    this.#applyWaiters = this.#applyWaiters.filter((w) => w.index > this.#applied);
    for (const w of ready) w.resolve();
  }

  /** Reads in flight across a change of role or leader are failed: retried, never left hanging. */
  #failReads(): void {
    const { leader } = this.raw.softState();
    for (const w of this.#reads.values()) {
      w.reject(new RingkvError("NotLeader", `${this.group}: leadership lost`, { leaderHint: leader }));
    }
    this.#reads.clear();
  }

  /**
   * A snapshot to save when enough was applied since the last one. Call after advance(): the
   * core applies membership changes on advance, and the snapshot must record them.
   */
  maybeSnapshot(): Snapshot | null {
    const entriesDue = this.#applied - this.#snapshotIndex >= this.#snapshotEntries;
    if (!entriesDue && this.#logBytesSinceSnapshot < this.#snapshotLogBytes) return null;
    // Rare (once per snapshotEntries), so the full status() is affordable here.
    const coreApplied = this.raw.status().applied;
    invariant(
      coreApplied === this.#applied,
      "a snapshot is taken after advance(), of what the core applied",
      () => ({
        group: this.group,
        applied: this.#applied,
        coreApplied,
      }),
    );
    this.#snapshotIndex = this.#applied;
    this.#logBytesSinceSnapshot = 0;
    return {
      meta: { index: this.#applied, term: this.#appliedTerm, confState: this.raw.confState() },
      data: this.sm.snapshot(),
    };
  }

  /** The node is stopping: every waiting request fails. */
  close(reason: RingkvError): void {
    // A proposal still waiting is in the log and may commit on the other replicas: whatever
    // the reason, its outcome is unknown (Timeout), never "not applied".
    const unknown = new RingkvError("Timeout", `${reason.message}; the write's outcome is unknown`);
    for (const p of this.#proposals.values()) this.#failProposal(p, unknown);
    for (const r of this.#reads.values()) r.reject(reason);
    this.#proposals.clear();
    this.#reads.clear();
  }
}
