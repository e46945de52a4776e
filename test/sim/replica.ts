// One replica of the simulated Raft group: a MemoryStorage "disk" that survives crashes, and
// the volatile process state that does not (the RawNode, the KV state machine, the requests
// it is serving). It drives its RawNode through the Ready contract (src/raft/types.ts), and
// can be told to crash at any step of that handling, losing whatever was not yet durable.

import type { ConfChangeV2, ConfState, Entry, Message, NodeId, Ready } from "../../src/raft/index.ts";
import {
  applyConfChange,
  decodeConfChange,
  EntryType,
  type MemoryStorage,
  MessageType,
  mayPrecedePersist,
  members,
  RawNode,
  Role,
} from "../../src/raft/index.ts";
import type { PlantedBugs } from "./bugs.ts";
import type { SafetyChecker } from "./checkers.ts";
import type { CommandEnvelope, KvResult } from "./command.ts";
import { decodeCommand, encodeCommand } from "./command.ts";
import type { Rng } from "./random.ts";
import type { KvRead, WriteFilter } from "./state-machine.ts";
import { KvStateMachine } from "./state-machine.ts";
import type { Trace } from "./trace.ts";

/** Where in the Ready handling a crash strikes; each loses a different amount of work. */
export enum CrashPoint {
  /** Nothing of this Ready reached the disk. */
  BeforePersist = "before-persist",
  /** A torn write: a prefix of the entries reached the disk, the hard state did not. */
  TornPersist = "torn-persist",
  /** Durable, but no message went out. */
  AfterPersist = "after-persist",
  /** Some of the messages went out. */
  MidSend = "mid-send",
  /** Applied to the (volatile) state machine, but advance() never ran. */
  AfterApply = "after-apply",
}

export const CRASH_POINTS: readonly CrashPoint[] = Object.values(CrashPoint);

/** How a write submitted to this replica ended, as its client sees it. */
export type WriteOutcome =
  | { readonly kind: "applied"; readonly result: KvResult }
  /** A different entry was applied at the proposal's index: it never took effect. */
  | { readonly kind: "failed" }
  /** The replica crashed or skipped past the index in a snapshot: it may or may not apply. */
  | { readonly kind: "lost" };

export type ReadOutcome = { readonly kind: "read"; readonly read: KvRead } | { readonly kind: "lost" };

/** What a replica needs from the cluster around it. */
export interface ReplicaHost {
  readonly checker: SafetyChecker;
  readonly trace: Trace;
  now(): number;
  send(message: Message): void;
  /** Count a notable event (fault coverage statistics). */
  count(event: string): void;
  /**
   * The liveness oracle `observer` consults (the node's gossip/transport view in production):
   * is `target`'s node alive and reachable?
   */
  isLive(observer: NodeId, target: NodeId): boolean;
  /** A conf change entry was applied here at `index` (the core has applied it to its config). */
  confChangeApplied(replica: NodeId, change: ConfChangeV2, index: number): void;
}

export interface RaftSettings {
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly maxMsgBytes: number;
  readonly maxInflightMsgs: number;
  /** Idle groups go quiet (RaftConfig.quiesce). */
  readonly quiesce: boolean;
}

export interface ReplicaOptions {
  readonly id: NodeId;
  readonly storage: MemoryStorage;
  readonly raft: RaftSettings;
  /** The run's root stream; each incarnation forks its own stream for the core. */
  readonly random: Rng;
  /** Take a snapshot once this many entries were applied since the last one. */
  readonly snapshotEveryEntries: number;
  /** Entries kept in the log behind a snapshot, for followers that lag a little. */
  readonly keepEntriesAfterSnapshot: number;
  /** Planted bugs (tests only). */
  readonly bugs: PlantedBugs;
}

interface PendingWrite {
  readonly term: number;
  readonly requestId: string;
  readonly done: (outcome: WriteOutcome) => void;
}

interface PendingRead {
  readonly key: string;
  readonly done: (outcome: ReadOutcome) => void;
  /** Set once the core released the read at this index. */
  index: number | null;
}

const LEADER_MAKING: ReadonlySet<MessageType> = new Set([MessageType.VoteResp, MessageType.TimeoutNow]);

export class ReplicaDownError extends Error {
  constructor(id: NodeId) {
    super(`${id} is down`);
  }
}

/** Volatile process state: everything a crash throws away. */
interface Process {
  readonly node: RawNode;
  sm: KvStateMachine;
  readonly writes: Map<number, PendingWrite>;
  readonly reads: Map<string, PendingRead>;
  /** Fraction of a tick owed, for clock skew. */
  clockDebt: number;
  /** Index of the applied entry that removed this replica from the group, if any. */
  removedAt: number | null;
  /**
   * The configuration as of the last entry applied here: a removal is known when its entry is
   * applied (a joint change removes a voter only when the group leaves the joint configuration).
   */
  conf: ConfState;
  /** The role as of the last Ready's soft state. */
  role: Role;
}

