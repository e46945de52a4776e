// The indirect probes one member runs on others' behalf (SWIM's ping-req): each waits for the
// target's ack until its deadline, then is answered "reached" or "not reached". Bounded by
// indirectRelaysMax so a flood of requests cannot grow it.

/** An indirect probe run on another member's behalf. */
export interface Relay {
  readonly origin: string;
  readonly originSeq: number;
  readonly target: string;
  readonly deadlineTick: number;
}

export class Relays {
  readonly #relaysMax: number;
  /** By the sequence number of our own probe of the target. */
  readonly #bySeq = new Map<number, Relay>();

  constructor(relaysMax: number) {
    this.#relaysMax = relaysMax;
  }

  get size(): number {
    return this.#bySeq.size;
  }

  get full(): boolean {
    return this.#bySeq.size >= this.#relaysMax;
  }

  add(seq: number, relay: Relay): void {
    this.#bySeq.set(seq, relay);
  }

  /** The relay an ack from `from` for our probe `seq` answers, removed (undefined: none). */
  take(seq: number, from: string): Relay | undefined {
    const relay = this.#bySeq.get(seq);
    if (relay === undefined || relay.target !== from) return undefined;
    this.#bySeq.delete(seq);
    return relay;
  }

  /** The relays whose deadline passed by `now`, removed, in the order they started. */
  expire(now: number): Relay[] {
    const expired: Relay[] = [];
    for (const [seq, relay] of this.#bySeq) {
      if (now < relay.deadlineTick) continue;
      this.#bySeq.delete(seq);
      expired.push(relay);
    }
    return expired;
  }
}
