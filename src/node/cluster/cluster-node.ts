// The cluster side of a node, without servers: a facade over the multi-Raft host (the meta
// group and this node's shard replicas), the rebalancer, and collaborators that each own one
// concern and its fields —
//   router.ts            key → shard → leader; served here or forwarded one hop (peer.ts)
//   membership.ts        join, leave, finishing leaves on the meta leader
//   eviction.ts          dead members marked leaving, on the meta leader
//   removal-watch.ts     discovering this node's own removal
//   replica-repair.ts    diverged replicas rebuilt, moved replicas dropped
//   status.ts            status fan-out and merge
//   addresses.ts         where the other members are
//   gossip-publisher.ts  leaders, configurations, epochs and digests into gossip (gossip-keys.ts)
//   proposer.ts          proposals with back-pressure and the data quota
//   timestamp-oracle.ts  cluster-wide revisions, served on the meta leader's node
//   revision-source.ts   revisions for this node's writes, from the oracle (batched per turn)
// Everything with side effects comes in through an interface (log store, transport, peers,
// clock, random), so the deterministic simulator runs this very class (test/sim-cluster);
// src/node/node.ts wraps it in gRPC and HTTP servers, which validate every request
// (src/api/limits.ts): nothing below them checks input again.

import type { Logger } from "pino";
import type { ShardState, SnapshotHeader } from "../../api/admin-wire.ts";
import { toRingkvError } from "../../api/errors.ts";
import type {
  DeleteOptions,
  GetOptions,
  JoinResult,
  KvApi,
  MemberInfo,
  MembershipJson,
  RequestOptions,
  StatusJson,
  VersionedValue,
} from "../../api/kv-api.ts";
import { NONE, type Random } from "../../raft/index.ts";
import type { Hasher } from "../../ring/index.ts";
import type { LogStore } from "../../storage/log-store.ts";
import type { Transport } from "../../transport/index.ts";
import { handoffWaitMs, type NodeSettings, oracleLeaseMs, transferCooldownTicks } from "../config.ts";
import { type Clock, SYSTEM_CLOCK } from "../host/clock.ts";
import { META_GROUP, shardOfGroup } from "../host/groups.ts";
import { MultiRaftHost } from "../host/host.ts";
import type { HostObserver } from "../host/host-observer.ts";
import type { Replica } from "../host/replica.ts";
import { ClusterView, type GroupTarget } from "../placement/cluster-view.ts";
import type { RebalanceStep } from "../placement/rebalance-step.ts";
import { Rebalancer } from "../placement/rebalancer.ts";
import { type NodeFeeds, WatchHub, watchSettings } from "../watch/index.ts";
import type { AddressBook } from "./address-book.ts";
import { Addresses } from "./addresses.ts";
import { backupHeader } from "./backup-header.ts";
import { Cadence } from "./cadence.ts";
import type { ClusterContext } from "./context.ts";
import { Eviction } from "./eviction.ts";
import { FeatureGate } from "./features.ts";
import type { ReadBarrier } from "./follower-read.ts";
import type { ForwardedPutOptions } from "./forward-wire.ts";
import type { GossipPort } from "./gossip-keys.ts";
import { GossipPublisher } from "./gossip-publisher.ts";
import { settleProposals, transferLeadershipAway } from "./leadership-handoff.ts";
import { LeaseService, type LeaseState } from "./lease-ops.ts";
import { REPLICA_LEASE_STATE } from "./lease-state.ts";
import type { LeaseForward, LeaseForwardReply } from "./lease-wire.ts";
import { Membership } from "./membership.ts";
import { ModelService } from "./model-service.ts";
import { appliedReservation, replicaOracleMeta } from "./oracle-meta.ts";
import type { PeerDirectory } from "./peer.ts";
import { PeerRevival } from "./peer-revival.ts";
import { Phase } from "./phase.ts";
import { Proposer } from "./proposer.ts";
import { NodeRangeOps } from "./range-ops.ts";
import { RemovalWatch } from "./removal-watch.ts";
import { ReplicaRepair } from "./replica-repair.ts";
import { OracleRevisionSource, type RevisionSource } from "./revision-source.ts";
import { Router } from "./router.ts";
import { readShardState } from "./shard-state.ts";
import { ClusterStatus } from "./status.ts";
import { TimestampOracle } from "./timestamp-oracle.ts";
import { shardsOf, watchFeeds } from "./watch-feeds.ts";

