// The on-disk format version (src/storage/format-version.ts): a data directory written before
// versions were recorded (version 1: the checked-in fixture was written by that code) is read
// as it was, and keeps working once this code adds to it; files stating a newer version than
// this code reads — a log segment, a snapshot file, the members file — stop the store (or the
// address book) from opening, with a message naming the file and both versions.
//
// fixtures/format-v1 was written by main at 6951963 (format version 1, no versions recorded), by a one-off
// script: DurableStore.open(dir, { segmentBytesMax: 2048 }); for "meta" and "shard-0", entries
// 1..40 (data "<group>-<index>", term 1), each persisted with hard state {term 1, vote n1,
// commit index} and synced, then saveSnapshot at index 30 (data "<group> state at 30"); then
// FileAddressBook.save([{ id: "n1", addr: "127.0.0.1:7001", http: "127.0.0.1:8001" }], 3).
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileAddressBook } from "../../src/node/cluster/address-book.ts";
import { EntryType } from "../../src/raft/types.ts";
import { walFormatFrame, walFormatVersion } from "../../src/storage/format-version.ts";
import { readFrame } from "../../src/storage/frame.ts";
import { DurableStore, FormatTooNewError, STORAGE_FORMAT_VERSION } from "../../src/storage/index.ts";
import { segmentFileName } from "../../src/storage/segment.ts";

const FIXTURE_V1 = new URL("./fixtures/format-v1/", import.meta.url).pathname;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

let dir = "";
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), "ringkv-format-")), "data");
  await cp(FIXTURE_V1, dir, { recursive: true });
});
afterEach(async () => {
  await rm(join(dir, ".."), { recursive: true, force: true });
});

/** What the fixture's writer put in each group: snapshot at 30, entries up to 40. */
function expectFixtureContents(store: DurableStore): void {
  for (const group of ["meta", "shard-0"]) {
    const storage = store.group(group);
    expect(storage.lastIndex()).toBeGreaterThanOrEqual(40);
    expect(storage.snapshot().meta.index).toBe(30);
    expect(decoder.decode(storage.snapshot().data)).toBe(`${group} state at 30`);
    const entries = storage.entries(31, 41, Number.MAX_SAFE_INTEGER);
    expect(entries.map((e) => decoder.decode(e.data))).toEqual(
      Array.from({ length: 10 }, (_, i) => `${group}-${31 + i}`),
    );
  }
}

async function segments(): Promise<string[]> {
  return (await readdir(join(dir, "wal"))).sort();
}

describe("on-disk format version", () => {
  it("reads a data directory written before versions were recorded, and adds to it", async () => {
    const before = await segments();
    // The fixture really is version 1: its segments begin with a record, not a format frame.
    const first = await readFile(join(dir, "wal", before[0]!));
    const frame = readFrame(first, 0, first.length);
    expect(frame.ok && walFormatVersion(frame.payload)).toBe(null);
    expect(String(await readFile(join(dir, "snapshots", "meta", "30-1.snap"))).slice(0, 8)).toBe("RKVSNAP1");
    expect(new FileAddressBook(dir).load()).toEqual({
      members: [{ id: "n1", addr: "127.0.0.1:7001", http: "127.0.0.1:8001" }],
      joinEpoch: 3,
    });

    let store = await DurableStore.open(dir, { segmentBytesMax: 512 });
    expectFixtureContents(store);
    // New records go into new (version 2) segments after the old ones.
    for (let index = 41; index <= 60; index++) {
      store.persist("meta", {
        entries: [{ index, term: 1, type: EntryType.Normal, data: encoder.encode(`meta-${index}`) }],
        hardState: { term: 1, vote: "n1", commit: index },
      });
      await store.sync();
    }
    await store.close();
    const after = await segments();
    const added = after.filter((s) => !before.includes(s));
    expect(added.length).toBeGreaterThan(0);
    for (const name of added) {
      const bytes = await readFile(join(dir, "wal", name));
      const head = readFrame(bytes, 0, bytes.length);
      expect(head.ok && walFormatVersion(head.payload), name).toBe(STORAGE_FORMAT_VERSION);
    }
    store = await DurableStore.open(dir);
    try {
      expectFixtureContents(store);
      expect(decoder.decode(store.group("meta").entries(60, 61, Number.MAX_SAFE_INTEGER)[0]!.data)).toBe(
        "meta-60",
      );
    } finally {
      await store.close();
    }
  });

  it("refuses a log segment written by a newer format, naming it and both versions", async () => {
    const ids = (await segments()).map((name) => Number(name.slice(0, 20)));
    const file = join(dir, "wal", segmentFileName(Math.max(...ids) + 1));
    await writeFile(file, walFormatFrame(STORAGE_FORMAT_VERSION + 1));
    const opening = DurableStore.open(dir);
    await expect(opening).rejects.toThrow(FormatTooNewError);
    await expect(opening).rejects.toThrow(
      `${file} was written in on-disk format version ${STORAGE_FORMAT_VERSION + 1}; this ringkv reads versions 1 to ${STORAGE_FORMAT_VERSION}`,
    );
  });

  it("refuses a snapshot file written by a newer format rather than skipping it", async () => {
    const file = join(dir, "snapshots", "shard-0", "30-1.snap");
    const bytes = await readFile(file);
    bytes[7] = 0x30 + STORAGE_FORMAT_VERSION + 1; // "RKVSNAP" + the version digit
    await writeFile(file, bytes);
    await expect(DurableStore.open(dir)).rejects.toThrow(
      `${file} was written in on-disk format version ${STORAGE_FORMAT_VERSION + 1}`,
    );
  });

  it("refuses a members file written by a newer format; writes its own version", async () => {
    const file = join(dir, "members.json");
    const book = new FileAddressBook(dir);
    book.save([{ id: "n2", addr: "a:1", http: "" }]);
    await book.flushed();
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ formatVersion: STORAGE_FORMAT_VERSION });
    await writeFile(
      file,
      JSON.stringify({ formatVersion: STORAGE_FORMAT_VERSION + 1, members: [], joinEpoch: 0 }),
    );
    expect(() => new FileAddressBook(dir).load()).toThrow(
      `${file} was written in on-disk format version ${STORAGE_FORMAT_VERSION + 1}`,
    );
  });
});