export class Replica {
  readonly id: NodeId;
  readonly storage: MemoryStorage;
  readonly #options: ReplicaOptions;
  readonly #host: ReplicaHost;
  #process: Process | null = null;
  #incarnation = 0;
  /** Armed crash: the next Ready handled dies at this point. */
  #crashAt: CrashPoint | null = null;
  #crashRandom: Rng;
  /** Local ticks per simulated tick (1 = true time); skew makes some replicas run fast or slow. */
  clockRate = 1;
  /** The replica applied its own removal and stopped for good. */
  removed = false;
  crashes = 0;
  /** The tick this replica's process last went down, while it is down (the liveness model's input). */
  downSince: number | null = 0;

  readonly #writeFilter: WriteFilter | null;

  constructor(options: ReplicaOptions, host: ReplicaHost) {
    this.id = options.id;
    this.storage = options.storage;
    this.#options = options;
    this.#host = host;
    this.#crashRandom = options.random.fork(`crash/${options.id}`);
    const skipWrite = options.bugs.skipWrite;
    this.#writeFilter = skipWrite ? (envelope, index) => skipWrite(this.id, envelope, index) : null;
  }

  get up(): boolean {
    return this.#process !== null;
  }

  /** The running RawNode; only for inspection by tests and the cluster's liveness checks. */
  get node(): RawNode | null {
    return this.#process?.node ?? null;
  }

  get appliedIndex(): number {
    return this.#process?.sm.appliedIndex ?? 0;
  }

  get stateDigest(): number | null {
    return this.#process?.sm.digest() ?? null;
  }

  /** Start (or restart) the process from what the disk holds. */
  start(): void {
    if (this.#process !== null || this.removed) return;
    this.#incarnation++;
    const snap = this.storage.snapshot();
    const applied = snap.meta.index;
    const node = new RawNode({
      id: this.id,
      storage: this.storage,
      random: this.#options.random.fork(`core/${this.id}/${this.#incarnation}`),
      applied,
      ...this.#options.raft,
      isLive: (target) => this.#host.isLive(this.id, target),
    });
    const sm = KvStateMachine.restore(snap.data, applied, this.#writeFilter);
    this.#process = {
      node,
      sm,
      writes: new Map(),
      reads: new Map(),
      clockDebt: 0,
      removedAt: null,
      conf: snap.meta.confState,
      role: Role.Follower,
    };
    this.downSince = null;
    const checker = this.#host.checker;
    checker.observeRestart(this.id, this.storage.hardState(), node.status(), applied);
    if (applied > 0) checker.observeDigest(this.id, applied, sm.digest());
    this.#host.trace.event(
      this.#host.now(),
      `${this.id} starts (incarnation ${this.#incarnation}, applied ${applied})`,
    );
  }

  /** Kill the process now: volatile state is gone, clients waiting on it see a lost answer. */
  crash(reason: string): void {
    const p = this.#process;
    if (p === null) return;
    this.#process = null;
    this.#crashAt = null;
    this.downSince = this.#host.now();
    if (this.removed) this.#host.count(`stopped: ${reason}`);
    else {
      this.crashes++;
      this.#host.count(`crash ${reason.split(",")[0]}`);
    }
    this.#host.trace.event(this.#host.now(), `${this.id} crashes (${reason})`);
    for (const w of p.writes.values()) w.done({ kind: "lost" });
    for (const r of p.reads.values()) r.done({ kind: "lost" });
  }

  /** Stop for good: the replica is no longer a member (it never starts again). */
  decommission(): void {
    this.removed = true;
    this.crash("decommissioned");
  }

