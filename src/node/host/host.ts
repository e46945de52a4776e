// The multi-Raft host: every Raft group replica on this node, one event loop, one clock.
//
// One pass of the loop collects the Ready of every group that has one, persists them all, makes
// them durable with ONE fsync (group commit across groups) — leaders' replication messages go
// out before it, everything else after — applies, and advances. Work arriving meanwhile (messages,
// proposals, ticks) is picked up by the next pass; at most one pass runs at a time.
//
// What the host relies on, asserted (a broken one is a bug: it goes to onFatal, and the host
// does nothing more):
//   - at most one pass runs at a time, and none after stop() (LoopPhase);
//   - each group's Readies are persisted, applied and advanced in the order the core hands them
//     out (the core asserts advance() gets the outstanding Ready; the Replica asserts each
//     entry applies at applied + 1);
//   - persisted before sent, applied or advanced: once persist() returns, the store serves what
//     the Ready carried (its last entry, snapshot and hard state), since the core reads its
//     log back from there; the sync() for a mustSync Ready is awaited before apply and advance.
// An exception thrown while ticking or stepping a message goes to onFatal too, not into the
// timer or the transport that called us.
//
// A pass looks only at the groups marked as having work (a message stepped, a proposal or read,
// a tick that produced output), not at every replica: with hundreds of mostly idle groups the
// scan was most of the idle cost. With a liveness oracle (isNodeLive), idle groups also go
// quiet (RaftConfig.quiesce) and send nothing between nodes known to be alive.
import type { Logger } from "pino";
import { RingkvError } from "../../api/errors.ts";
import { invariant } from "../../invariant.ts";
import {
  EntryType,
  MessageType,
  mayPrecedePersist,
  type Random,
  type Ready,
  type SoftState,
} from "../../raft/index.ts";
import type { LogStore } from "../../storage/log-store.ts";
import type { GroupMessage, Transport } from "../../transport/transport.ts";
import { type Clock, SYSTEM_CLOCK } from "./clock.ts";
import { type HostObserver, NO_HOST_OBSERVER } from "./host-observer.ts";
import { LoopPhase } from "./loop-phase.ts";
import type { ReadLeaseStats } from "./read-lease.ts";
import { Replica } from "./replica.ts";

export interface HostOptions {
  readonly nodeId: string;
  readonly store: LogStore;
  readonly transport: Transport;
  readonly logger: Logger;
  /** Wall-clock length of one Raft tick. */
  readonly tickMs: number;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  readonly snapshotEntries: number;
  readonly snapshotLogBytes: number;
  readonly random: Random;
  /** Storage or an invariant failed: the process must stop rather than go on with bad state. */
  readonly onFatal: (error: unknown) => void;
  /**
   * A message arrived for a group this node does not host: create an empty replica for it?
   * (A leader adding this node as a learner reaches it this way.) Default: no.
   */
  readonly acceptGroup?: (group: string) => boolean;
  /** Timers and "soon"; the system clock unless a simulation passes its own. */
  readonly clock?: Clock;
  /** Where WAL sync times, proposal latencies, leader changes and snapshots go; nowhere by default. */
  readonly observer?: HostObserver;
  /**
   * The node liveness layer's view (gossip member state): is node `id` alive? Given, idle groups
   * quiesce (RaftConfig.quiesce, isLive); absent, every group heartbeats as plain Raft does.
   */
  readonly isNodeLive?: (id: string) => boolean;
  /** With isNodeLive: which groups may quiesce when idle. All by default. */
  readonly mayQuiesce?: (group: string) => boolean;
  /**
   * Groups someone serves from a leader lease (the meta group, for the timestamp oracle): their
   * replicas honour a lease from their start (RaftConfig.leaseOnStart). None by default.
   */
  readonly leaseOnStart?: (group: string) => boolean;
  /**
   * Serve every group's linearizable reads from leader leases (read-lease.ts) of this length,
   * measured on this monotonic clock; every replica then honours a lease from its start
   * (leaseOnStart). Absent: each read runs a heartbeat round.
   */
  readonly readLease?: { readonly durationMs: number; readonly nowMs: () => number };
}

