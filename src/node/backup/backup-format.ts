// The backup file (`ringkv snapshot save`), format version 1. All integers big-endian.
//
//   offset 0   magic            8 bytes  "RKVBACK\n"
//          8   format version   u32      1
//         12   sections, in this order:
//                header section   (kind 1) once
//                shard section    (kind 2) once per shard, shards 0, 1, … in order
//                end section      (kind 3) once
//   then       file checksum    u32      CRC-32C of every byte before it
//
// A section:
//   kind u8 | 3 zero bytes | payload length u64 | payload | CRC-32C of the payload u32
// Payloads:
//   header  UTF-8 JSON: {createdAt, shardCount, replicationFactor, epoch, placement, sourceNode}
//   shard   shard u32 | appliedIndex u64 | keyCount u64 | the shard's state: the KV state
//           machine's snapshot encoding (proto/command.proto StateSnapshot)
//   end     shard sections u32 | keys u64
//
// The per-section checksums name the damaged section; the file checksum also covers the
// framing between them; the end section proves nothing was cut off at a section boundary.
// A reader refuses a format version newer than its own (it cannot know what changed) and any
// checksum, length or order that does not match, naming the section and byte offset.

export const BACKUP_MAGIC = Buffer.from("RKVBACK\n", "latin1");
/** The format this code writes, and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 1;
/** magic + format version. */
export const BACKUP_PREAMBLE_BYTES = 12;
/** kind + padding + payload length. */
export const SECTION_HEAD_BYTES = 12;
export const SECTION_CRC_BYTES = 4;
export const FILE_CRC_BYTES = 4;
/** shard + appliedIndex + keyCount, before the state. */
export const SHARD_PREFIX_BYTES = 20;
export const END_PAYLOAD_BYTES = 12;
/**
 * Largest payload a reader accepts for one section (a shard's whole state is held in memory
 * once while it is checked and restored): a damaged length field must not make it allocate
 * gigabytes.
 */
export const SECTION_BYTES_MAX = 2 ** 31 - 1;

export const SectionKind = { header: 1, shard: 2, end: 3 } as const;
export type SectionKind = (typeof SectionKind)[keyof typeof SectionKind];

/** The header section's JSON. */
export interface BackupHeaderJson {
  readonly createdAt: string;
  readonly shardCount: number;
  readonly replicationFactor: number;
  readonly epoch: number;
  /** Shard id → its replicas when the backup began (information only). */
  readonly placement: readonly (readonly string[])[];
  readonly sourceNode: string;
}

export function sectionHead(kind: SectionKind, payloadBytes: number): Buffer {
  const head = Buffer.alloc(SECTION_HEAD_BYTES);
  head.writeUInt8(kind, 0);
  head.writeBigUInt64BE(BigInt(payloadBytes), 4);
  return head;
}

export function shardPrefix(shard: number, appliedIndex: number, keyCount: number): Buffer {
  const prefix = Buffer.alloc(SHARD_PREFIX_BYTES);
  prefix.writeUInt32BE(shard, 0);
  prefix.writeBigUInt64BE(BigInt(appliedIndex), 4);
  prefix.writeBigUInt64BE(BigInt(keyCount), 12);
  return prefix;
}

export function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0, 0);
  return b;
}

export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, "0")}`;
}
