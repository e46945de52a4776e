// The cluster side of a node, without servers: the multi-Raft host with the meta group and this
// node's shard replicas, the rebalancer, and the KV API with routing (key → shard → leader,
// served here or forwarded one hop). Everything with side effects comes in through an interface
// (log store, transport, peers, clock, random), so the deterministic simulator runs this very
// class (test/sim-cluster); src/node/node.ts wraps it in gRPC and HTTP servers.
import type { Logger } from "pino";
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type {
  GetOptions,
  JoinResult,
  KvApi,
  MemberInfo,
  MemberState,
  PutOptions,
  RequestOptions,
  ShardStatus,
  StatusJson,
  VersionedValue,
} from "../../api/kv-api.ts";
import { validateKey, validateValue } from "../../api/limits.ts";
import type { MetadataValue } from "../../gossip/index.ts";
import { ConfChangeType, EntryType, NONE, type Random, Role } from "../../raft/index.ts";
import type { Hasher } from "../../ring/index.ts";
import type { LogStore } from "../../storage/log-store.ts";
import type { Transport } from "../../transport/index.ts";
import type { NodeSettings } from "../config.ts";
import { type Clock, SYSTEM_CLOCK, sleep } from "../host/clock.ts";
import { withDeadline } from "../host/deadline.ts";
import { META_GROUP, shardGroup, shardOfGroup } from "../host/groups.ts";
import { MultiRaftHost } from "../host/host.ts";
import type { Replica } from "../host/replica.ts";
import type { Command } from "../kv/command.ts";
import type { ApplyResult } from "../kv/state-machine.ts";
import { ClusterView, type GroupTarget } from "../placement/cluster-view.ts";
import type { RebalanceStep } from "../placement/rebalance-step.ts";
import { Rebalancer } from "../placement/rebalancer.ts";
import type { AddressBook } from "./address-book.ts";
import { mergeShardReports } from "./status-merge.ts";

/** The rebalancer looks at the groups led here every this many ticks. */
const REBALANCE_EVERY_TICKS = 3;

/** A member not leaving asks a peer this often whether it was removed unawares. */
const MEMBERSHIP_CHECK_TICKS = 20;

/** A request tries at most this many nodes (following NotLeader hints) before giving up. */
const ROUTE_ATTEMPTS_MAX = 4;

/** Another node's KV API, as forwarding and status use it (gRPC in production). */
export interface Peer {
  put(
    key: Uint8Array,
    value: Uint8Array,
    options: PutOptions,
    deadline: number,
  ): Promise<{ version: number }>;
  get(key: Uint8Array, options: GetOptions, deadline: number): Promise<VersionedValue | null>;
  delete(key: Uint8Array, options: RequestOptions, deadline: number): Promise<{ deleted: boolean }>;
  join(member: MemberInfo, deadline: number, forwarded?: boolean): Promise<JoinResult>;
  leave(id: string, deadline: number): Promise<void>;
  status(deadline: number, local?: boolean): Promise<StatusJson>;
}

/**
 * The gossip agent as the cluster node uses it (src/node/gossip/agent.ts over gRPC): member
 * liveness, and last-write-wins metadata — leader hints, group configurations, applied epochs.
 * Optional: the simulator runs without it, and then nothing here depends on it.
 */
export interface GossipPort {
  addPeers(peers: readonly { readonly id: string; readonly addr: string }[]): void;
  member(id: string): { readonly state: MemberState; readonly incarnation: number } | undefined;
  publish(key: string, value: MetadataValue, version?: number): boolean;
  metadata(key: string): { readonly value: MetadataValue; readonly version: number } | undefined;
}

/** Gossip keys: who leads a group (version: term), its configuration (version: the conf-change
 * index), and the placement epoch a node has applied (version: the epoch). */
export const gossipKeys = {
  leader: (group: string) => `leader/${group}`,
  conf: (group: string) => `conf/${group}`,
  epoch: (node: string) => `epoch/${node}`,
  /** A replica's state digest at an applied index (version: that index; index 0: dropped). */
  digest: (group: string, node: string) => `digest/${group}/${node}`,
  /** Set by a leader that removed `node` for diverging (version: the removal's conf index). */
  diverged: (group: string, node: string) => `diverged/${group}/${node}`,
};

const NO_ONE: ReadonlySet<string> = new Set();

/** Replicas publish their state digest every this many rebalance rounds. */
const DIGEST_EVERY_ROUNDS = 5;

/** Peers by address. Deadlines are absolute times on the node's clock. */
export interface PeerDirectory {
  get(addr: string): Peer;
  close(): void;
}

export interface ClusterNodeOptions {
  readonly id: string;
  /** The address other nodes and clients use. */
  readonly addr: string;
  readonly http: string;
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
}