// The types a caller needs to build a ClusterNode, from their own files.
export type { GossipPort } from "./gossip-keys.ts";
export { gossipKeys } from "./gossip-keys.ts";
export type { Peer, PeerDirectory } from "./peer.ts";

export interface ClusterNodeOptions {
  readonly id: string;
  /** The address other nodes and clients use. */
  readonly addr: string;
  readonly http: string;
  /** Validated by the caller (validateNodeSettings, at start). */
  readonly settings: NodeSettings;
  readonly logger: Logger;
  readonly store: LogStore;
  readonly transport: Transport;
  readonly peers: PeerDirectory;
  readonly hasher: Hasher;
  readonly random: Random;
  readonly clock?: Clock;
  /** Membership and metadata gossip; none by default. */
  readonly gossip?: GossipPort;
  /** The member list saved across restarts (a hint for an empty meta log); none by default. */
  readonly addressBook?: AddressBook;
  /** Storage or an invariant failed: the process must stop rather than go on with bad state. */
  readonly onFatal: (error: unknown) => void;
  /** What follower reads wait for (read index, then applied); only a planted-bug test replaces it. */
  readonly followerReadBarrier?: ReadBarrier;
  /** Planted bugs of the timestamp oracle, for the simulator's revision checker only. */
  readonly plantOracle?: {
    readonly skipConfirmation?: boolean;
    readonly startFromMemory?: boolean;
    /** Serve from a lease three election timeouts long, far past what any voter honours. */
    readonly leaseTooLong?: boolean;
  };
  /** Planted bug, for the simulator's linearizability checker only: read leases three election timeouts long. */
  readonly plantReadLeaseTooLong?: boolean;
  /** Metrics: the host's events, and rebalance moves completed; none by default. */
  readonly observer?: HostObserver & { rebalanceMoveDone(group: string): void };
  /** What the lease code reads from the state machines; tests may replace it. */
  readonly leaseState?: LeaseState;
}

/** The node's life: built, serving (ticking), then stopping (gracefully, or halted as by a crash). */
type Lifecycle =
  | { readonly kind: "created" }
  | { readonly kind: "running" }
  | { readonly kind: "stopping"; readonly graceful: boolean };