/** Messages only a leader sends: the ones that may bring a new replica into being. */
const FROM_LEADER = new Set<string>([MessageType.App, MessageType.Heartbeat, MessageType.Snap]);

export class MultiRaftHost {
  readonly #options: HostOptions;
  readonly #replicas = new Map<string, Replica>();
  /** Replicas that may have a Ready: the next pass looks at these and no others. */
  #dirty = new Set<Replica>();
  readonly #appliedListeners: ((replica: Replica) => void)[] = [];
  readonly #tickListeners: (() => void)[] = [];
  readonly #clock: Clock;
  readonly #observer: HostObserver;
  /** Each group's leader as last reported, to count changes. */
  readonly #leaders = new Map<string, string>();
  #stopTicking: (() => void) | null = null;
  /** A pass is queued on the clock (set by kick, cleared when it fires). */
  #scheduled = false;
  readonly #phase = new LoopPhase();
  /** onFatal was called: the host does nothing more. */
  #failed = false;
  /** Groups whose snapshot is being written, and the writes in flight (awaited on stop). */
  readonly #savingSnapshots = new Set<string>();
  readonly #saves = new Set<Promise<void>>();
  /** Reads its replicas answered from leader leases, and the rounds that renewed them. */
  readonly readLeaseStats: ReadLeaseStats = { served: 0, renewals: 0 };
  /** Resolves when the pass in progress (if any) ends. */
  #idle: Promise<void> = Promise.resolve();

