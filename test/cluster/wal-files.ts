// Reading a stopped node's write-ahead log files the way src/storage/frame.ts lays them
// out — [payload length u32 LE][CRC-32C u32 LE][payload] — so a test can cut or damage one
// record precisely. Only the framing is read here; checksums are the node's business.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export const FRAME_HEADER_BYTES = 8;

export interface FrameSpan {
  /** Where the frame (its header) starts in the file. */
  readonly offset: number;
  readonly payloadBytes: number;
}

/** The node's segment files, oldest first (names are zero-padded ids, so they sort). */
export async function walSegments(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, "wal");
  const names = (await readdir(dir)).filter((n) => /^\d{20}\.log$/.test(n)).sort();
  return names.map((n) => join(dir, n));
}

/**
 * The frames of a segment, up to the zeros the log writes ahead of its batches (the last segment
 * of a running or killed node holds some); throws if the file does not split exactly into frames
 * and then zeros. `sizeBytes`: where the frames end; `fileBytes`: the file's size.
 */
export async function frameSpans(
  file: string,
): Promise<{ frames: FrameSpan[]; sizeBytes: number; fileBytes: number }> {
  const bytes = await readFile(file);
  const frames: FrameSpan[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    if (bytes.subarray(offset).every((b) => b === 0)) break;
    if (offset + FRAME_HEADER_BYTES > bytes.byteLength)
      throw new Error(`${file}: partial header at ${offset}`);
    const payloadBytes = bytes.readUInt32LE(offset);
    const next = offset + FRAME_HEADER_BYTES + payloadBytes;
    if (payloadBytes === 0 || next > bytes.byteLength) throw new Error(`${file}: bad frame at ${offset}`);
    frames.push({ offset, payloadBytes });
    offset = next;
  }
  return { frames, sizeBytes: offset, fileBytes: bytes.byteLength };
}
