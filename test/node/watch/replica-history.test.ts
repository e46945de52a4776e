// The adapter over the state machine's history (kvsm's EventHistory shape): a snapshot install
// (history reset past what a live watch saw) ends the watch with Compacted instead of a skip;
// trimming the oldest events does not disturb a live watch.
import { describe, expect, it } from "vitest";
import type { WatchEvent } from "../../../src/api/kv-model.ts";
import {
  historyOf,
  openLocalFeed,
  type StateMachineEvents,
  WatchHub,
} from "../../../src/node/watch/index.ts";
import { put } from "./fake-history.ts";

/** The state machine's floor and history as src/node/kv keeps them, bounded to `maxEvents`. */
class FakeStateMachine implements StateMachineEvents {
  floor = 0;
  readonly #events: WatchEvent[] = [];
  readonly #listeners = new Set<(events: readonly WatchEvent[], floor: number) => void>();
  readonly #maxEvents: number;

  constructor(maxEvents: number) {
    this.#maxEvents = maxEvents;
  }

  readonly history: StateMachineEvents["history"] = {
    since: (start: number) => this.#events.filter((e) => e.kv.modRevision >= start),
    subscribe: (listener: (events: readonly WatchEvent[], floor: number) => void) => {
      this.#listeners.add(listener);
      return () => this.#listeners.delete(listener);
    },
    compactedRevision: 0,
  };

  get subscribers(): number {
    return this.#listeners.size;
  }

  apply(event: WatchEvent): void {
    this.floor = event.kv.modRevision;
    this.#events.push(event);
    while (this.#events.length > this.#maxEvents) {
      this.#setCompacted((this.#events.shift() as WatchEvent).kv.modRevision);
    }
    for (const l of [...this.#listeners]) l([event], this.floor);
  }

  /** A snapshot at `floor` installed: the history starts over after it (no listener told). */
  install(floor: number): void {
    this.floor = floor;
    this.#events.length = 0;
    this.#setCompacted(floor);
  }

  #setCompacted(revision: number): void {
    (this.history as { compactedRevision: number }).compactedRevision = revision;
  }
}

const text = new TextEncoder();
const all = { start: text.encode(""), end: new Uint8Array(0) };

function hubOn(sm: FakeStateMachine): WatchHub {
  const history = historyOf(sm);
  return new WatchHub({
    opener: {
      open: (shard, from, sink) => openLocalFeed(shard, history, from, sink),
    },
    shardsOf: () => [0],
    settings: { reopenDelayMs: 1 },
  });
}

describe("the state machine's history as a watch source", () => {
  it("a live watch is not disturbed by trimming, and sees every event", async () => {
    const sm = new FakeStateMachine(2);
    const stream = hubOn(sm).watch({ ...all, startRevision: 1 });
    const it = stream.batches[Symbol.asyncIterator]();
    for (let r = 1; r <= 5; r++) {
      sm.apply(put("k", String(r), r));
      expect((await it.next()).value?.events[0]?.kv.modRevision).toBe(r);
    }
    stream.cancel();
    expect(sm.subscribers).toBe(0);
  });

  it("a snapshot install past what the watch saw ends it with Compacted at the next apply", async () => {
    const sm = new FakeStateMachine(100);
    const stream = hubOn(sm).watch({ ...all, startRevision: 1 });
    const it = stream.batches[Symbol.asyncIterator]();
    sm.apply(put("k", "1", 1));
    expect((await it.next()).value?.events).toHaveLength(1);
    sm.install(10);
    sm.apply(put("k", "11", 11));
    await expect(it.next()).rejects.toMatchObject({ code: "Compacted" });
    expect(sm.subscribers).toBe(0);
  });

  it("the same state machine gives the same history (so a replaced replica is told apart)", () => {
    const sm = new FakeStateMachine(1);
    expect(historyOf(sm)).toBe(historyOf(sm));
    expect(historyOf(new FakeStateMachine(1))).not.toBe(historyOf(sm));
  });
});
