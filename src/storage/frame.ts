// The framing of one record on disk: [payload length u32][CRC-32C u32][payload], little-endian.
// The checksum covers the length field too, so a flipped length bit is caught as a checksum
// failure rather than read as a huge or short record.
import { crc32c } from "./crc32c.ts";

export const FRAME_HEADER_BYTES = 8;

export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.byteLength);
  const view = new DataView(frame.buffer);
  view.setUint32(0, payload.byteLength, true);
  frame.set(payload, FRAME_HEADER_BYTES);
  view.setUint32(4, frameChecksum(frame.subarray(0, 4), payload), true);
  return frame;
}

export type FrameRead =
  | { readonly ok: true; readonly payload: Uint8Array; readonly next: number }
  | { readonly ok: false; readonly reason: string };

/** The frame starting at `offset`, or why there is no valid one there. */
export function readFrame(bytes: Uint8Array, offset: number, payloadBytesMax: number): FrameRead {
  const remaining = bytes.byteLength - offset;
  if (remaining < FRAME_HEADER_BYTES) return { ok: false, reason: `partial header (${remaining} bytes)` };
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, FRAME_HEADER_BYTES);
  const length = view.getUint32(0, true);
  if (length === 0) return { ok: false, reason: "zero-length record" };
  if (length > payloadBytesMax) return { ok: false, reason: `record length ${length} exceeds the limit` };
  if (length > remaining - FRAME_HEADER_BYTES) {
    return { ok: false, reason: `record of ${length} bytes runs past the end of the file` };
  }
  const start = offset + FRAME_HEADER_BYTES;
  const payload = bytes.subarray(start, start + length);
  const expected = view.getUint32(4, true);
  if (frameChecksum(bytes.subarray(offset, offset + 4), payload) !== expected) {
    return { ok: false, reason: "checksum mismatch" };
  }
  return { ok: true, payload, next: start + length };
}

export type ResyncResult = "found" | "none" | "budgetExceeded";

/**
 * Whether any valid frame starts after `offset`. Used to tell a torn tail (garbage to the end)
 * from damage followed by good data. A match by chance needs a 32-bit checksum collision. Each
 * candidate costs its claimed length in checksum work, so the search gives up after
 * `budgetBytes` and the caller treats that as damage: refusing to start is the safe answer.
 */
export function findFrameAfter(
  bytes: Uint8Array,
  offset: number,
  payloadBytesMax: number,
  budgetBytes: number,
): ResyncResult {
  let spent = 0;
  for (let p = offset + 1; p + FRAME_HEADER_BYTES < bytes.byteLength; p++) {
    const length = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
    if (length <= 0 || length > payloadBytesMax || p + FRAME_HEADER_BYTES + length > bytes.byteLength)
      continue;
    spent += length;
    if (spent > budgetBytes) return "budgetExceeded";
    if (readFrame(bytes, p, payloadBytesMax).ok) return "found";
  }
  return "none";
}

function frameChecksum(lengthField: Uint8Array, payload: Uint8Array): number {
  return crc32c(payload, crc32c(lengthField));
}
