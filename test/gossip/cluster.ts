// A whole gossip cluster in one process, on the simulated network, stepped tick by tick.
// Everything random is forked from one seed, so a run — every message, loss and verdict —
// replays exactly from its seed (print the seed with any failure).
import {
  canonicalSnapshot,
  type GossipConfig,
  type GossipEvent,
  GossipMember,
  gossipConfig,
  type MemberRecord,
  type MemberState,
  type MergeRules,
  type Message,
  type MetadataValue,
} from "../../src/gossip/index.ts";
import { Rng } from "../sim/random.ts";
import { type NetworkOptions, SimulatedNetwork } from "./network.ts";

export interface ClusterOptions {
  readonly size: number;
  readonly seed: number;
  readonly config?: Partial<GossipConfig>;
  readonly network?: Partial<NetworkOptions>;
  /** Replaces the merge rules in every member: only to plant bugs. */
  readonly rules?: MergeRules;
}

/** A change one member saw in its view, and when. */
export interface Observation {
  readonly tick: number;
  readonly observer: string;
  readonly event: GossipEvent;
}

export class SimulatedCluster {
  readonly ids: readonly string[];
  readonly config: GossipConfig;
  readonly network: SimulatedNetwork;
  readonly observations: Observation[] = [];
  /** Called for every message a member sends, before the network sees it. */
  onSend: ((message: Message, tick: number) => void) | undefined;
  #now = 0;
  readonly #rng: Rng;
  readonly #options: ClusterOptions;
  readonly #members = new Map<string, GossipMember>();
  readonly #lives = new Map<string, number>();
  readonly #crashed = new Set<string>();
  readonly #paused = new Set<string>();

  constructor(options: ClusterOptions) {
    this.#options = options;
    this.#rng = new Rng(options.seed);
    this.config = gossipConfig(options.config);
    this.network = new SimulatedNetwork(this.#rng.fork("network"), options.network);
    const width = String(options.size - 1).length;
    this.ids = Array.from({ length: options.size }, (_, i) => `m${String(i).padStart(width, "0")}`);
    const peers = this.ids.map((id) => aliveRecord(id, 0));
    for (const id of this.ids) this.#members.set(id, this.#createMember(id, 0, peers));
  }

  get now(): number {
    return this.#now;
  }

  member(id: string): GossipMember {
    const member = this.#members.get(id);
    if (member === undefined) throw new RangeError(`no member ${id}`);
    return member;
  }

  /** Members that tick and receive: neither crashed nor paused. */
  running(): string[] {
    return this.ids.filter((id) => !this.#crashed.has(id) && !this.#paused.has(id));
  }

  /** One tick: deliver what arrives, tick every running member, send what they produced. */
  step(): void {
    this.#now++;
    for (const message of this.network.arrivals(this.#now)) this.#members.get(message.to)?.receive(message);
    const running = this.running();
    for (const id of running) this.member(id).tick();
    for (const id of running) this.#flush(id);
  }

  run(ticks: number): void {
    for (let i = 0; i < ticks; i++) this.step();
  }

  /** Steps until `done` holds (checked before each step); the tick it held at, or undefined. */
  runUntil(done: () => boolean, maxTicks: number): number | undefined {
    for (let i = 0; i < maxTicks; i++) {
      if (done()) return this.#now;
      this.step();
    }
    return done() ? this.#now : undefined;
  }

  /** The member stops for good (until restart): no ticks, messages to it vanish. */
  crash(id: string): void {
    this.#crashed.add(id);
    this.#paused.delete(id);
    this.network.crash(id);
  }

  /**
   * A new process for a crashed member: fresh state, the given incarnation (the host's
   * persisted one + 1, or a fresh value), every member as an alive peer, joining via `seeds`.
   */
  restart(id: string, incarnation: number, seeds: readonly string[]): void {
    const life = (this.#lives.get(id) ?? 0) + 1;
    this.#lives.set(id, life);
    this.#crashed.delete(id);
    this.network.restart(id);
    const member = this.#createMember(id, incarnation, [], life);
    member.join(seeds);
    this.#members.set(id, member);
    this.#flush(id);
  }

  /** The member stops ticking and handling messages; they wait for it (SIGSTOP). */
  pause(id: string): void {
    this.#paused.add(id);
    this.network.pause(id);
  }

  /** The member handles what waited for it, then runs on (SIGCONT). */
  resume(id: string): void {
    this.#paused.delete(id);
    const member = this.member(id);
    for (const message of this.network.resume(id)) member.receive(message);
    this.#flush(id);
  }

  partition(...sides: readonly (readonly string[])[]): void {
    this.network.partition(...sides);
  }

  heal(): void {
    this.network.heal();
  }

  setMetadata(id: string, key: string, value: MetadataValue, version: number): boolean {
    const applied = this.member(id).setMetadata(key, value, version);
    this.#flush(id);
    return applied;
  }

  /** What `observer` believes about `subject`. */
  stateOf(observer: string, subject: string): MemberState | undefined {
    return this.member(observer).member(subject)?.state;
  }

  /** True when every one of `ids` holds the same view (members and metadata). */
  converged(ids: readonly string[] = this.running()): boolean {
    const first = ids[0];
    if (first === undefined) return true;
    const view = this.view(first);
    return ids.every((id) => this.view(id) === view);
  }

  view(id: string): string {
    return canonicalSnapshot(this.member(id).snapshot());
  }

  /** Events about `subject` with the given state, as seen by observers other than itself. */
  verdicts(subject: string, state: MemberState): Observation[] {
    return this.observations.filter(
      (o) =>
        o.observer !== subject &&
        o.event.type === "member-changed" &&
        o.event.member.id === subject &&
        o.event.member.state === state,
    );
  }

  #flush(id: string): void {
    const { messages, events } = this.member(id).drain();
    for (const event of events) this.observations.push({ tick: this.#now, observer: id, event });
    for (const message of messages) {
      this.onSend?.(message, this.#now);
      this.network.send(message, this.#now);
    }
  }

  #createMember(id: string, incarnation: number, peers: readonly MemberRecord[], life = 0): GossipMember {
    return new GossipMember({
      id,
      random: this.#rng.fork(`member:${id}:${life}`),
      addresses: { gossip: id },
      incarnation,
      peers,
      ...(this.#options.config === undefined ? {} : { config: this.#options.config }),
      ...(this.#options.rules === undefined ? {} : { rules: this.#options.rules }),
    });
  }
}

export function aliveRecord(id: string, incarnation: number): MemberRecord {
  return { id, addresses: { gossip: id }, state: "alive", incarnation };
}

/** One line per observation: the run's trace, compared across replays of a seed. */
export function traceLines(observations: readonly Observation[]): string[] {
  return observations.map(({ tick, observer, event }) =>
    event.type === "member-changed"
      ? `${tick} ${observer} member ${event.member.id} ${event.member.state}@${event.member.incarnation}`
      : `${tick} ${observer} metadata ${event.entry.key} v${event.entry.version} ${JSON.stringify(event.entry.value)}`,
  );
}