  /** Crash at `point` during the next Ready this replica handles. */
  armCrash(point: CrashPoint): void {
    if (this.#process !== null) this.#crashAt = point;
  }

  disarmCrash(): void {
    this.#crashAt = null;
  }

  get crashArmed(): boolean {
    return this.#crashAt !== null;
  }

  /** Advance this replica's clock by one simulated tick (possibly 0 or 2 local ticks under skew). */
  tick(): void {
    const p = this.#process;
    if (p === null) return;
    p.clockDebt += this.clockRate;
    while (p.clockDebt >= 1) {
      p.clockDebt -= 1;
      p.node.tick();
    }
    if (p.node.quiescent) this.#host.count("quiescent replica-ticks");
  }

  step(message: Message): void {
    const p = this.#process;
    if (p === null) return;
    p.node.step(message);
    // Reading the status is costly, so only after the messages that can make a leader (a vote
    // granted, a transfer's TimeoutNow): a leadership won and lost before the next Ready would
    // otherwise go unseen. Everything else is observed through the Ready.
    if (LEADER_MAKING.has(message.type))
      this.#host.checker.observeStatus(this.id, p.node.status(), this.storage);
  }

  /** Propose a client write. Throws NotLeaderError/ProposalDroppedError from the core. */
  submitWrite(envelope: CommandEnvelope, done: (outcome: WriteOutcome) => void): void {
    const p = this.#liveProcess();
    const { index, term } = p.node.propose(encodeCommand(envelope));
    // An older proposal waiting at this index was cut from our log (we just reused the index as
    // leader of a later term), so it can never apply: tell its client now.
    p.writes.get(index)?.done({ kind: "failed" });
    p.writes.set(index, { term, requestId: envelope.requestId, done });
  }

  /** Start a linearizable read of `key`; `context` must be unique. Throws NotLeaderError. */
  submitRead(key: string, context: string, done: (outcome: ReadOutcome) => void): void {
    const p = this.#liveProcess();
    if (this.#options.bugs.staleReads) {
      // Planted bug: answered from local state at the next Ready handling, no ReadIndex.
      p.reads.set(context, { key, done, index: 0 });
      return;
    }
    p.node.readIndex(context);
    p.reads.set(context, { key, done, index: null });
  }

  /** Forget a read the client gave up on (it may still be released; nobody is waiting). */
  abandonRead(context: string): void {
    this.#process?.reads.delete(context);
  }

  #liveProcess(): Process {
    if (this.#process === null) throw new ReplicaDownError(this.id);
    return this.#process;
  }

  /** After a Ready was persisted: the disk's hard state is the node's, the role is the last soft state's. */
  #observeReady(p: Process): void {
    const hs = this.storage.hardState();
    this.#host.checker.observeStatus(
      this.id,
      { term: hs.term, commit: hs.commit, role: p.role },
      this.storage,
    );
  }

  /** Handle every Ready the node has, following the contract step by step. */
  handleReadies(): void {
    if (this.#process !== null && this.#options.bugs.staleReads) this.#serveReads(this.#process);
    for (let rounds = 0; rounds < 16; rounds++) {
      const p = this.#process;
      if (p === null || !p.node.hasReady()) return;
      this.#handleReady(p, p.node.ready());
    }
  }

  #handleReady(p: Process, rd: Ready): void {
    const crashAt = this.#crashAt;
    const host = this.#host;
    if (rd.softState !== null) {
      const { role, leader } = rd.softState;
      p.role = role;
      const term = rd.hardState?.term ?? this.storage.hardState().term;
      host.trace.event(host.now(), () => `${this.id} is ${role} (term ${term}, leader ${leader || "-"})`);
    }
    // 0. A leader's replication may leave before its own write (the Ready contract), so a crash
    // while persisting can find it already on the wire.
    const late: Message[] = [];
    for (const m of rd.messages) {
      if (mayPrecedePersist(m)) this.#host.send(m);
      else late.push(m);
    }
    // 1. Persist, then 2. send the rest: a crash in either loses the rest of this Ready.
    if (!this.#persist(rd, crashAt) || !this.#send(late, crashAt)) return;
    // 3. Apply.
    if (rd.snapshot !== null) {
      this.#applySnapshot(p, rd.snapshot.meta.index, rd.snapshot.data);
      p.conf = rd.snapshot.meta.confState;
    }
    const term = this.storage.hardState().term;
    for (const e of rd.committedEntries) this.#applyEntry(p, e, term);
    if (crashAt === CrashPoint.AfterApply) {
      this.crash(crashAt);
      return;
    }
    // 4. Reads released by the core are served once the state machine caught up.
    for (const rs of rd.readStates) {
      const read = p.reads.get(rs.context);
      if (read !== undefined) read.index = rs.index;
    }
    this.#serveReads(p);
    // 5. Advance.
    p.node.advance(rd);
    this.#observeReady(p);
    this.#maybeSnapshot(p);
  }

  /** Step 1 of a Ready; returns false if the replica crashed on the way. */
  #persist(rd: Ready, crashAt: CrashPoint | null): boolean {
    if (crashAt === CrashPoint.BeforePersist) {
      this.crash(crashAt);
      return false;
    }
    if (crashAt === CrashPoint.TornPersist && rd.snapshot === null) {
      // The hard state record comes last in the batch, so a torn tail loses it first.
      const kept = this.#crashRandom.intBelow(rd.entries.length + 1);
      this.#persistEntries(rd.entries.slice(0, kept));
      this.crash(`${crashAt}, ${kept}/${rd.entries.length} entries kept`);
      return false;
    }
    if (rd.snapshot !== null) this.storage.applySnapshot(rd.snapshot);
    this.#persistEntries(rd.entries);
    if (rd.hardState !== null) {
      this.#host.checker.observePersistHardState(this.id, rd.hardState);
      this.storage.setHardState(rd.hardState);
    }
    if (crashAt === CrashPoint.AfterPersist) {
      this.crash(crashAt);
      return false;
    }
    return true;
  }

  /** Step 2 of a Ready; returns false if the replica crashed on the way. */
  #send(messages: readonly Message[], crashAt: CrashPoint | null): boolean {
    const cut = crashAt === CrashPoint.MidSend ? this.#crashRandom.intBelow(messages.length + 1) : -1;
    for (const [i, m] of messages.entries()) {
      if (i === cut) {
        this.crash(`${crashAt}, ${i}/${messages.length} messages sent`);
        return false;
      }
      this.#host.send(m);
    }
    if (cut >= 0) {
      this.crash(`${crashAt}, all ${messages.length} messages sent`);
      return false;
    }
    return true;
  }

  #persistEntries(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    this.#host.checker.observePersistEntries(this.id, entries, this.storage, this.storage.hardState().commit);
    this.storage.append(entries);
  }

  #applySnapshot(p: Process, index: number, data: Uint8Array): void {
    p.sm = KvStateMachine.restore(data, index, this.#writeFilter);
    this.#host.checker.observeSnapshotApplied(this.id, index);
    this.#host.checker.observeDigest(this.id, index, p.sm.digest());
    this.#host.count("snapshot installed");
    this.#host.trace.event(this.#host.now(), `${this.id} installs snapshot at ${index}`);
    // Writes folded into the snapshot can't be matched to an entry any more.
    for (const [i, w] of p.writes) {
      if (i > index) continue;
      p.writes.delete(i);
      w.done({ kind: "lost" });
    }
  }

  #applyEntry(p: Process, e: Entry, term: number): void {
    const host = this.#host;
    host.checker.observeApply(this.id, e, term);
    host.trace.mix(e.index);
    host.trace.mix(e.term);
    let result: KvResult | null = null;
    let requestId: string | null = null;
    if (e.type === EntryType.ConfChange) {
      p.sm.skip(e.index);
      const change = decodeConfChange(e.data);
      const wasMember = members(p.conf).includes(this.id);
      p.conf = applyConfChange(p.conf, change);
      if (wasMember && !members(p.conf).includes(this.id)) p.removedAt = e.index;
      host.confChangeApplied(this.id, change, e.index);
    } else if (e.data.byteLength === 0) {
      p.sm.skip(e.index);
    } else {
      const envelope = decodeCommand(e.data);
      requestId = envelope.requestId;
      result = p.sm.apply(envelope, e.index);
    }
    host.checker.observeDigest(this.id, e.index, p.sm.digest());
    const w = p.writes.get(e.index);
    if (w === undefined) return;
    p.writes.delete(e.index);
    if (w.term !== e.term) {
      w.done({ kind: "failed" });
      return;
    }
    if (result === null || requestId !== w.requestId) {
      // Same index and term is the same entry (Log Matching); anything else is a broken log.
      host.checker.violate(
        `${this.id}: proposal ${w.requestId} at (${e.index}, ${e.term}) applied as ${requestId}`,
      );
      w.done({ kind: "lost" });
      return;
    }
    w.done({ kind: "applied", result });
  }

  #serveReads(p: Process): void {
    for (const [context, read] of p.reads) {
      if (read.index === null || read.index > p.sm.appliedIndex) continue;
      p.reads.delete(context);
      read.done({ kind: "read", read: p.sm.read(read.key) });
    }
  }

  #maybeSnapshot(p: Process): void {
    const applied = p.sm.appliedIndex;
    const snapIndex = this.storage.snapshot().meta.index;
    if (applied - snapIndex < this.#options.snapshotEveryEntries) return;
    this.storage.createSnapshot(applied, p.node.confState(), p.sm.serialize());
    this.#host.count("snapshot taken");
    const compactTo = applied - this.#options.keepEntriesAfterSnapshot;
    if (compactTo > this.storage.firstIndex()) this.storage.compact(compactTo);
  }

  /** This process applied its own removal; the cluster stops it once no member counts on it. */
  get removalApplied(): boolean {
    const p = this.#process;
    return p !== null && p.removedAt !== null && p.removedAt <= p.sm.appliedIndex;
  }

  /** Stop for good: removed from the group (see Cluster.stopRemoved). */
  stopRemoved(): void {
    this.removed = true;
    this.crash("removed from the group");
  }

  /** The role this replica is in now, or null if it is down. */
  get role(): Role | null {
    return this.#process?.role ?? null;
  }
}
