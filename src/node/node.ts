// A ringkv node process: the cluster node (src/node/cluster/cluster-node.ts: multi-Raft host, meta
// group, shard replicas, rebalancer, routing) behind its servers — gRPC (client API and peer
// traffic on one port) and HTTP — with durable storage and the gRPC peer transport.
import { mkdir } from "node:fs/promises";
import type { Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";
import * as grpc from "@grpc/grpc-js";
import pino, { type Logger } from "pino";
import { adminServiceDefinition } from "../api/admin-wire.ts";
import { RingkvError } from "../api/errors.ts";
import type {
  DeleteOptions,
  GetOptions,
  JoinResult,
  KvApi,
  MemberInfo,
  MembershipJson,
  PutOptions,
  RequestOptions,
  StatusJson,
  VersionedValue,
} from "../api/kv-api.ts";
import { KV_SERVICE_NAME, kvServiceDefinition } from "../api/kv-wire.ts";
import type { RingArc } from "../api/ring-view.ts";
import { createHasher, type Hasher, ShardRing } from "../ring/index.ts";
import { replicationFactorDefault, shardCountDefault } from "../ring/settings.ts";
import type { LogStore } from "../storage/log-store.ts";
import {
  GrpcTransport,
  raftServerOptions,
  raftServiceDefinition,
  registerRaftService,
} from "../transport/index.ts";
import { AuthGate, NO_PEER_IDENTITY, type PeerIdentity } from "./auth/index.ts";
import { FileAddressBook } from "./cluster/address-book.ts";
import { bootstrapCluster } from "./cluster/bootstrap.ts";
import { ClusterNode } from "./cluster/cluster-node.ts";
import { forwardServiceDefinition } from "./cluster/forward-wire.ts";
import { PeerClients } from "./cluster/peer-clients.ts";
import { handoffWaitMs, NODE_DEFAULTS, type NodeSettings, validateNodeSettings } from "./config.ts";
import { ETCD_PACKAGE_PATH_PREFIX, registerEtcdServices } from "./etcd/index.ts";
import { GossipAgent, gossipServiceDefinition } from "./gossip/index.ts";
import { META_GROUP } from "./host/groups.ts";
import { InFlight } from "./host/in-flight.ts";
import { openLogStore } from "./host/open-log-store.ts";
import { seededRandom } from "./host/random.ts";
import { checkCanListen, ListenError, type ListenerRole } from "./listen-error.ts";
import { Metrics } from "./metrics.ts";
import type { NodeAuthOptions, NodeOptions } from "./options.ts";
import { NodeMetrics } from "./raft-metrics.ts";
import { authInterceptor, bearerInterceptor, httpAuthorize } from "./server/auth-interceptor.ts";
import { registerAdminService } from "./server/grpc-admin.ts";
import { registerForwardService } from "./server/grpc-forward.ts";
import { CLIENT_MESSAGE_OVERHEAD_BYTES, registerKvService } from "./server/grpc-kv.ts";
import { clientMessageLimit } from "./server/grpc-message-limit.ts";
import { registerWatchServices } from "./server/grpc-watch.ts";
import { localHealth } from "./server/health.ts";
import { createHttpServer } from "./server/http-server.ts";
import { checkExposure } from "./tls/exposure.ts";
import { NodeTls } from "./tls/node-tls.ts";

/** How long a stopping node lets in-flight answers drain before closing every stream. */
const SHUTDOWN_GRACE_MS = 300;

export async function startNode(
  options: NodeOptions,
  settings: Partial<NodeSettings> = {},
): Promise<RingkvNode> {
  // Refused before anything is created: a bad setting names itself (InvalidArgument, CLI exit 2).
  const s = validateNodeSettings({ ...NODE_DEFAULTS, ...settings });
  const logger = pino({ level: options.logLevel ?? "info", base: { node: options.id } });
  // Certificates are read and checked, and plaintext beyond loopback refused, before anything
  // else: a wrong path is one line naming it (exit 2), not a failed handshake later.
  const tls = NodeTls.load(options.tls ?? {});
  checkExposure(
    { listen: options.listen, http: options.http },
    { client: tls !== null, peer: tls?.peerAuth === true },
    options.insecure === true,
  );
  const peerCredentials = tls?.peerChannelCredentials() ?? grpc.credentials.createInsecure();
  // With mutual TLS a verified peer certificate is what proves a node to authorization; a peer
  // token is then not needed (src/node/auth/peer-identity.ts).
  const peerIdentity = options.auth?.peerIdentity ?? tls?.peerIdentity();
  const authOptions = options.auth
    ? { ...options.auth, ...(peerIdentity ? { peerIdentity } : {}) }
    : undefined;
  // A taken port is found before the data directory is opened and locked (listen-error.ts).
  await checkListener(options.listen, "gRPC");
  if (options.http) await checkListener(options.http, "HTTP");
  // A bad token file refuses the start before the data directory is locked.
  const auth = authOptions ? await openAuth(authOptions, logger) : null;
  await mkdir(options.dataDir, { recursive: true });
  const hasher = await createHasher();
  const store = await openLogStore(options.dataDir, logger);
  try {
    const addressBook = new FileAddressBook(options.dataDir);
    // A node whose join was confirmed has that in its address book, even if it crashed before
    // its first log entry arrived; one whose join was never confirmed must join again.
    const fresh =
      store.group(META_GROUP).lastIndex() === 0 &&
      store.groups().length <= 1 &&
      addressBook.load().joinEpoch === 0;
    if (fresh && options.bootstrap) {
      const addr = options.advertise ?? options.listen;
      const config = {
        shardCount: options.bootstrap.shards ?? shardCountDefault,
        replicationFactor: options.bootstrap.replicas ?? replicationFactorDefault,
      };
      await bootstrapCluster(store, { id: options.id, addr, http: publishedHttp(options) }, config);
      logger.info(config, "bootstrapped a new cluster");
    } else if (fresh && !options.join?.length) {
      throw new RingkvError(
        "InvalidArgument",
        `${options.dataDir} holds no cluster state: start with --bootstrap to create a cluster or --join to enter one`,
      );
    } else if (!fresh && options.join?.length) {
      // Joining again would not make a member of a node the cluster already knows, or removed:
      // both need the operator to decide, and quietly restarting instead hides the mistake.
      throw new RingkvError(
        "InvalidArgument",
        `${options.dataDir} already holds this node's cluster state: restart it without --join, or, to add it as a new member, wipe ${options.dataDir} first and start it with --join again`,
      );
    } else if (!fresh) {
      logger.info({ groups: store.groups().length }, "recovered from disk");
    }
    const addr = options.advertise ?? options.listen;
    const gossip = await GossipAgent.open({
      id: options.id,
      addr,
      http: publishedHttp(options),
      dataDir: options.dataDir,
      tickMs: s.gossipTickMs,
      ticksPerWake: GOSSIP_TICKS_PER_WAKE,
      logger,
      credentials: peerCredentials,
    });
    const metrics = new Metrics({ labels: { node: options.id } });
    // The series read the cluster node when scraped; it exists by the time anything scrapes.
    let cluster: ClusterNode | undefined;
    const transport = new GrpcTransport({ nodeId: options.id, credentials: peerCredentials });
    const observer = new NodeMetrics(metrics, {
      replicas: () => cluster?.replicas() ?? [],
      dataQuotaBytes: s.dataQuotaBytes,
      rebalanceMoving: () => cluster?.rebalanceMoving ?? 0,
      transport: () => ({ ...transport.stats(), queueLengths: transport.queueLengths() }),
      gossip: () => ({
        states: gossip.members().map((m) => m.state),
        probesFailed: gossip.stats().protocol.probesFailed,
      }),
      requestPath: () => ({
        revisionsFromLease: cluster?.revisionStats.servedFromLease ?? 0,
        revisionsAfterRound: cluster?.revisionStats.servedAfterRound ?? 0,
        readsFromLease: cluster?.readLeaseStats.served ?? 0,
        readLeaseRenewals: cluster?.readLeaseStats.renewals ?? 0,
        followerReads: cluster?.readStats.followerReads ?? 0,
        followerReadFallbacks: cluster?.readStats.followerReadFallbacks ?? 0,
        staleRevisionRetries: cluster?.staleRevisionRetries ?? 0,
      }),
    });
    cluster = new ClusterNode({
      id: options.id,
      addr: options.advertise ?? options.listen,
      http: publishedHttp(options),
      settings: s,
      logger,
      store,
      transport,
      peers: new PeerClients(
        peerCredentials,
        options.auth?.peerToken ? { interceptors: [bearerInterceptor(options.auth.peerToken)] } : {},
      ),
      hasher,
      random: seededRandom(hashSeed(options.id)),
      addressBook,
      gossip,
      onFatal: (e) => fatal(logger, e),
      observer,
    });
    const node = new RingkvNode(options, s, logger, store, gossip, cluster, {
      hasher,
      metrics,
      tls,
      auth,
      peerIdentity: peerIdentity ?? NO_PEER_IDENTITY,
    });
    try {
      // Startup order: the gRPC port first (peers need it: the join's check that this node
      // answers, then replication of the meta log to it), the client HTTP port only once this
      // node can route. A joiner would otherwise answer 503 "has not learned the cluster config
      // yet" for the seconds its meta replica takes to catch up.
      await node.listen();
      if (fresh && options.join?.length) {
        await node.joinCluster(options.join);
        if (!(await node.untilRoutable(s.joinCatchUpMs))) {
          logger.warn({ waitedMs: s.joinCatchUpMs }, "cluster config not learned yet; serving anyway");
        }
      }
      await node.listenHttp();
    } catch (e) {
      // Stop what listen() started, or the open servers and Raft loop keep the process alive
      // (and write to the store closed below).
      await node.abort();
      throw e;
    }
    return node;
  } catch (e) {
    await store.close();
    throw e;
  }
}

/**
 * The node's AuthGate. Its peer token must be an admin token of its own file: a typo would
 * otherwise surface only as refused joins and forwards on other nodes.
 */
async function openAuth(auth: NodeAuthOptions, logger: Logger): Promise<AuthGate> {
  const gate = await AuthGate.open(auth.file, logger);
  if (auth.peerToken !== undefined) {
    try {
      gate.check({ authorization: `Bearer ${auth.peerToken}`, peer: null }, "peer", "the peer token");
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new RingkvError("InvalidArgument", `peer token refused by ${auth.file}: ${why}`);
    }
  } else if (auth.peerIdentity === undefined) {
    throw new RingkvError(
      "InvalidArgument",
      `auth file ${auth.file} given without a peer token: give --peer-token (RINGKV_PEER_TOKEN), an admin token of that file, which this node presents to its peers when it joins, forwards and asks for status`,
    );
  }
  logger.info({ file: auth.file, tokens: gate.tokenCount }, "token authentication on");
  return gate;
}

/**
 * Gossip ticks run per wake-up of its timer: 100 ms apart with the default 50 ms tick. The
 * protocol's timeouts (a 300 ms ack wait, a 1 s probe period) need no finer clock, and each
 * wake-up of an idle node costs CPU: with this and two-tick heartbeats an idle 3-node cluster
 * used 5.75–6.0% of a core against 6.25–6.35% with heartbeats alone (`npm run bench:idle`).
 */
const GOSSIP_TICKS_PER_WAKE = 2;

/** The HTTP address the node publishes (meta member record, gossip, status): the advertised one. */
function publishedHttp(options: NodeOptions): string {
  return options.advertiseHttp ?? options.http ?? "";
}

export class RingkvNode implements KvApi {
  readonly id: string;
  /** The address other nodes and clients use (the advertised one). */
  readonly addr: string;
  readonly httpAddr: string;
  readonly logger: Logger;
  readonly cluster: ClusterNode;
  readonly #listen: string;
  /** The HTTP address to listen on ("" for none); httpAddr is the advertised one. */
  readonly #httpListen: string;
  readonly #settings: NodeSettings;
  readonly #store: LogStore;
  readonly #grpc: grpc.Server;
  readonly #metrics: Metrics;
  /** Requests being served, so a graceful stop answers them before it closes (in-flight.ts). */
  readonly #inFlight = new InFlight();
  readonly #gossip: GossipAgent;
  #http: HttpServer | HttpsServer | null = null;
  readonly #tls: NodeTls | null;
  readonly #auth: AuthGate | null;
  /** The client KV service's message limit, checked on the length prefix (first interceptor). */
  readonly #messageLimit: grpc.ServerInterceptor;
  readonly #hasher: Hasher;
  #arcs: { readonly shardCount: number; readonly arcs: readonly RingArc[] } | null = null;
  #stopping: Promise<void> | null = null;

  constructor(
    options: NodeOptions,
    settings: NodeSettings,
    logger: Logger,
    store: LogStore,
    gossip: GossipAgent,
    cluster: ClusterNode,
    parts: {
      readonly hasher: Hasher;
      readonly metrics: Metrics;
      readonly tls: NodeTls | null;
      readonly auth: AuthGate | null;
      readonly peerIdentity: PeerIdentity;
    },
  ) {
    this.id = options.id;
    this.addr = cluster.addr;
    this.httpAddr = cluster.httpAddr;
    this.#listen = options.listen;
    this.#httpListen = options.http ?? "";
    this.logger = logger;
    this.#settings = settings;
    this.#store = store;
    this.cluster = cluster;
    this.#gossip = gossip;
    this.#hasher = parts.hasher;
    this.#metrics = parts.metrics;
    this.#tls = parts.tls;
    this.#auth = parts.auth;
    // One port for peers and clients: the peers' message limit for the server, the client
    // limit for the client service's calls (grpc-message-limit.ts). The limit must run first:
    // grpc-js hands only the first interceptor the call whose decoder it sets the limit on, and
    // it runs the credentials' interceptors (TLS's peer guard) before the server's, so with TLS
    // the limit goes to the credentials (#serverCredentials). The auth interceptor sits in front
    // of every service on the port, registered or yet to be.
    this.#messageLimit = clientMessageLimit(
      [`/${KV_SERVICE_NAME}/`, ETCD_PACKAGE_PATH_PREFIX],
      settings.maxKeyBytes + settings.maxValueBytes + CLIENT_MESSAGE_OVERHEAD_BYTES,
      logger,
    );
    const interceptors = [
      ...(parts.tls === null ? [this.#messageLimit] : []),
      ...(parts.auth ? [authInterceptor(parts.auth, parts.peerIdentity)] : []),
    ];
    this.#grpc = new grpc.Server({ ...raftServerOptions(this.#transport.config), interceptors });
  }

  get #transport(): GrpcTransport {
    return this.cluster.transport as GrpcTransport;
  }

  /**
   * Called once this node learns it was removed from the cluster (gossip says `left` first);
   * `whileDown` when the removal happened while this process was not running (see ClusterNode).
   */
  set onRemoved(listener: (whileDown: boolean) => void) {
    this.cluster.onRemoved = (whileDown) => {
      const done = (): void => listener(whileDown);
      this.#gossip.leave().then(done, done);
    };
  }

  get #limits(): { readonly maxKeyBytes: number; readonly maxValueBytes: number } {
    return { maxKeyBytes: this.#settings.maxKeyBytes, maxValueBytes: this.#settings.maxValueBytes };
  }

  /** Bind the gRPC port (client and peer services) and start the cluster node and gossip. */
  async listen(): Promise<void> {
    registerRaftService(this.#grpc, this.#transport);
    const limits = this.#limits;
    const auth = this.#auth;
    const model = this.cluster.model;
    const inFlight = this.#inFlight;
    registerKvService(this.#grpc, this, { ...limits, metrics: this.#metrics, model, inFlight });
    registerForwardService(this.#grpc, this, {
      ...limits,
      metrics: this.#metrics,
      inFlight,
      model,
      rangeParts: this.cluster.rangeOps,
      leases: (request) => this.cluster.leaseForward(request),
      revisions: (count, atLeast) => this.cluster.revisions(count, atLeast, { forwarded: true }),
    });
    registerEtcdServices(this.#grpc, {
      memberId: this.id,
      kv: this,
      model: this.cluster.model,
      limits,
      localStatus: () => this.status({ forwarded: true }),
      tls: this.#tls !== null,
      metrics: this.#metrics,
      inFlight,
      // Any known token may be traded; each call then checks its own role.
      ...(auth
        ? {
            checkAuthorization: (authorization: string) =>
              void auth.check({ authorization, peer: null }, "read", "etcd Authenticate"),
          }
        : {}),
    });
    registerAdminService(this.#grpc, this.cluster, { metrics: this.#metrics });
    const feeds = this.cluster.watchFeeds;
    registerWatchServices(
      this.#grpc,
      {
        watches: this.cluster.model,
        openLocalFeed: (shard, from, sink) => feeds.openLocal(shard, from, sink),
      },
      { maxKeyBytes: limits.maxKeyBytes, metrics: this.#metrics },
    );
    this.#gossip.register(this.#grpc);
    await new Promise<void>((resolve, reject) =>
      this.#grpc.bindAsync(this.#listen, this.#serverCredentials(), (err) =>
        err ? reject(new ListenError(this.#listen, "gRPC", err)) : resolve(),
      ),
    );
    this.cluster.start();
    this.#gossip.start();
  }

  /**
   * Wait (polling every tick, at most `timeoutMs`) until this node has applied the cluster
   * config; false if it has not by then (the caller goes on: requests then say why they fail).
   */
  async untilRoutable(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (!this.cluster.configKnown) {
      if (Date.now() >= until || this.#stopping !== null) return false;
      await new Promise((resolve) => setTimeout(resolve, this.#settings.tickMs));
    }
    return true;
  }

  /** Bind the HTTP port (clients, /metrics, the status page), if any; then log "listening". */
  async listenHttp(): Promise<void> {
    if (this.#httpListen) {
      const http = createHttpServer(this, {
        ...this.#limits,
        metrics: this.#metrics,
        inFlight: this.#inFlight,
        model: this.cluster.model,
        // The store closes only when the node stops (a failed disk ends the process instead).
        health: async () => localHealth(await this.status({ forwarded: true }), this.#stopping === null),
        ringArcs: (shardCount) => this.#ringArcs(shardCount),
        watches: this.cluster.model,
        ...(this.#tls ? { tls: this.#tls.httpsOptions() } : {}),
        ...(this.#auth ? { authorize: httpAuthorize(this.#auth) } : {}),
      });
      const [host, port] = splitHostPort(this.#httpListen);
      await new Promise<void>((resolve, reject) => {
        http.once("error", (e) => reject(new ListenError(this.#httpListen, "HTTP", e)));
        http.listen(port, host, () => resolve());
      });
      this.#http = http;
    }
    this.logger.info({ addr: this.addr, http: this.httpAddr || null }, "listening");
  }

  /** Plaintext, or TLS whose peer-only methods refuse callers without a peer certificate. */
  #serverCredentials(): grpc.ServerCredentials {
    if (this.#tls === null) return grpc.ServerCredentials.createInsecure();
    const kv = kvServiceDefinition();
    const peerMethods = new Set([
      ...Object.values(raftServiceDefinition()).map((m) => m.path),
      ...Object.values(gossipServiceDefinition()).map((m) => m.path),
      ...Object.values(forwardServiceDefinition()).map((m) => m.path),
      kv["Join"]!.path,
      kv["Leave"]!.path,
      adminServiceDefinition()["SnapshotShard"]!.path,
    ]);
    return this.#tls.serverCredentials(
      peerMethods,
      (refusal) => this.logger.warn(refusal, "refused a peer-only call without a peer certificate"),
      [this.#messageLimit],
    );
  }

  /** The ring's token ranges for the status page (fixed for a shard count: computed once). */
  #ringArcs(shardCount: number): readonly RingArc[] {
    if (this.#arcs?.shardCount !== shardCount) {
      this.#arcs = { shardCount, arcs: new ShardRing(this.#hasher, { shardCount }).arcs() };
    }
    return this.#arcs.arcs;
  }

  /**
   * Read the token file again (SIGHUP). A bad file keeps the tokens in force and is logged naming
   * its line; the error is returned too. Null when auth is off or the file was taken.
   */
  reloadAuth(): Promise<RingkvError | null> {
    return this.#auth?.reload() ?? Promise.resolve(null);
  }

  joinCluster(addresses: readonly string[]): Promise<void> {
    return this.cluster.joinCluster(addresses);
  }

  // ─── KvApi: the cluster node's ────────────────────────────────────────────────────────────

  // The gRPC port opens before the config is known (peers need it), so a key request that
  // arrives that early waits for the config — within its deadline and requestTimeoutMs — rather
  // than failing with 503 at once.

  async put(key: Uint8Array, value: Uint8Array, options: PutOptions = {}): Promise<{ version: number }> {
    await this.#configBefore(options);
    return this.cluster.put(key, value, options);
  }

  async get(key: Uint8Array, options: GetOptions = {}): Promise<VersionedValue | null> {
    await this.#configBefore(options);
    return this.cluster.get(key, options);
  }

  async delete(key: Uint8Array, options: DeleteOptions = {}): Promise<{ deleted: boolean }> {
    await this.#configBefore(options);
    return this.cluster.delete(key, options);
  }

  async #configBefore(options: RequestOptions): Promise<void> {
    if (this.cluster.configKnown) return;
    const until = Math.min(Date.now() + this.#settings.requestTimeoutMs, options.callerDeadline ?? Infinity);
    await this.untilRoutable(Math.max(0, until - Date.now() - this.#settings.tickMs));
  }

  join(member: MemberInfo, options?: RequestOptions): Promise<JoinResult> {
    return this.cluster.join(member, options);
  }

  leave(id: string, options?: RequestOptions): Promise<void> {
    return this.cluster.leave(id, options);
  }

  status(options?: RequestOptions): Promise<StatusJson> {
    return this.cluster.status(options);
  }

  membership(): MembershipJson {
    return this.cluster.membership();
  }

  // ─── lifecycle ────────────────────────────────────────────────────────────────────────────

  /** Undo a start that failed part-way (a listener that could not bind, a join that failed). */
  async abort(): Promise<void> {
    this.#grpc.forceShutdown();
    this.#http?.closeAllConnections();
    this.#http?.close();
    await this.#gossip.stop();
    await this.cluster.stop();
    await this.#transport.close();
    this.cluster.closePeers();
  }

  /** Graceful stop: move leadership away, flush, close. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    // A request whose proposal the new leader commits is answered here once this replica applies
    // it: as long again as a leadership hand-off may take, then whatever is left fails honestly
    // (Timeout, outcome unknown) when the host stops.
    await this.cluster.stop(async () => {
      const waiting = this.#inFlight.count;
      const drained = await this.#inFlight.settled(handoffWaitMs(this.#settings));
      if (waiting > 0)
        this.logger.info({ waiting, left: this.#inFlight.count, drained }, "requests in flight on stop");
    });
    await this.#gossip.stop();
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
    this.cluster.closePeers();
    await this.#store.close();
    this.logger.info("stopped");
  }
}

function fatal(logger: Logger, e: unknown): void {
  logger.fatal(
    { err: e instanceof Error ? { message: e.message, stack: e.stack } : String(e) },
    "fatal error",
  );
  // Continuing on a failed disk or a broken invariant risks acknowledged data: stop hard.
  process.exit(70);
}

async function checkListener(addr: string, role: ListenerRole): Promise<void> {
  const [host, port] = splitHostPort(addr);
  await checkCanListen(addr, role, host.replace(/^\[(.*)\]$/, "$1"), port);
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
