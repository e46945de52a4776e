// The deterministic simulator of whole ringkv clusters: the node layer itself (ClusterNode: the
// multi-Raft host, meta group, shard groups, rebalancer and router) on in-memory twins of the
// log store, the peer transport, the peer RPCs and the clock, under seeded faults: crashes and
// restarts, partitions, message loss, joins and leaves, while simulated clients write and read
// through random nodes.
//
// Checked as it runs: one leader per group and term (election safety), that no membership
// change leaves a shard with fewer voters than its placement asks for while it still has them
// (a quorum of the placement through every move), and, once faults stop, that no group whose
// live voters form a majority of its configuration stays leaderless for more than
// LEADERLESS_ELECTIONS_MAX election timeouts. Checked at the end: every replica of a group
// agrees on the committed log where they overlap and on the state at the same applied index, the
// cluster settles on the placement once faults stop (liveness), and the client history is
// linearizable. The same seed gives the same run, event for event (the trace hash).
import pino from "pino";
import { RingkvError, toRingkvError } from "../../src/api/errors.ts";
import type { GetOptions, MemberInfo, PutOptions, RequestOptions, StatusJson } from "../../src/api/kv-api.ts";
import type { MetadataValue } from "../../src/gossip/index.ts";
import { MemoryAddressBook } from "../../src/node/cluster/address-book.ts";
import { bootstrapCluster } from "../../src/node/cluster/bootstrap.ts";
import { ClusterNode } from "../../src/node/cluster/cluster-node.ts";
import type { GossipPort } from "../../src/node/cluster/gossip-keys.ts";
import type { Peer, PeerDirectory } from "../../src/node/cluster/peer.ts";
import { NODE_DEFAULTS, type NodeSettings, validateNodeSettings } from "../../src/node/config.ts";
import type { Clock } from "../../src/node/host/clock.ts";
import { sleep } from "../../src/node/host/clock.ts";
import { withDeadline } from "../../src/node/host/deadline.ts";
import { META_GROUP, shardGroup } from "../../src/node/host/groups.ts";
import { decodeCommand } from "../../src/node/kv/command-codec.ts";
import { PLANTED_APPLY_RULE } from "../../src/node/kv/shard-writes.ts";
import type { GroupTarget } from "../../src/node/placement/cluster-view.ts";
import { plannedVoterCount } from "../../src/node/placement/rebalance-step.ts";
import { EntryType, MessageType, Role } from "../../src/raft/index.ts";
import { createHasher, type Hasher } from "../../src/ring/index.ts";
import { MemoryLogStore } from "../../src/storage/log-store.ts";
import { type GroupMessage, MemoryNetwork } from "../../src/transport/index.ts";
import { hashString32, Rng } from "../sim/random.ts";
import { HistoryRecorder } from "../support/history.ts";
import { checkLinearizable, describeCheckResult } from "../support/linearizability.ts";
import { type AckedWrite, checkRevisions, type LoggedWrite } from "./revision-check.ts";
import { DriftingClock, VirtualClock } from "./virtual-clock.ts";

export interface ClusterSimOptions {
  readonly seed: number;
  readonly shards?: number;
  readonly replicas?: number;
  /** Nodes at the start (the first bootstraps, the others join). */
  readonly initialNodes?: number;
  /** Most nodes ever started (joins stop there). */
  readonly maxNodes?: number;
  /** Virtual ms of faults and client traffic. */
  readonly durationMs?: number;
  readonly clients?: number;
  readonly keys?: number;
  /** Planted bug for the checker's own test: clients' "linearizable" reads are served stale. */
  readonly plantStaleReads?: boolean;
  /** Give the nodes gossip (an in-memory twin: one shared, instantly converged store). */
  readonly gossip?: boolean;
  /** Run faults (default true). */
  readonly faults?: boolean;
  /** The faults to draw from, each as often as it is listed (default FAULT_KINDS). */
  readonly faultKinds?: readonly FaultKind[];
  /** At this virtual time, corrupt one follower replica's state behind Raft's back. */
  readonly plantDivergenceAtMs?: number;
  /** Planted bug: follower reads are served at once, without waiting until applied ≥ the read index. */
  readonly plantEarlyFollowerReads?: boolean;
  /** Planted bug: the gossip twin calls every member alive, dead or not (quiet groups never wake). */
  readonly plantBlindLiveness?: boolean;
  /** Planted bug: every (Pre)Vote of shard 0 is lost, so once it loses its leader it never elects one. */
  readonly plantMuteElections?: boolean;
  /** Planted bug: the timestamp oracle answers without its ReadIndex confirmation (a deposed meta leader keeps serving). */
  readonly plantOracleSkipsConfirmation?: boolean;
  /** Planted bug: a new meta leader's oracle starts from its in-memory counter, not above the applied reservation. */
  readonly plantOracleStartsFromMemory?: boolean;
  /** Planted bug: shards apply writes at or below their floor (the apply rule off: staleRevision never). */
  readonly plantNoApplyRule?: boolean;
  /** Planted bug: the oracle serves from a lease three election timeouts long (far past any voter's). */
  readonly plantOracleLeaseTooLong?: boolean;
  /** Planted bug: leaders serve reads from leases three election timeouts long. */
  readonly plantReadLeaseTooLong?: boolean;
  /**
   * Each node's clock runs at a seeded constant rate within this many parts per thousand of
   * real time (default: NodeSettings.clockDriftMaxPerMille, the most the nodes are promised to
   * survive; 0: perfect clocks).
   */
  readonly clockDriftPerMille?: number;
  /** The oracle's window (NodeSettings.revisionWindow); small by default here (REVISION_WINDOW). */
  readonly revisionWindow?: number;
}

export interface ClusterSimResult {
  readonly seed: number;
  readonly violations: string[];
  /** Hash of everything that happened: equal for two runs of one seed. */
  readonly trace: string;
  readonly operations: number;
  readonly events: number;
  readonly faults: Readonly<Record<string, number>>;
  readonly nodesStarted: number;
  /** What happened, in order (faults, boots, removals), for replaying one seed. */
  readonly notes: readonly string[];
  /** Replicas ever reported diverged (group/node), when gossip is on. */
  readonly divergedSeen: readonly string[];
  /** Linearizable gets served by follower replicas (ReadIndex from the leader), over all nodes. */
  readonly followerReads: number;
  /** Reads leaders answered from their read lease (read-lease.ts), with no heartbeat round. */
  readonly leaseReads: number;
  /** Revision batches the oracles served from a meta lease, and after a ReadIndex round, over all nodes. */
  readonly revisionBatches: { readonly fromLease: number; readonly afterRound: number };
  /** With gossip: replicas that were quiescent once the settled cluster sat idle (0 otherwise). */
  readonly quiescentWhenIdle: number;
}

