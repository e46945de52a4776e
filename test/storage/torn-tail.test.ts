// A crash can leave the last segment ending in a partial or garbled record. Recovery cuts that
// tail off, keeps everything before it, and says so; it never drops anything that was whole.
import { appendFile, readFile, stat, truncate, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { DurableStore } from "../../src/storage/index.ts";
import { entry, logOf, openStore, segmentFiles, segmentRecords, tempDir } from "./support.ts";

/** Ten entries in ten batches, so the last segment ends with the record for entry 10. */
async function tenEntries(dir: string): Promise<{ file: string; lastOffset: number; size: number }> {
  const store = await openStore(dir);
  for (let i = 1; i <= 10; i++) {
    store.persist("g", { entries: [entry(i, 1)] });
    await store.sync();
  }
  await store.close();
  const files = await segmentFiles(dir);
  const file = files[files.length - 1]!;
  const records = await segmentRecords(file);
  return { file, lastOffset: records[records.length - 1]!.offset, size: (await stat(file)).size };
}

async function expectRecovered(store: DurableStore, last: number): Promise<void> {
  expect(logOf(store.group("g")).map(([i]) => i)).toEqual(Array.from({ length: last }, (_, k) => k + 1));
}

describe("torn tail", () => {
  it("a last segment cut mid-record keeps every record before it and reports the cut", async () => {
    const dir = await tempDir();
    const { file, lastOffset } = await tenEntries(dir);
    await truncate(file, lastOffset + 5);

    const store = await openStore(dir);
    expect(store.recovery.tornTail).toMatchObject({ file, offset: lastOffset, bytesCut: 5 });
    await expectRecovered(store, 9);

    // The cut is permanent and the log continues cleanly after it.
    store.persist("g", { entries: [entry(10, 2)] });
    await store.sync();
    await store.close();
    const again = await openStore(dir);
    expect(again.recovery.tornTail).toBeUndefined();
    expect(logOf(again.group("g")).at(-1)).toEqual([10, 2, "entry 10@2"]);
  });

  it("a cut inside a record's header is a torn tail too", async () => {
    const dir = await tempDir();
    const { file, lastOffset } = await tenEntries(dir);
    await truncate(file, lastOffset + 3);
    const store = await openStore(dir);
    expect(store.recovery.tornTail).toMatchObject({ offset: lastOffset, bytesCut: 3 });
    await expectRecovered(store, 9);
  });

  it("garbage appended after the last record is cut off and nothing whole is lost", async () => {
    const dir = await tempDir();
    const { file, size } = await tenEntries(dir);
    const garbage = Uint8Array.from({ length: 37 }, (_, i) => (i * 97 + 13) & 0xff);
    await appendFile(file, garbage);

    const store = await openStore(dir);
    expect(store.recovery.tornTail).toMatchObject({ file, offset: size, bytesCut: 37 });
    await expectRecovered(store, 10);
  });

  it("a zero-filled tail (what the log writes ahead of its batches) is cut off, and not called torn", async () => {
    const dir = await tempDir();
    const { size, file } = await tenEntries(dir);
    await appendFile(file, new Uint8Array(4096));
    const store = await openStore(dir);
    expect(store.recovery.tornTail).toBeUndefined();
    await expectRecovered(store, 10);
    // Closed, the segment reads as a sealed one would (zeros there would be refused as damage).
    await store.close();
    expect((await stat(file)).size).toBeGreaterThanOrEqual(size);
    expect((await segmentRecords(file)).length).toBeGreaterThanOrEqual(10);
  });

  it("a record cut short before the zeros ahead of it is still a torn tail", async () => {
    const dir = await tempDir();
    const { file, lastOffset } = await tenEntries(dir);
    await truncate(file, lastOffset + 5);
    await appendFile(file, new Uint8Array(4096));
    const store = await openStore(dir);
    expect(store.recovery.tornTail).toMatchObject({ file, offset: lastOffset });
    await expectRecovered(store, 9);
  });

  it("a last record failing its checksum, with nothing after it, is a torn tail", async () => {
    const dir = await tempDir();
    const { file, lastOffset, size } = await tenEntries(dir);
    const bytes = await readFile(file);
    bytes[lastOffset + 12] = bytes[lastOffset + 12]! ^ 0x40;
    await writeFile(file, bytes);

    const store = await openStore(dir);
    expect(store.recovery.tornTail).toMatchObject({ offset: lastOffset, bytesCut: size - lastOffset });
    expect(store.recovery.tornTail?.reason).toMatch(/checksum/);
    await expectRecovered(store, 9);
  });
});
