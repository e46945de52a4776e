// Reassembly of one InstallSnapshot call: chunks in order, without gaps, into a buffer sized
// from the first chunk. The size is checked before anything is buffered, so a peer can make a
// node hold at most maxSnapshotBytes per call.
import { decodeSnapshotChunk, type SnapshotChunk } from "./codec.ts";
import { MalformedMessageError, SnapshotTooLargeError } from "./errors.ts";
import type { GroupMessage } from "./transport.ts";

export class SnapshotAssembly {
  readonly #maxBytes: number;
  #header: NonNullable<SnapshotChunk["header"]> | null = null;
  #data = new Uint8Array(0);
  #receivedBytes = 0;
  #complete = false;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get receivedBytes(): number {
    return this.#receivedBytes;
  }

  /**
   * Take the next chunk (as decoded by protobufjs). Returns the Snap message with the whole
   * snapshot after the last chunk, null before it. Throws MalformedMessageError for a chunk
   * that does not fit and SnapshotTooLargeError for an oversized snapshot.
   */
  add(value: unknown): GroupMessage | null {
    if (this.#complete) throw new MalformedMessageError("chunk", "a chunk after the last one");
    const chunk = decodeSnapshotChunk(value, this.#header === null);
    const header = this.#header ?? this.#begin(chunk);
    if (chunk.offset !== this.#receivedBytes) {
      throw new MalformedMessageError("chunk.offset", `expected ${this.#receivedBytes}, got ${chunk.offset}`);
    }
    if (this.#receivedBytes + chunk.data.byteLength > header.totalBytes) {
      throw new MalformedMessageError("chunk.data", `runs past totalBytes ${header.totalBytes}`);
    }
    this.#data.set(chunk.data, this.#receivedBytes);
    this.#receivedBytes += chunk.data.byteLength;
    if (!chunk.last) return null;
    if (this.#receivedBytes !== header.totalBytes) {
      throw new MalformedMessageError(
        "chunk.last",
        `last chunk at ${this.#receivedBytes} of ${header.totalBytes} bytes`,
      );
    }
    this.#complete = true;
    const { message } = header;
    // The header was decoded with empty data; the spread keeps the message's field order.
    const meta = message.snapshot!.meta;
    return { group: header.group, message: { ...message, snapshot: { meta, data: this.#data } } };
  }

  #begin(chunk: SnapshotChunk): NonNullable<SnapshotChunk["header"]> {
    const header = chunk.header!;
    if (header.totalBytes > this.#maxBytes) {
      throw new SnapshotTooLargeError(header.group, header.totalBytes, this.#maxBytes);
    }
    this.#header = header;
    this.#data = new Uint8Array(header.totalBytes);
    return header;
  }
}
