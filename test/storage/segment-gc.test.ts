// Log segments are deleted once every group's snapshot covers all the entries in them, not
// before; and deleting them loses nothing, hard states included.
import { describe, expect, it } from "vitest";
import type { DurableStore } from "../../src/storage/index.ts";
import {
  entry,
  hardState,
  logOf,
  openStore,
  segmentFiles,
  segmentRecords,
  snapshot,
  tempDir,
} from "./support.ts";

/** Highest entry index per group in a segment file. */
async function maxIndexes(file: string): Promise<Map<string, number>> {
  const max = new Map<string, number>();
  for (const { record } of await segmentRecords(file)) {
    if (record.kind !== "entries") continue;
    for (const e of record.entries) max.set(record.group, Math.max(max.get(record.group) ?? 0, e.index));
  }
  return max;
}

/** Groups a and b append one entry each per batch; c writes one hard state and then stays idle. */
async function fill(dir: string, rounds: number): Promise<DurableStore> {
  const store = await openStore(dir, { segmentBytesMax: 1024 });
  store.persist("c", { hardState: hardState(9, 0, "n3") });
  for (let i = 1; i <= rounds; i++) {
    store.persist("a", { entries: [entry(i, 1)], hardState: hardState(1, i) });
    store.persist("b", { entries: [entry(i, 1)], hardState: hardState(1, i) });
    await store.sync();
  }
  return store;
}

describe("segment garbage collection", () => {
  it("a segment is deleted once every group's snapshot passes its entries, and not before", async () => {
    const dir = await tempDir();
    const store = await fill(dir, 60);
    const files = await segmentFiles(dir);
    expect(files.length).toBeGreaterThan(3);
    const first = await maxIndexes(files[0]!);
    const bInFirst = first.get("b")!;

    await store.saveSnapshot("a", snapshot(60, 1));
    expect(await segmentFiles(dir)).toEqual(files); // b still needs segment 1
    await store.saveSnapshot("b", snapshot(bInFirst - 1, 1));
    expect(await segmentFiles(dir)).toEqual(files); // one entry of b short
    expect(store.stats().oldestSegment.pinnedBy).toEqual(["b"]);

    await store.saveSnapshot("b", snapshot(bInFirst, 1));
    const remaining = await segmentFiles(dir);
    expect(remaining[0]).toBe(files[1]);
    expect(store.stats().segmentsDeleted).toBe(1);
  });

  it("the active segment is never deleted, and everything survives a restart after deletion", async () => {
    const dir = await tempDir();
    let store = await fill(dir, 60);
    const files = await segmentFiles(dir);
    await store.saveSnapshot("a", snapshot(55, 1));
    await store.saveSnapshot("b", snapshot(60, 1));
    const remaining = await segmentFiles(dir);
    expect(remaining.length).toBeGreaterThanOrEqual(1);
    expect(remaining.length).toBeLessThan(files.length);
    expect(remaining.at(-1)).toBe(files.at(-1));

    await store.close();
    store = await openStore(dir, { segmentBytesMax: 1024 });
    expect(logOf(store.group("a")).map(([i]) => i)).toEqual([56, 57, 58, 59, 60]);
    expect(store.group("b").lastIndex()).toBe(60);
    expect(store.group("a").hardState()).toEqual(hardState(1, 60));
    // c's only hard-state record was in a deleted segment; the checkpoints carried it forward.
    expect(store.group("c").hardState()).toEqual(hardState(9, 0, "n3"));
  });

  it("entries replaced by a later truncation no longer pin their segment", async () => {
    const dir = await tempDir();
    const store = await fill(dir, 40);
    const files = await segmentFiles(dir);
    // b's log is cut back to 3 and rewritten: b's old entries 4..40 are no longer live.
    store.persist("b", { entries: [entry(4, 2)] });
    await store.sync();
    await store.saveSnapshot("a", snapshot(40, 1));
    await store.saveSnapshot("b", snapshot(4, 2));
    const remaining = await segmentFiles(dir);
    expect(remaining.length).toBeLessThan(files.length);
    expect(logOf(store.group("b"))).toEqual([]);
  });

  it("an installed snapshot releases every earlier segment of its group", async () => {
    const dir = await tempDir();
    const store = await fill(dir, 40);
    const files = await segmentFiles(dir);
    await store.saveSnapshot("a", snapshot(40, 1));
    store.persist("b", { snapshot: snapshot(5, 3), hardState: hardState(3, 5) });
    await store.sync();
    // Collection after an install runs in the background of the log; close waits for it.
    await store.close();
    const remaining = await segmentFiles(dir);
    expect(remaining.length).toBeLessThan(files.length);
    expect(store.group("b").lastIndex()).toBe(5);
  });
});
