// The watch history of a shard: every change in revision order with its previous record,
// bounded by count and bytes, whole revisions kept or dropped together, Compacted for a start
// it no longer covers, and listeners told synchronously at each apply.
import { describe, expect, it } from "vitest";
import type { WatchEvent } from "../../../src/api/kv-model.ts";
import {
  type Change,
  EventHistory,
  HISTORY_EVENT_OVERHEAD_BYTES,
} from "../../../src/node/kv/event-history.ts";
import { stringSpan } from "../../../src/node/kv/key-store.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";

const b = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const EVERYTHING = stringSpan({ start: new Uint8Array(0), end: new Uint8Array(0) });
const summary = (events: readonly WatchEvent[]) =>
  events.map(
    (e) => `${e.type} ${text(e.kv.key)}@${e.kv.modRevision}${e.prevKv ? ` was ${text(e.prevKv.value)}` : ""}`,
  );

describe("event history", () => {
  it("records every change in revision order, with the previous record", () => {
    const sm = new KvStateMachine();
    sm.apply({ put: { key: b("a"), value: b("1"), revision: 10 } }, 1);
    sm.apply({ put: { key: b("a"), value: b("2"), revision: 11 } }, 2);
    sm.apply({ put: { key: b("b"), value: b("3"), revision: 12 } }, 3);
    sm.apply({ deleteRange: { start: b("a"), end: new Uint8Array(0), revision: 13 } }, 4);
    expect(summary(sm.history.since(1, EVERYTHING, 100))).toEqual([
      "put a@10",
      "put a@11 was 1",
      "put b@12",
      "delete a@13 was 2",
      "delete b@13 was 3",
    ]);
    expect(summary(sm.history.since(12, stringSpan({ start: b("b") }), 100))).toEqual([
      "put b@12",
      "delete b@13 was 3",
    ]);
  });

  it("drops the oldest whole revisions past its bounds and answers Compacted below them", () => {
    const sm = new KvStateMachine({ history: { maxEvents: 3 } });
    for (let r = 1; r <= 3; r++) sm.apply({ put: { key: b(`k${r}`), value: b("v"), revision: r } }, r);
    sm.apply({ deleteRange: { start: b("k"), end: b("l"), revision: 4 } }, 4);
    // Revision 4 alone is 3 events: revisions 1-3 are gone.
    expect(sm.history.compactedRevision).toBe(3);
    expect(() => sm.history.since(3, EVERYTHING, 100)).toThrow(/revision 3 is compacted.*after revision 3/);
    expect(() => sm.history.since(1, EVERYTHING, 100)).toThrow(
      expect.objectContaining({ code: "Compacted" }),
    );
    expect(sm.history.since(4, EVERYTHING, 100)).toHaveLength(3);
    const bytes = new EventHistory({ maxBytes: 2 * HISTORY_EVENT_OVERHEAD_BYTES + 10 });
    const event = (r: number): Change => ({
      key: "k",
      revision: r,
      stored: { value: "v", createRevision: r, modRevision: r, writes: 1, lease: 0 },
      prev: undefined,
    });
    for (let r = 1; r <= 5; r++) bytes.record([event(r)], r);
    expect(bytes.length).toBe(2);
    expect(bytes.compactedRevision).toBe(3);
  });

  it("since() cuts only between revisions, answering a first revision whole", () => {
    const sm = new KvStateMachine();
    sm.apply({ put: { key: b("a"), value: b("1"), revision: 1 } }, 1);
    sm.apply({ put: { key: b("b"), value: b("1"), revision: 2 } }, 2);
    sm.apply({ deleteRange: { start: b("a"), end: new Uint8Array(0), revision: 3 } }, 3);
    expect(summary(sm.history.since(1, EVERYTHING, 2))).toEqual(["put a@1", "put b@2"]);
    expect(summary(sm.history.since(2, EVERYTHING, 2))).toEqual(["put b@2"]);
    expect(summary(sm.history.since(3, EVERYTHING, 1))).toEqual(["delete a@3 was 1", "delete b@3 was 1"]);
  });

  it("tells listeners synchronously at each apply, until they unsubscribe", () => {
    const sm = new KvStateMachine();
    const heard: string[] = [];
    const stop = sm.history.subscribe((events, floor) => heard.push(`${summary(events).join(",")}|${floor}`));
    sm.apply({ put: { key: b("a"), value: b("1"), revision: 5 } }, 1);
    expect(heard).toEqual(["put a@5|5"]);
    sm.apply({ fence: { revision: 9 } }, 2);
    sm.apply({ put: { key: b("a"), value: b("2"), revision: 3 } }, 3);
    expect(heard).toEqual(["put a@5|5", "|9"]);
    stop();
    sm.apply({ put: { key: b("a"), value: b("2"), revision: 10 } }, 4);
    expect(heard).toHaveLength(2);
  });
});
