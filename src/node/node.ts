// A ringkv node process: the multi-Raft host with its data group, durable storage, the peer
// transport, and the client API (gRPC and HTTP) with forwarding to the leader.
import { mkdir } from "node:fs/promises";
import type { Server as HttpServer } from "node:http";
import * as grpc from "@grpc/grpc-js";
import pino, { type Logger } from "pino";
import { ConfChangeType, NONE, Role } from "../raft/index.ts";
import type {
  GetOptions,
  KvApi,
  MemberInfo,
  PutOptions,
  RequestOptions,
  StatusJson,
  VersionedValue,
} from "./api.ts";
import { bootstrapGroup } from "./bootstrap.ts";
import { NODE_DEFAULTS, type NodeSettings } from "./config.ts";
import { withDeadline } from "./deadline.ts";
import { RingkvError, toRingkvError } from "./errors.ts";
import { registerKvService } from "./grpc-kv.ts";
import { MultiRaftHost } from "./host.ts";
import { createHttpServer } from "./http-server.ts";
import type { LogStore } from "./log-store.ts";
import { Metrics } from "./metrics.ts";
import type { NodeOptions } from "./options.ts";
import { PeerClients } from "./peer-clients.ts";
import { registerRaftMetrics } from "./raft-metrics.ts";
import { seededRandom } from "./random.ts";
import type { Replica } from "./replica.ts";
import type { ApplyResult } from "./state-machine.ts";
import { openLogStore } from "./storage-adapter.ts";
import { GrpcTransport, raftServerOptions, registerRaftService } from "./transport/index.ts";
import { validateKey, validateValue } from "./validate.ts";

/** How long a stopping node lets in-flight answers drain before closing every stream. */
const SHUTDOWN_GRACE_MS = 300;

/** While the cluster has one data group, it is shard 0. */
export const DATA_GROUP = "shard-0";

export async function startNode(
  options: NodeOptions,
  settings: Partial<NodeSettings> = {},
): Promise<RingkvNode> {
  const s: NodeSettings = { ...NODE_DEFAULTS, ...settings };
  const logger = pino({ level: options.logLevel ?? "info", base: { node: options.id } });
  await mkdir(options.dataDir, { recursive: true });
  const store = await openLogStore(options.dataDir, logger);
  try {
    const fresh = store.group(DATA_GROUP).lastIndex() === 0;
    if (fresh && options.bootstrap) {
      const addr = options.advertise ?? options.listen;
      await bootstrapGroup(store, DATA_GROUP, { id: options.id, addr, http: options.http ?? "" });
      logger.info({ group: DATA_GROUP }, "bootstrapped a new cluster");
    } else if (fresh && !options.join?.length) {
      throw new RingkvError(
        "InvalidArgument",
        `${options.dataDir} holds no cluster state: start with --bootstrap to create a cluster or --join to enter one`,
      );
    } else if (!fresh) {
      logger.info(
        { group: DATA_GROUP, lastIndex: store.group(DATA_GROUP).lastIndex() },
        "recovered from disk",
      );
    }
    const node = new RingkvNode(options, s, logger, store);
    await node.listen();
    if (fresh && options.join?.length) await node.joinCluster(options.join);
    return node;
  } catch (e) {
    await store.close();
    throw e;
  }
}

export class RingkvNode implements KvApi {
  readonly id: string;
  /** The address other nodes and clients use (the advertised one). */
  readonly addr: string;
  readonly #listen: string;
  readonly httpAddr: string;
  readonly logger: Logger;
  readonly #settings: NodeSettings;
  readonly #store: LogStore;
  readonly #transport: GrpcTransport;
  readonly #host: MultiRaftHost;
  readonly #data: Replica;
  readonly #grpc: grpc.Server;
  readonly #peers = new PeerClients();
  readonly #metrics: Metrics;
  #http: HttpServer | null = null;
  #stopping: Promise<void> | null = null;
  /** This node has been in the data group's configuration (so leaving it means removal). */
  #everMember = false;
  /** The address-book version and membership epoch #afterApply last acted on. */
  #seen = { members: -1, epoch: -1 };
  /** Called once this node learns it was removed from the cluster. */
  onRemoved: () => void = () => {};

