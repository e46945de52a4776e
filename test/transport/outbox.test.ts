import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MessageType } from "../../src/raft/types.ts";
import { wireSizeBytes } from "../../src/transport/index.ts";
import { Outbox } from "../../src/transport/outbox.ts";
import { heartbeat, snap } from "./fixtures.ts";

/** Pushes of heartbeats (false) and snapshots (true), each numbered by its context. */
const pushesArb = fc
  .array(fc.boolean(), { maxLength: 60 })
  .map((isSnap) =>
    isSnap.map((s, i) => (s ? snap("g", "a", "b", new Uint8Array(8)) : heartbeat("g", "a", "b", `${i}`))),
  );

describe("outbox", () => {
  it("holds at most maxMessages, dropping the oldest non-snapshot messages first", () => {
    fc.assert(
      fc.property(pushesArb, fc.integer({ min: 1, max: 10 }), (pushes, maxMessages) => {
        const outbox = new Outbox({ maxMessages, maxBytes: 1 << 20 });
        let dropped = 0;
        for (const gm of pushes) dropped += outbox.push(gm);
        const kept = outbox.drain();
        const snaps = pushes.filter((gm) => gm.message.type === MessageType.Snap);
        const others = pushes.filter((gm) => gm.message.type !== MessageType.Snap);
        // Every snapshot survives; of the rest, the newest that fit.
        const room = Math.max(0, maxMessages - snaps.length);
        const survivors = new Set([...snaps, ...others.slice(Math.max(0, others.length - room))]);
        expect(kept).toEqual(pushes.filter((gm) => survivors.has(gm)));
        expect(dropped).toBe(pushes.length - kept.length);
      }),
    );
  });

  it("holds at most maxBytes of messages by their size estimate", () => {
    const size = wireSizeBytes(heartbeat("g", "a", "b", "00"));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10 }), (count, fit) => {
        const outbox = new Outbox({ maxMessages: 1000, maxBytes: fit * size });
        for (let i = 0; i < count; i++) outbox.push(heartbeat("g", "a", "b", `${i}`.padStart(2, "0")));
        expect(outbox.length).toBe(Math.min(count, fit));
        expect(outbox.bytes).toBeLessThanOrEqual(fit * size);
      }),
    );
  });

  it("drops a message larger than maxBytes by itself without evicting the others", () => {
    const outbox = new Outbox({ maxMessages: 10, maxBytes: 1000 });
    outbox.push(heartbeat("g", "a", "b", "small"));
    expect(outbox.push(heartbeat("g", "a", "b", "x".repeat(2000)))).toBe(1);
    expect(outbox.drain().map((gm) => gm.message.context)).toEqual(["small"]);
  });

  it("drain empties the queue and resets its byte count", () => {
    const outbox = new Outbox({ maxMessages: 10, maxBytes: 1 << 20 });
    outbox.push(heartbeat("g", "a", "b", "1"));
    expect(outbox.drain()).toHaveLength(1);
    expect([outbox.length, outbox.bytes]).toEqual([0, 0]);
  });
});
