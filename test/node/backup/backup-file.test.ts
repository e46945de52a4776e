// The backup file format (src/node/backup/backup-format.ts): what the writer writes the reader
// reads back exactly, and every damaged copy — any one byte flipped, cut short at any length, a
// newer format version, bytes appended — is refused with a message naming the problem.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { shardChunks } from "../../../src/api/snapshot-chunks.ts";
import { BACKUP_FORMAT_VERSION } from "../../../src/node/backup/backup-format.ts";
import { type BackupShard, readBackup } from "../../../src/node/backup/backup-reader.ts";
import { BackupWriter } from "../../../src/node/backup/backup-writer.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringkv-backup-file-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = {
  createdAt: "2026-12-06T00:00:00.000Z",
  shardCount: 3,
  replicationFactor: 3,
  epoch: 9,
  placement: [
    ["n1", "n2", "n3"],
    ["n2", "n3", "n1"],
    ["n3", "n1", "n2"],
  ],
  sourceNode: "n2",
};

/** Shard i's state: i*7+3 pseudo-random bytes (shard 0 deliberately small, one empty would do too). */
function shardStates(): { shard: number; appliedIndex: number; keyCount: number; data: Uint8Array }[] {
  return [0, 1, 2].map((shard) => {
    const data = new Uint8Array(shard * 7 + 3);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + shard * 17) & 0xff;
    return { shard, appliedIndex: 100 + shard, keyCount: shard + 1, data };
  });
}

/** A complete backup, chunked small so shards span several chunks. */
async function writeBackup(path: string): Promise<void> {
  const writer = await BackupWriter.create(path);
  await writer.header(HEADER);
  for (const state of shardStates()) for (const chunk of shardChunks(state, 4)) await writer.chunk(chunk);
  await writer.finish();
}

describe("backup file", () => {
  it("reads back exactly what was written, and leaves no FILE.tmp", async () => {
    const path = join(dir, "b.rkv");
    await writeBackup(path);
    const seen: BackupShard[] = [];
    const summary = await readBackup(path, async (s) => {
      seen.push({ ...s, state: Uint8Array.from(s.state) });
    });
    expect(summary.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(summary.header).toEqual(HEADER);
    expect(summary.keys).toBe(1 + 2 + 3);
    expect(seen.map((s) => ({ shard: s.shard, appliedIndex: s.appliedIndex, keyCount: s.keyCount }))).toEqual(
      shardStates().map(({ shard, appliedIndex, keyCount }) => ({ shard, appliedIndex, keyCount })),
    );
    expect(seen.map((s) => Buffer.from(s.state))).toEqual(shardStates().map((s) => Buffer.from(s.data)));
    expect(await readdir(dir)).toEqual(["b.rkv"]);
  });

  it("refuses the file with any single byte flipped", async () => {
    const path = join(dir, "b.rkv");
    await writeBackup(path);
    const good = await readFile(path);
    const bad = join(dir, "bad.rkv");
    for (let i = 0; i < good.length; i++) {
      const copy = Buffer.from(good);
      copy[i] = copy[i]! ^ 0x01;
      await writeFile(bad, copy);
      await expect(readBackup(bad), `byte ${i} flipped`).rejects.toThrow(/refused/);
    }
  });

  it("names the section and both checksums when a shard's bytes are damaged", async () => {
    const path = join(dir, "b.rkv");
    await writeBackup(path);
    const copy = await readFile(path);
    copy[copy.length - 40] = copy[copy.length - 40]! ^ 0xff; // inside the last shard's state
    await writeFile(path, copy);
    await expect(readBackup(path)).rejects.toThrow(
      /section 3 \(shard\) at byte \d+: checksum mismatch: expected 0x[0-9a-f]{8}, actual 0x[0-9a-f]{8}/,
    );
  });

  it("refuses the file cut short at any length, saying where", async () => {
    const path = join(dir, "b.rkv");
    await writeBackup(path);
    const good = await readFile(path);
    const cut = join(dir, "cut.rkv");
    for (let length = 0; length < good.length; length++) {
      await writeFile(cut, good.subarray(0, length));
      await expect(readBackup(cut), `cut at ${length}`).rejects.toThrow(`truncated at byte ${length}`);
    }
  });

  it("refuses bytes after the end", async () => {
    const path = join(dir, "b.rkv");
    await writeBackup(path);
    await writeFile(path, Buffer.concat([await readFile(path), Buffer.from([0])]));
    await expect(readBackup(path)).rejects.toThrow(/1 unexpected bytes after the end/);
  });

  it("refuses a newer format version, naming both", async () => {
    const path = join(dir, "b.rkv");
    await writeBackup(path);
    const copy = await readFile(path);
    copy.writeUInt32BE(BACKUP_FORMAT_VERSION + 1, 8);
    await writeFile(path, copy);
    await expect(readBackup(path)).rejects.toThrow(
      `written in backup format version ${BACKUP_FORMAT_VERSION + 1}; this ringkv reads versions 1 to ${BACKUP_FORMAT_VERSION}`,
    );
  });

  it("a save that fails part-way leaves neither FILE nor FILE.tmp", async () => {
    const path = join(dir, "b.rkv");
    const writer = await BackupWriter.create(path);
    await writer.header(HEADER);
    const [first] = shardStates();
    for (const chunk of shardChunks(first!, 4)) await writer.chunk(chunk);
    await expect(writer.finish()).rejects.toThrow(/1 of 3 shards complete/);
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
  });
});
