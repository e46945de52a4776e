// Log segment files: wal/<id>.log, the id zero-padded so names sort in log order. A segment is
// a run of frames (frame.ts). Reading one applies the recovery policy:
// - the last segment may end in a torn tail (a write cut short by a crash: a partial frame or
//   a frame failing its checksum, with nothing valid after it); it is reported for cutting;
// - anything else that fails (a bad frame followed by valid data, any bad frame in an earlier
//   segment, which was complete and fsynced before the next one began) is WalCorrupt.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { WalCorruptError } from "./errors.ts";
import { findFrameAfter, readFrame } from "./frame.ts";

const NAME_PATTERN = /^(\d{20})\.log$/;

/**
 * How much checksum work the search for valid data after a bad frame may do before giving up
 * and calling it corruption (see findFrameAfter).
 */
const RESYNC_BUDGET_BYTES = 256 << 20;

export function segmentFileName(id: number): string {
  return `${String(id).padStart(20, "0")}.log`;
}

/** Segment ids in `walDir`, ascending. Throws WalCorrupt if one is missing from the run. */
export async function listSegments(walDir: string): Promise<number[]> {
  const ids: number[] = [];
  for (const name of await readdir(walDir)) {
    const match = NAME_PATTERN.exec(name);
    if (match) ids.push(Number(match[1]));
  }
  ids.sort((a, b) => a - b);
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] !== ids[i - 1]! + 1) {
      throw new WalCorruptError(
        join(walDir, segmentFileName(ids[i]!)),
        0,
        `segment ${ids[i - 1]! + 1} is missing`,
      );
    }
  }
  return ids;
}

export interface SegmentFrame {
  readonly offset: number;
  readonly payload: Uint8Array;
}

export interface SegmentRead {
  readonly file: string;
  readonly frames: readonly SegmentFrame[];
  /** Bytes up to the end of the last valid frame. */
  readonly validBytes: number;
  readonly sizeBytes: number;
  /** Only in the last segment: why the bytes after validBytes are not records (cut by recovery). */
  readonly tornReason?: string;
  /**
   * With tornReason: those bytes are all zeros, which the log writes ahead of its batches
   * (wal.ts), so no write was torn there; they are cut all the same.
   */
  readonly zeroTail?: boolean;
}

export async function readSegment(
  file: string,
  isLast: boolean,
  payloadBytesMax: number,
): Promise<SegmentRead> {
  const bytes = new Uint8Array(await readFile(file));
  const frames: SegmentFrame[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    const frame = readFrame(bytes, offset, payloadBytesMax);
    if (!frame.ok) {
      if (!isLast) throw new WalCorruptError(file, offset, `${frame.reason} in a sealed segment`);
      const after = findFrameAfter(bytes, offset, payloadBytesMax, RESYNC_BUDGET_BYTES);
      if (after === "found")
        throw new WalCorruptError(file, offset, `${frame.reason}, with valid records after it`);
      if (after === "budgetExceeded") {
        throw new WalCorruptError(
          file,
          offset,
          `${frame.reason}; too much data after it to prove it a torn tail`,
        );
      }
      const zeroTail = bytes.subarray(offset).every((b) => b === 0);
      return {
        file,
        frames,
        validBytes: offset,
        sizeBytes: bytes.byteLength,
        tornReason: frame.reason,
        zeroTail,
      };
    }
    frames.push({ offset, payload: frame.payload });
    offset = frame.next;
  }
  return { file, frames, validBytes: offset, sizeBytes: bytes.byteLength };
}