export class ClusterNode implements KvApi {
  readonly id: string;
  /** The address other nodes and clients use (the advertised one). */
  readonly addr: string;
  readonly httpAddr: string;
  readonly logger: Logger;
  readonly transport: Transport;
  /** Called once this node learns it was removed from the cluster. */
  /**
   * Called once this node learns it was removed from the cluster; `whileDown` when this process
   * never saw the leave start, so the removal happened while the node was down.
   */
  onRemoved: (whileDown: boolean) => void = () => {};
  readonly #ctx: ClusterContext;
  readonly #store: LogStore;
  readonly #lifecycle = new Phase<Lifecycle>(
    "cluster node",
    { kind: "created" },
    { created: ["running", "stopping"], running: ["stopping"], stopping: [] },
  );
  readonly #addressBook: AddressBook | undefined;
  readonly #addresses: Addresses;
  readonly #rebalancer: Rebalancer;
  readonly #router: Router;
  readonly #membership: Membership;
  readonly #eviction: Eviction;
  readonly #removalWatch: RemovalWatch;
  readonly #repair: ReplicaRepair;
  readonly #status: ClusterStatus;
  readonly #publisher: GossipPublisher | undefined;
  readonly #features: FeatureGate;
  readonly #revival: PeerRevival;
  /** Ranges, transactions, watches and leases (src/api/kv-model.ts). */
  readonly model: ModelService;
  /** Ranges and transactions, with the per-shard parts peers forward here (grpc-forward.ts). */
  readonly rangeOps: NodeRangeOps;
  readonly #leases: LeaseService;
  /**
   * Where this node's writes get their cluster-wide revisions (the meta leader's timestamp
   * oracle); the model's parts that write or fence take it from here.
   */
  readonly revisionSource: RevisionSource;
  readonly #oracle: TimestampOracle;
  readonly #proposer: Proposer;
  /** Where watches read shard events (own replica or a peer's); ShardWatch serves from it. */
  readonly watchFeeds: NodeFeeds;
  readonly #watches: WatchHub;
  /** The meta epoch #afterMetaApply last acted on. */
  #seenEpoch = -1;

  constructor(options: ClusterNodeOptions) {
    const { settings, logger, store, gossip } = options;
    this.id = options.id;
    this.addr = options.addr;
    this.httpAddr = options.http;
    this.logger = logger;
    this.transport = options.transport;
    this.#store = store;
    this.#addressBook = options.addressBook;
    const clock = options.clock ?? SYSTEM_CLOCK;
    const { peers } = options;
    this.#addresses = new Addresses({
      id: this.id,
      transport: this.transport,
      peers,
      gossip,
      clock,
      settings,
    });
    const book = this.#addressBook?.load();
    this.#addresses.setAll(book?.members ?? []);
    let view: ClusterView | null = null;
    // Leader leases (the oracle's, and every group's for reads) are measured on a monotonic
    // clock: the system clock's wall time may be stepped back by NTP, which would stretch one.
    const leaseMs = oracleLeaseMs(settings);
    const leaseNowMs = clock === SYSTEM_CLOCK ? () => performance.now() : () => clock.now();
    const host = new MultiRaftHost({
      nodeId: options.id,
      store,
      transport: options.transport,
      logger,
      tickMs: settings.tickMs,
      electionTicks: settings.electionTicks,
      heartbeatTicks: settings.heartbeatTicks,
      snapshotEntries: settings.snapshotEntries,
      snapshotLogBytes: settings.snapshotLogBytes,
      random: options.random,
      onFatal: options.onFatal,
      acceptGroup: (group) => isClusterGroup(group, view),
      clock,
      // Idle groups quiesce only where gossip can tell a dead leader's node from a quiet one.
      ...(gossip ? { isNodeLive: (id: string) => gossip.member(id)?.state === "alive" } : {}),
      // Never the meta group: every shard write waits on its oracle, so a dead meta leader must
      // be replaced after one election timeout, not after gossip's suspicion and then one. With
      // the oracle's lease its rounds are too rare to keep it awake under load (the failover
      // test's first write after a SIGKill went from ~1.5 s to up to 4.2 s).
      mayQuiesce: (group) => group !== META_GROUP,
      ...(options.observer ? { observer: options.observer } : {}),
      // Every group's leader serves reads from a lease (read-lease.ts), and so every replica
      // honours one from its start; the timestamp oracle keeps its own on the meta group.
      readLease: {
        durationMs: options.plantReadLeaseTooLong ? 3 * settings.electionTicks * settings.tickMs : leaseMs,
        nowMs: leaseNowMs,
      },
    });
    const meta = host.openReplica(META_GROUP);
    view = new ClusterView(options.hasher, meta.sm);
    const ctx: ClusterContext = { id: this.id, settings, logger, clock, host, meta, view, peers, gossip };
    this.#ctx = ctx;
    for (const group of store.groups()) if (isClusterGroup(group, view)) host.openReplica(group);
    const stopping = (): boolean => this.#lifecycle.is("stopping");
    const proposer = new Proposer(host, settings, clock);
    this.#proposer = proposer;
    this.#publisher = gossip ? new GossipPublisher(ctx, gossip) : undefined;
    const features = new FeatureGate(() => meta.sm.members().map((m) => m.id), gossip);
    this.#features = features;
    this.#repair = new ReplicaRepair(ctx, store, proposer, this.#publisher);
    this.#oracle = new TimestampOracle(replicaOracleMeta(meta, host, proposer), {
      windowSize: settings.revisionWindow,
      clock,
      roundTimeoutMs: settings.requestTimeoutMs,
      leaseMs: options.plantOracle?.leaseTooLong ? 3 * settings.electionTicks * settings.tickMs : leaseMs,
      leaseNowMs,
      plantSkipConfirmation: options.plantOracle?.skipConfirmation === true,
      plantStartFromMemory: options.plantOracle?.startFromMemory === true,
    });
    // A reservation in the meta log, or a revision in a shard command, is a command an older
    // build cannot apply: neither is proposed until every member says it can. Once a reservation
    // is applied the cluster has switched for good: a write at its log index after one with a
    // revision would break their order, so a member not (yet) vouched for by gossip — a joiner,
    // a node restarted at a new incarnation — no longer turns revisions off (sim:cluster with
    // gossip found exactly that). Older builds must not join a cluster that switched.
    const revisionsOn = (): boolean =>
      appliedReservation(meta) > 0 || features.lacking("revisions").length === 0;
    this.revisionSource = new OracleRevisionSource(
      (count, atLeast) => this.#revisionBlock(count, atLeast, {}),
      clock,
      () => {
        if (!revisionsOn()) features.require("revisions", "a write with a cluster-wide revision", "");
      },
      (atLeast) => this.#oracle.serveNow(1, atLeast),
    );
    this.#router = new Router(ctx, proposer, {
      stopping,
      selfDiverged: (group) => this.#repair.selfDiverged(group),
      followerReadBarrier: options.followerReadBarrier,
      revisions: {
        source: this.revisionSource,
        enabled: revisionsOn,
      },
    });
    this.#removalWatch = new RemovalWatch(ctx, (whileDown) => this.onRemoved(whileDown));
    // A node that was added once (even if it never caught up) can find out it was removed.
    if (book && book.joinEpoch > 0 && book.members.some((m) => m.id === this.id)) {
      this.#removalWatch.joined(book.joinEpoch);
    }
    this.#eviction = new Eviction(ctx, proposer);
    this.#revival = new PeerRevival(ctx, this.transport);
    this.#status = new ClusterStatus(ctx, {
      addr: this.addr,
      httpAddr: this.httpAddr,
      divergedReplicas: (group) => this.#repair.divergedReplicas(group),
    });
    this.#membership = new Membership(ctx, {
      me: { id: this.id, addr: this.addr, http: this.httpAddr },
      router: this.#router,
      proposer,
      addresses: this.#addresses,
      addressBook: this.#addressBook,
      removalWatch: this.#removalWatch,
      stopping,
      status: () => this.status(),
    });
    this.#rebalancer = new Rebalancer({
      nodeId: this.id,
      view,
      replicas: () => host.replicas(),
      changeConf: (replica, changes) => proposer.changeMembers(replica, changes),
      kick: () => host.kick(),
      maxConcurrentMoves: settings.maxConcurrentMoves,
      heldOff: (group) => this.#repair.heldOff(group),
      transferCooldownTicks: transferCooldownTicks(settings),
      logger,
      ...(options.observer
        ? { onMoveDone: (group: string) => options.observer?.rebalanceMoveDone(group) }
        : {}),
    });
    this.watchFeeds = watchFeeds(ctx);
    this.#watches = new WatchHub({
      opener: this.watchFeeds,
      shardsOf: (span) => shardsOf(view, span),
      settings: watchSettings(settings),
    });
    this.#leases = new LeaseService(ctx, {
      router: this.#router,
      proposer,
      revisions: this.revisionSource,
      random: options.random,
      state: options.leaseState ?? REPLICA_LEASE_STATE,
    });
    this.rangeOps = new NodeRangeOps({
      ctx,
      router: this.#router,
      proposer,
      revisions: this.revisionSource,
      // A put with a lease needs the lease to exist (the shard refuses one it saw revoked).
      leaseExists: (id) => this.#leases.leaseExists(id),
    });
    this.model = new ModelService({
      ranges: this.rangeOps,
      watches: this.#watches,
      leases: this.#leases,
    });
    this.#scheduleDuties();
    host.onApplied((r) => this.#afterApply(r));
    for (const r of host.replicas()) this.#afterApply(r);
  }

  /** The background duties, on the host's tick: each a collaborator's round. */
  #scheduleDuties(): void {
    const { host, meta, settings } = this.#ctx;
    const membershipCheck = new Cadence(settings.membershipCheckTicks);
    const round = new Cadence(settings.rebalanceEveryTicks);
    host.onTick(() => {
      this.#oracle.observe();
      const checkDue = membershipCheck.tick();
      const roundDue = round.tick();
      if (this.#lifecycle.is("stopping")) return;
      // Every tick: a watch reading a replica that left this node continues elsewhere.
      this.watchFeeds.checkReplicas();
      // Every tick: lease deadlines are kept to the tick.
      this.#leases.tick();
      // Every tick: a member back from the dead is reconnected to within one tick of gossip
      // seeing it, not one rebalance round.
      this.#revival.round();
      const own = meta.sm.member(this.id);
      const leaving = own?.leaving === true;
      if (own !== undefined && !leaving) this.#removalWatch.sawSelfActive();
      if (leaving) this.#removalWatch.sawOwnLeave();
      if (leaving || checkDue) this.#removalWatch.check();
      if (!roundDue) return;
      this.#rebalancer.round(settings.rebalanceEveryTicks);
      this.#publisher?.round();
      this.#repair.checkDigests();
      this.#repair.dropMovedReplicas();
      this.#eviction.round();
      this.#membership.finishLeaves();
      this.#membership.refreshOwnRecord();
      this.#addresses.learnMissing(host.replicas());
    });
  }

  /** Start ticking and processing (call once the transport can receive). */
  start(): void {
    this.#lifecycle.become({ kind: "running" });
    this.#ctx.host.start();
  }

  /** Close the connections to peers (after stop()). */
  closePeers(): void {
    this.#ctx.peers.close();
  }

  /** Every replica on this node (for metrics and tests). */
  replicas(): Replica[] {
    return [...this.#ctx.host.replicas()];
  }

  #afterApply(r: Replica): void {
    // A brand-new single-voter group (a fresh bootstrap) need not wait out an election timeout.
    const { leader } = r.raw.softState();
    if (leader === NONE) {
      const { voters } = r.raw.confState();
      if (voters.length === 1 && voters[0] === this.id) {
        r.raw.campaign();
        this.#ctx.host.kick();
      }
    }
    if (r === this.#ctx.meta) {
      this.#oracle.observe();
      this.#afterMetaApply();
    }
  }

  /** Keep the transport's address book and our own membership in step with the meta log. */
  #afterMetaApply(): void {
    const { meta, gossip } = this.#ctx;
    if (meta.epoch === this.#seenEpoch) return;
    this.#seenEpoch = meta.epoch;
    const members = meta.sm.members();
    this.#addresses.setAll(members);
    if (members.length > 0) this.#addressBook?.save(members);
    gossip?.addPeers(members);
    this.#removalWatch.observeMeta(meta.sm.member(this.id) !== undefined);
  }

  // ─── KvApi ────────────────────────────────────────────────────────────────────────────────

  async put(
    key: Uint8Array,
    value: Uint8Array,
    options: ForwardedPutOptions = {},
  ): Promise<{ version: number }> {
    return this.#router.put(key, value, options);
  }

  async get(key: Uint8Array, options: GetOptions = {}): Promise<VersionedValue | null> {
    return this.#router.get(key, options);
  }

  async delete(key: Uint8Array, options: DeleteOptions = {}): Promise<{ deleted: boolean }> {
    // Checked on every node it passes (the one asked and the leader it is forwarded to).
    if (options.ifVersion !== undefined) this.#features.require("delete-if-version", "a conditional delete");
    return this.#router.delete(key, options);
  }

  /**
   * A block of `count` revisions from the timestamp oracle, the first at least `atLeast`:
   * served here when this node leads the meta group, else forwarded to its leader (a forwarded
   * request is answered here or refused NotLeader, never forwarded again). Resolves with the first.
   */
  revisions(count: number, atLeast: number, options: RequestOptions = {}): Promise<number> {
    return this.#revisionBlock(count, atLeast, options);
  }

  #revisionBlock(count: number, atLeast: number, options: RequestOptions): Promise<number> {
    const { clock, settings } = this.#ctx;
    return this.#router.onGroupLeader({
      group: META_GROUP,
      options,
      deadline: clock.now() + settings.requestTimeoutMs,
      // A block lost in an answer that never arrived is only a gap: safe to ask again anywhere.
      idempotent: true,
      local: () => this.#oracle.next(count, atLeast),
      remote: (peer, deadline) => peer.revisions(count, atLeast, deadline),
    });
  }

  async join(member: MemberInfo, options: RequestOptions = {}): Promise<JoinResult> {
    return this.#membership.join(member, options);
  }

  async leave(id: string, options: RequestOptions = {}): Promise<void> {
    return this.#membership.leave(id, options);
  }

  async status(options: RequestOptions = {}): Promise<StatusJson> {
    return this.#status.status(options);
  }

  membership(): MembershipJson {
    return this.#status.membership();
  }

  /** A lease operation another node forwarded here (proto/forward.proto LeaseForward). */
  leaseForward(request: LeaseForward): Promise<LeaseForwardReply> {
    return this.#leases.serveForwarded(request);
  }

  /** Whether lease `id` exists, for a put with it (local meta replica first, else the meta leader). */
  leaseExists(id: number, options: RequestOptions = {}): Promise<boolean> {
    return this.#leases.leaseExists(id, options);
  }

  // ─── backups (src/node/backup) ────────────────────────────────────────────────────────────

  /** The cluster facts a backup records before its shards. */
  backupHeader(): SnapshotHeader {
    return backupHeader(this.#ctx);
  }

  /** A shard's state at a linearizable point, read on its leader (forwarded there if need be). */
  shardState(shard: number, options: RequestOptions = {}): Promise<ShardState> {
    return readShardState(this.#ctx, this.#router, shard, options);
  }

  /** Ask the members at `addresses` (in turn, with backoff) to add this node. */
  joinCluster(addresses: readonly string[]): Promise<void> {
    return this.#membership.joinCluster(addresses);
  }

  // ─── introspection ────────────────────────────────────────────────────────────────────────

  /** This node has applied the cluster config, so it can route any key (a joiner, early on, cannot). */
  get configKnown(): boolean {
    return this.#ctx.view.config !== null;
  }

  /** Where placement wants `group`'s replicas, as this node's meta replica says (null: unknown). */
  targetOf(group: string): GroupTarget | null {
    return this.#ctx.view.target(group);
  }

  /** Revision batches this node's oracle served from its meta lease, and after a round of their own. */
  get revisionStats(): { readonly servedFromLease: number; readonly servedAfterRound: number } {
    return this.#oracle.stats;
  }

  /** Writes proposed again because their shard had applied a higher revision (for metrics). */
  get staleRevisionRetries(): number {
    return this.#proposer.staleRevisionRetries;
  }

  /** Reads this node's leaders answered from their leases, and the rounds that renewed them. */
  get readLeaseStats(): { readonly served: number; readonly renewals: number } {
    return this.#ctx.host.readLeaseStats;
  }

  /** Linearizable gets served by a local follower replica, and those that fell back to the leader. */
  get readStats(): { readonly followerReads: number; readonly followerReadFallbacks: number } {
    return this.#router.readStats;
  }

  /** Groups led here whose replicas are moving toward placement (for metrics). */
  get rebalanceMoving(): number {
    return this.#rebalancer.moving;
  }

  /** The rebalancer's last step for a group led here (undefined elsewhere), for status and tests. */
  rebalanceStep(group: string): RebalanceStep | undefined {
    return this.#rebalancer.step(group);
  }

  /** Replicas here and on followers (as leader) found diverged, for status. */
  divergedReplicas(group: string): string[] {
    return this.#repair.divergedReplicas(group);
  }

  // ─── lifecycle ────────────────────────────────────────────────────────────────────────────

  /** Stop at once, as a crash would: no hand-off, no final sync (the simulator's kill). */
  async halt(): Promise<void> {
    if (!this.#lifecycle.is("stopping")) this.#lifecycle.become({ kind: "stopping", graceful: false });
    this.#watches.stop();
    await this.#ctx.host.stop();
  }

  /**
   * Stop serving: refuse new requests (NotLeader), move leadership away, let the requests in
   * flight finish while the groups still run (`drain`: the node's servers know them), then stop
   * the host and sync. The caller closes the store.
   */
  async stop(drain: () => Promise<void> = async () => {}): Promise<void> {
    if (this.#lifecycle.is("stopping")) return;
    this.#lifecycle.become({ kind: "stopping", graceful: true });
    this.#watches.stop();
    try {
      // Writes in flight apply here first (a few milliseconds; at most half the hand-off wait).
      await settleProposals(this.#ctx, handoffWaitMs(this.#ctx.settings) / 2);
      await transferLeadershipAway(this.#ctx);
    } catch (e) {
      this.logger.warn({ err: toRingkvError(e).message }, "leadership transfer on stop failed");
    }
    await drain();
    await this.#ctx.host.stop();
    await this.#store.sync();
  }
}

/** The meta group, and shard groups of the configured count (any count until it is known). */
function isClusterGroup(group: string, view: ClusterView | null): boolean {
  if (group === META_GROUP) return true;
  const shard = shardOfGroup(group);
  const count = view?.config?.shardCount;
  return shard !== null && (count === undefined || shard < count);
}
