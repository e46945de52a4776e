// Updates waiting to be piggybacked, handed out least-sent first.
//
// Each update is sent a bounded number of times (the caller's retransmit limit, ∝ log N) and
// then forgotten: by then it has reached everyone with high probability, and push-pull covers
// the rest. Preferring the least-sent updates gives fresh news the room in every message, so
// a burst of old updates cannot starve a new one. A newer update about the same subject (same
// key) replaces the queued one and starts again from zero sends.

interface Broadcast<T> {
  readonly key: string;
  readonly item: T;
  readonly bytes: number;
  transmits: number;
}

export interface BroadcastSelection {
  /** Stop after this many items. */
  readonly countMax: number;
  /** Stop before the items' bytes would exceed this; an item that does not fit is skipped. */
  readonly bytesMax: number;
  /** Bytes added per item beyond its own (a separator in the encoding). */
  readonly separatorBytes: number;
  /** An item sent this many times leaves the queue. */
  readonly transmitLimit: number;
}

export class BroadcastQueue<T> {
  readonly #capacity: number;
  readonly #byKey = new Map<string, Broadcast<T>>();
  /** #buckets[t] holds the broadcasts sent t times, most recently touched last. */
  readonly #buckets: Map<string, Broadcast<T>>[] = [];

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#byKey.size;
  }

  /** Queues `item` under `key`, replacing what was queued under it; evicts the most-sent first. */
  enqueue(key: string, item: T, bytes: number): void {
    this.#remove(key);
    const broadcast: Broadcast<T> = { key, item, bytes, transmits: 0 };
    this.#byKey.set(key, broadcast);
    this.#bucket(0).set(key, broadcast);
    while (this.#byKey.size > this.#capacity) this.#evictMostSent();
  }

  /** Items for one message, least-sent first (newest first among equals); counts one send each. */
  take(selection: BroadcastSelection): T[] {
    const chosen: Broadcast<T>[] = [];
    let bytesLeft = selection.bytesMax;
    for (const bucket of this.#buckets) {
      if (chosen.length >= selection.countMax) break;
      if (bucket.size === 0) continue;
      const newestFirst = [...bucket.values()].reverse();
      for (const broadcast of newestFirst) {
        if (chosen.length >= selection.countMax) break;
        const cost = broadcast.bytes + (chosen.length > 0 ? selection.separatorBytes : 0);
        if (cost > bytesLeft) continue;
        bytesLeft -= cost;
        chosen.push(broadcast);
      }
    }
    for (const broadcast of chosen) this.#countSend(broadcast, selection.transmitLimit);
    return chosen.map((broadcast) => broadcast.item);
  }

  /** How often the item under `key` has been sent, or undefined if it is not queued. */
  transmitsOf(key: string): number | undefined {
    return this.#byKey.get(key)?.transmits;
  }

  #countSend(broadcast: Broadcast<T>, transmitLimit: number): void {
    this.#buckets[broadcast.transmits]!.delete(broadcast.key);
    broadcast.transmits++;
    if (broadcast.transmits >= transmitLimit) {
      this.#byKey.delete(broadcast.key);
      return;
    }
    this.#bucket(broadcast.transmits).set(broadcast.key, broadcast);
  }

  #remove(key: string): void {
    const queued = this.#byKey.get(key);
    if (queued === undefined) return;
    this.#byKey.delete(key);
    this.#buckets[queued.transmits]!.delete(key);
  }

  #evictMostSent(): void {
    for (let t = this.#buckets.length - 1; t >= 0; t--) {
      const oldest = this.#buckets[t]!.keys().next();
      if (!oldest.done) {
        this.#remove(oldest.value);
        return;
      }
    }
  }

  #bucket(transmits: number): Map<string, Broadcast<T>> {
    while (this.#buckets.length <= transmits) this.#buckets.push(new Map());
    return this.#buckets[transmits]!;
  }
}