/** How long the settled cluster sits idle before its quiet groups are counted. */
const IDLE_MS = 3_000;
/** After the node leading the most groups dies, every group must have a live leader within this. */
const QUIET_FAILOVER_MS_MAX = 30_000;

// Validated as `ringkv start` validates them. The simulated clients send valid keys and values
// only, so the simulator needs no edge validation of its own (the servers' job, src/api/limits.ts).
const SETTINGS: NodeSettings = validateNodeSettings({
  ...NODE_DEFAULTS,
  requestTimeoutMs: 3_000,
  leaderWaitMs: 1_500,
  joinCatchUpMs: 30_000,
  leaveTimeoutMs: 20_000,
  statusFanOutMs: 500,
});

/** The faults a run draws from, each as often as it is listed. */
export const FAULT_KINDS = [
  "crash",
  "crash",
  "partition",
  "partition",
  "loss",
  "join",
  "leave",
  "heal",
  "metaCut",
  "shardCut",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * The oracle's window in the simulator: small, so reservations (meta log writes) happen all the
 * time and every leader change finds one in flight, not once per 10 000 writes as by default.
 */
const REVISION_WINDOW = 16;

/** Virtual ms allowed, after faults stop, for the cluster to settle on its placement. */
const SETTLE_MS_MAX = 90_000;

/**
 * After faults stop, a group whose live voters form a majority of its configuration (of both
 * halves while joint) must have a leader within this many maximal election timeouts
 * (2 · electionTicks · tickMs): a PreVote round, a vote, and room for one split vote.
 */
const LEADERLESS_ELECTIONS_MAX = 5;
const LEADERLESS_MS_MAX = LEADERLESS_ELECTIONS_MAX * 2 * SETTINGS.electionTicks * SETTINGS.tickMs;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

let sharedHasher: Promise<Hasher> | null = null;

/** The voters a group settles at (its placement, cut to an odd count: rebalance-step.ts). */
function plannedCount(target: GroupTarget | null): number {
  return target ? plannedVoterCount(target) : 0;
}

class SimNode {
  readonly id: string;
  /** This machine's clock: it keeps its rate across restarts of the node. */
  readonly clock: DriftingClock;
  readonly store = new MemoryLogStore();
  readonly addressBook = new MemoryAddressBook();
  cluster: ClusterNode | null = null;
  /** Left the cluster (it was removed); never restarted. */
  removed = false;
  /** Crashed; restarted later unless removed. */
  crashed = false;

  constructor(id: string, clock: DriftingClock) {
    this.id = id;
    this.clock = clock;
  }

  get up(): boolean {
    return this.cluster !== null && !this.crashed && !this.removed;
  }
}

export class ClusterSim {
  readonly #o: Required<
    Omit<
      ClusterSimOptions,
      | "plantStaleReads"
      | "plantDivergenceAtMs"
      | "plantEarlyFollowerReads"
      | "plantOracleSkipsConfirmation"
      | "plantOracleStartsFromMemory"
      | "plantNoApplyRule"
      | "revisionWindow"
    >
  > & {
    plantNoApplyRule: boolean;
    plantOracleSkipsConfirmation: boolean;
    plantOracleStartsFromMemory: boolean;
    revisionWindow: number;
    plantStaleReads: boolean;
    plantEarlyFollowerReads: boolean;
    plantDivergenceAtMs: number | null;
  };
  /** Member liveness as the twin reports it: up and on the same side of any isolation. */
  readonly #gossip = new SharedGossip(
    (observer, target) =>
      this.#o.plantBlindLiveness ||
      ((this.#nodes.get(target)?.up ?? false) &&
        !this.#isolated.has(observer) &&
        !this.#isolated.has(target)),
  );
  readonly #divergedSeen = new Set<string>();
  readonly #rng: Rng;
  readonly #faultRng: Rng;
  readonly #netRng: Rng;
  readonly clock = new VirtualClock();
  readonly #network = new MemoryNetwork({ autoFlush: false });
  readonly #nodes = new Map<string, SimNode>();
  readonly #recorder = new HistoryRecorder(() => this.clock.now());
  readonly #violations: string[] = [];
  readonly #trace: string[] = [];
  readonly #faults: Record<string, number> = {};
  readonly #isolated = new Set<string>();
  #dropRate = 0;
  /**
   * A leader whose messages of one group are all lost (a partial partition: cut off from the
   * group's other voters, still reachable by everything else), or null. The fault that gives a
   * deposed leader the chance to serve from a lease it no longer holds: stale revisions from the
   * meta group's oracle, stale reads from a shard's.
   */
  #cut: { readonly node: string; readonly group: string } | null = null;
  /** Acknowledged puts with their revisions, by value (values are unique). */
  readonly #acked = new Map<string, AckedWrite & { readonly key: string }>();
  /** group/term → leader, for election safety. */
  readonly #leaders = new Map<string, string>();
  /** group → the size of the placement its leader last wanted. */
  readonly #targetSizes = new Map<string, number>();
  /** group → the highest term a leader was seen in (the placement check follows only that one). */
  readonly #newestLeaderTerm = new Map<string, number>();
  /** group → the voters its leader last had. */
  readonly #voters = new Map<string, readonly string[]>();
  #hasher: Hasher | null = null;
  /** Every ClusterNode ever started (restarts make new ones), to sum their read counters. */
  readonly #clusters: ClusterNode[] = [];
  #nodeCount = 0;
  /** When faults stopped, while the leaderless check runs (null before and after). */
  #faultsStoppedAt: number | null = null;
  /** group → since when it has had a live majority of voters but no leader (after faults stop). */
  readonly #leaderlessSince = new Map<string, number>();
  /** Groups already reported by the leaderless check (once each). */
  readonly #leaderlessReported = new Set<string>();

  get #revisionBatches(): { fromLease: number; afterRound: number } {
    let fromLease = 0;
    let afterRound = 0;
    for (const c of this.#clusters) {
      fromLease += c.revisionStats.servedFromLease;
      afterRound += c.revisionStats.servedAfterRound;
    }
    return { fromLease, afterRound };
  }

  get #leaseReads(): number {
    return this.#clusters.reduce((sum, c) => sum + c.readLeaseStats.served, 0);
  }

  get #followerReads(): number {
    return this.#clusters.reduce((sum, c) => sum + c.readStats.followerReads, 0);
  }
  #values = 0;

  constructor(options: ClusterSimOptions) {
    this.#o = {
      seed: options.seed,
      shards: options.shards ?? 4,
      replicas: options.replicas ?? 3,
      initialNodes: options.initialNodes ?? 3,
      maxNodes: options.maxNodes ?? 5,
      durationMs: options.durationMs ?? 30_000,
      clients: options.clients ?? 3,
      keys: options.keys ?? 6,
      plantStaleReads: options.plantStaleReads ?? false,
      plantEarlyFollowerReads: options.plantEarlyFollowerReads ?? false,
      gossip: options.gossip ?? false,
      faults: options.faults ?? true,
      faultKinds: options.faultKinds ?? FAULT_KINDS,
      plantDivergenceAtMs: options.plantDivergenceAtMs ?? null,
      plantBlindLiveness: options.plantBlindLiveness ?? false,
      plantMuteElections: options.plantMuteElections ?? false,
      plantOracleSkipsConfirmation: options.plantOracleSkipsConfirmation ?? false,
      plantOracleStartsFromMemory: options.plantOracleStartsFromMemory ?? false,
      plantNoApplyRule: options.plantNoApplyRule ?? false,
      plantOracleLeaseTooLong: options.plantOracleLeaseTooLong ?? false,
      plantReadLeaseTooLong: options.plantReadLeaseTooLong ?? false,
      clockDriftPerMille: options.clockDriftPerMille ?? SETTINGS.clockDriftMaxPerMille,
      revisionWindow: options.revisionWindow ?? REVISION_WINDOW,
    };
    this.#rng = new Rng(options.seed);
    this.#faultRng = this.#rng.fork("faults");
    this.#netRng = this.#rng.fork("network");
  }

  async run(): Promise<ClusterSimResult> {
    // The planted apply rule is process-wide (shard-writes.ts): on for this run only.
    PLANTED_APPLY_RULE.off = this.#o.plantNoApplyRule;
    try {
      return await this.#run();
    } finally {
      PLANTED_APPLY_RULE.off = false;
    }
  }

  async #run(): Promise<ClusterSimResult> {
    sharedHasher ??= createHasher();
    this.#hasher = await sharedHasher;
    const o = this.#o;
    const first = this.#newNode();
    await bootstrapCluster(
      first.store,
      { id: first.id, addr: first.id, http: "" },
      { shardCount: o.shards, replicationFactor: o.replicas },
    );
    this.#boot(first);
    for (let i = 1; i < o.initialNodes; i++) this.#join(this.#newNode());
    this.#scheduleNetwork();
    this.#scheduleChecks();
    await this.clock.runUntil(3_000);

    const end = this.clock.now() + o.durationMs;
    const clients = Array.from({ length: o.clients }, (_, c) => this.#client(c, end));
    if (o.faults) this.#scheduleFaults(end);
    if (o.plantDivergenceAtMs !== null)
      this.clock.setTimeout(() => this.#corruptAFollower(), o.plantDivergenceAtMs);
    await this.clock.runUntil(end);

    // Faults stop: heal, restart what crashed, and let the cluster settle.
    this.#healNetwork();
    this.#isolated.clear();
    this.#dropRate = 0;
    this.#cut = null;
    for (const node of this.#nodes.values()) if (node.crashed && !node.removed) this.#restart(node);
    this.#faultsStoppedAt = this.clock.now();
    await this.#settle();
    // From here on the run kills a node on purpose (#quietFailover): its own bound applies.
    this.#faultsStoppedAt = null;
    await this.#await(Promise.all(clients));
    await this.#finalReads();
    this.#checkReplicas();
    this.#checkHistory();
    this.#checkRevisions();
    const quiescentWhenIdle = o.gossip ? await this.#quietFailover() : 0;
    for (const node of this.#nodes.values()) if (node.up) await node.cluster!.halt();
    await this.clock.runUntil(this.clock.now() + 1_000);
    return {
      seed: o.seed,
      violations: this.#violations,
      trace: hashString32(this.#trace.join("\n")).toString(16),
      operations: this.#recorder.operations().length,
      events: this.clock.events,
      faults: { ...this.#faults },
      nodesStarted: this.#nodeCount,
      notes: this.#trace.filter((line) => line.startsWith("@")),
      divergedSeen: [...this.#divergedSeen].sort(),
      followerReads: this.#followerReads,
      leaseReads: this.#leaseReads,
      revisionBatches: this.#revisionBatches,
      quiescentWhenIdle,
    };
  }

  /**
   * With gossip (the liveness layer quiescence needs): let the settled cluster sit idle so its
   * groups go quiet, count them, then kill the node that leads the most groups. Every group must
   * get a leader on a live node again: quiet followers must notice through gossip and wake.
   */
  async #quietFailover(): Promise<number> {
    await this.clock.runUntil(this.clock.now() + IDLE_MS);
    const live = this.#liveMembers();
    let quiescent = 0;
    const leads = new Map<SimNode, number>();
    for (const node of live) {
      for (const r of node.cluster!.replicas()) {
        if (r.raw.quiescent) quiescent++;
        if (r.isLeader()) leads.set(node, (leads.get(node) ?? 0) + 1);
      }
    }
    this.#note(`idle: ${quiescent} quiescent replicas`);
    if (live.length < 3) return quiescent;
    const [victim] = [...leads].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!victim) return quiescent;
    this.#crash(victim);
    const deadline = this.clock.now() + QUIET_FAILOVER_MS_MAX;
    let leaderless: string[] = [];
    while (this.clock.now() < deadline) {
      await this.clock.runUntil(this.clock.now() + 500);
      leaderless = this.#leaderlessGroups();
      if (leaderless.length === 0) break;
    }
    if (leaderless.length > 0) {
      this.#violation(
        `liveness: ${leaderless.length} group(s) without a live leader ${QUIET_FAILOVER_MS_MAX} ms after ` +
          `${victim.id} died in an idle cluster: ${leaderless.slice(0, 5).join(", ")}`,
      );
    }
    return quiescent;
  }

  /** Groups hosted on live nodes where no live node's replica leads. */
  #leaderlessGroups(): string[] {
    const groups = new Set<string>();
    const led = new Set<string>();
    for (const node of this.#liveMembers()) {
      for (const r of node.cluster!.replicas()) {
        groups.add(r.group);
        if (r.isLeader()) led.add(r.group);
      }
    }
    return [...groups].filter((g) => !led.has(g)).sort();
  }

  // ─── nodes ────────────────────────────────────────────────────────────────────────────────

  #newNode(): SimNode {
    const id = `n${++this.#nodeCount}`;
    const drift = this.#o.clockDriftPerMille / 1000;
    const rate = 1 + (this.#rng.fork(`clock-${id}`).next32() / 2 ** 32) * 2 * drift - drift;
    const node = new SimNode(id, new DriftingClock(this.clock, rate));
    this.#nodes.set(node.id, node);
    return node;
  }

  /** Start (or restart) a node's ClusterNode over its store. */
  #boot(node: SimNode): ClusterNode {
    const transport = this.#network.transport(node.id, { addr: node.id });
    const cluster = new ClusterNode({
      id: node.id,
      addr: node.id,
      http: "",
      settings: { ...SETTINGS, revisionWindow: this.#o.revisionWindow },
      logger: pino({ level: "silent" }),
      store: node.store,
      transport,
      peers: new SimPeers(this, node.id),
      hasher: this.#hasher!,
      random: this.#rng.fork(`raft-${node.id}-${this.clock.now()}`),
      clock: node.clock,
      addressBook: node.addressBook,
      ...(this.#o.gossip ? { gossip: this.#gossip.view(node.id) } : {}),
      onFatal: (e) => this.#violation(`${node.id} fatal: ${toRingkvError(e).message}`),
      plantOracle: {
        skipConfirmation: this.#o.plantOracleSkipsConfirmation,
        startFromMemory: this.#o.plantOracleStartsFromMemory,
        leaseTooLong: this.#o.plantOracleLeaseTooLong,
      },
      plantReadLeaseTooLong: this.#o.plantReadLeaseTooLong,
      ...(this.#o.plantEarlyFollowerReads
        ? {
            followerReadBarrier: async (_r: unknown, readIndex: Promise<number>) => {
              readIndex.catch(() => {}); // not waited for: that is the bug
            },
          }
        : {}),
    });
    this.#clusters.push(cluster);
    cluster.onRemoved = () => {
      if (node.removed) return;
      node.removed = true;
      this.#note(`removed ${node.id}`);
      void cluster.halt();
      transport.close();
    };
    node.cluster = cluster;
    node.crashed = false;
    (node as { transport?: { close(): void } }).transport = transport;
    cluster.start();
    this.#note(`boot ${node.id}`);
    return cluster;
  }

  #join(node: SimNode): void {
    const cluster = this.#boot(node);
    const via = this.#liveMembers().filter((n) => n.id !== node.id);
    const seeds = via.map((n) => n.id);
    this.#count("join");
    void cluster.joinCluster(seeds.length > 0 ? seeds : ["n1"]).catch((e: unknown) => {
      this.#note(`join ${node.id} failed: ${toRingkvError(e).code}`);
    });
  }

  #crash(node: SimNode): void {
    const cluster = node.cluster!;
    node.crashed = true;
    this.#note(`crash ${node.id}`);
    (node as { transport?: { close(): void } }).transport?.close();
    void cluster.halt();
  }

  /** Restart from the node's store; one whose join was never confirmed joins again (as
   * `ringkv start` insists: without --join it refuses to start such a data directory). */
  #restart(node: SimNode): void {
    const neverJoined =
      node.addressBook.load().joinEpoch === 0 && node.store.group(META_GROUP).lastIndex() === 0;
    if (neverJoined) this.#join(node);
    else this.#boot(node);
  }

  #liveMembers(): SimNode[] {
    return [...this.#nodes.values()].filter((n) => n.up);
  }

  /** The live node `addr` names, if a message can get there from `from`. */
  reach(from: string, addr: string): ClusterNode | null {
    const node = this.#nodes.get(addr);
    if (!node?.up || this.#isolated.has(from) || this.#isolated.has(addr)) return null;
    return node.cluster;
  }

  /** Whether `addr` names a node that is up (a refused connection otherwise). */
  /** The clock node `id` runs on (the virtual clock for a name that is no node). */
  clockOf(id: string): Clock {
    return this.#nodes.get(id)?.clock ?? this.clock;
  }

  listening(addr: string): boolean {
    return this.#nodes.get(addr)?.up ?? false;
  }

  latencyMs(): number {
    return this.#netRng.intBetween(1, 4);
  }

  /** A follower of shard 0 gets a value no command wrote: the kind of damage digests exist for. */
  #corruptAFollower(): void {
    for (const node of this.#liveMembers()) {
      const r = node.cluster!.replicas().find((x) => x.group === shardGroup(0));
      if (!r || r.isLeader() || !r.raw.confState().voters.includes(node.id)) continue;
      // Above the shard's floor, or the state machine would refuse it (staleRevision) unapplied.
      const revision = r.sm.floor + 1;
      r.sm.apply(
        { put: { key: encoder.encode("corrupt"), value: encoder.encode("!"), revision } },
        r.applied,
      );
      this.#note(`corrupt ${node.id} shard-0`);
      return;
    }
  }

  // ─── network, faults, checks ──────────────────────────────────────────────────────────────

  /**
   * Heal every cut and isolation. MemoryNetwork.heal() also drops the drop filter, which carries
   * the loss faults (and planted bugs): it is put back at once, or no message would be lost after
   * the first heal of a run.
   */
  #healNetwork(): void {
    this.#network.heal();
    this.#installDropFilter();
  }

  #scheduleNetwork(): void {
    this.#installDropFilter();
    const flush = (): void => {
      this.#network.flush();
      this.clock.setTimeout(flush, this.#netRng.intBetween(1, 3));
    };
    this.clock.setTimeout(flush, 1);
  }

  #installDropFilter(): void {
    const muted = (gm: GroupMessage) =>
      this.#o.plantMuteElections &&
      gm.group === shardGroup(0) &&
      (gm.message.type === MessageType.Vote || gm.message.type === MessageType.PreVote);
    const cut = (from: string, to: string, gm: GroupMessage) =>
      this.#cut !== null &&
      gm.group === this.#cut.group &&
      (from === this.#cut.node || to === this.#cut.node);
    this.#network.setDropFilter(
      (from, to, gm) =>
        muted(gm) || cut(from, to, gm) || (this.#dropRate > 0 && this.#netRng.chance(this.#dropRate)),
    );
  }

  #scheduleFaults(end: number): void {
    const rng = this.#faultRng;
    const next = (): void => {
      if (this.clock.now() >= end - 2_000) return;
      this.#fault(rng);
      this.clock.setTimeout(next, rng.intBetween(400, 2_500));
    };
    this.clock.setTimeout(next, rng.intBetween(200, 1_000));
  }

  #fault(rng: Rng): void {
    const live = this.#liveMembers();
    const started = [...this.#nodes.values()].filter((n) => !n.removed);
    const kind = rng.pick(this.#o.faultKinds);
    if (kind === "crash" && live.length > 1) {
      const victim = rng.pick(live);
      this.#count("crash");
      this.#crash(victim);
      this.clock.setTimeout(
        () => {
          if (victim.crashed && !victim.removed) {
            this.#note(`restart ${victim.id}`);
            this.#restart(victim);
          }
        },
        rng.intBetween(300, 3_000),
      );
    } else if (kind === "partition" && live.length > 1) {
      const victim = rng.pick(live);
      this.#count("partition");
      this.#note(`isolate ${victim.id}`);
      this.#isolated.add(victim.id);
      this.#network.isolate(victim.id);
      this.clock.setTimeout(
        () => {
          this.#note(`heal ${victim.id}`);
          this.#isolated.delete(victim.id);
          this.#healNetwork();
          for (const id of this.#isolated) this.#network.isolate(id);
        },
        rng.intBetween(500, 4_000),
      );
    } else if ((kind === "metaCut" || kind === "shardCut") && this.#cut === null) {
      const led = live.flatMap((n) =>
        n
          .cluster!.replicas()
          .filter((r) => (kind === "metaCut") === (r.group === META_GROUP) && r.isLeader())
          .map((r) => ({ node: n.id, group: r.group })),
      );
      if (led.length === 0) return;
      const cut = rng.pick(led);
      this.#count(kind);
      this.#note(`cut ${cut.node} from ${cut.group}`);
      this.#cut = cut;
      this.clock.setTimeout(
        () => {
          this.#note(`uncut ${cut.node} from ${cut.group}`);
          if (this.#cut === cut) this.#cut = null;
        },
        rng.intBetween(1_000, 5_000),
      );
    } else if (kind === "loss") {
      this.#count("loss");
      this.#dropRate = rng.pick([0.02, 0.05, 0.1]);
      this.#note(`loss ${this.#dropRate}`);
      this.clock.setTimeout(
        () => {
          this.#dropRate = 0;
        },
        rng.intBetween(500, 3_000),
      );
    } else if (kind === "join" && this.#nodeCount < this.#o.maxNodes) {
      const node = this.#newNode();
      this.#note(`join ${node.id}`);
      this.#join(node);
    } else if (kind === "leave" && started.length > 2 && live.length > 1) {
      const leaving = rng.pick(started);
      const via = rng.pick(live);
      this.#count("leave");
      this.#note(`leave ${leaving.id} via ${via.id}`);
      void via.cluster!.leave(leaving.id).catch(() => {});
    } else {
      this.#note("heal all");
      this.#isolated.clear();
      this.#cut = null;
      this.#healNetwork();
      this.#dropRate = 0;
    }
  }

  #scheduleChecks(): void {
    const check = (): void => {
      this.#checkLeadersAndVoters();
      this.#checkLeaderless();
      this.clock.setTimeout(check, 10);
    };
    this.clock.setTimeout(check, 10);
  }

  /** One leader per group and term; no removal below min(voters before, placement size). */
  #checkLeadersAndVoters(): void {
    for (const node of this.#nodes.values()) {
      if (!node.up) continue;
      for (const r of node.cluster!.replicas()) {
        for (const id of node.cluster!.divergedReplicas(r.group)) this.#divergedSeen.add(`${r.group}/${id}`);
        const soft = r.raw.softState();
        if (soft.role !== Role.Leader) continue;
        const st = r.raw.status();
        const key = `${r.group}/${st.term}`;
        const known = this.#leaders.get(key);
        if (known === undefined) this.#leaders.set(key, node.id);
        else if (known !== node.id) this.#violation(`election safety: ${key} led by ${known} and ${node.id}`);
        // A leader of an older term still in office (cut off, not yet deposed by CheckQuorum)
        // commits nothing and sees a stale placement: only the newest term's leader counts.
        const newest = this.#newestLeaderTerm.get(r.group) ?? 0;
        if (st.term < newest) continue;
        this.#newestLeaderTerm.set(r.group, st.term);
        const voters = st.confState.voters;
        const before = this.#voters.get(r.group);
        if (before && before.join() !== voters.join()) {
          const removed = before.filter((v) => !voters.includes(v));
          // The leader decided with the placement it had then: this check's or the last one's.
          const now = plannedCount(node.cluster!.targetOf(r.group));
          const target = Math.min(now, this.#targetSizes.get(r.group) ?? now);
          // A diverged replica is removed on purpose, to be rebuilt.
          const rebuilding = removed.every((v) => this.#divergedSeen.has(`${r.group}/${v}`));
          if (removed.length > 0 && !rebuilding && voters.length < Math.min(before.length, target)) {
            this.#violation(
              `placement quorum: ${r.group} went from ${before} to ${voters} (placement wants ${target})`,
            );
          }
        }
        this.#voters.set(r.group, [...voters]);
        this.#targetSizes.set(r.group, plannedCount(node.cluster!.targetOf(r.group)));
      }
    }
  }

  /**
   * After faults stop: no group whose live voters form a majority of its configuration (both
   * halves while joint) stays without a leader for LEADERLESS_MS_MAX. The configuration is the
   * one the most advanced live replica holds; a leader counts if a live node's replica leads.
   */
  #checkLeaderless(): void {
    const stoppedAt = this.#faultsStoppedAt;
    if (stoppedAt === null) return;
    const now = this.clock.now();
    const replicas = new Map<string, { node: SimNode; r: ReturnType<ClusterNode["replicas"]>[number] }[]>();
    for (const node of this.#liveMembers()) {
      for (const r of node.cluster!.replicas()) {
        const list = replicas.get(r.group) ?? [];
        list.push({ node, r });
        replicas.set(r.group, list);
      }
    }
    for (const [group, held] of replicas) {
      const newest = held.reduce((a, b) => (b.r.raw.status().lastIndex > a.r.raw.status().lastIndex ? b : a));
      const conf = newest.r.raw.confState();
      const live = new Set(held.map((h) => h.node.id));
      const majority = (voters: readonly string[]) =>
        voters.length === 0 || voters.filter((v) => live.has(v)).length * 2 > voters.length;
      const outgoing = conf.votersOutgoing;
      const led = held.some((h) => h.r.isLeader());
      if (led || !majority(conf.voters) || !majority(outgoing)) {
        this.#leaderlessSince.delete(group);
        continue;
      }
      const since = Math.max(stoppedAt, this.#leaderlessSince.get(group) ?? now);
      this.#leaderlessSince.set(group, since);
      if (now - since > LEADERLESS_MS_MAX && !this.#leaderlessReported.has(group)) {
        this.#leaderlessReported.add(group);
        const voters = conf.voters.filter((v) => live.has(v));
        this.#violation(
          `liveness: ${group} without a leader for ${now - since} ms after faults stopped, though its live ` +
            `voters ${voters} are a majority of ${conf.voters}${outgoing.length > 0 ? ` and ${outgoing}` : ""} ` +
            `(bound: ${LEADERLESS_ELECTIONS_MAX} election timeouts)`,
        );
      }
    }
  }

  /** After faults: every shard and the meta group reach their placement, with a leader. */
  async #settle(): Promise<void> {
    const deadline = this.clock.now() + SETTLE_MS_MAX;
    let last = "";
    while (this.clock.now() < deadline) {
      await this.clock.runUntil(this.clock.now() + 500);
      const live = this.#liveMembers();
      const probe = live[0];
      if (!probe) continue;
      try {
        const st = await this.#statusVia(probe);
        last = this.#unsettled(st, live);
        if (last === "") return;
      } catch (e) {
        last = toRingkvError(e).message;
      }
    }
    this.#violation(`liveness: not settled ${SETTLE_MS_MAX} ms after faults stopped: ${last}`);
    for (const node of this.#liveMembers()) {
      if (process.env["SIM_DEBUG"]) {
        const t = (node.cluster!.transport as unknown as { stats(): unknown }).stats();
        this.#violation(
          `  ${node.id} transport ${JSON.stringify(t)} book ${JSON.stringify(node.addressBook.load().members.map((m) => m.id))}`,
        );
        for (const r of node.cluster!.replicas()) {
          const st = r.raw.status();
          this.#violation(
            `  ${node.id} ${r.group} ${st.role} t${st.term} leader ${st.leader} applied ${r.applied} commit ${st.commit} last ${st.lastIndex} conf ${JSON.stringify(st.confState)}`,
          );
        }
      }
      for (const r of node.cluster!.replicas()) {
        if (!r.isLeader()) continue;
        const st = r.raw.status();
        const progress = [...st.progress].map(
          ([id, p]) => `${id}:${p.match}/${p.state}${p.recentActive ? "" : "(inactive)"}`,
        );
        const step = JSON.stringify(node.cluster!.rebalanceStep(r.group) ?? null);
        this.#violation(
          `  ${node.id} leads ${r.group} t${st.term} last ${st.lastIndex} commit ${st.commit} conf ${JSON.stringify(st.confState)} transferee ${st.leadTransferee || "-"} progress ${progress} step ${step}`,
        );
      }
    }
  }

  #statusVia(node: SimNode): Promise<StatusJson> {
    const status = node.cluster!.status();
    return this.#await(status);
  }

  /** Let the clock run while `promise` is pending (it is resolved by simulated events). */
  async #await<T>(promise: Promise<T>): Promise<T> {
    let done = false;
    const settled = promise.finally(() => {
      done = true;
    });
    settled.catch(() => {}); // handled by our caller, after the clock loop below

    while (!done) await this.clock.runUntil(this.clock.now() + 10);
    return settled;
  }

  #unsettled(st: StatusJson, live: readonly SimNode[]): string {
    const ids = live.map((n) => n.id).sort();
    const members = st.members.filter((m) => !m.leaving).map((m) => m.id);
    if (members.some((m) => !ids.includes(m))) return `members ${members} but live ${ids}`;
    for (const s of st.shards) {
      if (s.leader === "" || s.moving)
        return `shard ${s.id}: leader ${s.leader}, ${s.replicas} → ${s.target}`;
    }
    if (st.members.some((m) => m.leaving)) return "a leave is unfinished";
    return "";
  }

  // ─── clients ──────────────────────────────────────────────────────────────────────────────

  async #client(c: number, end: number): Promise<void> {
    const rng = this.#rng.fork(`client-${c}`);
    /** Per key: the version and value this client last read, for CAS. */
    const seen = new Map<string, { version: number; value: string }>();
    while (this.clock.now() < end) {
      await sleep(this.clock, rng.intBetween(5, 60));
      const live = this.#liveMembers().filter((n) => !this.#isolated.has(n.id) || rng.chance(0.3));
      if (live.length === 0) continue;
      const via = rng.pick(live).cluster!;
      const key = `k${rng.intBelow(this.#o.keys)}`;
      await this.#operation(c, via, key, rng, seen);
    }
  }

  async #operation(
    c: number,
    via: ClusterNode,
    key: string,
    rng: Rng,
    seen: Map<string, { version: number; value: string }>,
  ): Promise<void> {
    const k = encoder.encode(key);
    const roll = rng.intBelow(10);
    const known = seen.get(key);
    const bounded = <T>(p: Promise<T>): Promise<T> => withDeadline(p, 4_000, "client call", this.clock);
    if (roll < 4) {
      const id = this.#recorder.invoke(c, key, { kind: "get" });
      const options: GetOptions = this.#o.plantStaleReads ? { consistency: "stale" } : {};
      try {
        const found = await bounded(via.get(k, options));
        const value = found ? decoder.decode(found.value) : null;
        if (found && value !== null) seen.set(key, { version: found.version, value });
        else seen.delete(key);
        this.#recorder.complete(id, { kind: "get", value });
      } catch {
        this.#recorder.timeout(id);
      }
    } else if (roll < 7 || !known) {
      const value = `c${c}-${++this.#values}`;
      const id = this.#recorder.invoke(c, key, { kind: "put", value });
      const startMs = this.clock.now();
      try {
        const { version } = await bounded(via.put(k, encoder.encode(value)));
        this.#recorder.complete(id, { kind: "put" });
        this.#ackedPut(c, key, value, version, startMs);
      } catch {
        this.#recorder.timeout(id);
      }
    } else if (roll < 9) {
      const value = `c${c}-${++this.#values}`;
      const id = this.#recorder.invoke(c, key, { kind: "cas", expect: known.value, value });
      const startMs = this.clock.now();
      try {
        const { version } = await bounded(via.put(k, encoder.encode(value), { ifVersion: known.version }));
        this.#recorder.complete(id, { kind: "cas", ok: true });
        this.#ackedPut(c, key, value, version, startMs);
      } catch (e) {
        if (e instanceof RingkvError && e.code === "VersionMismatch") {
          this.#recorder.complete(id, { kind: "cas", ok: false });
        } else {
          this.#recorder.timeout(id);
        }
      }
    } else {
      const id = this.#recorder.invoke(c, key, { kind: "del" });
      try {
        const { deleted } = await bounded(via.delete(k));
        seen.delete(key);
        this.#recorder.complete(id, { kind: "del", existed: deleted });
      } catch {
        this.#recorder.timeout(id);
      }
    }
  }

  /** One linearizable read of every key through a live node, recorded like any client's. */
  async #finalReads(): Promise<void> {
    const via = this.#liveMembers()[0];
    if (!via) return this.#violation("no live node at the end");
    for (let i = 0; i < this.#o.keys; i++) {
      const key = `k${i}`;
      // As a client would: a few attempts, since a leadership move may still be settling.
      for (let attempt = 1; ; attempt++) {
        const id = this.#recorder.invoke(-1, key, { kind: "get" });
        try {
          const found = await this.#await(via.cluster!.get(encoder.encode(key)));
          this.#recorder.complete(id, { kind: "get", value: found ? decoder.decode(found.value) : null });
          break;
        } catch (e) {
          this.#recorder.timeout(id);
          if (attempt < 5) {
            await this.clock.runUntil(this.clock.now() + 500);
            continue;
          }
          this.#violation(
            `liveness: final read of ${key} through ${via.id} failed: ${toRingkvError(e).message}`,
          );
          if (process.env["SIM_DEBUG"]) {
            for (const n of this.#liveMembers()) {
              for (const r of n.cluster!.replicas()) {
                const st = r.raw.status();
                this.#violation(
                  `  ${n.id} ${r.group} ${st.role} t${st.term} leader ${st.leader} conf ${JSON.stringify(st.confState)} target ${JSON.stringify(n.cluster!.targetOf(r.group))}`,
                );
              }
            }
          }
          break;
        }
      }
    }
  }

  // ─── end checks ───────────────────────────────────────────────────────────────────────────

  /** Replicas of a group agree on committed entries where their logs overlap, and on state. */
  #checkReplicas(): void {
    const groups = [META_GROUP, ...Array.from({ length: this.#o.shards }, (_, i) => shardGroup(i))];
    const live = this.#liveMembers();
    for (const group of groups) {
      const replicas = live.flatMap((n) => {
        const r = n.cluster!.replicas().find((x) => x.group === group);
        return r ? [{ node: n, r }] : [];
      });
      for (let i = 1; i < replicas.length; i++) {
        const [a, b] = [replicas[0]!, replicas[i]!];
        const sa = a.node.store.group(group);
        const sb = b.node.store.group(group);
        const lo = Math.max(sa.firstIndex(), sb.firstIndex());
        const hi = Math.min(a.r.raw.status().commit, b.r.raw.status().commit);
        for (let index = lo; index <= hi; index++) {
          const [ea] = sa.entries(index, index + 1, Number.POSITIVE_INFINITY);
          const [eb] = sb.entries(index, index + 1, Number.POSITIVE_INFINITY);
          if (!ea || !eb || ea.term !== eb.term || !sameBytes(ea.data, eb.data)) {
            this.#violation(`log matching: ${group}@${index} differs on ${a.node.id} and ${b.node.id}`);
            break;
          }
        }
        if (a.r.applied === b.r.applied && a.r.sm.digest() !== b.r.sm.digest()) {
          this.#violation(`state digest: ${group}@${a.r.applied} differs on ${a.node.id} and ${b.node.id}`);
        }
        if (a.r.applied === b.r.applied && group !== META_GROUP) {
          for (let k = 0; k < this.#o.keys; k++) {
            const key = encoder.encode(`k${k}`);
            const [va, vb] = [a.r.sm.get(key), b.r.sm.get(key)];
            const same =
              va === vb || (va && vb && va.version === vb.version && sameBytes(va.value, vb.value));
            if (!same) this.#violation(`state: ${group} k${k} differs on ${a.node.id} and ${b.node.id}`);
          }
        }
      }
    }
  }

  #ackedPut(c: number, key: string, value: string, revision: number, startMs: number): void {
    const label = `c${c} put ${key}=${value}`;
    this.#acked.set(value, { revision, startMs, endMs: this.clock.now(), label, key });
  }

  /**
   * Cluster-wide revisions (revision-check.ts): over the acknowledged puts written with a
   * revision, found in the shards' committed logs (read from the live replica whose log reaches
   * back furthest). With gossip, the first writes of a run go at their log index, as before
   * revisions, until every member is heard to support them: those are not checked.
   */
  #checkRevisions(): void {
    const logged: LoggedWrite[] = [];
    const writes: AckedWrite[] = [];
    const live = this.#liveMembers();
    for (let shard = 0; shard < this.#o.shards; shard++) {
      const group = shardGroup(shard);
      const holders = live.flatMap((n) => {
        const r = n.cluster!.replicas().find((x) => x.group === group);
        return r ? [{ store: n.store.group(group), commit: r.raw.status().commit }] : [];
      });
      holders.sort((a, b) => a.store.firstIndex() - b.store.firstIndex() || b.commit - a.commit);
      const best = holders[0];
      if (!best) continue;
      for (let index = best.store.firstIndex(); index <= best.commit; index++) {
        const [entry] = best.store.entries(index, index + 1, Number.POSITIVE_INFINITY);
        if (!entry || entry.type !== EntryType.Normal || entry.data.byteLength === 0) continue;
        const command = decodeCommand(entry.data);
        if (!("put" in command) || command.put.revision === undefined) continue;
        const acked = this.#acked.get(decoder.decode(command.put.value));
        if (acked?.revision !== command.put.revision) continue; // refused at apply, or not answered
        logged.push({ shard, index, revision: acked.revision, label: acked.label });
        writes.push(acked);
      }
    }
    this.#note(
      `revisions: ${this.#acked.size} acknowledged puts, ${writes.length} with revisions found in logs`,
    );
    for (const v of checkRevisions(writes, logged)) this.#violation(v);
  }

  #checkHistory(): void {
    const ops = this.#recorder.operations();
    for (const op of ops) {
      this.#trace.push(
        `${op.id} ${op.client} ${op.key} ${JSON.stringify(op.input)} ${JSON.stringify(op.output)} ${op.invokeTime} ${op.completeTime}`,
      );
    }
    const result = checkLinearizable(ops);
    const limit = process.env["SIM_DEBUG"] ? 200_000 : 2_000;
    if (!result.ok) this.#violation(`linearizability: ${describeCheckResult(result).slice(0, limit)}`);
  }

  #violation(message: string): void {
    if (this.#violations.length < 40) this.#violations.push(`t=${this.clock.now()} ${message}`);
  }

  #note(what: string): void {
    this.#trace.push(`@${this.clock.now()} ${what}`);
  }

  #count(kind: string): void {
    this.#faults[kind] = (this.#faults[kind] ?? 0) + 1;
  }
}

