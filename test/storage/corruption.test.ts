// Damage that a crash cannot explain stops the node from starting, with a typed error naming
// the file and the byte offset, rather than silently losing acknowledged data.
import { readFile, rm, truncate, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DurableStore, WalCorruptError } from "../../src/storage/index.ts";
import { entry, openStore, segmentFiles, segmentRecords, tempDir } from "./support.ts";

async function writeBatches(dir: string, count: number, segmentBytesMax?: number): Promise<string[]> {
  const store = await openStore(dir, segmentBytesMax === undefined ? {} : { segmentBytesMax });
  for (let i = 1; i <= count; i++) {
    store.persist("g", { entries: [entry(i, 1, `payload ${i} `.repeat(4))] });
    await store.sync();
  }
  await store.close();
  return segmentFiles(dir);
}

async function flipByte(file: string, offset: number): Promise<void> {
  const bytes = await readFile(file);
  bytes[offset] = bytes[offset]! ^ 0x01;
  await writeFile(file, bytes);
}

async function openError(dir: string): Promise<WalCorruptError> {
  const err = await DurableStore.open(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WalCorruptError);
  return err as WalCorruptError;
}

describe("corruption before the tail", () => {
  it("a flipped byte in an early record, with valid records after it, refuses to start naming file and offset", async () => {
    const dir = await tempDir();
    const [file] = await writeBatches(dir, 10);
    const third = (await segmentRecords(file!))[2]!;
    await flipByte(file!, third.offset + 10);

    const err = await openError(dir);
    expect(err.code).toBe("WalCorrupt");
    expect(err.file).toBe(file);
    expect(err.offset).toBe(third.offset);
    expect(err.message).toContain(`${file} at byte ${third.offset}`);
    // The failed open released the lock: after the same damage it fails the same way.
    expect((await openError(dir)).offset).toBe(third.offset);
  });

  it("a flipped length field is caught by the checksum, not read as a short record", async () => {
    const dir = await tempDir();
    const [file] = await writeBatches(dir, 6);
    const second = (await segmentRecords(file!))[1]!;
    await flipByte(file!, second.offset);
    expect((await openError(dir)).offset).toBe(second.offset);
  });

  it("a cut at the very end of a sealed (non-last) segment refuses to start", async () => {
    const dir = await tempDir();
    const files = await writeBatches(dir, 30, 512);
    expect(files.length).toBeGreaterThan(2);
    const records = await segmentRecords(files[0]!);
    const last = records[records.length - 1]!;
    await truncate(files[0]!, last.offset + 4);

    const err = await openError(dir);
    expect(err.file).toBe(files[0]);
    expect(err.offset).toBe(last.offset);
    expect(err.reason).toMatch(/sealed segment/);
  });

  it("a missing segment in the middle of the log refuses to start", async () => {
    const dir = await tempDir();
    const files = await writeBatches(dir, 30, 512);
    await rm(files[1]!);
    const err = await openError(dir);
    expect(err.file).toBe(files[2]);
    expect(err.reason).toMatch(/missing/);
  });
});