export class ClusterNode implements KvApi {
  readonly id: string;
  /** The address other nodes and clients use (the advertised one). */
  readonly addr: string;
  readonly httpAddr: string;
  readonly logger: Logger;
  readonly #settings: NodeSettings;
  readonly #store: LogStore;
  readonly transport: Transport;
  readonly #peers: PeerDirectory;
  readonly #clock: Clock;
  readonly #addressBook: AddressBook | undefined;
  readonly #gossip: GossipPort | undefined;
  /** What this node last published per gossip key (to publish only changes). */
  readonly #published = new Map<string, number>();
  /** Member → when this node first saw gossip call it dead (cleared when it is alive again). */
  readonly #deadSince = new Map<string, number>();
  #evicting = false;
  /** On a leader: group → followers whose state digest differs from ours (removed, rebuilt). */
  readonly #diverged = new Map<string, Set<string>>();
  /** Groups whose replica here differs from its leader's (dropped once removed, then rebuilt). */
  readonly #selfDiverged = new Set<string>();
  #rounds = 0;
  readonly #host: MultiRaftHost;
  readonly #meta: Replica;
  readonly #view: ClusterView;
  readonly #rebalancer: Rebalancer;
  /** Every address this node has given its transport: from the meta group, the address book, peers. */
  readonly #addresses = new Map<string, string>();
  #refreshingAddresses = false;
  /** Shard group → the leader id a NotLeader answer named (for groups not hosted here). */
  readonly #leaderHints = new Map<string, string>();
  #stopping = false;
  /** This node's own meta replica has listed it (so vanishing from it means removal). */
  #everMember = false;
  /** The placement epoch of this node's join, from the join's answer (0: unknown). */
  #joinEpoch = 0;
  /** The meta epoch #afterMetaApply last acted on. */
  #seenEpoch = -1;
  #finishingLeave = false;
  #checkingMembership = false;
  #membershipChecks = 0;
  #removed = false;
  /** This process saw its own member record marked leaving: a removal it was up for. */
  #sawOwnLeave = false;
  /**
   * Called once this node learns it was removed from the cluster; `whileDown` when this process
   * never saw the leave start, so the removal (a leave or a dead-member eviction) happened while
   * the node was down and its data directory is stale.
   */
  onRemoved: (whileDown: boolean) => void = () => {};

