// A deterministic in-process network for gossip simulations: seeded loss, latency with jitter,
// partitions, and members that are crashed (messages to them vanish) or paused (messages to
// them wait, like datagrams in the socket buffer of a SIGSTOPped process, and are handled on
// resume). Time is the simulation's tick; nothing here reads a clock.
import type { Message } from "../../src/gossip/index.ts";
import type { Rng } from "../sim/random.ts";

export interface NetworkOptions {
  /** Probability that any one message is lost. */
  readonly lossRate: number;
  /** Least one-way delay. At least 1, so a message never arrives in the tick it was sent. */
  readonly latencyTicks: number;
  /** Extra delay, uniform in [0, jitterTicks]. */
  readonly jitterTicks: number;
  /** Messages held for a paused member; the rest are lost, as a full socket buffer would. */
  readonly pausedBufferMax: number;
}

export const NETWORK_DEFAULTS: NetworkOptions = {
  lossRate: 0,
  latencyTicks: 1,
  jitterTicks: 1,
  pausedBufferMax: 1024,
};

export interface NetworkStats {
  sent: number;
  delivered: number;
  /** Dropped by the loss rate. */
  lost: number;
  /** Dropped by a partition, a crashed receiver or a full paused buffer. */
  cut: number;
}

export class SimulatedNetwork {
  readonly options: NetworkOptions;
  readonly stats: NetworkStats = { sent: 0, delivered: 0, lost: 0, cut: 0 };
  readonly #rng: Rng;
  /** Messages by the tick they arrive at, in send order. */
  readonly #inFlight = new Map<number, Message[]>();
  /** The side of a partition each member is on; members on no side reach everyone. */
  readonly #side = new Map<string, number>();
  readonly #crashed = new Set<string>();
  readonly #held = new Map<string, Message[]>();

  constructor(rng: Rng, options: Partial<NetworkOptions> = {}) {
    this.#rng = rng;
    this.options = { ...NETWORK_DEFAULTS, ...options };
    if (this.options.latencyTicks < 1) throw new RangeError("latencyTicks must be >= 1");
  }

  send(message: Message, now: number): void {
    this.stats.sent++;
    if (this.options.lossRate > 0 && this.#rng.chance(this.options.lossRate)) {
      this.stats.lost++;
      return;
    }
    if (!this.#connected(message)) {
      this.stats.cut++;
      return;
    }
    const arrival = now + this.options.latencyTicks + this.#rng.intBelow(this.options.jitterTicks + 1);
    const queue = this.#inFlight.get(arrival);
    if (queue === undefined) this.#inFlight.set(arrival, [message]);
    else queue.push(message);
  }

  /** Messages arriving at `now` for running members; those for paused members are held. */
  arrivals(now: number): Message[] {
    const arriving = this.#inFlight.get(now) ?? [];
    this.#inFlight.delete(now);
    const delivered: Message[] = [];
    for (const message of arriving) {
      if (!this.#connected(message) || this.#crashed.has(message.to)) {
        this.stats.cut++;
        continue;
      }
      const held = this.#held.get(message.to);
      if (held === undefined) delivered.push(message);
      else if (held.length < this.options.pausedBufferMax) held.push(message);
      else this.stats.cut++;
    }
    this.stats.delivered += delivered.length;
    return delivered;
  }

  /** Splits members into sides that cannot reach each other; unlisted members reach all. */
  partition(...sides: readonly (readonly string[])[]): void {
    this.#side.clear();
    sides.forEach((side, index) => {
      for (const id of side) this.#side.set(id, index);
    });
  }

  heal(): void {
    this.#side.clear();
  }

  crash(id: string): void {
    this.#crashed.add(id);
    this.#held.delete(id);
  }

  restart(id: string): void {
    this.#crashed.delete(id);
  }

  pause(id: string): void {
    if (!this.#held.has(id)) this.#held.set(id, []);
  }

  /** Ends a pause and hands back what arrived meanwhile, oldest first. */
  resume(id: string): Message[] {
    const held = this.#held.get(id) ?? [];
    this.#held.delete(id);
    this.stats.delivered += held.length;
    return held;
  }

  #connected(message: Message): boolean {
    const from = this.#side.get(message.from);
    const to = this.#side.get(message.to);
    return from === undefined || to === undefined || from === to;
  }
}
