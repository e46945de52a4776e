import { describe, expect, it } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import type { WatchBatch, WatchEvent, WatchStream } from "../../../src/api/kv-model.ts";
import { prefixEnd } from "../../../src/api/kv-model.ts";
import {
  type FeedOpener,
  type FeedSink,
  openLocalFeed,
  type ShardFeed,
  WatchHub,
} from "../../../src/node/watch/index.ts";
import { del, FakeHistory, put } from "./fake-history.ts";

const text = new TextEncoder();
const decoder = new TextDecoder();
const bytes = (s: string): Uint8Array => text.encode(s);

/** Serves each shard from its current replica's history; move() switches replicas. */
class FakeOpener implements FeedOpener {
  readonly current = new Map<number, FakeHistory>();
  readonly #open = new Map<number, { feed: ShardFeed; sink: FeedSink }[]>();
  opened = 0;
  refuse: RingkvError | null = null;

  open(shard: number, fromRevision: number, sink: FeedSink): ShardFeed {
    this.opened++;
    if (this.refuse) throw this.refuse;
    const history = this.current.get(shard);
    if (!history) throw new RingkvError("Unavailable", `no replica of shard ${shard}`);
    const feed = openLocalFeed(shard, history, fromRevision, sink);
    const list = this.#open.get(shard) ?? [];
    list.push({ feed, sink });
    this.#open.set(shard, list);
    return feed;
  }

  /** The replica of `shard` moved to `to` (or went away): open feeds end, resumably. */
  move(shard: number, to: FakeHistory | null): void {
    if (to) this.current.set(shard, to);
    else this.current.delete(shard);
    for (const { feed, sink } of this.#open.get(shard) ?? []) {
      feed.close();
      sink.ended(null);
    }
    this.#open.set(shard, []);
  }
}

function hubOver(histories: FakeHistory[], settings = {}): { hub: WatchHub; opener: FakeOpener } {
  const opener = new FakeOpener();
  histories.forEach((h, shard) => {
    opener.current.set(shard, h);
  });
  const hub = new WatchHub({
    opener,
    // Keys "k<shard>..." live in that shard; a prefix spans every shard.
    shardsOf: (span) =>
      span.end === undefined ? [Number(decoder.decode(span.start).slice(1, 2))] : histories.map((_, i) => i),
    settings: { reopenDelayMs: 1, ...settings },
  });
  return { hub, opener };
}

/** Read batches until `count` events arrived (bounded by the batches it may take). */
async function readEvents(stream: WatchStream, count: number): Promise<WatchEvent[]> {
  const it = stream.batches[Symbol.asyncIterator]();
  const seen: WatchEvent[] = [];
  for (let i = 0; i < 1000 && seen.length < count; i++) {
    const next = await it.next();
    if (next.done) break;
    seen.push(...next.value.events);
  }
  return seen;
}

const described = (events: readonly WatchEvent[]): string[] =>
  events.map((e) => `${e.type} ${decoder.decode(e.kv.key)}@${e.kv.modRevision}`);

const prefix = (p: string) => ({ start: bytes(p), end: prefixEnd(bytes(p)) });

