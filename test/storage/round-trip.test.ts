// What a node writes through DurableStore is what it reads back after a restart.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DurableStore, StorageError } from "../../src/storage/index.ts";
import { SnapshotStore } from "../../src/storage/snapshot-store.ts";
import { entries, entry, hardState, logOf, openStore, snapshot, tempDir } from "./support.ts";

async function reopen(store: DurableStore, dir: string): Promise<DurableStore> {
  await store.close();
  return openStore(dir);
}

describe("DurableStore round trip", () => {
  it("entries, hard states and snapshots of several groups survive close and reopen", async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    store.persist("meta", { entries: entries(1, 5, 1), hardState: hardState(1, 5, "n1") });
    store.persist("shard-1", {
      snapshot: snapshot(10, 3),
      entries: entries(11, 14, 3),
      hardState: hardState(3, 12),
    });
    store.persist("shard-2", { hardState: hardState(7, 0, "n3") });
    await store.sync();
    const before = ["meta", "shard-1", "shard-2"].map((g) => ({
      log: logOf(store.group(g)),
      hard: store.group(g).hardState(),
      snap: store.group(g).snapshot(),
    }));

    store = await reopen(store, dir);

    expect(store.recovery.groups).toEqual(["meta", "shard-1", "shard-2"]);
    expect(store.recovery.tornTail).toBeUndefined();
    const after = ["meta", "shard-1", "shard-2"].map((g) => ({
      log: logOf(store.group(g)),
      hard: store.group(g).hardState(),
      snap: store.group(g).snapshot(),
    }));
    expect(after).toEqual(before);
    expect(store.group("shard-1").snapshot()).toEqual(snapshot(10, 3));
  });

  it("an append at a lower index replaces the suffix, and replay honours it", async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    store.persist("g", { entries: entries(1, 10, 1) });
    await store.sync();
    store.persist("g", { entries: entries(6, 8, 2) });
    await store.sync();
    const expected = [...entries(1, 5, 1), ...entries(6, 8, 2)].map((e) => [
      e.index,
      e.term,
      `entry ${e.index}@${e.term}`,
    ]);
    expect(logOf(store.group("g"))).toEqual(expected);

    store = await reopen(store, dir);
    expect(logOf(store.group("g"))).toEqual(expected);
  });

  it("a truncation whose replaced entries sit in an earlier segment is replayed correctly", async () => {
    const dir = await tempDir();
    let store = await openStore(dir, { segmentBytesMax: 256 });
    for (let i = 1; i <= 20; i++) {
      store.persist("g", { entries: [entry(i, 1)] });
      await store.sync();
    }
    store.persist("g", { entries: entries(3, 4, 2) });
    await store.sync();
    expect(store.stats().segments).toBeGreaterThan(2);

    store = await reopen(store, dir);
    expect(logOf(store.group("g")).map(([i, t]) => [i, t])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 2],
    ]);
  });

  it("an installed snapshot drops the stale log before it, across restarts", async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    store.persist("g", { entries: entries(1, 30, 1), hardState: hardState(1, 3) });
    await store.sync();
    store.persist("g", { snapshot: snapshot(10, 4), hardState: hardState(4, 10) });
    store.persist("g", { entries: entries(11, 12, 4) });
    await store.sync();
    expect([store.group("g").firstIndex(), store.group("g").lastIndex()]).toEqual([11, 12]);

    for (let restart = 0; restart < 2; restart++) {
      store = await reopen(store, dir);
      expect(logOf(store.group("g")).map(([i, t]) => [i, t])).toEqual([
        [11, 4],
        [12, 4],
      ]);
      expect(store.group("g").snapshot()).toEqual(snapshot(10, 4));
    }
  });

  it("an installed snapshot whose log mark was lost in a crash still drops the stale log", async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    store.persist("g", { entries: entries(1, 30, 1), hardState: hardState(1, 3) });
    await store.sync();
    await store.close();
    // What a crash leaves after the snapshot file was written but before its batch was.
    await new SnapshotStore(join(dir, "snapshots"), 2).save("g", snapshot(10, 4), "installed");

    for (let restart = 0; restart < 2; restart++) {
      store = await openStore(dir);
      const g = store.group("g");
      expect([g.firstIndex(), g.lastIndex()]).toEqual([11, 10]);
      // The hard state written with the snapshot was lost; it is raised to what the snapshot implies.
      expect(g.hardState()).toEqual(hardState(4, 10));
      await store.close();
    }
  });

  it("a taken snapshot whose log mark was lost keeps the entries after it", async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    store.persist("g", { entries: entries(1, 30, 1), hardState: hardState(1, 20) });
    await store.sync();
    await store.close();
    await new SnapshotStore(join(dir, "snapshots"), 2).save("g", snapshot(10, 1), "taken");

    store = await openStore(dir);
    expect([store.group("g").firstIndex(), store.group("g").lastIndex()]).toEqual([11, 30]);
    expect(store.group("g").hardState()).toEqual(hardState(1, 20));
  });

  it("a bootstrap membership at index 0 is recovered", async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    const bootstrap = {
      meta: {
        index: 0,
        term: 0,
        confState: {
          voters: ["n1", "n2", "n3"],
          learners: [],
          votersOutgoing: [],
          learnersNext: [],
          autoLeave: false,
        },
      },
      data: new Uint8Array(),
    };
    store.persist("shard-0", { snapshot: bootstrap, entries: [entry(1, 1)], hardState: hardState(1, 0) });
    await store.sync();

    store = await reopen(store, dir);
    expect(store.group("shard-0").initialState()).toEqual({
      hardState: hardState(1, 0),
      confState: {
        voters: ["n1", "n2", "n3"],
        learners: [],
        votersOutgoing: [],
        learnersNext: [],
        autoLeave: false,
      },
    });
    expect(store.group("shard-0").lastIndex()).toBe(1);
  });

  it("a snapshot no newer than the current one is ignored", async () => {
    const store = await openStore(await tempDir());
    store.persist("g", { snapshot: snapshot(10, 2) });
    store.persist("g", { snapshot: snapshot(5, 1, "older") });
    await store.sync();
    expect(store.group("g").snapshot()).toEqual(snapshot(10, 2));
    expect(store.stats().snapshotsWritten).toBe(1);
  });

  it("a record over recordBytesMax is refused and leaves the group unchanged", async () => {
    const store = await openStore(await tempDir(), { recordBytesMax: 1024 });
    store.persist("g", { entries: [entry(1, 1)] });
    const huge = { index: 2, term: 1, type: 0, data: new Uint8Array(2048) };
    expect(() => store.persist("g", { entries: [huge] })).toThrow(
      expect.objectContaining({ code: "RecordTooLarge" }),
    );
    expect(store.group("g").lastIndex()).toBe(1);
  });

  it("group ids that cannot name a directory are refused", async () => {
    const store = await openStore(await tempDir());
    for (const bad of ["", "..", "a/b", ".hidden", "x".repeat(129)]) {
      expect(() => store.group(bad)).toThrow(expect.objectContaining({ code: "InvalidGroupId" }));
    }
  });

  it("a closed store refuses further use with StoreClosed", async () => {
    const store = await openStore(await tempDir());
    await store.close();
    expect(() => store.persist("g", { entries: [entry(1, 1)] })).toThrow(StorageError);
    await expect(store.sync()).rejects.toMatchObject({ code: "StoreClosed" });
  });

  it("close makes buffered records durable", async () => {
    const dir = await tempDir();
    const store = await DurableStore.open(dir);
    store.persist("g", { entries: entries(1, 3, 1) });
    await store.close();
    expect((await openStore(dir)).group("g").lastIndex()).toBe(3);
  });
});