  constructor(options: NodeOptions, settings: NodeSettings, logger: Logger, store: LogStore) {
    this.id = options.id;
    this.addr = options.advertise ?? options.listen;
    this.#listen = options.listen;
    this.httpAddr = options.http ?? "";
    this.logger = logger;
    this.#settings = settings;
    this.#store = store;
    this.#metrics = new Metrics({ labels: { node: options.id } });
    this.#transport = new GrpcTransport({ nodeId: options.id });
    this.#grpc = new grpc.Server(raftServerOptions(this.#transport.config));
    this.#host = new MultiRaftHost({
      nodeId: options.id,
      store,
      transport: this.#transport,
      logger,
      tickMs: settings.tickMs,
      electionTicks: settings.electionTicks,
      heartbeatTicks: settings.heartbeatTicks,
      snapshotEntries: settings.snapshotEntries,
      snapshotLogBytes: settings.snapshotLogBytes,
      random: seededRandom(hashSeed(options.id)),
      onFatal: (e) => this.#fatal(e),
    });
    this.#data = this.#host.openReplica(DATA_GROUP);
    registerRaftMetrics(this.#metrics, () => [this.#data]);
    this.#host.onApplied((r) => this.#afterApply(r));
    this.#afterApply(this.#data);
  }

  async listen(): Promise<void> {
    registerRaftService(this.#grpc, this.#transport);
    const limits = { maxKeyBytes: this.#settings.maxKeyBytes, maxValueBytes: this.#settings.maxValueBytes };
    registerKvService(this.#grpc, this, { ...limits, metrics: this.#metrics });
    await new Promise<void>((resolve, reject) =>
      this.#grpc.bindAsync(this.#listen, grpc.ServerCredentials.createInsecure(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    if (this.httpAddr) {
      const http = createHttpServer(this, { ...limits, metrics: this.#metrics });
      const [host, port] = splitHostPort(this.httpAddr);
      await new Promise<void>((resolve, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => resolve());
      });
      this.#http = http;
    }
    this.#host.start();
    this.logger.info({ addr: this.addr, http: this.httpAddr || null }, "listening");
  }

  /** Keep the transport's address book and our own membership in step with the log. */
  #afterApply(r: Replica): void {
    // Runs after every applied batch: skip unless the address book or the membership changed.
    if (r.sm.membersVersion === this.#seen.members && r.epoch === this.#seen.epoch) return;
    this.#seen = { members: r.sm.membersVersion, epoch: r.epoch };
    for (const m of r.sm.members()) if (m.id !== this.id) this.#transport.setPeer(m.id, m.addr);
    const { confState } = r.raw.status();
    const wasMember = r.applied > 0 && this.#everMember;
    const isMember = confState.voters.includes(this.id) || confState.learners.includes(this.id);
    if (isMember) this.#everMember = true;
    if (wasMember && !isMember) {
      this.logger.info({ group: r.group }, "removed from the cluster");
      this.onRemoved();
    }
    // A brand-new single-member cluster need not wait out an election timeout.
    if (confState.voters.length === 1 && confState.voters[0] === this.id && r.raw.status().leader === NONE) {
      r.raw.campaign();
      this.#host.kick();
    }
  }

  // ─── KvApi ────────────────────────────────────────────────────────────────────────────────

  async put(key: Uint8Array, value: Uint8Array, options: PutOptions = {}): Promise<{ version: number }> {
    validateKey(key, this.#settings.maxKeyBytes);
    validateValue(value, this.#settings.maxValueBytes);
    return this.#onLeader(
      options,
      (c, deadline) => c.put(key, value, options, deadline),
      async () => {
        const r = this.#data;
        const current = r.sm.get(key);
        const growth =
          key.byteLength + value.byteLength - (current ? key.byteLength + current.value.byteLength : 0);
        if (r.sm.sizeBytes + growth > this.#settings.dataQuotaBytes) {
          throw new RingkvError(
            "QuotaExceeded",
            `the node's data quota of ${this.#settings.dataQuotaBytes} bytes is full`,
          );
        }
        const put =
          options.ifVersion === undefined ? { key, value } : { key, value, ifVersion: options.ifVersion };
        const result = await this.#propose({ put });
        if (result.kind === "versionMismatch") {
          throw new RingkvError("VersionMismatch", `version is ${result.current}, not ${options.ifVersion}`);
        }
        if (result.kind !== "put") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
        return { version: result.version };
      },
    );
  }

  async get(key: Uint8Array, options: GetOptions = {}): Promise<VersionedValue | null> {
    validateKey(key, this.#settings.maxKeyBytes);
    if (options.consistency === "stale") return this.#data.sm.get(key);
    return this.#onLeader(
      options,
      (c, deadline) => c.get(key, options, deadline),
      async () => {
        const confirmed = this.#data.readIndex();
        this.#host.kick(); // the confirmation round leaves now, not on the next tick
        await this.#data.waitApplied(await confirmed);
        return this.#data.sm.get(key);
      },
    );
  }

  async delete(key: Uint8Array, options: RequestOptions = {}): Promise<{ deleted: boolean }> {
    validateKey(key, this.#settings.maxKeyBytes);
    return this.#onLeader(
      options,
      (c, deadline) => c.delete(key, options, deadline),
      async () => {
        const result = await this.#propose({ delete: { key } });
        if (result.kind !== "delete") throw new RingkvError("Internal", `unexpected result ${result.kind}`);
        return { deleted: result.deleted };
      },
    );
  }

  async join(member: MemberInfo, options: RequestOptions = {}): Promise<{ members: MemberInfo[] }> {
    if (!member.id || !member.addr)
      throw new RingkvError("InvalidArgument", "join needs a member id and address");
    return this.#onLeader(
      options,
      (c, deadline) => c.join(member, deadline),
      () => this.#addMember(member),
      this.#settings.joinCatchUpMs + this.#settings.requestTimeoutMs,
    );
  }

  async leave(id: string, options: RequestOptions = {}): Promise<void> {
    if (!id) throw new RingkvError("InvalidArgument", "leave needs a node id");
    return this.#onLeader(
      options,
      (c, deadline) => c.leave(id, deadline),
      () => this.#removeMember(id),
    );
  }

  async status(): Promise<StatusJson> {
    const r = this.#data;
    const st = r.raw.status();
    const members = r.sm.members().map((m) => ({ ...m, state: "alive" as const, incarnation: 0 }));
    return {
      node: { id: this.id, addr: this.addr, http: this.httpAddr },
      epoch: r.epoch,
      members,
      shards: [
        {
          id: 0,
          leader: st.leader,
          term: st.term,
          replicas: [...st.confState.voters],
          learners: [...st.confState.learners],
          commitIndex: st.commit,
          appliedIndex: r.applied,
          keys: r.sm.keyCount,
        },
      ],
    };
  }

  // ─── leader routing ───────────────────────────────────────────────────────────────────────

  /**
   * Run `local` if this node leads the data group; otherwise forward once to the leader with
   * `remote`. A forwarded request is never forwarded again (one hop): the receiver answers or
   * says NotLeader. With no leader in sight within leaderWaitMs, the answer is Unavailable.
   */
  async #onLeader<T>(
    options: RequestOptions,
    remote: (client: ReturnType<PeerClients["get"]>, deadlineMs: number) => Promise<T>,
    local: () => Promise<T>,
    timeoutMs = this.#settings.requestTimeoutMs,
  ): Promise<T> {
    if (this.#stopping)
      throw new RingkvError("Unavailable", "the node is shutting down", { retryAfterMs: 500 });
    const deadline = Date.now() + timeoutMs;
    const leader = await this.#awaitLeader(Math.min(deadline, Date.now() + this.#settings.leaderWaitMs));
    if (leader === this.id) {
      try {
        return await withDeadline(local(), deadline - Date.now(), "request");
      } catch (e) {
        throw this.#withLeaderAddress(e);
      }
    }
    const addr = this.#data.sm.member(leader)?.addr;
    if (options.forwarded || !addr) {
      throw new RingkvError("NotLeader", `not the leader; ${leader} is`, {
        leaderHint: addr ?? "",
        retryAfterMs: 100,
      });
    }
    try {
      return await remote(this.#peers.get(addr), deadline);
    } catch (e) {
      throw toRingkvError(e);
    }
  }

  /** The core names leaders by id; clients need the address to go there. */
  #withLeaderAddress(e: unknown): unknown {
    if (!(e instanceof RingkvError) || e.code !== "NotLeader" || !e.leaderHint) return e;
    const addr = this.#data.sm.member(e.leaderHint)?.addr ?? "";
    return new RingkvError("NotLeader", e.message, { leaderHint: addr, retryAfterMs: e.retryAfterMs });
  }

  /** The current leader's id, waiting (tick by tick) up to `until` for one to be known. */
  async #awaitLeader(until: number): Promise<string> {
    for (;;) {
      const { leader } = this.#data.raw.softState(); // per request: not the full status()
      if (leader !== NONE) return leader;
      if (Date.now() >= until) {
        throw new RingkvError("Unavailable", "no leader is reachable", { retryAfterMs: 1000 });
      }
      await new Promise((resolve) => setTimeout(resolve, this.#settings.tickMs));
    }
  }

  #pending = 0;

  async #propose(command: Parameters<Replica["propose"]>[0]): Promise<ApplyResult> {
    if (this.#pending >= this.#settings.maxPendingProposals) {
      throw new RingkvError("Unavailable", "too many writes in flight", { retryAfterMs: 200 });
    }
    this.#pending++;
    try {
      const result = this.#data.propose(command);
      this.#host.kick();
      return await result;
    } finally {
      this.#pending--;
    }
  }

  // ─── membership ───────────────────────────────────────────────────────────────────────────

  /** On the leader: address first, then learner, catch up, promote (Raft thesis §4.2.1). */
  async #addMember(member: MemberInfo): Promise<{ members: MemberInfo[] }> {
    const r = this.#data;
    const known = r.sm.member(member.id);
    if (!known || known.addr !== member.addr || known.http !== member.http)
      await this.#propose({ setMember: member });
    const cs = r.raw.status().confState;
    if (!cs.voters.includes(member.id)) {
      if (!cs.learners.includes(member.id)) await this.#changeConf(ConfChangeType.AddLearner, member.id);
      await this.#awaitCaughtUp(member.id);
      await this.#changeConf(ConfChangeType.AddNode, member.id);
      this.logger.info({ member: member.id }, "member joined");
    }
    return { members: r.sm.members() };
  }

  async #removeMember(id: string): Promise<void> {
    const r = this.#data;
    const cs = r.raw.status().confState;
    if (id === this.id) {
      await this.#transferLeadershipAway();
      throw new RingkvError("NotLeader", "leadership moved; retry the leave on the new leader", {
        retryAfterMs: 100,
      });
    }
    if (cs.voters.includes(id) || cs.learners.includes(id))
      await this.#changeConf(ConfChangeType.RemoveNode, id);
    if (r.sm.member(id)) await this.#propose({ removeMember: id });
    this.logger.info({ member: id }, "member left");
  }

  async #changeConf(type: ConfChangeType, nodeId: string): Promise<void> {
    // One membership change at a time: wait out one that is still being applied.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#data.proposeConfChange({ type, nodeId });
        this.#host.kick();
        return;
      } catch (e) {
        if (!(e instanceof RingkvError && e.code === "Unavailable") || attempt > 50) throw e;
        await new Promise((resolve) => setTimeout(resolve, this.#settings.tickMs));
      }
    }
  }

  async #awaitCaughtUp(id: string): Promise<void> {
    const until = Date.now() + this.#settings.joinCatchUpMs;
    while (Date.now() < until) {
      const st = this.#data.raw.status();
      if (st.role !== Role.Leader) throw new RingkvError("NotLeader", "leadership changed during the join");
      const match = st.progress.get(id)?.match ?? 0;
      if (match >= st.commit) return;
      await new Promise((resolve) => setTimeout(resolve, this.#settings.tickMs));
    }
    throw new RingkvError("Timeout", `${id} did not catch up within ${this.#settings.joinCatchUpMs} ms`);
  }

  /** Hand leadership to the most caught-up voter and wait (bounded) until it has moved. */
  async #transferLeadershipAway(): Promise<void> {
    const st = this.#data.raw.status();
    if (st.role !== Role.Leader) return;
    const candidates = st.confState.voters.filter((v) => v !== this.id);
    if (candidates.length === 0) return;
    const best = candidates.reduce((a, b) =>
      (st.progress.get(a)?.match ?? 0) >= (st.progress.get(b)?.match ?? 0) ? a : b,
    );
    this.#data.raw.transferLeadership(best);
    this.#host.kick();
    const until = Date.now() + 2 * this.#settings.electionTicks * this.#settings.tickMs;
    while (this.#data.isLeader() && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, this.#settings.tickMs));
    }
    this.logger.info({ to: best, moved: !this.#data.isLeader() }, "leadership transfer");
  }

  /** Ask the members at `addresses` (in turn, with backoff) to add this node. */
  async joinCluster(addresses: readonly string[]): Promise<void> {
    const me: MemberInfo = { id: this.id, addr: this.addr, http: this.httpAddr };
    let lastError: unknown = null;
    const until = Date.now() + this.#settings.joinCatchUpMs + 30_000;
    for (let attempt = 0; Date.now() < until; attempt++) {
      for (const addr of addresses) {
        try {
          // Learn the members' addresses first: until this node has replayed the log it has no
          // address book, and the leader's replication needs our answers to reach it.
          const status = await this.#peers.get(addr).status(Date.now() + this.#settings.requestTimeoutMs);
          for (const m of status.members) if (m.id !== this.id) this.#transport.setPeer(m.id, m.addr);
          const { members } = await this.#peers
            .get(addr)
            .join(me, Date.now() + this.#settings.joinCatchUpMs + 10_000, false);
          for (const m of members) if (m.id !== this.id) this.#transport.setPeer(m.id, m.addr);
          this.logger.info({ via: addr }, "joined the cluster");
          return;
        } catch (e) {
          lastError = e;
          this.logger.warn({ via: addr, err: toRingkvError(e).message }, "join attempt failed");
        }
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * 2 ** attempt)));
    }
    throw new RingkvError(
      "Unavailable",
      `could not join via ${addresses.join(",")}: ${toRingkvError(lastError).message}`,
    );
  }

  // ─── lifecycle ────────────────────────────────────────────────────────────────────────────

  /** Graceful stop: move leadership away, flush, close. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    try {
      await this.#transferLeadershipAway();
    } catch (e) {
      this.logger.warn({ err: toRingkvError(e).message }, "leadership transfer on stop failed");
    }
    await this.#host.stop();
    await this.#store.sync();
    // Let answers in flight go out, but don't wait for peers' long-lived Raft streams to end:
    // they never do on their own (GOAWAY only stops new ones).
    await Promise.race([
      new Promise<void>((resolve) => this.#grpc.tryShutdown(() => resolve())),
      new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS)),
    ]);
    this.#grpc.forceShutdown();
    if (this.#http) {
      this.#http.closeAllConnections();
      await new Promise<void>((resolve) => this.#http!.close(() => resolve()));
    }
    await this.#transport.close();
    this.#peers.close();
    await this.#store.close();
    this.logger.info("stopped");
  }

  #fatal(e: unknown): void {
    this.logger.fatal(
      { err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) },
      "fatal error",
    );
    // Continuing on a failed disk or a broken invariant risks acknowledged data: stop hard.
    process.exit(70);
  }
}

function splitHostPort(addr: string): [string, number] {
  const i = addr.lastIndexOf(":");
  const port = Number(addr.slice(i + 1));
  if (i <= 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RingkvError("InvalidArgument", `bad address ${addr}: want HOST:PORT`);
  }
  return [addr.slice(0, i), port];
}

/** A per-node seed: replicas must not share election timeouts. */
function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h ^ Date.now()) >>> 0;
}
