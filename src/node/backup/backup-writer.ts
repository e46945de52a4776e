// Writes a backup file (backup-format.ts) as its parts arrive: to FILE.tmp, every section's
// checksum and the file's computed on the way, then fsynced, renamed to FILE and the directory
// fsynced — a crash or a failure leaves the previous FILE (if any) and no FILE.tmp behind.
import type { FileHandle } from "node:fs/promises";
import { open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { RingkvError } from "../../api/errors.ts";
import { crc32c } from "../../storage/crc32c.ts";
import { syncDirectory, writeAll } from "../../storage/durable-file.ts";
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  type BackupHeaderJson,
  END_PAYLOAD_BYTES,
  SectionKind,
  SHARD_PREFIX_BYTES,
  sectionHead,
  shardPrefix,
  u32,
} from "./backup-format.ts";

/** A shard section being written: its facts are known from its first chunk. */
interface OpenShard {
  readonly shard: number;
  readonly totalBytes: number;
  written: number;
  crc: number;
}

export class BackupWriter {
  readonly #path: string;
  readonly #temp: string;
  readonly #handle: FileHandle;
  #fileCrc = 0;
  #shard: OpenShard | null = null;
  #shardsDone = 0;
  #keys = 0;
  #expectedShards = -1;
  #bytes = 0;

  private constructor(path: string, handle: FileHandle) {
    this.#path = path;
    this.#temp = `${path}.tmp`;
    this.#handle = handle;
  }

  static async create(path: string): Promise<BackupWriter> {
    // "w": a FILE.tmp left by a crashed save is ours to overwrite.
    const writer = new BackupWriter(path, await open(`${path}.tmp`, "w"));
    await writer.#write(Buffer.concat([BACKUP_MAGIC, u32(BACKUP_FORMAT_VERSION)]));
    return writer;
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.#bytes;
  }

  get shardsDone(): number {
    return this.#shardsDone;
  }

  async header(header: BackupHeaderJson): Promise<void> {
    const payload = Buffer.from(JSON.stringify(header), "utf8");
    this.#expectedShards = header.shardCount;
    await this.#write(sectionHead(SectionKind.header, payload.byteLength));
    await this.#write(payload);
    await this.#write(u32(crc32c(payload)));
  }

  /** One piece of a shard's state; the shard's section begins with its first chunk. */
  async chunk(c: {
    shard: number;
    appliedIndex: number;
    keyCount: number;
    totalBytes: number;
    data: Uint8Array;
  }): Promise<void> {
    if (this.#expectedShards < 0) throw new RingkvError("Internal", "backup: a shard before the header");
    if (this.#shard === null) {
      if (c.shard !== this.#shardsDone) {
        throw new RingkvError("Internal", `backup: shard ${c.shard} arrived, expected ${this.#shardsDone}`);
      }
      const prefix = shardPrefix(c.shard, c.appliedIndex, c.keyCount);
      await this.#write(sectionHead(SectionKind.shard, SHARD_PREFIX_BYTES + c.totalBytes));
      await this.#write(prefix);
      this.#shard = { shard: c.shard, totalBytes: c.totalBytes, written: 0, crc: crc32c(prefix) };
      this.#keys += c.keyCount;
    }
    const open = this.#shard;
    if (c.shard !== open.shard || open.written + c.data.byteLength > open.totalBytes) {
      throw new RingkvError("Internal", `backup: shard ${open.shard}'s data does not add up`);
    }
    await this.#write(c.data);
    open.written += c.data.byteLength;
    open.crc = crc32c(c.data, open.crc);
    if (open.written === open.totalBytes) {
      await this.#write(u32(open.crc));
      this.#shard = null;
      this.#shardsDone++;
    }
  }

  /** Write the end section and the file checksum, make the file durable, and put it in place. */
  async finish(): Promise<void> {
    if (this.#shard !== null || this.#shardsDone !== this.#expectedShards) {
      throw new RingkvError(
        "Internal",
        `backup: ${this.#shardsDone} of ${this.#expectedShards} shards complete at the end`,
      );
    }
    const end = Buffer.alloc(END_PAYLOAD_BYTES);
    end.writeUInt32BE(this.#shardsDone, 0);
    end.writeBigUInt64BE(BigInt(this.#keys), 4);
    await this.#write(sectionHead(SectionKind.end, end.byteLength));
    await this.#write(end);
    await this.#write(u32(crc32c(end)));
    await writeAll(this.#handle, u32(this.#fileCrc));
    this.#bytes += 4;
    await this.#handle.sync();
    await this.#handle.close();
    await rename(this.#temp, this.#path);
    await syncDirectory(dirname(this.#path));
  }

  /** Give up: close and delete FILE.tmp. */
  async abort(): Promise<void> {
    await this.#handle.close().catch(() => {});
    await rm(this.#temp, { force: true });
  }

  async #write(bytes: Uint8Array): Promise<void> {
    await writeAll(this.#handle, bytes);
    this.#fileCrc = crc32c(bytes, this.#fileCrc);
    this.#bytes += bytes.byteLength;
  }
}