/** Peer RPCs between simulated nodes: a random latency each way, lost across a partition. */
class SimPeers implements PeerDirectory {
  readonly #sim: ClusterSim;
  readonly #from: string;

  constructor(sim: ClusterSim, from: string) {
    this.#sim = sim;
    this.#from = from;
  }

  get(addr: string): Peer {
    const call = <T>(deadline: number, fn: (target: ClusterNode) => Promise<T>): Promise<T> =>
      rpc(this.#sim, this.#from, addr, deadline, fn);
    return {
      // With the revision the forwarding node took, as the Forward service carries it.
      put: (key, value, options: PutOptions, deadline, revision) =>
        call(deadline, (t) =>
          t.put(key, value, { ...options, forwarded: true, ...(revision === undefined ? {} : { revision }) }),
        ),
      get: (key, options: GetOptions, deadline) =>
        call(deadline, (t) => t.get(key, { ...options, forwarded: true })),
      delete: (key, _options: RequestOptions, deadline) =>
        call(deadline, (t) => t.delete(key, { forwarded: true })),
      revisions: (count, atLeast, deadline) =>
        call(deadline, (t) => t.revisions(count, atLeast, { forwarded: true })),
      join: (member: MemberInfo, deadline, forwarded = true) =>
        call(deadline, (t) => t.join(member, { forwarded })),
      leave: (id, deadline) => call(deadline, (t) => t.leave(id, { forwarded: true })),
      status: (deadline, local = false) => call(deadline, (t) => t.status({ forwarded: local })),
      membership: (deadline) => call(deadline, async (t) => t.membership()),
      // Ranges and transactions (range-ops.ts): the target answers, never forwards again.
      rangePart: (part, deadline) => call(deadline, (t) => t.rangeOps.rangePart(part, { forwarded: true })),
      deleteRangePart: (part, deadline) =>
        call(deadline, (t) => t.rangeOps.deleteRangePart(part, { forwarded: true })),
      putRecord: (request, deadline) =>
        call(deadline, (t) => t.model.putRecord(request, { forwarded: true })),
      txn: (request, deadline) => call(deadline, (t) => t.model.txn(request, { forwarded: true })),
      lease: (request, deadline) => call(deadline, (t) => t.leaseForward(request)),
    };
  }

  close(): void {}
}

function rpc<T>(
  sim: ClusterSim,
  from: string,
  to: string,
  deadline: number,
  fn: (target: ClusterNode) => Promise<T>,
): Promise<T> {
  const clock: Clock = sim.clock;
  // The deadline is on the caller's clock: it waits by that clock, drift and all.
  const callerClock: Clock = sim.clockOf(from);
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (f: () => void): void => {
      if (done) return;
      done = true;
      f();
    };
    callerClock.setTimeout(
      () => finish(() => reject(new RingkvError("Timeout", `call to ${to} timed out`))),
      Math.max(0, deadline - callerClock.now()),
    );
    clock.setTimeout(() => {
      if (!sim.listening(to)) {
        finish(() => reject(new RingkvError("Unavailable", `connection to ${to} refused`)));
        return;
      }
      const target = sim.reach(from, to);
      if (!target) return; // lost in a partition: the caller times out
      fn(target).then(
        (value) =>
          clock.setTimeout(() => sim.reach(to, from) && finish(() => resolve(value)), sim.latencyMs()),
        (e: unknown) =>
          clock.setTimeout(
            () => sim.reach(to, from) && finish(() => reject(toRingkvError(e))),
            sim.latencyMs(),
          ),
      );
    }, sim.latencyMs());
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function runClusterSim(options: ClusterSimOptions): Promise<ClusterSimResult> {
  return new ClusterSim(options).run();
}

/**
 * The gossip twin: one metadata store every node reads and writes (last-write-wins by version,
 * then origin), as if dissemination were instant. A member is alive to an observer while it is up
 * and neither is isolated, and "suspect" otherwise (never "dead": eviction is not modelled here),
 * which is what quiescent groups wake on.
 */
class SharedGossip {
  readonly #entries = new Map<string, { value: MetadataValue; version: number; origin: string }>();
  readonly #live: (observer: string, target: string) => boolean;

  constructor(live: (observer: string, target: string) => boolean) {
    this.#live = live;
  }

  view(id: string): GossipPort {
    return {
      addPeers: () => {},
      member: (target) => ({ state: this.#live(id, target) ? "alive" : "suspect", incarnation: 0 }),
      publish: (key, value, version = 0) => {
        const held = this.#entries.get(key);
        if (held && (held.version > version || (held.version === version && held.origin >= id))) return false;
        this.#entries.set(key, { value, version, origin: id });
        return true;
      },
      metadata: (key) => this.#entries.get(key),
    };
  }
}