  constructor(options: ClusterNodeOptions) {
    const { settings, logger, store } = options;
    this.id = options.id;
    this.addr = options.addr;
    this.httpAddr = options.http;
    this.logger = logger;
    this.#settings = settings;
    this.#store = store;
    this.transport = options.transport;
    this.#peers = options.peers;
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#addressBook = options.addressBook;
    this.#gossip = options.gossip;
    const book = this.#addressBook?.load();
    for (const m of book?.members ?? []) this.#setPeer(m.id, m.addr);
    // A node that was added once (even if it never caught up) can find out it was removed.
    if (book && book.joinEpoch > 0 && book.members.some((m) => m.id === this.id)) {
      this.#joinEpoch = book.joinEpoch;
    }
    this.#host = new MultiRaftHost({
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
      acceptGroup: (group) => this.#isClusterGroup(group),
      clock: this.#clock,
    });
    this.#meta = this.#host.openReplica(META_GROUP);
    this.#view = new ClusterView(options.hasher, this.#meta.sm);
    for (const group of store.groups()) if (this.#isClusterGroup(group)) this.#host.openReplica(group);
    this.#rebalancer = new Rebalancer({
      nodeId: this.id,
      view: this.#view,
      replicas: () => this.#host.replicas(),
      changeConf: (replica, type, node) => this.#changeConf(replica, type, node),
      kick: () => this.#host.kick(),
      maxConcurrentMoves: settings.maxConcurrentMoves,
      heldOff: (group) => this.#diverged.get(group) ?? NO_ONE,
      transferCooldownTicks: 3 * settings.electionTicks,
      logger,
    });
    let ticks = 0;
    this.#host.onTick(() => {
      ticks++;
      if (this.#stopping) return;
      const leaving = this.#meta.sm.member(this.id)?.leaving === true;
      if (leaving) this.#sawOwnLeave = true;
      if (leaving || ticks % MEMBERSHIP_CHECK_TICKS === 0) this.#checkMembership();
      if (ticks % REBALANCE_EVERY_TICKS !== 0) return;
      this.#rebalancer.round(REBALANCE_EVERY_TICKS);
      this.#publishGossip();
      this.#checkDigests();
      this.#dropMovedReplicas();
      this.#evictDeadMembers();
      this.#finishLeaves();
      this.#learnMissingAddresses();
    });
    this.#host.onApplied((r) => this.#afterApply(r));
    for (const r of this.#host.replicas()) this.#afterApply(r);
  }

  /** The meta group, and shard groups of the configured count (any count until it is known). */
  #isClusterGroup(group: string): boolean {
    if (group === META_GROUP) return true;
    const shard = shardOfGroup(group);
    const count = this.#view.config?.shardCount;
    return shard !== null && (count === undefined || shard < count);
  }

  /** Start ticking and processing (call once the transport can receive). */
  start(): void {
    this.#host.start();
  }

  /** Close the connections to peers (after stop()). */
  closePeers(): void {
    this.#peers.close();
  }

  /** Every replica on this node (for metrics and tests). */
  replicas(): Replica[] {
    return [...this.#host.replicas()];
  }

  #afterApply(r: Replica): void {
    // A brand-new single-voter group (a fresh bootstrap) need not wait out an election timeout.
    const { leader } = r.raw.softState();
    if (leader === NONE) {
      const { voters } = r.raw.confState();
      if (voters.length === 1 && voters[0] === this.id) {
        r.raw.campaign();
        this.#host.kick();
      }
    }
    if (r === this.#meta) this.#afterMetaApply();
  }

  #setPeer(id: string, addr: string): void {
    if (id === this.id || this.#addresses.get(id) === addr) return;
    this.#addresses.set(id, addr);
    this.transport.setPeer(id, addr);
    this.#gossip?.addPeers([{ id, addr }]);
  }

  /**
   * A replica here follows a leader whose address we do not know — a member that joined after
   * our meta replica fell behind, and our answers cannot reach it, so the meta log that would
   * teach us the address cannot either. Ask the members we do know for theirs.
   */
  #learnMissingAddresses(): void {
    if (this.#refreshingAddresses) return;
    let missing = false;
    for (const r of this.#host.replicas()) {
      const { leader } = r.raw.softState();
      if (leader !== NONE && leader !== this.id && !this.#addresses.has(leader)) missing = true;
    }
    if (!missing) return;
    this.#refreshingAddresses = true;
    const known = [...this.#addresses.values()];
    void Promise.all(
      known.map((addr) =>
        this.#peers
          .get(addr)
          .status(this.#clock.now() + this.#settings.statusFanOutMs, true)
          .then((st) => {
            for (const m of st.members) this.#setPeer(m.id, m.addr);
          })
          .catch(() => {}),
      ),
    ).finally(() => {
      this.#refreshingAddresses = false;
    });
  }

  /** Keep the transport's address book and our own membership in step with the meta log. */
  #afterMetaApply(): void {
    const r = this.#meta;
    if (r.epoch === this.#seenEpoch) return;
    this.#seenEpoch = r.epoch;
    const members = r.sm.members();
    for (const m of members) this.#setPeer(m.id, m.addr);
    if (members.length > 0) this.#addressBook?.save(members);
    this.#gossip?.addPeers(members);
    const self = r.sm.member(this.id);
    if (self) this.#everMember = true;
    if (this.#everMember && !self && r.applied > 0) this.#markRemoved();
  }

  // ─── KvApi ────────────────────────────────────────────────────────────────────────────────

  async put(key: Uint8Array, value: Uint8Array, options: PutOptions = {}): Promise<{ version: number }> {
    validateKey(key, this.#settings.maxKeyBytes);
    validateValue(value, this.#settings.maxValueBytes);
    return this.#onShardLeader(
      key,
      options,
      (c, deadline) => c.put(key, value, options, deadline),
      async (r) => {
        const current = r.sm.get(key);
        const growth =
          key.byteLength + value.byteLength - (current ? key.byteLength + current.value.byteLength : 0);
        let held = 0;
        for (const replica of this.#host.replicas()) held += replica.sm.sizeBytes;
        if (held + growth > this.#settings.dataQuotaBytes) {
          throw new RingkvError(
            "QuotaExceeded",
            `the node's data quota of ${this.#settings.dataQuotaBytes} bytes is full`,
          );
        }
        const put =
          options.ifVersion === undefined ? { key, value } : { key, value, ifVersion: options.ifVersion };
        const result = await this.#propose(r, { put });
        if (result.kind === "versionMismatch") {
          throw new RingkvError("VersionMismatch", `version is ${result.current}, not ${options.ifVersion}`);
        }
        if (result.kind !== "put") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
        return { version: result.version };
      },
      false,
    );
  }

  async get(key: Uint8Array, options: GetOptions = {}): Promise<VersionedValue | null> {
    validateKey(key, this.#settings.maxKeyBytes);
    if (options.consistency === "stale") {
      const shard = this.#view.shardOf(key);
      const local = shard === null ? undefined : this.#host.replica(shardGroup(shard));
      // A stale read is served by any replica: here if we hold one that is still a member of
      // its group (one that moved off would be ever staler), else by the leader.
      const member = local !== undefined && inConf(local.raw.confState(), this.id);
      if (local && member && local.applied > 0) return local.sm.get(key);
    }
    return this.#onShardLeader(
      key,
      options,
      (c, deadline) => c.get(key, options, deadline),
      async (r) => {
        if (options.consistency === "stale") return r.sm.get(key);
        const confirmed = r.readIndex();
        this.#host.kick(); // the confirmation round leaves now, not on the next tick
        await r.waitApplied(await confirmed);
        return r.sm.get(key);
      },
      true,
    );
  }

  async delete(key: Uint8Array, options: RequestOptions = {}): Promise<{ deleted: boolean }> {
    validateKey(key, this.#settings.maxKeyBytes);
    return this.#onShardLeader(
      key,
      options,
      (c, deadline) => c.delete(key, options, deadline),
      async (r) => {
        const result = await this.#propose(r, { delete: { key } });
        if (result.kind !== "delete") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
        return { deleted: result.deleted };
      },
      false,
    );
  }

  /** Add a member: one meta write; the rebalancer then moves replicas onto it. Idempotent. */
  async join(member: MemberInfo, options: RequestOptions = {}): Promise<JoinResult> {
    if (!member.id || !member.addr)
      throw new RingkvError("InvalidArgument", "join needs a member id and address");
    return this.#onGroupLeader(
      META_GROUP,
      options,
      (c, deadline) => c.join(member, deadline),
      async (r) => {
        const known = r.sm.member(member.id);
        if (known?.leaving) {
          throw new RingkvError(
            "InvalidArgument",
            `${member.id} is leaving the cluster; wait until it has left`,
          );
        }
        if (!known || known.addr !== member.addr || known.http !== member.http) {
          await this.#propose(r, { setMember: { id: member.id, addr: member.addr, http: member.http } });
          this.logger.info({ member: member.id }, "member joined");
        }
        return { members: r.sm.members().map(({ id, addr, http }) => ({ id, addr, http })), epoch: r.epoch };
      },
      this.#clock.now() + this.#settings.requestTimeoutMs,
      true,
    );
  }

  /**
   * Remove a member cleanly: mark it leaving (placement stops counting it, so every shard's
   * leader moves its replicas elsewhere), then wait until the meta leader has finished the leave
   * (#finishLeaves): no shard holds it any more, and it is out of the meta group.
   */
  async leave(id: string, options: RequestOptions = {}): Promise<void> {
    if (!id) throw new RingkvError("InvalidArgument", "leave needs a node id");
    const deadline = this.#clock.now() + this.#settings.leaveTimeoutMs;
    await this.#onGroupLeader(
      META_GROUP,
      options,
      (c, until) => c.leave(id, until),
      async (r) => {
        const member = r.sm.member(id);
        if (!member) {
          const ids = r.sm.members().map((m) => m.id);
          throw new RingkvError(
            "NotMember",
            `${id} is not a member of the cluster (members: ${ids.join(", ")}); if it was, it has left already`,
          );
        }
        const active = r.sm.members().filter((m) => !m.leaving);
        if (!member.leaving && active.length <= 1) {
          throw new RingkvError("InvalidArgument", `${id} is the last member; it cannot leave`);
        }
        if (!member.leaving) {
          await this.#propose(r, { setMember: { ...member, leaving: true } });
          this.logger.info({ member: id }, "member leaving: moving its replicas off");
        }
        while (r.sm.member(id)) {
          if (!r.isLeader()) throw new RingkvError("NotLeader", "meta leadership moved during the leave");
          if (this.#clock.now() > deadline) {
            throw new RingkvError("Timeout", `${id} is still leaving; its replicas are moving (see status)`);
          }
          await sleep(this.#clock, this.#settings.tickMs);
        }
      },
      deadline,
      true,
    );
  }

  /**
   * The cluster's status: this node's view of members and the meta group, and every shard as
   * its leader reports it (asked of every member, in parallel, briefly). `forwarded` (a peer
   * asking) answers with this node's own replicas only.
   */
  async status(options: RequestOptions = {}): Promise<StatusJson> {
    const local = this.#localStatus();
    if (options.forwarded) return local;
    const others = this.#meta.sm.members().filter((m) => m.id !== this.id);
    const deadline = this.#clock.now() + this.#settings.statusFanOutMs;
    const reports = await Promise.all(
      others.map((m) =>
        this.#peers
          .get(m.addr)
          .status(deadline, true)
          .then(
            (st) => ({ node: m.id, shards: st.shards }),
            () => null,
          ),
      ),
    );
    const all = [{ node: this.id, shards: local.shards }, ...reports.filter((x) => x !== null)];
    const merged = mergeShardReports(all, this.#view.config?.shardCount ?? 0);
    // Divergence is flagged by the diverged replica itself and by its leader: show either's.
    const diverged = new Map<number, Set<string>>();
    for (const report of all) {
      for (const s of report.shards)
        for (const id of s.diverged ?? []) diverged.set(s.id, (diverged.get(s.id) ?? new Set()).add(id));
    }
    const shards = merged.map((s) => {
      const ids = diverged.get(s.id);
      const { diverged: _reported, ...rest } = s;
      return this.#withTarget(ids ? { ...rest, diverged: [...ids].sort() } : rest);
    });
    return { ...local, shards, rebalance: { moving: shards.filter((s) => s.moving).length } };
  }

  #localStatus(): StatusJson {
    const members = this.#meta.sm.members().map((m) => {
      // Liveness as gossip sees it; without gossip (the simulator) every member counts as alive.
      const seen = m.id === this.id ? undefined : this.#gossip?.member(m.id);
      const own = m.id === this.id ? this.#gossip?.member(m.id) : undefined;
      return {
        id: m.id,
        addr: m.addr,
        http: m.http,
        state: seen?.state ?? ("alive" as const),
        incarnation: (seen ?? own)?.incarnation ?? 0,
        ...(m.leaving ? { leaving: true } : {}),
      };
    });
    const shards: ShardStatus[] = [];
    for (const r of this.#host.replicas()) {
      const shard = shardOfGroup(r.group);
      if (shard === null || r.applied === 0) continue;
      const st = r.raw.status();
      const diverged = this.divergedReplicas(r.group);
      shards.push(
        this.#withTarget({
          ...(diverged.length > 0 ? { diverged } : {}),
          id: shard,
          leader: st.leader,
          term: st.term,
          replicas: [...st.confState.voters],
          learners: [...st.confState.learners],
          commitIndex: st.commit,
          appliedIndex: r.applied,
          keys: r.sm.keyCount,
        }),
      );
    }
    shards.sort((a, b) => a.id - b.id);
    const meta = this.#meta.raw.status();
    const config = this.#view.config;
    const gossip = this.#gossip ? { gossip: this.#gossipView() } : {};
    return {
      node: { id: this.id, addr: this.addr, http: this.httpAddr },
      epoch: this.#meta.epoch,
      members,
      ...(config ? { ring: { ...config, shares: [...(this.#view.ring?.shares() ?? [])] } } : {}),
      meta: {
        leader: meta.leader,
        term: meta.term,
        replicas: [...meta.confState.voters],
        learners: [...meta.confState.learners],
        commitIndex: meta.commit,
        appliedIndex: this.#meta.applied,
      },
      shards,
      ...gossip,
    };
  }

  #gossipView(): NonNullable<StatusJson["gossip"]> {
    const leaders: Record<string, { leader: string; term: number }> = {};
    const groups = [
      META_GROUP,
      ...Array.from({ length: this.#view.config?.shardCount ?? 0 }, (_, i) => shardGroup(i)),
    ];
    for (const group of groups) {
      const entry = this.#gossip?.metadata(gossipKeys.leader(group));
      const leader = this.#gossipLeader(group);
      if (entry && leader) leaders[group] = { leader, term: entry.version };
    }
    const epochs: Record<string, number> = {};
    for (const m of this.#meta.sm.members()) {
      const version = this.#gossip?.metadata(gossipKeys.epoch(m.id))?.version;
      if (version !== undefined) epochs[m.id] = version;
    }
    return { leaders, epochs };
  }

  /** A shard's target replicas (placement) and whether its replicas are still moving there. */
  #withTarget(s: ShardStatus): ShardStatus {
    const target = this.#view.target(shardGroup(s.id))?.voters ?? [];
    const same = target.length === s.replicas.length && target.every((id) => s.replicas.includes(id));
    return { ...s, target: [...target], moving: !same || s.learners.length > 0 };
  }

  // ─── routing ──────────────────────────────────────────────────────────────────────────────

  #onShardLeader<T>(
    key: Uint8Array,
    options: RequestOptions,
    remote: (client: Peer, deadlineMs: number) => Promise<T>,
    local: (replica: Replica) => Promise<T>,
    idempotent: boolean,
  ): Promise<T> {
    const shard = this.#view.shardOf(key);
    if (shard === null) {
      throw new RingkvError("Unavailable", "this node has not learned the cluster config yet", {
        retryAfterMs: 500,
      });
    }
    const deadline = this.#clock.now() + this.#settings.requestTimeoutMs;
    return this.#onGroupLeader(shardGroup(shard), options, remote, local, deadline, idempotent);
  }

  /**
   * Run `local` if this node leads `group`; otherwise forward to the leader with `remote`,
   * following NotLeader hints and trying the group's placement when no leader is known. A
   * forwarded request is never forwarded again (one hop): the receiver answers or says NotLeader.
   *
   * After a forward fails, the next node is tried only when the failure proves nothing was
   * applied (NotLeader) or the request is idempotent (reads, join, leave). A write that met
   * Unavailable or Timeout may have committed before the leader died: sending it again could
   * apply it twice, so its caller gets the error (the simulator found exactly that: a delete
   * applied twice answered "absent").
   */
  async #onGroupLeader<T>(
    group: string,
    options: RequestOptions,
    remote: (client: Peer, deadlineMs: number) => Promise<T>,
    local: (replica: Replica) => Promise<T>,
    deadline: number,
    idempotent: boolean,
  ): Promise<T> {
    // Refused before anything was proposed, so NotLeader: clients retry it elsewhere, writes too.
    if (this.#stopping)
      throw new RingkvError("NotLeader", "the node is shutting down", { retryAfterMs: 100 });
    const tried = new Set<string>();
    let lastError: RingkvError | null = null;
    for (let attempt = 0; attempt < ROUTE_ATTEMPTS_MAX && this.#clock.now() < deadline; attempt++) {
      const leader = await this.#findLeader(group, tried, deadline, options.forwarded === true);
      const replica = this.#host.replica(group);
      if (leader === this.id && replica) {
        try {
          return await withDeadline(local(replica), deadline - this.#clock.now(), "request", this.#clock);
        } catch (e) {
          // Leadership moved before the request entered the log: follow it (unless forwarded).
          const error = this.#withLeaderAddress(e);
          if (options.forwarded || !(error instanceof RingkvError) || error.code !== "NotLeader") throw error;
          lastError = error;
          tried.add(this.id);
          const hinted = error.leaderHint ? this.#memberAt(error.leaderHint) : undefined;
          if (hinted) this.#leaderHints.set(group, hinted);
          continue;
        }
      }
      const addr = leader === null ? undefined : this.#meta.sm.member(leader)?.addr;
      if (leader !== null && !addr && !options.forwarded) {
        tried.add(leader); // a leader we cannot reach (it left, or we lag): try the placement
        continue;
      }
      if (options.forwarded || !addr || leader === null) {
        throw new RingkvError("NotLeader", `${group}: not the leader here`, {
          leaderHint: options.forwarded && replica && leader ? (addr ?? "") : "",
          retryAfterMs: 100,
        });
      }
      try {
        return await remote(this.#peers.get(addr), deadline);
      } catch (e) {
        const error = toRingkvError(e);
        lastError = error;
        tried.add(leader);
        this.#leaderHints.delete(group);
        const hinted = error.leaderHint ? this.#memberAt(error.leaderHint) : undefined;
        if (error.code === "NotLeader" && hinted) this.#leaderHints.set(group, hinted);
        else if (error.code !== "NotLeader" && !(idempotent && error.code === "Unavailable")) throw error;
        if (!hinted)
          await sleep(
            this.#clock,
            Math.min(this.#settings.tickMs, Math.max(0, deadline - this.#clock.now())),
          );
      }
    }
    throw (
      lastError ?? new RingkvError("Unavailable", `${group}: no leader is reachable`, { retryAfterMs: 1000 })
    );
  }

  /**
   * Who leads `group`, as best this node knows: its own replica's view, a hint from an earlier
   * answer, or (no leader known) the group's placement. A local voter with no leader waits for
   * the election. null: nobody left to try.
   */
  async #findLeader(
    group: string,
    tried: Set<string>,
    deadline: number,
    forwarded: boolean,
  ): Promise<string | null> {
    // A replica here that is not in its own group's configuration (moved off this node, or not
    // yet caught up to its own addition) knows nothing current about the leader.
    const local = this.#host.replica(group);
    const replica = local && inConf(local.raw.confState(), this.id) ? local : undefined;
    const until = Math.min(deadline, this.#clock.now() + this.#settings.leaderWaitMs);
    for (;;) {
      const leader = replica?.raw.softState().leader ?? NONE;
      if (leader !== NONE && !tried.has(leader)) return leader;
      const isVoter = replica?.raw.confState().voters.includes(this.id) ?? false;
      if (!isVoter || this.#clock.now() >= until) break;
      await sleep(this.#clock, this.#settings.tickMs);
    }
    if (forwarded) return null;
    const hinted = this.#leaderHints.get(group);
    if (hinted && !tried.has(hinted)) return hinted;
    const gossiped = this.#gossipLeader(group);
    if (gossiped && !tried.has(gossiped)) return gossiped;
    const target = this.#view.target(group)?.voters ?? [];
    return target.find((id) => id !== this.id && !tried.has(id)) ?? null;
  }

  #memberAt(addr: string): string | undefined {
    return this.#meta.sm.members().find((m) => m.addr === addr)?.id;
  }

  /** The core names leaders by id; clients need the address to go there. */
  #withLeaderAddress(e: unknown): unknown {
    if (!(e instanceof RingkvError) || e.code !== "NotLeader" || !e.leaderHint) return e;
    const addr = this.#meta.sm.member(e.leaderHint)?.addr ?? "";
    return new RingkvError("NotLeader", e.message, { leaderHint: addr, retryAfterMs: e.retryAfterMs });
  }

  #pending = 0;

  async #propose(replica: Replica, command: Command): Promise<ApplyResult> {
    if (this.#pending >= this.#settings.maxPendingProposals) {
      throw new RingkvError("Unavailable", "too many writes in flight", { retryAfterMs: 200 });
    }
    this.#pending++;
    try {
      const result = replica.propose(command);
      this.#host.kick();
      return await result;
    } finally {
      this.#pending--;
    }
  }

  // ─── membership ───────────────────────────────────────────────────────────────────────────

  async #changeConf(replica: Replica, type: ConfChangeType, nodeId: string): Promise<void> {
    // One membership change at a time: wait out one that is still being applied.
    for (let attempt = 0; ; attempt++) {
      try {
        const applied = replica.proposeConfChange({ type, nodeId });
        this.#host.kick();
        await withDeadline(applied, this.#settings.requestTimeoutMs, "membership change", this.#clock);
        return;
      } catch (e) {
        if (!(e instanceof RingkvError && e.code === "Unavailable") || attempt > 50) throw e;
        await sleep(this.#clock, this.#settings.tickMs);
      }
    }
  }

  /**
   * Spread what this node knows that others route by: for each group it leads, the leader (by
   * term) and the configuration (by conf-change index); and the placement epoch it applied.
   * Only changes are published; gossip carries them to every node.
   */
  #publishGossip(): void {
    const gossip = this.#gossip;
    if (!gossip) return;
    const publish = (key: string, value: MetadataValue, version: number): void => {
      if ((this.#published.get(key) ?? -1) >= version) return;
      this.#published.set(key, version);
      gossip.publish(key, value, version);
    };
    for (const r of this.#host.replicas()) {
      const soft = r.raw.softState();
      if (soft.role !== Role.Leader) continue;
      const st = r.raw.status();
      publish(gossipKeys.leader(r.group), { leader: this.id, term: st.term }, st.term);
      const { voters, learners } = st.confState;
      publish(gossipKeys.conf(r.group), { voters: [...voters], learners: [...learners] }, r.epoch);
    }
    publish(gossipKeys.epoch(this.id), this.#meta.epoch, this.#meta.epoch);
  }

  /**
   * Drop the replicas here that their group no longer has. A replica removed from its group
   * usually never hears of it (the leader stops sending to it), so it would linger, stale, using
   * memory and disk. Gossip carries each group's configuration from its leader, versioned by the
   * index of its last change. A replica is dropped when that configuration leaves this node out,
   * placement does not want it here either, and its own log holds no membership change after
   * that index. The last condition is what makes it safe: to have voted or acknowledged entries as
   * a voter of a later configuration, this node must have received the change that added it back.
   */
  #dropMovedReplicas(): void {
    const gossip = this.#gossip;
    if (!gossip) return;
    for (const r of [...this.#host.replicas()]) {
      if (r === this.#meta) continue;
      const record = gossip.metadata(gossipKeys.conf(r.group));
      const conf = record?.value as { voters?: unknown; learners?: unknown } | null | undefined;
      if (!record || !Array.isArray(conf?.voters) || !Array.isArray(conf?.learners)) continue;
      if (inConf({ voters: conf.voters, learners: conf.learners }, this.id)) continue;
      if (this.#hasConfChangeAfter(r.group, record.version)) continue;
      const target = this.#view.target(r.group);
      const wanted = target !== null && inConf(target, this.id);
      const flagged = gossip.metadata(gossipKeys.diverged(r.group, this.id))?.version === record.version;
      const diverged = this.#selfDiverged.has(r.group) || flagged;
      if (!target || (wanted && !diverged)) continue;
      this.logger.info(
        { group: r.group, confIndex: record.version, diverged },
        diverged
          ? "diverged replica removed from its group: dropped, to be rebuilt"
          : "replica moved off this node: dropped",
      );
      this.#host.dropReplica(r.group);
      this.#selfDiverged.delete(r.group);
      // Tell the leader this copy is gone, so it may add a fresh one (version: above any digest).
      const key = gossipKeys.digest(r.group, this.id);
      const version = Math.max(r.applied, this.#gossip?.metadata(key)?.version ?? 0) + 1;
      this.#published.set(key, version);
      gossip.publish(key, { index: 0, digest: "" }, version);
    }
  }

  /**
   * Replicas compare state digests through gossip (DESIGN §2: how gossip reconciles replicas
   * without writing data). Every few rounds each replica publishes (appliedIndex, digest). A
   * follower whose digest at the leader's published index differs marks itself diverged; the
   * leader, seeing the same from its side, removes that follower from the group and holds it off
   * until the follower reports its copy dropped (#dropMovedReplicas); placement then adds it back
   * as an empty learner, which the leader fills with a snapshot. Data only ever moves through Raft.
   */
  #checkDigests(): void {
    const gossip = this.#gossip;
    if (!gossip) return;
    this.#rounds++;
    for (const r of this.#host.replicas()) {
      if (r.applied === 0) continue;
      if (!inConf(r.raw.confState(), this.id)) continue;
      if (this.#rounds % DIGEST_EVERY_ROUNDS === 0) {
        const { index, digest } = r.latestDigest();
        const key = gossipKeys.digest(r.group, this.id);
        if ((this.#published.get(key) ?? 0) < index) {
          this.#published.set(key, index);
          gossip.publish(key, { index, digest }, index);
        }
      }
      const { leader, role } = r.raw.softState();
      if (role === Role.Leader) this.#checkFollowers(r, gossip);
      else if (leader !== NONE && !this.#selfDiverged.has(r.group)) {
        const theirs = digestRecord(gossip.metadata(gossipKeys.digest(r.group, leader))?.value);
        const mine = theirs && theirs.index > 0 ? r.digestAt(theirs.index) : undefined;
        if (theirs && mine !== undefined && mine !== theirs.digest) {
          this.#selfDiverged.add(r.group);
          this.logger.error(
            { group: r.group, index: theirs.index, leader, mine, theirs: theirs.digest },
            "replica diverged from its leader: it will be removed and rebuilt from the leader's snapshot",
          );
        }
      }
    }
  }

  #checkFollowers(r: Replica, gossip: GossipPort): void {
    const held = this.#diverged.get(r.group) ?? new Set<string>();
    const { voters, learners } = r.raw.confState();
    for (const follower of [...voters, ...learners]) {
      if (follower === this.id) continue;
      const theirs = digestRecord(gossip.metadata(gossipKeys.digest(r.group, follower))?.value);
      if (!theirs || theirs.index === 0) continue;
      const mine = r.digestAt(theirs.index);
      if (mine === undefined || mine === theirs.digest || held.has(follower)) continue;
      held.add(follower);
      this.#diverged.set(r.group, held);
      this.logger.error(
        { group: r.group, follower, index: theirs.index, mine, theirs: theirs.digest },
        "follower diverged: removing it; it is re-added empty once it has dropped its copy",
      );
      // The follower may never hear of its removal, nor catch the leader's digests again once cut
      // off: a gossip record names it, at the removal's conf index, so it drops its copy.
      this.#changeConf(r, ConfChangeType.RemoveNode, follower)
        .then(() => gossip.publish(gossipKeys.diverged(r.group, follower), true, r.epoch))
        .catch((e: unknown) =>
          this.logger.warn(
            { group: r.group, follower, err: toRingkvError(e).message },
            "removing a diverged follower failed",
          ),
        );
    }
    // Released once its copy is gone: a dropped record, or no longer in the group and wanted back.
    for (const follower of [...held]) {
      const theirs = digestRecord(gossip.metadata(gossipKeys.digest(r.group, follower))?.value);
      if (theirs?.index === 0 && !voters.includes(follower) && !learners.includes(follower))
        held.delete(follower);
    }
    if (held.size === 0) this.#diverged.delete(r.group);
  }

  /** Replicas here and on followers (as leader) found diverged, for status. */
  divergedReplicas(group: string): string[] {
    const ids = [...(this.#diverged.get(group) ?? [])];
    if (this.#selfDiverged.has(group)) ids.push(this.id);
    return ids.sort();
  }

  /** Whether the group's log here holds a membership change after `index` (or may: compacted). */
  #hasConfChangeAfter(group: string, index: number): boolean {
    const log = this.#store.group(group);
    const last = log.lastIndex();
    if (last <= index) return false;
    if (log.firstIndex() > index + 1) return true; // compacted past it: assume the worst
    return log
      .entries(index + 1, last + 1, Number.POSITIVE_INFINITY)
      .some((e) => e.type === EntryType.ConfChange);
  }

  /** The leader gossip names for `group`, if any. */
  #gossipLeader(group: string): string | undefined {
    const value = this.#gossip?.metadata(gossipKeys.leader(group))?.value;
    const leader = (value as { leader?: unknown } | null | undefined)?.leader;
    return typeof leader === "string" && leader !== "" ? leader : undefined;
  }

  /**
   * On the meta leader: a member gossip has called dead for longer than deadMemberTimeoutMs is
   * treated as gone: marked leaving, so placement stops counting it and every shard it held is
   * re-replicated onto the others (and #finishLeaves removes it once none holds it). If it
   * comes back later it finds itself removed and stops.
   */
  #evictDeadMembers(): void {
    const gossip = this.#gossip;
    if (!gossip) return;
    const now = this.#clock.now();
    for (const m of this.#meta.sm.members()) {
      const state = gossip.member(m.id)?.state;
      if (state === "dead") {
        if (!this.#deadSince.has(m.id)) this.#deadSince.set(m.id, now);
      } else {
        this.#deadSince.delete(m.id);
      }
    }
    const r = this.#meta;
    if (this.#evicting || !r.isLeader()) return;
    const active = r.sm.members().filter((m) => !m.leaving);
    const overdue = active.find((m) => {
      const since = this.#deadSince.get(m.id);
      return m.id !== this.id && since !== undefined && now - since >= this.#settings.deadMemberTimeoutMs;
    });
    // Never evict down to nothing: the last active member stays whatever gossip says.
    if (!overdue || active.length <= 1) return;
    this.#evicting = true;
    const deadMs = now - this.#deadSince.get(overdue.id)!;
    this.logger.warn({ member: overdue.id, deadMs }, "member dead too long: re-replicating its shards");
    this.#propose(r, { setMember: { ...overdue, leaving: true } })
      .catch((e: unknown) =>
        this.logger.warn({ err: toRingkvError(e).message }, "evicting a dead member failed"),
      )
      .finally(() => {
        this.#evicting = false;
      });
  }

  /**
   * On the meta leader: finish the leave of every member marked leaving that no shard holds
   * any more (as the shards' leaders report it): out of the meta group, then off the list.
   */
  #finishLeaves(): void {
    const r = this.#meta;
    if (this.#finishingLeave || !r.isLeader()) return;
    const leaving = r.sm.members().filter((m) => m.leaving);
    if (leaving.length === 0) return;
    this.#finishingLeave = true;
    void (async () => {
      const status = await this.status();
      for (const m of leaving) {
        const holds = status.shards.some(
          (s) => s.leader === "" || s.replicas.includes(m.id) || s.learners.includes(m.id),
        );
        if (holds) continue;
        const cs = r.raw.confState();
        if (cs.voters.includes(m.id) || cs.learners.includes(m.id)) {
          await this.#changeConf(r, ConfChangeType.RemoveNode, m.id);
        }
        await this.#propose(r, { removeMember: m.id });
        this.logger.info({ member: m.id }, "member left");
      }
    })()
      .catch((e: unknown) => this.logger.warn({ err: toRingkvError(e).message }, "finishing a leave failed"))
      .finally(() => {
        this.#finishingLeave = false;
      });
  }

  /**
   * Has this node been removed without hearing of it? Its meta replica may never learn: the
   * leader stops sending to a removed member, and a member removed while it was down (a leave of
   * a crashed node) comes back with the old list. So it asks one member at a time — every tick
   * while it is leaving, every MEMBERSHIP_CHECK_TICKS otherwise — whether a meta state at least
   * as new as its own still lists it.
   */
  #checkMembership(): void {
    if (this.#checkingMembership || this.#removed) return;
    if (!this.#everMember && this.#joinEpoch === 0) return; // not known to have joined yet
    const others = this.#meta.sm.members().filter((m) => m.id !== this.id);
    const peer = others[this.#membershipChecks++ % Math.max(1, others.length)];
    if (!peer) return;
    this.#checkingMembership = true;
    const epoch = Math.max(this.#meta.epoch, this.#joinEpoch);
    void this.#peers
      .get(peer.addr)
      .status(this.#clock.now() + this.#settings.statusFanOutMs, true)
      .then((st) => {
        if (st.epoch >= epoch && !st.members.some((x) => x.id === this.id)) this.#markRemoved();
      })
      .catch(() => {}) // unreachable: ask another next time
      .finally(() => {
        this.#checkingMembership = false;
      });
  }

  #markRemoved(): void {
    if (this.#removed) return;
    this.#removed = true;
    this.logger.info("removed from the cluster");
    this.onRemoved(!this.#sawOwnLeave);
  }

  /** Ask the members at `addresses` (in turn, with backoff) to add this node. */
  async joinCluster(addresses: readonly string[]): Promise<void> {
    const me: MemberInfo = { id: this.id, addr: this.addr, http: this.httpAddr };
    let lastError: unknown = null;
    const until = this.#clock.now() + this.#settings.joinCatchUpMs;
    for (let attempt = 0; this.#clock.now() < until && !this.#stopping; attempt++) {
      for (const addr of addresses) {
        if (this.#stopping) break;
        try {
          // Learn the members' addresses first: until this node has replayed the meta log it has
          // no address book, and the leaders' replication needs our answers to reach them.
          const status = await this.#peers
            .get(addr)
            .status(this.#clock.now() + this.#settings.requestTimeoutMs, true);
          for (const m of status.members) this.#setPeer(m.id, m.addr);
          this.#addressBook?.save(status.members);
          const { members, epoch } = await this.#peers
            .get(addr)
            .join(me, this.#clock.now() + this.#settings.requestTimeoutMs, false);
          for (const m of members) this.#setPeer(m.id, m.addr);
          if (epoch) this.#joinEpoch = epoch;
          this.#addressBook?.save(members, epoch ?? 0);
          this.logger.info({ via: addr }, "joined the cluster");
          return;
        } catch (e) {
          lastError = e;
          this.logger.warn({ via: addr, err: toRingkvError(e).message }, "join attempt failed");
        }
      }
      await sleep(this.#clock, Math.min(2000, 200 * 2 ** attempt));
    }
    throw new RingkvError(
      "Unavailable",
      `could not join via ${addresses.join(",")}: ${toRingkvError(lastError).message}`,
    );
  }

  /** Hand leadership of every group led here to its most caught-up voter; wait (bounded). */
  async #transferLeadershipAway(): Promise<void> {
    const moving: [Replica, string][] = [];
    for (const r of this.#host.replicas()) {
      const st = r.raw.status();
      if (st.role !== Role.Leader) continue;
      const candidates = st.confState.voters.filter((v) => v !== this.id);
      if (candidates.length === 0) continue;
      const best = candidates.reduce((a, b) =>
        (st.progress.get(a)?.match ?? 0) >= (st.progress.get(b)?.match ?? 0) ? a : b,
      );
      r.raw.transferLeadership(best);
      moving.push([r, best]);
    }
    if (moving.length === 0) return;
    this.#host.kick();
    const until = this.#clock.now() + 2 * this.#settings.electionTicks * this.#settings.tickMs;
    while (moving.some(([r]) => r.isLeader()) && this.#clock.now() < until)
      await sleep(this.#clock, this.#settings.tickMs);
    for (const [r, to] of moving) {
      this.logger.info({ group: r.group, to, moved: !r.isLeader() }, "leadership transfer");
    }
  }

  // ─── lifecycle ────────────────────────────────────────────────────────────────────────────

  /** Where placement wants `group`'s replicas, as this node's meta replica says (null: unknown). */
  targetOf(group: string): GroupTarget | null {
    return this.#view.target(group);
  }

  /** The rebalancer's last step for a group led here (undefined elsewhere), for status and tests. */
  rebalanceStep(group: string): RebalanceStep | undefined {
    return this.#rebalancer.step(group);
  }

  /** Stop at once, as a crash would: no hand-off, no final sync (the simulator's kill). */
  async halt(): Promise<void> {
    this.#stopping = true;
    await this.#host.stop();
  }

  /** Stop serving: move leadership away, stop the host, sync. The caller closes the store. */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    try {
      await this.#transferLeadershipAway();
    } catch (e) {
      this.logger.warn({ err: toRingkvError(e).message }, "leadership transfer on stop failed");
    }
    await this.#host.stop();
    await this.#store.sync();
  }
}

/** A digest record's value, if well-formed. */
function digestRecord(value: unknown): { index: number; digest: string } | undefined {
  const v = value as { index?: unknown; digest?: unknown } | null | undefined;
  return typeof v?.index === "number" && typeof v.digest === "string"
    ? { index: v.index, digest: v.digest }
    : undefined;
}

/** Whether `id` is a voter or a learner of a configuration (or placement target). */
function inConf(
  conf: { readonly voters: readonly unknown[]; readonly learners: readonly unknown[] },
  id: string,
): boolean {
  return conf.voters.includes(id) || conf.learners.includes(id);
}
