// A shard's state as stream messages and back: cut into chunks of at most
// SNAPSHOT_CHUNK_BYTES_MAX on the sending side, checked and put together on the receiving side.
import type { ShardState, SnapshotChunk } from "./admin-wire.ts";
import { SNAPSHOT_CHUNK_BYTES_MAX } from "./admin-wire.ts";
import { RingkvError } from "./errors.ts";

/** The state's chunks, in order; an empty state is one empty chunk (the receiver needs its facts). */
export function* shardChunks(
  state: ShardState,
  chunkBytesMax = SNAPSHOT_CHUNK_BYTES_MAX,
): Generator<SnapshotChunk> {
  const { shard, appliedIndex, keyCount, data } = state;
  const facts = { shard, appliedIndex, keyCount, totalBytes: data.byteLength };
  let offset = 0;
  do {
    const end = Math.min(data.byteLength, offset + chunkBytesMax);
    yield { ...facts, data: data.subarray(offset, end) };
    offset = end;
  } while (offset < data.byteLength);
}

/** Puts one shard's chunks back together, refusing any that do not belong. */
export class ShardAssembly {
  #first: SnapshotChunk | null = null;
  readonly #parts: Uint8Array[] = [];
  #received = 0;

  add(chunk: SnapshotChunk): void {
    const first = this.#first ?? chunk;
    this.#first = first;
    if (chunk.shard !== first.shard || chunk.totalBytes !== first.totalBytes) {
      throw new RingkvError(
        "Internal",
        `shard ${first.shard}: a chunk of shard ${chunk.shard} came in between`,
      );
    }
    this.#received += chunk.data.byteLength;
    if (this.#received > first.totalBytes) {
      throw new RingkvError("Internal", `shard ${first.shard}: more than ${first.totalBytes} bytes arrived`);
    }
    this.#parts.push(chunk.data);
  }

  /** Whether every byte of the shard arrived. */
  get complete(): boolean {
    return this.#first !== null && this.#received === this.#first.totalBytes;
  }

  finish(): ShardState {
    const first = this.#first;
    if (first === null || !this.complete) {
      throw new RingkvError(
        "Unavailable",
        `shard state ended early: ${this.#received} of ${first?.totalBytes ?? "?"} bytes arrived`,
      );
    }
    return {
      shard: first.shard,
      appliedIndex: first.appliedIndex,
      keyCount: first.keyCount,
      data: Buffer.concat(this.#parts),
    };
  }
}
