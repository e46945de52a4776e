// The simulated network between replicas (model: hashicorp/raft inmem_transport.go, whose
// connect/disconnect make partition tests need no sockets). Messages are held in flight for a
// delay with jitter, so they arrive reordered; the network can drop and duplicate them, and
// cut links one way (asymmetric partitions) or both ways.
import type { Rng } from "./random.ts";

export interface Addressed {
  readonly from: string;
  readonly to: string;
}

/** How unreliable the network is. All probabilities are per message. */
export interface NetworkFaults {
  readonly dropRate: number;
  readonly duplicateRate: number;
  /** Delivery takes delayTicksMin..delayTicksMax ticks, uniformly; the spread reorders. */
  readonly delayTicksMin: number;
  readonly delayTicksMax: number;
  /** With this probability a message is held back an extra 0..longDelayTicksMax ticks. */
  readonly longDelayRate: number;
  readonly longDelayTicksMax: number;
}

export const RELIABLE_NETWORK: NetworkFaults = {
  dropRate: 0,
  duplicateRate: 0,
  delayTicksMin: 0,
  delayTicksMax: 0,
  longDelayRate: 0,
  longDelayTicksMax: 0,
};

interface InFlight<M> {
  readonly deliverAtTick: number;
  /** Send order, to break ties deterministically. */
  readonly seq: number;
  readonly message: M;
}

export interface NetworkStats {
  sent: number;
  delivered: number;
  dropped: number;
  cut: number;
  duplicated: number;
}

export class Network<M extends Addressed> {
  #random: Rng;
  #faults: NetworkFaults;
  #inFlight: InFlight<M>[] = [];
  /** One-way cuts, keyed "from→to". */
  #cut = new Set<string>();
  #seq = 0;
  readonly stats: NetworkStats = { sent: 0, delivered: 0, dropped: 0, cut: 0, duplicated: 0 };

  constructor(random: Rng, faults: NetworkFaults = RELIABLE_NETWORK) {
    this.#random = random;
    this.#faults = faults;
  }

  get faults(): NetworkFaults {
    return this.#faults;
  }

  setFaults(faults: NetworkFaults): void {
    this.#faults = faults;
  }

  /** Stop delivering messages from `from` to `to` (one way). */
  disconnect(from: string, to: string): void {
    this.#cut.add(`${from}→${to}`);
  }

  connect(from: string, to: string): void {
    this.#cut.delete(`${from}→${to}`);
  }

  isConnected(from: string, to: string): boolean {
    return !this.#cut.has(`${from}→${to}`);
  }

  /** Cut every link between different sides, both ways; links inside a side are untouched. */
  partition(sides: readonly (readonly string[])[]): void {
    for (const [i, a] of sides.entries()) {
      for (const [j, b] of sides.entries()) {
        if (i === j) continue;
        for (const x of a) for (const y of b) this.disconnect(x, y);
      }
    }
  }

  /** Cut `id` off from every one of `others`, both ways. */
  isolate(id: string, others: readonly string[]): void {
    for (const o of others) {
      if (o === id) continue;
      this.disconnect(id, o);
      this.disconnect(o, id);
    }
  }

  healAll(): void {
    this.#cut.clear();
  }

  /** Cut links as "from→to" strings, sorted, for traces and assertions. */
  cutLinks(): string[] {
    return [...this.#cut].sort();
  }

  send(message: M, nowTick: number): void {
    this.stats.sent++;
    // A cut link drops at send time: like a closed connection, nothing is queued behind it.
    if (!this.isConnected(message.from, message.to)) {
      this.stats.cut++;
      return;
    }
    if (this.#random.chance(this.#faults.dropRate)) {
      this.stats.dropped++;
      return;
    }
    this.#enqueue(message, nowTick);
    if (this.#random.chance(this.#faults.duplicateRate)) {
      this.stats.duplicated++;
      this.#enqueue(message, nowTick);
    }
  }

  #enqueue(message: M, nowTick: number): void {
    const f = this.#faults;
    let delay = this.#random.intBetween(f.delayTicksMin, Math.max(f.delayTicksMin, f.delayTicksMax));
    if (f.longDelayRate > 0 && this.#random.chance(f.longDelayRate)) {
      delay += this.#random.intBetween(0, f.longDelayTicksMax);
    }
    this.#inFlight.push({ deliverAtTick: nowTick + delay, seq: this.#seq++, message });
  }

  /**
   * Remove and return the messages due at or before `nowTick`, in delivery order. A link cut
   * while a message was in flight loses it too, so a partition takes effect at once.
   */
  deliverDue(nowTick: number): M[] {
    const due: InFlight<M>[] = [];
    const kept: InFlight<M>[] = [];
    for (const m of this.#inFlight) (m.deliverAtTick <= nowTick ? due : kept).push(m);
    if (due.length === 0) return [];
    this.#inFlight = kept;
    due.sort((x, y) => x.deliverAtTick - y.deliverAtTick || x.seq - y.seq);
    const out: M[] = [];
    for (const d of due) {
      if (!this.isConnected(d.message.from, d.message.to)) {
        this.stats.cut++;
        continue;
      }
      this.stats.delivered++;
      out.push(d.message);
    }
    return out;
  }

  /** Messages still in flight. */
  get pending(): number {
    return this.#inFlight.length;
  }

  /** Forget everything in flight (all of it is lost). */
  clear(): void {
    this.#inFlight = [];
  }
}
