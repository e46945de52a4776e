// The on-disk format version of a data directory's files: write-ahead log segments, snapshot
// files and the members file (src/node/cluster/address-book.ts) all say which version wrote
// them, so a node refuses files from a newer ringkv (whose changes it cannot know) instead of
// misreading them, and keeps reading every older version.
//
//   version 1  files written before versions were recorded: a segment that begins with a
//              record, snapshot magic "RKVSNAP1", a members file without "formatVersion"
//   version 2  a segment begins with a format frame (an ordinary frame, frame.ts, whose payload
//              is "RKVWALFV" + version u32 little-endian — no record payload starts with "R",
//              a record kind being 1 to 4); snapshot magic "RKVSNAP" + the version as one
//              ASCII digit; the members file has "formatVersion": 2
//
// Records and snapshot contents are the same in both: version 2 only starts recording the
// version. A change to any file's contents must raise STORAGE_FORMAT_VERSION and keep a reader
// for the previous version (tested with files the previous version wrote: test/storage/fixtures).
import { FormatTooNewError } from "./errors.ts";
import { encodeFrame } from "./frame.ts";

/** The version this code writes, and the newest it reads. */
export const STORAGE_FORMAT_VERSION = 2;
/** The version of files that carry none (written before versions were recorded). */
export const STORAGE_FORMAT_VERSION_UNMARKED = 1;

const WAL_FORMAT_MAGIC = new TextEncoder().encode("RKVWALFV");
const WAL_FORMAT_PAYLOAD_BYTES = WAL_FORMAT_MAGIC.byteLength + 4;

/** The frame every segment begins with: the format version that wrote it. */
export function walFormatFrame(version = STORAGE_FORMAT_VERSION): Uint8Array {
  const payload = new Uint8Array(WAL_FORMAT_PAYLOAD_BYTES);
  payload.set(WAL_FORMAT_MAGIC);
  new DataView(payload.buffer).setUint32(WAL_FORMAT_MAGIC.byteLength, version, true);
  return encodeFrame(payload);
}

/** The version a segment's first frame states, or null when it is a record (version 1). */
export function walFormatVersion(payload: Uint8Array): number | null {
  if (payload.byteLength !== WAL_FORMAT_PAYLOAD_BYTES) return null;
  if (!WAL_FORMAT_MAGIC.every((b, i) => payload[i] === b)) return null;
  return new DataView(payload.buffer, payload.byteOffset).getUint32(WAL_FORMAT_MAGIC.byteLength, true);
}

/** Refuse a file written by a newer format than this code reads. */
export function checkFormatVersion(file: string, version: number): void {
  if (version > STORAGE_FORMAT_VERSION) throw new FormatTooNewError(file, version, STORAGE_FORMAT_VERSION);
}
