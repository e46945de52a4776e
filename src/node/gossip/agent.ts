// The node's gossip shell: runs one pure GossipMember (src/gossip) over real time and gRPC.
//
//   timer (tickMs · ticksPerWake) ──▶ member.tick() ×ticksPerWake ─┐
//   Deliver call ──▶ decode ──▶ member.receive() ─┤
//   addPeers / publish / leave ───────────────────┴─▶ flush: member.drain()
//                                                        ├─ messages ─▶ encode ─▶ PeerSender per address
//                                                        └─ events ──▶ log, listeners, persist own incarnation
//
// Lifecycle: open() (reads and bumps the persisted incarnation) → register(server) → start()
// → leave() or stop(). Deliveries are taken only while running or leaving.
//
// Time: one timer fire is ticksPerWake ticks, with no catch-up after the event loop stalls.
// Catching up would expire pending probes in a burst before the acks waiting in the socket are
// read, and so accuse healthy peers; a node that stalls instead sees its own protocol clock slow
// down, which Lifeguard already expects of a slow member. Several ticks per fire only coarsen the
// clock (a timeout of n ticks ends between n − ticksPerWake + 1 and n ticks after it began): no
// ack can be waiting unread between two ticks of one fire.
import { randomInt } from "node:crypto";
import { mkdir } from "node:fs/promises";
import * as grpc from "@grpc/grpc-js";
import type { Logger } from "pino";
import {
  type GossipConfig,
  type GossipEvent,
  GossipMember,
  type MemberRecord,
  type MemberState,
  type MergeRules,
  type Message,
  type MetadataEntry,
  type MetadataValue,
  type Random,
  suspicionMaxTicks,
} from "../../gossip/index.ts";
import { seededRandom } from "../host/random.ts";
import { type CodecLimits, encodeGossipMessage, type GossipBatch } from "./codec.ts";
import { type GossipAgentSettings, resolveGossipAgentSettings } from "./config.ts";
import { GossipAgentError, GossipTooLargeError } from "./errors.ts";
import { IncarnationFile } from "./incarnation-file.ts";
import { PeerSender, type SenderContext } from "./peer-sender.ts";
import { type GossipInbound, registerGossipService } from "./service.ts";
import { emptyGossipAgentStats, type GossipAgentStats } from "./stats.ts";

/** The purpose under which a member record carries the address gossip is sent to. */
export const GOSSIP_ADDRESS = "grpc";
/** …and the node's HTTP API address. */
export const HTTP_ADDRESS = "http";

export interface GossipAgentOptions {
  readonly id: string;
  /** This node's advertised gRPC address, which serves gossip too: addresses.grpc of its record. */
  readonly addr: string;
  /** The node's HTTP address: addresses.http of its record ("" for none). */
  readonly http: string;
  /** Holds gossip.json, the persisted incarnation (incarnation-file.ts). */
  readonly dataDir: string;
  /** Wall-clock length of one tick; every protocol timing in GossipConfig is in ticks. */
  readonly tickMs: number;
  /**
   * Ticks run per timer fire (default 1): fewer wake-ups of an idle process for a coarser clock.
   * The timer fires every tickMs · ticksPerWake ms, so protocol timings keep their length.
   */
  readonly ticksPerWake?: number;
  readonly config?: Partial<GossipConfig>;
  readonly settings?: Partial<GossipAgentSettings>;
  readonly logger: Logger;
  /** The protocol's randomness; default a generator seeded at random (the seed is logged). */
  readonly random?: Random;
  /** The merge orders; only tests replace them, to plant bugs their checks must catch. */
  readonly rules?: MergeRules;
  /** How to dial peers; default plaintext (node.ts passes TLS credentials when configured). */
  readonly credentials?: grpc.ChannelCredentials;
}

/** One member as this node sees it. */
export interface GossipPeer {
  readonly id: string;
  /** Its gRPC address ("" if its record carries none). */
  readonly addr: string;
  /** Its HTTP address ("" if none). */
  readonly http: string;
  readonly state: MemberState;
  readonly incarnation: number;
}

export type GossipAgentState = "ready" | "running" | "leaving" | "stopped";

export type GossipListener = (event: GossipEvent) => void;

