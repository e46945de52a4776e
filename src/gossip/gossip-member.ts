// One member of the SWIM gossip protocol (with the Lifeguard extensions), as a pure state
// machine: the host calls tick() at a fixed rate and receive() for each message, and takes
// what to send and what changed from drain(). No timers, sockets, clocks or Math.random.
//
// Every probe period (probeIntervalTicks, scaled by local health):
//
//   tick ─▶ probe the next member of the shuffled round ─▶ ack?  ── yes ─▶ healthy, done
//                                                           │ no, after probeTimeoutTicks
//                                                           ▼
//            ask k random members to probe it (indirect) ─▶ any ack by the period's end?
//                                                           │ no
//                                                           ▼
//            mark it suspect, gossip that ─▶ suspicion timer (shrinks with confirmations)
//                                             │ not refuted in time
//                                             ▼
//                                           dead, gossip that
//
// News (member records, metadata) is merged last-write-wins (cluster-state.ts); whatever a
// merge accepts is queued and piggybacked on later probes, acks and gossip messages, least-sent
// first, up to a retransmit limit ∝ log N. A periodic push-pull of the whole state with one
// random member repairs whatever piggybacking missed, including views split by a partition.
// A member that hears itself suspected or declared dead refutes by raising its incarnation.
//
// This file merges news and owns the member's state; probing and relaying (prober.ts, relays.ts),
// suspicion timers (suspicions.ts) and what rides on each message (piggyback.ts) are its parts.
import { Awareness } from "./awareness.ts";
import { type ClusterSnapshot, ClusterState, type MergeRules } from "./cluster-state.ts";
import { type GossipConfig, gossipConfig, pushPullIntervalTicks } from "./config.ts";
import { GossipError } from "./errors.ts";
import type { GossipEvent } from "./events.ts";
import { isLive, type MemberRecord } from "./member-record.ts";
import type { Message, PiggybackMessage, PushPullRequest, PushPullResponse, Update } from "./message.ts";
import { assertMetadataValue, type MetadataEntry, type MetadataValue } from "./metadata-entry.ts";
import { envelope, Piggyback } from "./piggyback.ts";
import { ProbeSchedule } from "./probe-schedule.ts";
import { Prober } from "./prober.ts";
import { type Random, sampleDistinct } from "./random.ts";
import { Suspicions } from "./suspicions.ts";

export interface GossipMemberOptions {
  readonly id: string;
  /** Seeded by the host; the member's only source of randomness. */
  readonly random: Random;
  readonly addresses?: Readonly<Record<string, string>>;
  /**
   * The incarnation to start with. The host persists `incarnation` and passes a higher one on
   * restart (persisted + 1, or any fresh larger value) so the cluster's record of the previous
   * life cannot outrank this one. If it is not high enough the member refutes on first contact.
   */
  readonly incarnation?: number;
  readonly config?: Partial<GossipConfig>;
  /**
   * Members known at start (from the meta group, or seeds' records). Taken silently: no events,
   * nothing gossiped. A record about this member that outranks its own is refuted.
   */
  readonly peers?: readonly MemberRecord[];
  /** The merge orders; only tests replace them, to plant bugs the checks must catch. */
  readonly rules?: MergeRules;
}

/** What the host must act on since the last drain: messages to send, changes to the view. */
export interface GossipOutput {
  readonly messages: Message[];
  readonly events: GossipEvent[];
}

export interface GossipStats {
  /** Outgoing messages dropped at the outbox limit, or indirect probe requests over the limit. */
  readonly messagesDropped: number;
  /** Remote updates ignored because a membersMax or metadataEntriesMax limit was reached. */
  readonly updatesDropped: number;
  /** Probes that got no ack, direct or indirect, by the end of their period. */
  readonly probesFailed: number;
  /** Times this member heard itself suspected or declared dead and refuted. */
  readonly refutations: number;
}

export class GossipMember {
  readonly id: string;
  readonly config: GossipConfig;
  readonly #random: Random;
  readonly #state: ClusterState;
  readonly #awareness: Awareness;
  readonly #schedule: ProbeSchedule;
  readonly #piggyback: Piggyback;
  readonly #suspicions: Suspicions;
  readonly #prober: Prober;
  /** This member's own record, as held in #state (only #setOwnRecord changes it). */
  #own: MemberRecord;
  #now = 0;
  #nextGossipTick: number;
  #nextPushPullTick: number;
  /** Live members other than this one, in a stable order; rebuilt when liveness changes. */
  #liveOthers: string[] | undefined;
  #outbox: Message[] = [];
  #events: GossipEvent[] = [];
  /** Counters kept here; the prober keeps its own (probes failed, relays refused). */
  #stats = { messagesDropped: 0, updatesDropped: 0, refutations: 0 };

