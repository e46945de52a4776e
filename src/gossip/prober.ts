// SWIM's failure detector, one member's side (memberlist's state.go probe/ping-req): every
// probe period (probeIntervalTicks, scaled by local health) probe the next member of the
// shuffled round; without an ack by probeTimeoutTicks, ask indirectProbes random members to
// probe it for us; with no ack by the period's end, the probe failed and the member gossips its
// suspicion. It also runs the indirect probes others ask of it (relays.ts). Lifeguard: acks
// improve local health, failures (and helpers' missing nacks) worsen it.
import type { Awareness } from "./awareness.ts";
import type { GossipConfig } from "./config.ts";
import type {
  IndirectProbeRequest,
  IndirectProbeResponse,
  PiggybackMessage,
  ProbeResponse,
} from "./message.ts";
import { envelope } from "./piggyback.ts";
import type { ProbeSchedule } from "./probe-schedule.ts";
import { type Random, sampleDistinct } from "./random.ts";
import { type Relay, Relays } from "./relays.ts";

/** What the prober needs from its member. */
export interface ProbeHost {
  readonly id: string;
  readonly config: GossipConfig;
  readonly random: Random;
  readonly awareness: Awareness;
  readonly schedule: ProbeSchedule;
  /** Ticks since start. */
  now(): number;
  /** Send `message` with whatever the member piggybacks on it. */
  send<M extends PiggybackMessage>(message: M): void;
  isLiveMember(id: string): boolean;
  liveOtherIds(): string[];
  /** A probe of `target` failed: suspect it, if it is live. */
  suspect(target: string): void;
}

interface PendingProbe {
  readonly target: string;
  readonly seq: number;
  /** When to give up on a direct ack and ask others. */
  readonly indirectTick: number;
  indirectSent: boolean;
  nacksExpected: number;
  nacks: number;
}

export class Prober {
  readonly #host: ProbeHost;
  readonly #relays: Relays;
  /** Our own probe in flight; cleared by its ack or when it fails. */
  #probe: PendingProbe | undefined;
  #seq = 0;
  #nextProbeTick: number;
  #probesFailed = 0;
  #relaysRefused = 0;

  constructor(host: ProbeHost, firstProbeTick: number) {
    this.#host = host;
    this.#relays = new Relays(host.config.indirectRelaysMax);
    this.#nextProbeTick = firstProbeTick;
  }

  /** Probes that got no ack, direct or indirect, by the end of their period. */
  get probesFailed(): number {
    return this.#probesFailed;
  }

  /** Indirect probe requests refused at indirectRelaysMax. */
  get relaysRefused(): number {
    return this.#relaysRefused;
  }

  /** Stop probing (a graceful leave): the probe in flight is forgotten. */
  stop(): void {
    this.#probe = undefined;
  }

  /** One tick: the pending probe goes indirect or fails, and a new period's probe starts. */
  advance(): void {
    const { config, awareness } = this.#host;
    const now = this.#host.now();
    const probe = this.#probe;
    if (probe !== undefined && !probe.indirectSent && now >= probe.indirectTick) {
      this.#probeIndirectly(probe);
    }
    if (now < this.#nextProbeTick) return;
    // An answered probe is cleared on arrival, so one still pending at the period's end failed.
    if (probe !== undefined) this.#failProbe(probe);
    this.#startProbe();
    this.#nextProbeTick = now + awareness.scaleTicks(config.probeIntervalTicks);
  }

  #startProbe(): void {
    const { id, schedule, awareness, config } = this.#host;
    const target = schedule.next((member) => member !== id && this.#host.isLiveMember(member));
    if (target === undefined) return;
    const seq = ++this.#seq;
    this.#probe = {
      target,
      seq,
      indirectTick: this.#host.now() + awareness.scaleTicks(config.probeTimeoutTicks),
      indirectSent: false,
      nacksExpected: 0,
      nacks: 0,
    };
    this.#host.send({ ...envelope(this.#host.id, target, "probe-request"), seq });
  }

  #probeIndirectly(probe: PendingProbe): void {
    probe.indirectSent = true;
    const { random, config } = this.#host;
    const helpers = sampleDistinct(
      random,
      this.#host.liveOtherIds(),
      config.indirectProbes,
      (id) => id !== probe.target,
    );
    probe.nacksExpected = helpers.length;
    for (const helper of helpers) {
      const request = {
        ...envelope(this.#host.id, helper, "indirect-probe-request"),
        seq: probe.seq,
        target: probe.target,
      };
      this.#host.send(request);
    }
  }

  #failProbe(probe: PendingProbe): void {
    this.#probe = undefined;
    this.#probesFailed++;
    // Helpers that could not even send a nack point at our own health (Lifeguard); without
    // helpers to tell us apart from the target, any failure counts against us.
    this.#host.awareness.apply(probe.nacksExpected > 0 ? probe.nacksExpected - probe.nacks : 1);
    this.#host.suspect(probe.target);
  }

  /** An ack: of our own probe, or of one we relay for another member. */
  handleProbeResponse(response: ProbeResponse): void {
    const probe = this.#probe;
    if (probe !== undefined && probe.seq === response.seq && probe.target === response.from) {
      this.#probe = undefined;
      this.#host.awareness.apply(-1);
      return;
    }
    const relay = this.#relays.take(response.seq, response.from);
    if (relay !== undefined) this.#answerRelay(relay, true);
  }

  /** Another member asks us to probe `request.target` for it. */
  relayProbe(request: IndirectProbeRequest): void {
    if (this.#relays.full) {
      this.#relaysRefused++;
      return;
    }
    const seq = ++this.#seq;
    this.#relays.add(seq, {
      origin: request.from,
      originSeq: request.seq,
      target: request.target,
      deadlineTick: this.#host.now() + this.#host.config.probeTimeoutTicks,
    });
    this.#host.send({ ...envelope(this.#host.id, request.target, "probe-request"), seq });
  }

  /** Answer "not reached" for every relay whose deadline passed. */
  expireRelays(): void {
    if (this.#relays.size === 0) return;
    for (const relay of this.#relays.expire(this.#host.now())) this.#answerRelay(relay, false);
  }

  #answerRelay(relay: Relay, reached: boolean): void {
    const response = {
      ...envelope(this.#host.id, relay.origin, "indirect-probe-response"),
      seq: relay.originSeq,
      reached,
    };
    this.#host.send(response);
  }

  handleIndirectProbeResponse(response: IndirectProbeResponse): void {
    const probe = this.#probe;
    if (probe === undefined || probe.seq !== response.seq) return;
    if (response.reached) {
      this.#probe = undefined;
      this.#host.awareness.apply(-1);
    } else {
      probe.nacks++;
    }
  }
}
