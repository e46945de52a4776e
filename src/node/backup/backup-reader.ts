// Reads and checks a backup file (backup-format.ts) section by section, holding one section in
// memory at a time. Anything that does not match — magic, format version, a section's kind,
// length or checksum, the end section's counts, the file checksum, bytes missing or left over —
// is refused with a message naming the section, the byte offset and what was expected.
import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import { RingkvError } from "../../api/errors.ts";
import { crc32c } from "../../storage/crc32c.ts";
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  BACKUP_PREAMBLE_BYTES,
  type BackupHeaderJson,
  END_PAYLOAD_BYTES,
  FILE_CRC_BYTES,
  hex32,
  SECTION_BYTES_MAX,
  SECTION_CRC_BYTES,
  SECTION_HEAD_BYTES,
  SectionKind,
  SHARD_PREFIX_BYTES,
} from "./backup-format.ts";

/** One shard of a backup, its checksum verified. */
export interface BackupShard {
  readonly shard: number;
  readonly appliedIndex: number;
  readonly keyCount: number;
  /** The KV state machine's snapshot encoding. */
  readonly state: Uint8Array;
}

export interface BackupSummary {
  readonly formatVersion: number;
  readonly header: BackupHeaderJson;
  readonly shards: readonly { shard: number; appliedIndex: number; keyCount: number; stateBytes: number }[];
  readonly keys: number;
  readonly bytes: number;
}

const KIND_NAMES: Record<number, string> = { 1: "header", 2: "shard", 3: "end" };

/** A backup refused: the message names the file and the problem. */
export class BackupInvalidError extends RingkvError {
  constructor(path: string, problem: string) {
    super("InvalidArgument", `backup ${path} refused: ${problem}`);
  }
}

/**
 * Check every byte of the backup at `path`, calling `onShard` with each shard once its section
 * checked out (the file checksum is checked only at the end: a caller restoring must not keep
 * what it did unless this resolves).
 */
export async function readBackup(
  path: string,
  onShard: (shard: BackupShard, header: BackupHeaderJson) => Promise<void> = async () => {},
): Promise<BackupSummary> {
  const handle = await open(path, "r");
  try {
    return await new Reader(path, handle, (await handle.stat()).size).read(onShard);
  } finally {
    await handle.close();
  }
}

class Reader {
  readonly #path: string;
  readonly #handle: FileHandle;
  readonly #size: number;
  #position = 0;
  #fileCrc = 0;

  constructor(path: string, handle: FileHandle, size: number) {
    this.#path = path;
    this.#handle = handle;
    this.#size = size;
  }

