// Dropping a group forgets its entries, hard state and snapshot, durably: a restart does not
// bring it back, a re-created group holds only what was written after the drop, and a crash
// anywhere around the drop leaves either the group as it was or the group gone, never a mix.
import { mkdir, readdir, readFile, truncate, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Storage } from "../../src/raft/storage.ts";
import { EMPTY_HARD_STATE, EMPTY_SNAPSHOT } from "../../src/raft/storage.ts";
import type { DurableStore } from "../../src/storage/index.ts";
import { type LogStore, MemoryLogStore } from "../../src/storage/log-store.ts";
import {
  entries,
  entry,
  hardState,
  logOf,
  openStore,
  segmentFiles,
  segmentRecords,
  snapshot,
  tempDir,
} from "./support.ts";

const snapshotDir = (dir: string, group: string) => join(dir, "snapshots", group);

/** The group's snapshot file names, or null when it has no snapshot directory. */
async function snapshotNames(dir: string, group: string): Promise<string[] | null> {
  return readdir(snapshotDir(dir, group)).then(
    (names) => names.sort(),
    () => null,
  );
}

/** The group's snapshot files with their bytes, to put back as a crash would have left them. */
async function copySnapshots(dir: string, group: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await snapshotNames(dir, group)) ?? []) {
    const file = join(snapshotDir(dir, group), name);
    files.set(file, await readFile(file));
  }
  return files;
}

async function restore(files: ReadonlyMap<string, Buffer>): Promise<void> {
  for (const [file, bytes] of files) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}

/** The last segment and the byte offset of the last drop record in it. */
async function dropRecordAt(dir: string): Promise<{ file: string; offset: number }> {
  const file = (await segmentFiles(dir)).at(-1)!;
  const drop = (await segmentRecords(file)).filter(({ record }) => record.kind === "drop").at(-1);
  expect(drop).toBeDefined();
  return { file, offset: drop!.offset };
}

function expectEmpty(storage: Storage): void {
  expect([storage.firstIndex(), storage.lastIndex()]).toEqual([1, 0]);
  expect(storage.initialState().hardState).toEqual(EMPTY_HARD_STATE);
  expect(storage.snapshot()).toEqual(EMPTY_SNAPSHOT);
}

/** Group "a" with entries 1..20 (term 1), committed, and a snapshot at 15; "b" with 1..5. */
async function twoGroups(dir: string): Promise<DurableStore> {
  const store = await openStore(dir);
  store.persist("a", { entries: entries(1, 20, 1), hardState: hardState(1, 20, "n1") });
  store.persist("b", { entries: entries(1, 5, 3), hardState: hardState(3, 4, "n2") });
  await store.sync();
  await store.saveSnapshot("a", snapshot(15, 1));
  return store;
}

function expectB(store: DurableStore): void {
  expect(logOf(store.group("b")).map(([i, t]) => [i, t])).toEqual([
    [1, 3],
    [2, 3],
    [3, 3],
    [4, 3],
    [5, 3],
  ]);
  expect(store.group("b").hardState()).toEqual(hardState(3, 4, "n2"));
}

/** The promises of LogStore.dropGroup, for every implementation. */
function describeDropConformance(name: string, open: () => Promise<LogStore>): void {
  describe(`dropGroup: ${name}`, () => {
    it("a dropped group reads empty at once, is not listed, and persisting re-creates it", async () => {
      const store = await open();
      store.persist("a", { snapshot: snapshot(4, 2), entries: entries(5, 8, 2), hardState: hardState(2, 6) });
      store.persist("b", { entries: entries(1, 2, 1), hardState: null, snapshot: null });
      await store.sync();
      store.dropGroup("a");
      expectEmpty(store.group("a"));
      expect(store.groups().sort()).toEqual(["b"]);

      store.persist("a", { snapshot: null, entries: [entry(1, 9)], hardState: hardState(9, 1) });
      await store.sync();
      expect(store.groups().sort()).toEqual(["a", "b"]);
      expect(logOf(store.group("a"))).toEqual([[1, 9, "entry 1@9"]]);
      expect(store.group("a").snapshot().meta.index).toBe(0);
      expect(logOf(store.group("b")).map(([i]) => i)).toEqual([1, 2]);
    });

    it("dropping a group the store does not hold changes nothing", async () => {
      const store = await open();
      store.persist("b", { snapshot: null, entries: entries(1, 2, 1), hardState: null });
      store.dropGroup("never-seen");
      await store.sync();
      expect(store.groups()).toEqual(["b"]);
    });
  });
}