export class GossipAgent implements GossipInbound {
  readonly id: string;
  readonly addr: string;
  readonly tickMs: number;
  readonly ticksPerWake: number;
  readonly settings: GossipAgentSettings;
  readonly limits: CodecLimits;
  readonly #member: GossipMember;
  readonly #file: IncarnationFile;
  readonly #log: Logger;
  readonly #stats = emptyGossipAgentStats();
  readonly #senderContext: SenderContext;
  /** By address: several ids may share one (a node restarted under a new id on the same port). */
  readonly #senders = new Map<string, PeerSender>();
  /** Addresses from addPeers, for members whose own record has not arrived yet. */
  readonly #peerAddrs = new Map<string, string>();
  /**
   * Members from addPeers whose own record has not arrived yet → the tick they were added. A
   * member nobody has heard from is not alive: it is `suspect` at once and `dead` after the
   * longest a suspicion of a real member lasts (unheardState), so eviction treats an address
   * where nothing listens like any member that stopped answering.
   */
  readonly #unheardSince = new Map<string, number>();
  readonly #listeners = new Set<GossipListener>();
  #state: GossipAgentState = "ready";
  #timer: NodeJS.Timeout | undefined;
  #lastSweepMs = performance.now();
  /** Set by leave(): resolved once the member's clock reaches `tick`. */
  #leaveWait: { readonly tick: number; readonly resolve: () => void } | undefined;

