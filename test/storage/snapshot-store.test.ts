// Snapshot files: written atomically, the newest few kept, and a damaged newest one never
// silently trusted.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DurableStore, SnapshotMissingError } from "../../src/storage/index.ts";
import { readSnapshotFile, SnapshotStore } from "../../src/storage/snapshot-store.ts";
import { entries, hardState, openStore, snapshot, tempDir } from "./support.ts";

const groupDir = (dir: string, group: string) => join(dir, "snapshots", group);

async function corrupt(file: string): Promise<void> {
  const bytes = await readFile(file);
  bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff;
  await writeFile(file, bytes);
}

describe("snapshot files", () => {
  it("the newest two snapshots of a group are kept and temp files never remain", async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    store.persist("g", { entries: entries(1, 40, 1), hardState: hardState(1, 40) });
    await store.sync();
    for (const index of [10, 20, 30, 40]) await store.saveSnapshot("g", snapshot(index, 1));
    expect((await readdir(groupDir(dir, "g"))).sort()).toEqual(["30-1.snap", "40-1.snap"]);
    const stored = await readSnapshotFile(join(groupDir(dir, "g"), "40-1.snap"), "g");
    expect(stored).toMatchObject({ origin: "taken", snapshot: snapshot(40, 1) });
  });

  it("a corrupt newest snapshot is skipped and reported when the log still covers the gap", async () => {
    const dir = await tempDir();
    let store = await openStore(dir);
    store.persist("g", { entries: entries(1, 40, 1), hardState: hardState(1, 20) });
    await store.sync();
    await store.saveSnapshot("g", snapshot(10, 1));
    await store.close();
    // A newer snapshot file whose log mark never made it (crash), then damaged on disk.
    await new SnapshotStore(join(dir, "snapshots"), 2).save("g", snapshot(20, 1), "taken");
    await corrupt(join(groupDir(dir, "g"), "20-1.snap"));

    store = await openStore(dir);
    expect(store.recovery.snapshotsSkipped).toEqual([
      { file: join(groupDir(dir, "g"), "20-1.snap"), reason: "checksum mismatch" },
    ]);
    expect(store.group("g").snapshot()).toEqual(snapshot(10, 1));
    expect(store.group("g").lastIndex()).toBe(40);
  });

  it("a corrupt newest snapshot that the log refers to refuses to start with SnapshotMissing", async () => {
    const dir = await tempDir();
    const store = await openStore(dir);
    store.persist("g", { entries: entries(1, 40, 1), hardState: hardState(1, 30) });
    await store.sync();
    await store.saveSnapshot("g", snapshot(10, 1));
    await store.saveSnapshot("g", snapshot(30, 1));
    await store.close();
    await corrupt(join(groupDir(dir, "g"), "30-1.snap"));

    const err = await DurableStore.open(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SnapshotMissingError);
    expect(err).toMatchObject({ code: "SnapshotMissing", group: "g", index: 30 });
  });
});