  async read(
    onShard: (shard: BackupShard, header: BackupHeaderJson) => Promise<void>,
  ): Promise<BackupSummary> {
    const formatVersion = await this.#preamble();
    const header = parseHeader(await this.#section(0, SectionKind.header), (p) => this.#fail(p));
    const shards: BackupSummary["shards"][number][] = [];
    let keys = 0;
    for (let shard = 0; shard < header.shardCount; shard++) {
      const at = this.#position;
      const payload = await this.#section(1 + shard, SectionKind.shard);
      if (payload.byteLength < SHARD_PREFIX_BYTES) this.#fail(`shard section at byte ${at} is too short`);
      const found = payload.readUInt32BE(0);
      if (found !== shard) this.#fail(`section at byte ${at} holds shard ${found}, expected shard ${shard}`);
      const appliedIndex = Number(payload.readBigUInt64BE(4));
      const keyCount = Number(payload.readBigUInt64BE(12));
      const state = payload.subarray(SHARD_PREFIX_BYTES);
      shards.push({ shard, appliedIndex, keyCount, stateBytes: state.byteLength });
      keys += keyCount;
      await onShard({ shard, appliedIndex, keyCount, state }, header);
    }
    const endAt = this.#position;
    const end = await this.#section(1 + header.shardCount, SectionKind.end);
    if (end.byteLength !== END_PAYLOAD_BYTES) this.#fail(`end section at byte ${endAt} is malformed`);
    const endShards = end.readUInt32BE(0);
    const endKeys = Number(end.readBigUInt64BE(4));
    if (endShards !== header.shardCount || endKeys !== keys) {
      this.#fail(
        `end section counts ${endShards} shards and ${endKeys} keys, the sections hold ${header.shardCount} and ${keys}`,
      );
    }
    const expected = this.#fileCrc;
    const stored = (await this.#bytes(FILE_CRC_BYTES, "the file checksum")).readUInt32BE(0);
    if (stored !== expected) {
      this.#fail(`file checksum mismatch: expected ${hex32(stored)}, actual ${hex32(expected)}`);
    }
    if (this.#position !== this.#size) {
      this.#fail(
        `${this.#size - this.#position} unexpected bytes after the end, from byte ${this.#position}`,
      );
    }
    return { formatVersion, header, shards, keys, bytes: this.#size };
  }

  async #preamble(): Promise<number> {
    const preamble = await this.#bytes(BACKUP_PREAMBLE_BYTES, "the magic and format version");
    if (!preamble.subarray(0, BACKUP_MAGIC.byteLength).equals(BACKUP_MAGIC)) {
      this.#fail("not a ringkv backup (its first bytes are not the backup magic)");
    }
    const version = preamble.readUInt32BE(BACKUP_MAGIC.byteLength);
    if (version > BACKUP_FORMAT_VERSION) {
      this.#fail(
        `written in backup format version ${version}; this ringkv reads versions 1 to ${BACKUP_FORMAT_VERSION}: restore it with a newer ringkv`,
      );
    }
    if (version < 1) this.#fail(`format version ${version} does not exist`);
    return version;
  }

  /** Section `index`'s payload, its kind and checksum checked. */
  async #section(index: number, kind: SectionKind): Promise<Buffer> {
    const at = this.#position;
    const label = `section ${index} (${KIND_NAMES[kind]}) at byte ${at}`;
    const head = await this.#bytes(SECTION_HEAD_BYTES, label);
    const found = head.readUInt8(0);
    if (found !== kind) {
      this.#fail(
        `${label}: found a section of kind ${found} (${KIND_NAMES[found] ?? "unknown"}), expected ${kind}`,
      );
    }
    const length = Number(head.readBigUInt64BE(4));
    if (length > SECTION_BYTES_MAX)
      this.#fail(`${label}: length ${length} is past the limit ${SECTION_BYTES_MAX}`);
    const payload = await this.#bytes(length, label);
    const actual = crc32c(payload);
    const expected = (await this.#bytes(SECTION_CRC_BYTES, `${label}'s checksum`)).readUInt32BE(0);
    if (actual !== expected) {
      this.#fail(`${label}: checksum mismatch: expected ${hex32(expected)}, actual ${hex32(actual)}`);
    }
    return payload;
  }

  /** The next `length` bytes, added to the file checksum; refuses a file that ends first. */
  async #bytes(length: number, what: string): Promise<Buffer> {
    if (this.#position + length > this.#size) {
      this.#fail(
        `truncated at byte ${this.#size}: ${what} needs bytes ${this.#position} to ${this.#position + length}`,
      );
    }
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await this.#handle.read(buffer, read, length - read, this.#position + read);
      if (bytesRead === 0) this.#fail(`truncated at byte ${this.#position + read} while reading ${what}`);
      read += bytesRead;
    }
    this.#position += length;
    this.#fileCrc = crc32c(buffer, this.#fileCrc);
    return buffer;
  }

  #fail(problem: string): never {
    throw new BackupInvalidError(this.#path, problem);
  }
}

function parseHeader(payload: Buffer, fail: (problem: string) => never): BackupHeaderJson {
  let header: Partial<BackupHeaderJson>;
  try {
    header = JSON.parse(payload.toString("utf8")) as Partial<BackupHeaderJson>;
  } catch {
    return fail("the header section is not JSON");
  }
  const { shardCount, replicationFactor } = header;
  if (!Number.isInteger(shardCount) || (shardCount ?? 0) < 1) fail(`header: bad shard count ${shardCount}`);
  if (!Number.isInteger(replicationFactor) || (replicationFactor ?? 0) < 1) {
    fail(`header: bad replication factor ${replicationFactor}`);
  }
  return {
    createdAt: String(header.createdAt ?? ""),
    shardCount: shardCount as number,
    replicationFactor: replicationFactor as number,
    epoch: Number(header.epoch ?? 0),
    placement: Array.isArray(header.placement) ? header.placement : [],
    sourceNode: String(header.sourceNode ?? ""),
  };
}