  private constructor(options: GossipAgentOptions, file: IncarnationFile, incarnation: number) {
    this.id = options.id;
    this.addr = options.addr;
    this.tickMs = options.tickMs;
    this.ticksPerWake = options.ticksPerWake ?? 1;
    this.#file = file;
    this.#log = options.logger.child({ component: "gossip" });
    let random = options.random;
    if (random === undefined) {
      const seed = randomInt(2 ** 32);
      this.#log.info({ seed }, "gossip random seed");
      random = seededRandom(seed);
    }
    const addresses: Record<string, string> = { [GOSSIP_ADDRESS]: options.addr };
    if (options.http !== "") addresses[HTTP_ADDRESS] = options.http;
    this.#member = new GossipMember({
      id: options.id,
      random,
      addresses,
      incarnation,
      ...(options.config === undefined ? {} : { config: options.config }),
      ...(options.rules === undefined ? {} : { rules: options.rules }),
    });
    this.settings = resolveGossipAgentSettings(options.settings ?? {}, this.#member.config);
    this.limits = this.settings;
    this.#senderContext = {
      localId: this.id,
      settings: this.settings,
      stats: this.#stats,
      credentials: options.credentials ?? grpc.credentials.createInsecure(),
    };
  }

  /**
   * Reads `${dataDir}/gossip.json` and starts this life at the persisted incarnation + 1
   * (0 on a first start), durably recorded before anything is sent.
   */
  static async open(options: GossipAgentOptions): Promise<GossipAgent> {
    if (!Number.isSafeInteger(options.tickMs) || options.tickMs <= 0) {
      throw new GossipAgentError(
        "InvalidConfig",
        `gossip tickMs must be a positive integer, got ${options.tickMs}`,
      );
    }
    const ticksPerWake = options.ticksPerWake ?? 1;
    if (!Number.isSafeInteger(ticksPerWake) || ticksPerWake <= 0) {
      throw new GossipAgentError(
        "InvalidConfig",
        `gossip ticksPerWake must be a positive integer, got ${ticksPerWake}`,
      );
    }
    if (options.addr === "") throw new GossipAgentError("InvalidConfig", "gossip needs this node's address");
    await mkdir(options.dataDir, { recursive: true });
    const { file, incarnation } = await IncarnationFile.open(options.dataDir, options.id);
    const agent = new GossipAgent(options, file, incarnation);
    agent.#log.info({ incarnation, addr: options.addr }, "gossip opened");
    return agent;
  }

  get state(): GossipAgentState {
    return this.#state;
  }

  /** This member's current incarnation (raised by refutations while running). */
  get incarnation(): number {
    return this.#member.incarnation;
  }

  // ─── GossipInbound: called by the GossipTransport service ──────────────────────────────────

  get accepting(): boolean {
    return this.#state === "running" || this.#state === "leaving";
  }

  deliver(batch: GossipBatch): void {
    if (!this.accepting) return;
    this.#stats.batchesReceived++;
    for (const message of batch.messages) {
      if (message.to !== this.id) {
        this.#stats.messagesMisaddressed++;
        continue;
      }
      this.#stats.messagesReceived++;
      this.#member.receive(message);
    }
    this.#flush();
  }

  reject(error: GossipAgentError): void {
    this.#stats.batchesRejected++;
    this.#log.debug({ err: error.message }, "refused a gossip batch");
  }

  // ─── lifecycle ─────────────────────────────────────────────────────────────────────────────

  /** Adds the GossipTransport service to the node's gRPC server (once per server). */
  register(server: grpc.Server): void {
    registerGossipService(server, this);
  }

  /** Starts ticking, and sends what addPeers or publish queued before. */
  start(): void {
    if (this.#state !== "ready")
      throw new GossipAgentError("InvalidConfig", `gossip agent is ${this.#state}`);
    this.#state = "running";
    this.#timer = setInterval(() => this.#tick(), this.tickMs * this.ticksPerWake);
    this.#timer.unref();
    this.#flush();
  }

  /**
   * Stops at once, without telling anyone (peers will suspect, then declare this member dead):
   * clears the timer, cancels calls in flight, closes every client, waits for the incarnation
   * file. The gRPC service stays registered on the server, answering UNAVAILABLE.
   */
  async stop(): Promise<void> {
    if (this.#state === "stopped") return;
    this.#state = "stopped";
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#leaveWait?.resolve();
    this.#leaveWait = undefined;
    for (const sender of this.#senders.values()) sender.close();
    this.#senders.clear();
    await this.#file.flush();
    this.#log.info({ incarnation: this.incarnation }, "gossip stopped");
  }

  /**
   * Leaves gracefully: the `left` record outranks any suspicion at this incarnation, so peers
   * mark this member left instead of suspecting it. Keeps ticking (answering, gossiping) for
   * settings.leaveRounds gossip rounds so the news spreads, then stops.
   */
  async leave(): Promise<void> {
    if (this.#state !== "running") {
      await this.stop();
      return;
    }
    this.#state = "leaving";
    this.#log.info("gossip leaving");
    this.#member.leave();
    this.#flush();
    const ticks = this.settings.leaveRounds * this.#member.config.gossipIntervalTicks;
    await new Promise<void>((resolve) => {
      this.#leaveWait = { tick: this.#member.now + ticks, resolve };
    });
    await this.stop();
  }

  // ─── membership and metadata ───────────────────────────────────────────────────────────────

  /**
   * Members learned elsewhere (the meta Raft group): remembers their addresses and joins those
   * not yet known (a push-pull with each). Their own records, once they arrive, take precedence
   * over these addresses.
   */
  addPeers(peers: readonly { readonly id: string; readonly addr: string }[]): void {
    if (this.#state === "stopped") return;
    const unknown: string[] = [];
    for (const { id, addr } of peers) {
      if (id === this.id || id === "" || addr === "") continue;
      this.#peerAddrs.set(id, addr);
      if (this.#member.member(id) === undefined) {
        unknown.push(id);
        if (!this.#unheardSince.has(id)) this.#unheardSince.set(id, this.#member.now);
      }
    }
    if (unknown.length === 0) return;
    this.#member.join(unknown);
    this.#flush();
  }

  /** Every member held (this one included) and every member never heard from, sorted by id. */
  members(): GossipPeer[] {
    const held = this.#member.snapshot().members.map(toPeer);
    const unheard = [...this.#unheardSince.keys()]
      .filter((id) => this.#member.member(id) === undefined)
      .map((id) => this.#unheardPeer(id));
    return [...held, ...unheard].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  member(id: string): GossipPeer | undefined {
    const record = this.#member.member(id);
    if (record !== undefined) return toPeer(record);
    return this.#unheardSince.has(id) ? this.#unheardPeer(id) : undefined;
  }

  /**
   * A member added by addPeers whose record never arrived: `suspect` from the start (it never
   * answered), `dead` once unheardDeadTicks have passed — suspicionMaxTicks(config, N): the
   * longest the protocol waits for a suspected member to refute, so a slow but real joiner has
   * as long to answer as any suspected member has.
   */
  #unheardPeer(id: string): GossipPeer {
    const since = this.#unheardSince.get(id) ?? this.#member.now;
    const n = this.#member.snapshot().members.length + 1;
    const deadAfterTicks = suspicionMaxTicks(this.#member.config, n);
    const state: MemberState = this.#member.now - since >= deadAfterTicks ? "dead" : "suspect";
    return { id, addr: this.#peerAddrs.get(id) ?? "", http: "", state, incarnation: 0 };
  }

  /**
   * Writes `key` last-write-wins from this member. Without `version` it takes the held
   * version + 1, or the wall clock in ms if that is higher: a node that restarted before the
   * cluster's copy reached it still writes a version above its previous life's. With `version`
   * (an epoch, a term) it writes exactly that. Returns false when the held entry already ranks
   * at least as high (nothing changes). Throws GossipError on an invalid key or value.
   */
  publish(key: string, value: MetadataValue, version?: number): boolean {
    const held = this.#member.metadata(key)?.version ?? -1;
    const accepted = this.#member.setMetadata(key, value, version ?? Math.max(held + 1, Date.now()));
    if (accepted) this.#flush();
    return accepted;
  }

  metadata(key: string): MetadataEntry | undefined {
    return this.#member.metadata(key);
  }

  /** Entries whose key starts with `prefix`, sorted by key. */
  entries(prefix: string): MetadataEntry[] {
    return this.#member.snapshot().metadata.filter((entry) => entry.key.startsWith(prefix));
  }

  /** Calls `listener` with every change of the view, in order. Returns the unsubscribe. */
  onEvent(listener: GossipListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The protocol's clock: ticks run so far. */
  get now(): number {
    return this.#member.now;
  }

  stats(): GossipAgentStats & { readonly protocol: GossipMember["stats"] } {
    return { ...this.#stats, protocol: this.#member.stats };
  }

  // ─── the loop ──────────────────────────────────────────────────────────────────────────────

  #tick(): void {
    if (!this.accepting) return;
    for (let i = 0; i < this.ticksPerWake; i++) {
      this.#member.tick();
      this.#contactUnheard();
    }
    this.#flush();
    const leave = this.#leaveWait;
    if (leave !== undefined && this.#member.now >= leave.tick) leave.resolve();
    this.#sweepIdleSenders();
  }

  /**
   * Members never heard from get a push-pull every probe interval (the prober only probes members
   * it holds a record of): one that starts late, or whose address only now answers, is taken in
   * as soon as it does. Those whose record arrived are forgotten here.
   */
  #contactUnheard(): void {
    if (this.#unheardSince.size === 0) return;
    const waiting: string[] = [];
    for (const id of this.#unheardSince.keys()) {
      if (this.#member.member(id) === undefined) waiting.push(id);
      else this.#unheardSince.delete(id);
    }
    if (waiting.length > 0 && this.#member.now % this.#member.config.probeIntervalTicks === 0) {
      this.#member.join(waiting);
    }
  }

  /** Sends what the member produced and reports what changed. Only while running or leaving. */
  #flush(): void {
    if (!this.accepting) return;
    const { messages, events } = this.#member.drain();
    for (const message of messages) this.#send(message);
    for (const event of events) this.#report(event);
  }

  #send(message: Message): void {
    const addr = this.#addressOf(message.to);
    if (addr === undefined) {
      this.#stats.messagesDroppedNoAddress++;
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = encodeGossipMessage(message, this.limits);
    } catch (e) {
      if (!(e instanceof GossipTooLargeError)) throw e;
      this.#stats.messagesDroppedTooLarge++;
      this.#log.warn({ err: e.message }, "gossip message over its size limit, not sent");
      return;
    }
    let sender = this.#senders.get(addr);
    if (sender === undefined) {
      sender = new PeerSender(addr, this.#senderContext);
      this.#senders.set(addr, sender);
    }
    sender.enqueue(bytes);
  }

  /** The member's own record is the authority on its address; addPeers only fills the gap. */
  #addressOf(id: string): string | undefined {
    const own = this.#member.member(id)?.addresses[GOSSIP_ADDRESS];
    return own !== undefined && own !== "" ? own : this.#peerAddrs.get(id);
  }

  #report(event: GossipEvent): void {
    if (event.type === "member-changed") this.#logMemberChange(event.member, event.previous);
    else this.#log.debug({ key: event.entry.key, version: event.entry.version }, "gossip metadata changed");
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (e) {
        // A listener's bug must not stop the protocol for everyone else.
        this.#log.error({ err: e }, "gossip event listener threw");
      }
    }
  }

  #logMemberChange(member: MemberRecord, previous: MemberRecord | undefined): void {
    const fields = { member: member.id, state: member.state, incarnation: member.incarnation };
    if (member.id === this.id) {
      // Raised by a refutation: persist it, so the next life starts above it.
      this.#file.save(member.incarnation).catch((e: unknown) => {
        this.#log.error(
          { err: e, incarnation: member.incarnation },
          "could not persist the gossip incarnation",
        );
      });
      this.#log.info({ ...fields, previous: previous?.state }, "gossip own record changed");
    } else if (previous === undefined || previous.state !== member.state) {
      this.#log.info({ ...fields, previous: previous?.state }, `gossip member ${member.state}`);
    } else {
      this.#log.debug(fields, "gossip member record changed");
    }
  }

  #sweepIdleSenders(): void {
    const now = performance.now();
    if (now - this.#lastSweepMs < this.settings.clientIdleMs / 2) return;
    this.#lastSweepMs = now;
    for (const [addr, sender] of this.#senders) {
      if (sender.idleForMs(now) < this.settings.clientIdleMs) continue;
      sender.close();
      this.#senders.delete(addr);
    }
  }
}

function toPeer(record: MemberRecord): GossipPeer {
  return {
    id: record.id,
    addr: record.addresses[GOSSIP_ADDRESS] ?? "",
    http: record.addresses[HTTP_ADDRESS] ?? "",
    state: record.state,
    incarnation: record.incarnation,
  };
}
