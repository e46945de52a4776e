// The bookkeeping behind segment deletion: which segments still hold entries a group needs.
import { describe, expect, it } from "vitest";
import { SegmentLedger } from "../../src/storage/segment-ledger.ts";
import { entries } from "./support.ts";

const none = () => 0;
const snapshots = (indexes: Record<string, number>) => (group: string) => indexes[group] ?? 0;

function ledgerWith(segments: number[]): SegmentLedger {
  const ledger = new SegmentLedger();
  for (const id of segments) ledger.addSegment(id);
  return ledger;
}

describe("segment ledger", () => {
  it("a segment is collectible only when sealed and every group's snapshot covers its entries", () => {
    const ledger = ledgerWith([1, 2, 3]);
    ledger.note(1, { kind: "entries", group: "a", entries: entries(1, 10, 1) });
    ledger.note(1, { kind: "entries", group: "b", entries: entries(1, 5, 1) });
    ledger.note(2, { kind: "entries", group: "a", entries: entries(11, 20, 1) });
    expect(ledger.collectible(3, none)).toEqual([]);
    expect(ledger.collectible(3, snapshots({ a: 10, b: 4 }))).toEqual([]);
    expect(ledger.collectible(3, snapshots({ a: 10, b: 5 }))).toEqual([1]);
    expect(ledger.collectible(3, snapshots({ a: 20, b: 5 }))).toEqual([1, 2]);
    expect(ledger.collectible(2, snapshots({ a: 20, b: 5 }))).toEqual([1]);
  });

  it("collection stops at the first segment that must stay, even if later ones could go", () => {
    const ledger = ledgerWith([1, 2, 3]);
    ledger.note(1, { kind: "entries", group: "a", entries: entries(1, 10, 1) });
    ledger.note(2, { kind: "entries", group: "b", entries: entries(1, 10, 1) });
    expect(ledger.collectible(3, snapshots({ b: 10 }))).toEqual([]);
    expect(ledger.pinnedBy(1, snapshots({ b: 10 }))).toEqual(["a"]);
  });

  it("entries replaced by an append at a lower index stop pinning older segments", () => {
    const ledger = ledgerWith([1, 2]);
    ledger.note(1, { kind: "entries", group: "a", entries: entries(1, 50, 1) });
    ledger.note(2, { kind: "entries", group: "a", entries: entries(11, 12, 2) });
    expect(ledger.pinnedBy(1, snapshots({ a: 10 }))).toEqual([]);
    expect(ledger.pinnedBy(2, snapshots({ a: 10 }))).toEqual(["a"]);
  });

  it("an installed snapshot unpins its group everywhere before it", () => {
    const ledger = ledgerWith([1, 2]);
    ledger.note(1, { kind: "entries", group: "a", entries: entries(1, 50, 1) });
    ledger.note(2, { kind: "snapshotMark", group: "a", mark: "installed", index: 5, term: 2 });
    expect(ledger.collectible(2, snapshots({ a: 5 }))).toEqual([1]);
  });

  it("a drop unpins its group everywhere before it, and the group starts again from index 1", () => {
    const ledger = ledgerWith([1, 2, 3]);
    ledger.note(1, { kind: "entries", group: "a", entries: entries(1, 50, 1) });
    ledger.note(2, { kind: "drop", group: "a", generation: 1 });
    ledger.note(3, { kind: "entries", group: "a", entries: entries(1, 5, 2) });
    expect(ledger.pinnedBy(1, none)).toEqual([]);
    expect(ledger.collectible(3, none)).toEqual([1, 2]);
    // The new entries 1..5 are not cut back by the old log's 50: they stay live.
    expect(ledger.pinnedBy(3, snapshots({ a: 4 }))).toEqual(["a"]);
  });

  it("hard states and marks other than installs pin nothing", () => {
    const ledger = ledgerWith([1, 2]);
    ledger.note(1, { kind: "hardState", group: "a", hardState: { term: 1, vote: "", commit: 0 } });
    ledger.note(1, { kind: "snapshotMark", group: "a", mark: "checkpoint", index: 0, term: 0 });
    expect(ledger.collectible(2, none)).toEqual([1]);
  });
});