  constructor(options: GossipMemberOptions) {
    if (options.id.length === 0) {
      throw new GossipError("InvalidArgument", "gossip member: id must be non-empty");
    }
    const incarnation = options.incarnation ?? 0;
    if (!Number.isSafeInteger(incarnation) || incarnation < 0) {
      throw new GossipError("InvalidArgument", `gossip member: bad incarnation ${incarnation}`);
    }
    this.id = options.id;
    this.config = gossipConfig(options.config);
    this.#random = options.random;
    this.#state = new ClusterState(options.rules);
    this.#awareness = new Awareness(this.config.awarenessMax);
    this.#schedule = new ProbeSchedule(this.#random);
    this.#piggyback = new Piggyback(this.config, this.#state);
    this.#suspicions = new Suspicions(this.config);
    this.#own = { id: this.id, addresses: options.addresses ?? {}, state: "alive", incarnation };
    this.#state.replaceOwnRecord(this.#own);
    for (const peer of options.peers ?? []) this.#adoptPeer(peer);
    // Random phases, so members started together do not probe and gossip in lockstep.
    this.#prober = new Prober(
      {
        id: this.id,
        config: this.config,
        random: this.#random,
        awareness: this.#awareness,
        schedule: this.#schedule,
        now: () => this.#now,
        send: (message) => this.#send(this.#piggybacked(message)),
        isLiveMember: (id) => this.#isLiveMember(id),
        liveOtherIds: () => this.#liveOtherIds(),
        suspect: (target) => this.#suspect(target),
      },
      1 + this.#random.intBelow(this.config.probeIntervalTicks),
    );
    this.#nextGossipTick = 1 + this.#random.intBelow(this.config.gossipIntervalTicks);
    this.#nextPushPullTick = 1 + this.#random.intBelow(this.#pushPullInterval());
  }

  /** Ticks since start. */
  get now(): number {
    return this.#now;
  }

  /** The host persists this and restarts with a higher value. */
  get incarnation(): number {
    return this.#own.incarnation;
  }

  /** Lifeguard's local health score: 0 is healthy; probe timing is scaled by score + 1. */
  get health(): number {
    return this.#awareness.score;
  }

  get leaving(): boolean {
    return this.#own.state === "left";
  }

  get stats(): GossipStats {
    return {
      messagesDropped: this.#stats.messagesDropped + this.#prober.relaysRefused,
      updatesDropped: this.#stats.updatesDropped,
      probesFailed: this.#prober.probesFailed,
      refutations: this.#stats.refutations,
    };
  }

  member(id: string): MemberRecord | undefined {
    return this.#state.member(id);
  }

  metadata(key: string): MetadataEntry | undefined {
    return this.#state.metadata(key);
  }

  /** The whole view, sorted; for status pages and tests. */
  snapshot(): ClusterSnapshot {
    return this.#state.snapshot();
  }

  /** Advances time by one tick: timers fire, probes, gossip and push-pull go out. */
  tick(): void {
    this.#now++;
    if (this.#suspicions.size > 0) this.#expireSuspicions();
    this.#prober.expireRelays();
    const active = !this.leaving;
    if (active) this.#prober.advance();
    if (this.#now >= this.#nextGossipTick) {
      this.#gossip();
      this.#nextGossipTick = this.#now + this.config.gossipIntervalTicks;
    }
    if (active && this.#now >= this.#nextPushPullTick) {
      this.#pushPull();
      this.#nextPushPullTick = this.#now + this.#pushPullInterval();
    }
  }

  receive(message: Message): void {
    if (message.to !== this.id || message.from === this.id) return;
    switch (message.type) {
      case "probe-request":
        this.#applyUpdates(message);
        this.#send(
          this.#piggybacked({ ...envelope(this.id, message.from, "probe-response"), seq: message.seq }),
        );
        return;
      case "probe-response":
        this.#applyUpdates(message);
        this.#prober.handleProbeResponse(message);
        return;
      case "indirect-probe-request":
        this.#applyUpdates(message);
        this.#prober.relayProbe(message);
        return;
      case "indirect-probe-response":
        this.#applyUpdates(message);
        this.#prober.handleIndirectProbeResponse(message);
        return;
      case "gossip":
        this.#applyUpdates(message);
        return;
      case "push-pull-request":
        this.#mergeState(message);
        this.#send({ type: "push-pull-response", from: this.id, to: message.from, ...this.#fullState() });
        return;
      case "push-pull-response":
        this.#mergeState(message);
        return;
    }
  }

  /** Hands over what to send and what changed since the last call. */
  drain(): GossipOutput {
    const output = { messages: this.#outbox, events: this.#events };
    this.#outbox = [];
    this.#events = [];
    return output;
  }

  /** Exchanges full state with each seed; their answers and later gossip bring in the rest. */
  join(seeds: readonly string[]): void {
    for (const seed of seeds) {
      if (seed === this.id) continue;
      this.#send({ type: "push-pull-request", from: this.id, to: seed, ...this.#fullState() });
    }
  }

  /**
   * Announces a graceful leave: `left` outranks every other state at this incarnation, so
   * nobody suspects us. The member stops probing but keeps answering and gossiping, so the
   * host should keep ticking it for a few probe periods before shutting it down.
   */
  leave(): void {
    if (this.leaving) return;
    this.#prober.stop();
    this.#setOwnRecord({ ...this.#own, state: "left" });
  }

  /**
   * Writes a metadata version from this member. Returns false (and changes nothing) when the
   * held entry already ranks at least as high. Throws on invalid input or a full key space.
   */
  setMetadata(key: string, value: MetadataValue, version: number): boolean {
    if (key.length === 0) throw new GossipError("InvalidArgument", "metadata key must be non-empty");
    if (!Number.isSafeInteger(version) || version < 0) {
      throw new GossipError(
        "InvalidArgument",
        `metadata version must be a non-negative integer, got ${version}`,
      );
    }
    assertMetadataValue(value);
    if (
      this.#state.metadata(key) === undefined &&
      this.#state.metadataCount >= this.config.metadataEntriesMax
    ) {
      throw new GossipError(
        "LimitExceeded",
        `metadata holds ${this.config.metadataEntriesMax} keys (metadataEntriesMax)`,
      );
    }
    return this.#applyMetadata({ key, value, version, origin: this.id });
  }

  // ── probing (prober.ts) ──────────────────────────────────────────────────────────────────

  /** A probe of `target` failed: suspect it, if it is live. */
  #suspect(target: string): void {
    const record = this.#state.member(target);
    if (record !== undefined && isLive(record.state)) {
      this.#applyMember({ ...record, state: "suspect" }, this.id);
    }
  }

  // ── suspicion ────────────────────────────────────────────────────────────────────────────

  #startSuspicion(record: MemberRecord, suspectedBy: string): void {
    this.#suspicions.start(record, suspectedBy, this.#now, this.#state.liveCount);
  }

  #expireSuspicions(): void {
    for (const { suspect, incarnation } of this.#suspicions.expire(this.#now)) {
      const record = this.#state.member(suspect);
      if (record?.state === "suspect" && record.incarnation === incarnation) {
        this.#applyMember({ ...record, state: "dead" }, this.id);
      }
    }
  }

  // ── merging news ─────────────────────────────────────────────────────────────────────────

  #applyUpdates(message: PiggybackMessage): void {
    for (const update of message.updates) {
      if (update.kind === "metadata") this.#applyMetadata(update.entry);
      else if (update.record.id === this.id) this.#hearAboutSelf(update.record, message.from);
      else this.#applyMember(update.record, update.from);
    }
  }

  #mergeState(message: PushPullRequest | PushPullResponse): void {
    for (const record of message.members) this.#applyMember(record, undefined);
    for (const entry of message.metadata) this.#applyMetadata(entry);
  }

  /** `from`: who asserted the record, when known (push-pull does not say). */
  #applyMember(record: MemberRecord, from: string | undefined): void {
    if (record.id === this.id) {
      this.#hearAboutSelf(record, undefined);
      return;
    }
    const full = this.#state.memberCount >= this.config.membersMax;
    if (full && this.#state.member(record.id) === undefined) {
      this.#stats.updatesDropped++;
      return;
    }
    const merge = this.#state.mergeMember(record);
    if (merge.accepted) {
      this.#onMemberChanged(record, merge.previous, from ?? this.id);
      return;
    }
    // Not newer, but a suspicion we already hold, raised independently by someone else.
    if (record.state !== "suspect" || from === undefined) return;
    if (this.#suspicions.confirm(record, from)) this.#enqueue({ kind: "member", record, from });
  }

  #onMemberChanged(record: MemberRecord, previous: MemberRecord | undefined, from: string): void {
    this.#events.push({ type: "member-changed", member: record, previous });
    this.#enqueue({ kind: "member", record, from });
    if (previous === undefined || isLive(previous.state) !== isLive(record.state)) {
      this.#liveOthers = undefined;
      // Adding is idempotent; only a member that became live can be new to the schedule.
      if (isLive(record.state)) this.#schedule.add(record.id);
    }
    if (record.state === "suspect") this.#startSuspicion(record, from);
    else this.#suspicions.delete(record.id);
  }

  /** A peer given at start: merged silently, but a suspicion still needs its timer. */
  #adoptPeer(peer: MemberRecord): void {
    if (peer.id === this.id) {
      this.#hearAboutSelf(peer, undefined);
      return;
    }
    if (!this.#state.mergeMember(peer).accepted) return;
    this.#liveOthers = undefined;
    if (isLive(peer.state)) this.#schedule.add(peer.id);
    if (peer.state === "suspect") this.#startSuspicion(peer, this.id);
  }

  /**
   * What someone believes about us. A belief that outranks our own record — a suspicion, a
   * death, or a record of a previous life — is refuted: only we may raise our incarnation, so
   * we outrank it, keeping our true state, and the new record spreads like any other news.
   * A stale accusation (one we already refuted) means `via` missed the refutation, which
   * gossip only sends a bounded number of times: we answer it directly with our next message.
   */
  #hearAboutSelf(record: MemberRecord, via: string | undefined): void {
    const mine = this.#own;
    const order = this.#state.rules.compareMembers(record, mine);
    const accusation = record.state === "suspect" || record.state === "dead";
    if (order < 0 && accusation && via !== undefined) this.#piggyback.noteStaleAccuser(via);
    if (order <= 0) return;
    if (accusation) {
      this.#stats.refutations++;
      // Being suspected is a hint that we are the slow one (Lifeguard).
      this.#awareness.apply(1);
    }
    this.#setOwnRecord({ ...mine, incarnation: Math.max(mine.incarnation, record.incarnation) + 1 });
  }

  #setOwnRecord(record: MemberRecord): void {
    this.#own = record;
    const previous = this.#state.replaceOwnRecord(record);
    this.#events.push({ type: "member-changed", member: record, previous });
    this.#enqueue({ kind: "member", record, from: this.id });
  }

  /** True when the entry was accepted. */
  #applyMetadata(entry: MetadataEntry): boolean {
    const full = this.#state.metadataCount >= this.config.metadataEntriesMax;
    if (full && this.#state.metadata(entry.key) === undefined) {
      this.#stats.updatesDropped++;
      return false;
    }
    const merge = this.#state.mergeMetadata(entry);
    if (!merge.accepted) return false;
    this.#events.push({ type: "metadata-changed", entry, previous: merge.previous });
    this.#enqueue({ kind: "metadata", entry });
    return true;
  }

  // ── dissemination ────────────────────────────────────────────────────────────────────────

  #enqueue(update: Update): void {
    this.#piggyback.enqueue(update);
  }

  #gossip(): void {
    if (this.#piggyback.queued === 0) return;
    for (const target of sampleDistinct(this.#random, this.#liveOtherIds(), this.config.gossipFanout)) {
      const message = this.#piggybacked(envelope(this.id, target, "gossip"));
      if (message.updates.length === 0) return;
      this.#send(message);
    }
  }

  /** `message` with what we piggyback on it (piggyback.ts). */
  #piggybacked<M extends PiggybackMessage>(message: M): M {
    return this.#piggyback.fill(message, this.#own);
  }

  #pushPull(): void {
    const target = this.#pushPullTarget();
    if (target !== undefined) {
      this.#send({ type: "push-pull-request", from: this.id, to: target, ...this.#fullState() });
    }
  }

  /**
   * A live member, or — with probability dead / (live + dead) — a dead one: if it is in fact
   * alive behind a healed partition, the exchange makes both sides refute and merge.
   */
  #pushPullTarget(): string | undefined {
    const live = this.#liveOtherIds();
    const dead: string[] = [];
    for (const record of this.#state.members()) if (record.state === "dead") dead.push(record.id);
    const total = live.length + dead.length;
    if (total === 0) return undefined;
    const pick = this.#random.intBelow(total);
    return pick < live.length ? live[pick] : dead[pick - live.length];
  }

  #fullState(): { members: MemberRecord[]; metadata: MetadataEntry[] } {
    return { members: [...this.#state.members()], metadata: [...this.#state.metadataEntries()] };
  }

  #pushPullInterval(): number {
    return pushPullIntervalTicks(this.config, this.#state.liveCount);
  }

  // ── plumbing ─────────────────────────────────────────────────────────────────────────────

  #send(message: Message): void {
    if (this.#outbox.length >= this.config.outboxMessagesMax) {
      this.#stats.messagesDropped++;
      return;
    }
    this.#outbox.push(message);
  }

  #isLiveMember(id: string): boolean {
    const record = this.#state.member(id);
    return record !== undefined && isLive(record.state);
  }

  #liveOtherIds(): string[] {
    if (this.#liveOthers === undefined) {
      this.#liveOthers = [];
      for (const record of this.#state.members()) {
        if (record.id !== this.id && isLive(record.state)) this.#liveOthers.push(record.id);
      }
    }
    return this.#liveOthers;
  }
}