describeDropConformance("MemoryLogStore", async () => new MemoryLogStore());
describeDropConformance("DurableStore", async () => openStore(await tempDir()));

describe("dropping a group durably", () => {
  it("a dropped group stays gone after a restart, and the other groups are untouched", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    store.dropGroup("a");
    await store.sync();
    expect(await snapshotNames(dir, "a")).toBeNull();
    await store.close();

    store = await openStore(dir);
    expect(store.recovery.groups).toEqual(["b"]);
    expect(store.groups()).toEqual(["b"]);
    expectEmpty(store.group("a"));
    expectB(store);
  });

  it("a group dropped and re-created holds only what was written after the drop", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    store.dropGroup("a");
    // Re-created in the same batch: the drop record still goes first.
    store.persist("a", { entries: entries(1, 3, 7), hardState: hardState(7, 2, "n3") });
    await store.sync();
    await store.close();

    store = await openStore(dir);
    expect(logOf(store.group("a"))).toEqual([
      [1, 7, "entry 1@7"],
      [2, 7, "entry 2@7"],
      [3, 7, "entry 3@7"],
    ]);
    expect(store.group("a").hardState()).toEqual(hardState(7, 2, "n3"));
    expect(store.group("a").snapshot()).toEqual(EMPTY_SNAPSHOT);
    expectB(store);
  });

  it("a re-created group's own snapshots are kept and loaded, and the old one never is", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    const old = await copySnapshots(dir, "a");
    store.dropGroup("a");
    store.persist("a", {
      snapshot: snapshot(3, 5, "new@3"),
      entries: entries(4, 8, 5),
      hardState: hardState(5, 8),
    });
    await store.sync();
    await store.saveSnapshot("a", snapshot(6, 5, "new@6"));
    expect(await snapshotNames(dir, "a")).toEqual(["g1-3-5.snap", "g1-6-5.snap"]);
    await store.close();
    // Even if the old generation's file (at a higher index) were still there, it is stale.
    await restore(old);

    store = await openStore(dir);
    expect(store.group("a").snapshot()).toEqual(snapshot(6, 5, "new@6"));
    expect(logOf(store.group("a")).map(([i, t]) => [i, t])).toEqual([
      [7, 5],
      [8, 5],
    ]);
    expect(await snapshotNames(dir, "a")).toEqual(["g1-3-5.snap", "g1-6-5.snap"]);
  });

  it("snapshot files left behind by a crash after the drop record are never loaded, and are deleted", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    const old = await copySnapshots(dir, "a");
    expect([...old.keys()].map((f) => f.split("/").at(-1))).toEqual(["15-1.snap"]);
    store.dropGroup("a");
    await store.sync();
    await store.close();
    // The crash came after the drop record was durable and before its files were deleted.
    await restore(old);

    store = await openStore(dir);
    expectEmpty(store.group("a"));
    expect(store.groups()).toEqual(["b"]);
    expect(await snapshotNames(dir, "a")).toBeNull();
    expectB(store);
  });

  it("a crash before the drop record was durable leaves the group as it was", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    const old = await copySnapshots(dir, "a");
    store.dropGroup("a");
    await store.sync();
    await store.close();
    const { file, offset } = await dropRecordAt(dir);
    // Nothing after the drop record in the log: it is the whole tail.
    expect((await segmentRecords(file)).at(-1)!.offset).toBe(offset);
    await restore(old);

    // Cut mid-record: a torn tail, so the drop never happened.
    await truncate(file, offset + 5);
    store = await openStore(dir);
    expect(store.recovery.tornTail).toMatchObject({ file, offset, bytesCut: 5 });
    expect(store.groups()).toEqual(["a", "b"]);
    expect(store.group("a").snapshot()).toEqual(snapshot(15, 1));
    expect(logOf(store.group("a")).map(([i]) => i)).toEqual([16, 17, 18, 19, 20]);
    expect(store.group("a").hardState()).toEqual(hardState(1, 20, "n1"));
    expectB(store);
  });

  it("a crash after the drop keeps it, and keeps of the re-created group what was durable", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    store.dropGroup("a");
    store.persist("a", { entries: entries(1, 2, 4), hardState: hardState(4, 1) });
    await store.sync();
    store.persist("a", { entries: entries(3, 4, 4), hardState: hardState(4, 3) });
    await store.sync();
    await store.close();
    // Cut the last batch (entries 3..4 and its hard state) in the middle.
    const file = (await segmentFiles(dir)).at(-1)!;
    const records = await segmentRecords(file);
    const lastEntries = records.filter(({ record }) => record.kind === "entries").at(-1)!;
    await truncate(file, lastEntries.offset + 9);

    store = await openStore(dir);
    expect(store.recovery.tornTail?.offset).toBe(lastEntries.offset);
    expect(logOf(store.group("a")).map(([i, t]) => [i, t])).toEqual([
      [1, 4],
      [2, 4],
    ]);
    expect(store.group("a").hardState()).toEqual(hardState(4, 1));
    expect(store.group("a").snapshot()).toEqual(EMPTY_SNAPSHOT);
  });

  it("a snapshot being written when its group is dropped is deleted with it, not marked in the log", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    const saving = store.saveSnapshot("a", snapshot(18, 1));
    store.dropGroup("a");
    await saving;
    await store.sync();
    expect(await snapshotNames(dir, "a")).toBeNull();
    await store.close();

    store = await openStore(dir);
    expectEmpty(store.group("a"));
    expectB(store);
  });

  it("a drop ends its batch: what is persisted after it is written in the next one", async () => {
    const dir = await tempDir();
    const store = await twoGroups(dir);
    const before = store.stats().batches;
    store.persist("b", { hardState: hardState(3, 5, "n2") });
    store.dropGroup("a");
    // The new generation's snapshot file is written only once the old one is gone for good.
    store.persist("a", { snapshot: snapshot(2, 6), hardState: hardState(6, 2) });
    await store.sync();
    expect(store.stats().batches - before).toBe(2);
    expect(await snapshotNames(dir, "a")).toEqual(["g1-2-6.snap"]);
  });

  it("a group can be dropped and re-created again and again; each restart finds the latest", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    for (let round = 1; round <= 3; round++) {
      store.dropGroup("a");
      const term = 10 * round;
      store.persist("a", { snapshot: snapshot(round, term), entries: [entry(round + 1, term)] });
      await store.sync();
      await store.close();
      store = await openStore(dir);
      expect(store.group("a").snapshot()).toEqual(snapshot(round, term));
      expect(logOf(store.group("a"))).toEqual([[round + 1, term, `entry ${round + 1}@${term}`]]);
      expect(await snapshotNames(dir, "a")).toEqual([`g${round}-${round}-${term}.snap`]);
    }
    expectB(store);
  });
});

