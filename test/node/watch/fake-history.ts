// A shard's history in memory, for the hub's tests: append events, compact, reset, and count
// live subscriptions (a leak shows as a count that does not return to zero).
import type { WatchEvent } from "../../../src/api/kv-model.ts";
import type { HistoryListener, ShardHistory } from "../../../src/node/watch/index.ts";

const text = new TextEncoder();

export function put(key: string, value: string, revision: number, prev?: string): WatchEvent {
  const kv = {
    key: text.encode(key),
    value: text.encode(value),
    createRevision: revision,
    modRevision: revision,
    writes: 1,
    lease: 0,
  };
  if (prev === undefined) return { type: "put", kv };
  return { type: "put", kv, prevKv: { ...kv, value: text.encode(prev), modRevision: revision - 1 } };
}

export function del(key: string, revision: number): WatchEvent {
  const kv = {
    key: text.encode(key),
    value: new Uint8Array(0),
    createRevision: 0,
    modRevision: revision,
    writes: 0,
    lease: 0,
  };
  return { type: "delete", kv };
}

export class FakeHistory implements ShardHistory {
  floor = 0;
  compactedRevision = 0;
  readonly events: WatchEvent[] = [];
  readonly #listeners = new Set<HistoryListener>();
  /** Called inside since(), to apply a command while a feed replays. */
  duringSince: (() => void) | null = null;

  get subscribers(): number {
    return this.#listeners.size;
  }

  /** Apply one command's events (one revision), as the state machine would. */
  apply(events: readonly WatchEvent[], floor?: number): void {
    this.events.push(...events);
    const top = events.length > 0 ? (events[events.length - 1] as WatchEvent).kv.modRevision : this.floor;
    this.floor = Math.max(this.floor, floor ?? top);
    for (const l of [...this.#listeners]) l.applied(events, this.floor);
  }

  /** Forget the events at or below `revision`. */
  compact(revision: number): void {
    this.compactedRevision = revision;
    while (this.events.length > 0 && (this.events[0] as WatchEvent).kv.modRevision <= revision)
      this.events.shift();
  }

  reset(): void {
    for (const l of [...this.#listeners]) l.reset();
  }

  since(revision: number): readonly WatchEvent[] {
    const hook = this.duringSince;
    this.duringSince = null;
    const found = this.events.filter((e) => e.kv.modRevision >= revision);
    hook?.();
    return found;
  }

  subscribe(listener: HistoryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