  constructor(options: HostOptions) {
    this.#options = options;
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#observer = options.observer ?? NO_HOST_OBSERVER;
    options.transport.onReceive((messages) => this.#receive(messages));
  }

  openReplica(group: string): Replica {
    const replica = this.#replicas.get(group);
    if (replica) return replica;
    const o = this.#options;
    const quiesce =
      o.isNodeLive === undefined || o.mayQuiesce?.(group) === false
        ? {}
        : { quiesce: true, isLive: o.isNodeLive };
    const created: Replica = new Replica({
      group,
      nodeId: o.nodeId,
      storage: o.store.group(group),
      snapshotEntries: o.snapshotEntries,
      snapshotLogBytes: o.snapshotLogBytes,
      raft: {
        random: o.random,
        electionTicks: o.electionTicks,
        heartbeatTicks: o.heartbeatTicks,
        leaseOnStart: o.readLease !== undefined || o.leaseOnStart?.(group) === true,
        ...quiesce,
      },
      onWork: () => this.kick(created),
      observer: this.#observer,
      now: () => this.#clock.now(),
      ...(o.readLease === undefined ? {} : { readLease: { ...o.readLease, stats: this.readLeaseStats } }),
    });
    this.#replicas.set(group, created);
    this.kick(created);
    return created;
  }

  replica(group: string): Replica | undefined {
    return this.#replicas.get(group);
  }

  replicas(): IterableIterator<Replica> {
    return this.#replicas.values();
  }

  /**
   * Forget a replica that is no longer in its group (its data lives on elsewhere): waiting
   * requests fail with NotLeader, and its log, hard state and snapshots are dropped from the
   * store. A later message from the group's leader creates a fresh, empty replica.
   */
  dropReplica(group: string): void {
    const replica = this.#replicas.get(group);
    if (!replica) return;
    this.#replicas.delete(group);
    this.#dirty.delete(replica);
    replica.close(new RingkvError("NotLeader", `${group}: this replica was moved off this node`));
    this.#options.store.dropGroup(group);
    this.#leaders.delete(group);
    this.#observer.replicaDropped(group);
    this.kick();
  }

  /** Called after a pass applied entries to a replica (membership, address book changes…). */
  onApplied(listener: (replica: Replica) => void): void {
    this.#appliedListeners.push(listener);
  }

  /** Called on every tick, after the replicas ticked (deadline checks, transfers…). */
  onTick(listener: () => void): void {
    this.#tickListeners.push(listener);
  }

  start(): void {
    this.#stopTicking = this.#clock.setInterval(() => this.#tick(), this.#options.tickMs);
    this.kick();
  }

  #tick(): void {
    try {
      for (const r of this.#replicas.values()) r.raw.tick();
      for (const l of this.#tickListeners) l();
      // After the listeners: they may have started transfers or campaigns on any replica. A quiet
      // replica's tick does nothing, and hasReady allocates nothing, so this costs little per group.
      for (const r of this.#replicas.values()) if (r.raw.hasReady()) this.#dirty.add(r);
    } catch (e) {
      this.#fatal(e); // closes the loop: the kick below does nothing
    }
    // Only for work: a pass over nothing is one more wake-up of an idle node, ten a second.
    if (this.#dirty.size > 0) this.kick();
  }

  #receive(messages: readonly GroupMessage[]): void {
    if (this.#phase.closing) return;
    try {
      for (const { group, message } of messages) {
        let replica = this.#replicas.get(group);
        if (!replica && FROM_LEADER.has(message.type) && this.#options.acceptGroup?.(group)) {
          this.#options.logger.info({ group, from: message.from }, "replica created for a new group");
          replica = this.openReplica(group);
        }
        // Anything else for a group we do not host is dropped: Raft retries.
        if (!replica) continue;
        replica.raw.step(message);
        this.#dirty.add(replica);
      }
    } catch (e) {
      this.#fatal(e); // closes the loop: the kick below does nothing
    }
    this.kick();
  }

  /** Storage or an invariant failed: stop everything here and hand the error on, once. */
  #fatal(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#stopTicking?.();
    this.#stopTicking = null;
    this.#phase.close();
    this.#options.onFatal(error);
  }

  /**
   * Schedule a pass of the Ready loop (coalesced: many kicks, one pass). Name the replica that
   * got work, or the pass will not look at it: without one, work done on a replica's core from
   * outside (a transfer, a campaign) is picked up on the next tick.
   */
  kick(replica?: Replica): void {
    if (replica !== undefined && this.#replicas.get(replica.group) === replica) this.#dirty.add(replica);
    if (this.#scheduled || this.#phase.closing) return;
    this.#scheduled = true;
    this.#clock.setImmediate(() => {
      this.#scheduled = false;
      // A kick while a pass runs is picked up by that loop's next pass.
      if (this.#phase.name === "idle") this.#idle = this.#run();
    });
  }

  async #run(): Promise<void> {
    try {
      this.#phase.begin();
      try {
        while (!this.#phase.closing && (await this.#pass())) {}
      } finally {
        this.#phase.end();
      }
    } catch (e) {
      this.#fatal(e);
    }
  }

  /** One pass over every marked group with a Ready. Returns whether there was anything to do. */
  async #pass(): Promise<boolean> {
    const { store, transport } = this.#options;
    const readyAtMs = this.#observer.now();
    const batch: [Replica, Ready][] = [];
    const marked = this.#dirty;
    this.#dirty = new Set();
    for (const r of marked) {
      if (!r.raw.hasReady()) continue;
      const rd = r.ready();
      store.persist(r.group, { snapshot: rd.snapshot, entries: rd.entries, hardState: rd.hardState });
      this.#checkPersisted(r.group, rd);
      batch.push([r, rd]);
    }
    if (batch.length === 0) return false;
    // Leaders' replication goes out now, so followers write while we do (raft/types.ts Ready).
    const early: GroupMessage[] = [];
    const late: GroupMessage[] = [];
    for (const [r, rd] of batch) {
      for (const message of rd.messages) {
        (mayPrecedePersist(message) ? early : late).push({ group: r.group, message });
      }
    }
    if (early.length > 0) transport.send(early);
    for (const [r, rd] of batch) if (appliesDuringWrite(rd)) r.apply(rd, readyAtMs);
    if (batch.some(([, rd]) => rd.mustSync)) {
      const syncStartedMs = this.#observer.now();
      await store.sync();
      this.#observer.walSynced((this.#observer.now() - syncStartedMs) / 1000);
    }
    if (late.length > 0) transport.send(late);

    for (const [r, rd] of batch) {
      if (!appliesDuringWrite(rd)) r.apply(rd, readyAtMs);
      r.raw.advance(rd);
      if (rd.softState) this.#logSoftState(r, rd.softState);
      this.#maybeSaveSnapshot(r);
      if (rd.committedEntries.length > 0 || rd.snapshot) for (const l of this.#appliedListeners) l(r);
    }
    // Advancing may leave more (committed entries past a Ready's byte limit, the leader's own
    // persisted entries committing); listeners may have campaigned.
    for (const [r] of batch) if (r.raw.hasReady() && this.#replicas.get(r.group) === r) this.#dirty.add(r);
    return true;
  }

  /** Once persist() returns, the store serves what the Ready carried: the core reads it back. */
  #checkPersisted(group: string, rd: Ready): void {
    const storage = this.#options.store.group(group);
    const last = rd.entries.at(-1);
    if (last) {
      const lastIndex = storage.lastIndex();
      const lastTerm = lastIndex === last.index ? storage.term(lastIndex) : null;
      invariant(
        lastIndex === last.index && lastTerm === last.term,
        "the store holds a Ready's entries",
        () => ({
          group,
          entryIndex: last.index,
          entryTerm: last.term,
          storedLastIndex: lastIndex,
          storedTerm: lastTerm,
        }),
      );
    }
    if (rd.snapshot) {
      const stored = storage.snapshot().meta.index;
      invariant(stored >= rd.snapshot.meta.index, "the store holds a Ready's snapshot", () => ({
        group,
        snapshotIndex: rd.snapshot?.meta.index ?? null,
        storedSnapshotIndex: stored,
      }));
    }
    if (rd.hardState) {
      const want = rd.hardState;
      const stored = storage.initialState().hardState;
      invariant(
        stored.term === want.term && stored.vote === want.vote && stored.commit === want.commit,
        "the store holds a Ready's hard state",
        () => ({
          group,
          term: want.term,
          vote: want.vote,
          commit: want.commit,
          storedTerm: stored.term,
          storedVote: stored.vote,
          storedCommit: stored.commit,
        }),
      );
    }
  }

  /**
   * Snapshot a replica that applied enough, and write it in the background: writing and fsyncing
   * the file must not hold up every group's Raft traffic (it did: a put's p99 was one snapshot
   * write). The state is serialized here, synchronously, so it matches the applied index.
   */
  #maybeSaveSnapshot(r: Replica): void {
    if (this.#savingSnapshots.has(r.group)) return; // one at a time per group, in order
    const snap = r.maybeSnapshot();
    if (!snap) return;
    const { group } = r;
    this.#savingSnapshots.add(group);
    const saving = this.#options.store
      .saveSnapshot(group, snap)
      .then(() => {
        this.#observer.snapshotTaken(group);
        const fields = { group, index: snap.meta.index, bytes: snap.data.byteLength };
        this.#options.logger.info(fields, "snapshot saved");
      })
      .catch((e: unknown) => this.#fatal(e))
      .finally(() => this.#savingSnapshots.delete(group));
    this.#saves.add(saving);
    void saving.finally(() => this.#saves.delete(saving));
  }

  #logSoftState(r: Replica, soft: SoftState): void {
    if ((this.#leaders.get(r.group) ?? "") !== soft.leader) {
      this.#leaders.set(r.group, soft.leader);
      this.#observer.leaderChanged(r.group);
    }
    const { term } = r.raw.status();
    this.#options.logger.info(
      { group: r.group, role: soft.role, leader: soft.leader || null, term },
      "raft role",
    );
  }

  /** Stop ticking and processing; fail every waiting request. Durable state stays as synced. */
  async stop(): Promise<void> {
    this.#stopTicking?.();
    this.#stopTicking = null;
    this.#phase.close();
    await this.#idle;
    await Promise.all(this.#saves);
    const reason = new RingkvError("Unavailable", "the node is shutting down", { retryAfterMs: 500 });
    for (const r of this.#replicas.values()) r.close(reason);
  }
}

/**
 * Whether a Ready's committed entries apply (and their callers hear back) while the pass's log
 * write is in flight: they are durable on a quorum whatever this node's disk does, as etcd's
 * apply loop runs beside its WAL save. Not with a snapshot (it replaces the state the log write
 * continues) nor a configuration change (the core takes it in advance(), after the write).
 */
function appliesDuringWrite(rd: Ready): boolean {
  return rd.snapshot === null && !rd.committedEntries.some((e) => e.type === EntryType.ConfChange);
}
