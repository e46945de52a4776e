// Shared helpers for the durable-storage tests: temporary data directories (real files, real
// fsync), entry and snapshot builders, and a reader for the raw records of a segment file.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import type { Entry, HardState, Snapshot } from "../../src/raft/types.ts";
import { EntryType, NONE } from "../../src/raft/types.ts";
import { decodeRecord } from "../../src/storage/codec.ts";
import { walFormatVersion } from "../../src/storage/format-version.ts";
import { DurableStore, type StoreOptions } from "../../src/storage/index.ts";
import type { WalRecord } from "../../src/storage/record.ts";
import { listSegments, readSegment, segmentFileName } from "../../src/storage/segment.ts";

/** A fresh directory under the OS temp dir, removed when the current test finishes. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ringkv-storage-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Open a store that is closed when the current test finishes (if the test did not close it). */
export async function openStore(dir: string, options: StoreOptions = {}): Promise<DurableStore> {
  const store = await DurableStore.open(dir, options);
  onTestFinished(() => store.close());
  return store;
}

const encoder = new TextEncoder();

export function entry(index: number, term: number, text = `entry ${index}@${term}`): Entry {
  return { index, term, type: EntryType.Normal, data: encoder.encode(text) };
}

/** Entries first..last, all of one term. */
export function entries(first: number, last: number, term: number): Entry[] {
  const list: Entry[] = [];
  for (let i = first; i <= last; i++) list.push(entry(i, term));
  return list;
}

export function hardState(term: number, commit: number, vote = NONE): HardState {
  return { term, vote, commit };
}

export function snapshot(
  index: number,
  term: number,
  text = `state@${index}`,
  voters = ["n1", "n2", "n3"],
): Snapshot {
  return {
    meta: {
      index,
      term,
      confState: { voters, learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
    },
    data: encoder.encode(text),
  };
}

export function walDir(dir: string): string {
  return join(dir, "wal");
}

export async function segmentFiles(dir: string): Promise<string[]> {
  return (await listSegments(walDir(dir))).map((id) => join(walDir(dir), segmentFileName(id)));
}

/** The records of a segment file with their byte offsets (the file must be intact). */
export async function segmentRecords(file: string): Promise<{ offset: number; record: WalRecord }[]> {
  const read = await readSegment(file, false, 1 << 30);
  // A segment's format frame (src/storage/format-version.ts) is not a record.
  return read.frames
    .filter((f) => walFormatVersion(f.payload) === null)
    .map((f) => ({ offset: f.offset, record: decodeRecord(f.payload) }));
}

/** Every entry of a storage from firstIndex to lastIndex, as plain (index, term, text) triples. */
export function logOf(storage: {
  firstIndex(): number;
  lastIndex(): number;
  entries(lo: number, hi: number, maxBytes: number): Entry[];
}): [number, number, string][] {
  if (storage.lastIndex() < storage.firstIndex()) return [];
  const decoder = new TextDecoder();
  return storage
    .entries(storage.firstIndex(), storage.lastIndex() + 1, Number.POSITIVE_INFINITY)
    .map((e) => [e.index, e.term, decoder.decode(e.data)]);
}