describe("dropping a group and segment deletion", () => {
  /** Groups a and b append one entry each per batch, in small segments. */
  async function fill(
    store: DurableStore,
    from: number,
    to: number,
    aTerm: number,
    aFrom = from,
  ): Promise<void> {
    for (let i = from; i <= to; i++) {
      store.persist("a", { entries: [entry(aFrom + i - from, aTerm)], hardState: hardState(aTerm, 0) });
      store.persist("b", { entries: [entry(i, 1)], hardState: hardState(1, i) });
      await store.sync();
    }
  }

  it("the drop releases the dropped group's segments", async () => {
    const dir = await tempDir();
    let store = await openStore(dir, { segmentBytesMax: 1024 });
    await fill(store, 1, 40, 1);
    await store.saveSnapshot("b", snapshot(40, 1));
    const files = await segmentFiles(dir);
    expect(store.stats().oldestSegment.pinnedBy).toEqual(["a"]);

    store.dropGroup("a");
    await store.sync();
    await store.close();
    expect((await segmentFiles(dir)).length).toBeLessThan(files.length);

    store = await openStore(dir, { segmentBytesMax: 1024 });
    expectEmpty(store.group("a"));
    expect(store.group("b").lastIndex()).toBe(40);
  });

  it("the re-created group's entries keep their segments, though the old snapshot covered their indexes", async () => {
    const dir = await tempDir();
    let store = await openStore(dir, { segmentBytesMax: 1024 });
    await fill(store, 1, 60, 1);
    store.persist("a", { hardState: hardState(1, 60) });
    await store.sync();
    await store.saveSnapshot("a", snapshot(60, 1));
    store.dropGroup("a");
    // a starts again at index 1 while b goes on; then b's snapshot lets segments go.
    await fill(store, 61, 90, 2, 1);
    await store.saveSnapshot("b", snapshot(90, 1));
    expect(store.stats().segmentsDeleted).toBeGreaterThan(0);
    expect(store.stats().oldestSegment.pinnedBy).toEqual(["a"]);
    await store.close();

    store = await openStore(dir, { segmentBytesMax: 1024 });
    expect(logOf(store.group("a")).map(([i, t]) => [i, t])).toEqual(
      Array.from({ length: 30 }, (_, k) => [k + 1, 2]),
    );
    expect(store.group("a").snapshot()).toEqual(EMPTY_SNAPSHOT);
    expect(store.group("b").lastIndex()).toBe(90);
  });

  it("a snapshot of the old group that finishes after the drop releases nothing of the new one", async () => {
    const dir = await tempDir();
    let store = await openStore(dir, { segmentBytesMax: 1024 });
    await fill(store, 1, 30, 1);
    store.persist("a", { hardState: hardState(1, 30) });
    await store.sync();
    const saving = store.saveSnapshot("a", snapshot(30, 1));
    store.dropGroup("a");
    await saving;
    await fill(store, 31, 60, 2, 1);
    await store.saveSnapshot("b", snapshot(60, 1));
    expect(store.stats().segmentsDeleted).toBeGreaterThan(0);
    await store.close();

    store = await openStore(dir, { segmentBytesMax: 1024 });
    expect(logOf(store.group("a")).map(([i, t]) => [i, t])).toEqual(
      Array.from({ length: 30 }, (_, k) => [k + 1, 2]),
    );
  });

  it("once the segment holding the drop is deleted, the group does not come back", async () => {
    const dir = await tempDir();
    let store = await twoGroups(dir);
    await store.close();
    store = await openStore(dir, { segmentBytesMax: 1024 });
    store.dropGroup("a");
    await store.sync();
    const dropSegment = (await segmentFiles(dir)).at(-1)!;
    for (let i = 6; i <= 60; i++) {
      store.persist("b", { entries: [entry(i, 3)], hardState: hardState(3, i) });
      await store.sync();
    }
    await store.saveSnapshot("b", snapshot(60, 3));
    expect(await segmentFiles(dir)).not.toContain(dropSegment);
    await store.close();

    store = await openStore(dir, { segmentBytesMax: 1024 });
    expect(store.groups()).toEqual(["b"]);
    expectEmpty(store.group("a"));
  });
});