describe("WatchHub", () => {
  it("replays the history from the start revision, then live events, each once in order", async () => {
    const h = new FakeHistory();
    h.apply([put("k0a", "1", 1)]);
    h.apply([put("k0b", "1", 2)]);
    const { hub } = hubOver([h]);
    const stream = hub.watch({ ...prefix("k"), startRevision: 2 });
    h.apply([put("k0a", "2", 3)]);
    h.apply([del("k0b", 4)]);
    expect(described(await readEvents(stream, 3))).toEqual(["put k0b@2", "put k0a@3", "delete k0b@4"]);
    stream.cancel();
  });

  it("loses nothing applied while the history replays (subscribe, buffer, replay, drain)", async () => {
    const h = new FakeHistory();
    h.apply([put("k0a", "1", 1)]);
    h.duringSince = () => h.apply([put("k0a", "2", 2)]);
    const { hub } = hubOver([h]);
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    h.apply([put("k0a", "3", 3)]);
    expect(described(await readEvents(stream, 3))).toEqual(["put k0a@1", "put k0a@2", "put k0a@3"]);
    stream.cancel();
  });

  it("from now (start revision 0) reports only what applies after the watch began", async () => {
    const h = new FakeHistory();
    h.apply([put("k0a", "1", 5)]);
    const { hub } = hubOver([h]);
    const stream = hub.watch({ start: bytes("k0a") });
    h.apply([put("k0a", "2", 9)]);
    expect(described(await readEvents(stream, 1))).toEqual(["put k0a@9"]);
    stream.cancel();
  });

  it("a source switch (replica moved) repeats nothing and loses nothing", async () => {
    const a = new FakeHistory();
    const b = new FakeHistory();
    const { hub, opener } = hubOver([a]);
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    for (const h of [a, b]) h.apply([put("k0a", "1", 1)]);
    for (const h of [a, b]) h.apply([put("k0b", "1", 2)]);
    // b is ahead of a when the watch switches to it: rev 3 was applied on b only.
    b.apply([put("k0c", "1", 3)]);
    opener.move(0, b);
    b.apply([put("k0d", "1", 4)]);
    const events = await readEvents(stream, 4);
    expect(described(events)).toEqual(["put k0a@1", "put k0b@2", "put k0c@3", "put k0d@4"]);
    expect(a.subscribers).toBe(0);
    stream.cancel();
    expect(b.subscribers).toBe(0);
  });

  it("a snapshot install (reset) resumes from the history when it still holds the position", async () => {
    const h = new FakeHistory();
    const { hub, opener } = hubOver([h]);
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    h.apply([put("k0a", "1", 1)]);
    h.reset();
    h.apply([put("k0a", "2", 2)]);
    expect(described(await readEvents(stream, 2))).toEqual(["put k0a@1", "put k0a@2"]);
    expect(opener.opened).toBe(2);
    stream.cancel();
  });

  it("ends with Compacted when the start revision is older than the history", async () => {
    const h = new FakeHistory();
    for (let r = 1; r <= 5; r++) h.apply([put("k0a", String(r), r)]);
    h.compact(3);
    const { hub } = hubOver([h]);
    const stream = hub.watch({ ...prefix("k"), startRevision: 2 });
    await expect(readEvents(stream, 1)).rejects.toMatchObject({ code: "Compacted" });
    expect(h.subscribers).toBe(0);
    expect(hub.activeCount).toBe(0);
  });

  it("ends with Compacted, never skipping, when the next source's history was compacted past it", async () => {
    const a = new FakeHistory();
    const b = new FakeHistory();
    const { hub, opener } = hubOver([a]);
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    a.apply([put("k0a", "1", 1)]);
    for (let r = 1; r <= 4; r++) b.apply([put("k0a", String(r), r)]);
    b.compact(3);
    opener.move(0, b);
    const it = stream.batches[Symbol.asyncIterator]();
    expect(described((await it.next()).value?.events ?? [])).toEqual(["put k0a@1"]);
    await expect(it.next()).rejects.toMatchObject({ code: "Compacted" });
    expect(b.subscribers).toBe(0);
  });

  it("keeps only the span's keys, drops filtered kinds, and strips prevKv unless asked", async () => {
    const h = new FakeHistory();
    const { hub } = hubOver([h]);
    const plain = hub.watch({ ...prefix("k0a"), startRevision: 1, filters: ["noDelete"] });
    const withPrev = hub.watch({ ...prefix("k0a"), startRevision: 1, prevKv: true, filters: ["noPut"] });
    h.apply([put("k0a1", "2", 1, "1"), put("k0b", "x", 1)]);
    h.apply([del("k0a1", 2)]);
    h.apply([put("k0a2", "3", 3, "0")]);
    const kept = await readEvents(plain, 2);
    expect(described(kept)).toEqual(["put k0a1@1", "put k0a2@3"]);
    expect(kept.every((e) => e.prevKv === undefined)).toBe(true);
    expect(described(await readEvents(withPrev, 1))).toEqual(["delete k0a1@2"]);
    const put3 = hub.watch({ start: bytes("k0a2"), startRevision: 3, prevKv: true });
    const [event] = await readEvents(put3, 1);
    expect(decoder.decode(event?.prevKv?.value)).toBe("0");
    for (const s of [plain, withPrev, put3]) s.cancel();
    expect(h.subscribers).toBe(0);
  });

  it("cuts off a reader that falls behind by more than the backlog, releasing its sources", async () => {
    const h = new FakeHistory();
    const { hub } = hubOver([h], { backlogEventsMax: 5 });
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    for (let r = 1; r <= 6; r++) h.apply([put("k0a", String(r), r)]);
    expect(h.subscribers).toBe(0);
    expect(hub.activeCount).toBe(0);
    await expect(readEvents(stream, 6)).rejects.toThrow(/fell 6 events behind \(backlogEventsMax 5\)/);
  });

  it("a reader within the backlog is never cut off", async () => {
    const h = new FakeHistory();
    const { hub } = hubOver([h], { backlogEventsMax: 5 });
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    const it = stream.batches[Symbol.asyncIterator]();
    for (let r = 1; r <= 50; r++) {
      h.apply([put("k0a", String(r), r)]);
      if (r % 5 === 0) for (let i = 0; i < 5; i++) expect((await it.next()).done).toBe(false);
    }
    expect(hub.activeCount).toBe(1);
    stream.cancel();
  });

  it("watches several shards, in revision order per shard, with the lowest shard position as revision", async () => {
    const shards = [new FakeHistory(), new FakeHistory()];
    const { hub } = hubOver(shards);
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    shards[0]?.apply([put("k0a", "1", 1)]);
    shards[1]?.apply([put("k1a", "1", 2)]);
    shards[0]?.apply([put("k0a", "2", 3)]);
    const it = stream.batches[Symbol.asyncIterator]();
    const batches: WatchBatch[] = [];
    for (let i = 0; i < 3; i++) {
      const next = await it.next();
      if (!next.done) batches.push(next.value);
    }
    expect(batches.map((b) => described(b.events)[0])).toEqual(["put k0a@1", "put k1a@2", "put k0a@3"]);
    // After rev 3 on shard 0, shard 1 is known complete only up to 2.
    expect(batches.map((b) => b.revision)).toEqual([0, 1, 2]);
    stream.cancel();
  });

  it("sends progress batches with no events when asked for them", async () => {
    const h = new FakeHistory();
    h.apply([put("k0a", "1", 7)]);
    const { hub } = hubOver([h], { progressIntervalMs: 5 });
    const stream = hub.watch({ ...prefix("k"), progressNotify: true });
    const next = await stream.batches[Symbol.asyncIterator]().next();
    expect(next.value).toEqual({ events: [], revision: 7 });
    stream.cancel();
  });

  it("ends with Unavailable after a bounded number of failed opens", async () => {
    const { hub, opener } = hubOver([new FakeHistory()], { reopenAttemptsMax: 3 });
    opener.refuse = new RingkvError("Unavailable", "no replica reachable");
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    await expect(readEvents(stream, 1)).rejects.toThrow(
      /no source of its events after 3 attempts: no replica reachable/,
    );
    expect(opener.opened).toBe(3);
  });

  it("a stopping node ends every watch with Unavailable and keeps no subscription", async () => {
    const shards = [new FakeHistory(), new FakeHistory()];
    const { hub } = hubOver(shards);
    const streams = [hub.watch(prefix("k")), hub.watch({ start: bytes("k1x") })];
    expect(shards.map((s) => s.subscribers)).toEqual([1, 2]);
    hub.stop();
    expect(shards.map((s) => s.subscribers)).toEqual([0, 0]);
    expect(hub.activeCount).toBe(0);
    for (const s of streams) await expect(readEvents(s, 1)).rejects.toMatchObject({ code: "Unavailable" });
    expect(() => hub.watch(prefix("k"))).toThrow(/stopping/);
  });

  it("a reader that stops iterating (break) cancels the watch", async () => {
    const h = new FakeHistory();
    const { hub } = hubOver([h]);
    const stream = hub.watch({ ...prefix("k"), startRevision: 1 });
    h.apply([put("k0a", "1", 1)]);
    for await (const batch of stream.batches) {
      expect(batch.events).toHaveLength(1);
      break;
    }
    expect(h.subscribers).toBe(0);
    expect(hub.activeCount).toBe(0);
  });

  it("refuses a negative start revision and an empty range", () => {
    const { hub } = hubOver([new FakeHistory()]);
    expect(() => hub.watch({ ...prefix("k"), startRevision: -1 })).toThrow(/start revision -1/);
    expect(() => hub.watch({ start: bytes("b"), end: bytes("a") })).toThrow(/range end/);
  });
});
