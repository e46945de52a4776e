// A shard's state cut into stream chunks (src/api/snapshot-chunks.ts) is put back together byte
// for byte, whatever the chunk size; a chunk of another shard, bytes beyond the stated total, or
// a stream that ends early are refused rather than assembled into a wrong state.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ShardState } from "../../src/api/admin-wire.ts";
import { ShardAssembly, shardChunks } from "../../src/api/snapshot-chunks.ts";

function state(bytes: number, shard = 2): ShardState {
  return {
    shard,
    appliedIndex: 77,
    keyCount: 5,
    data: Uint8Array.from({ length: bytes }, (_, i) => i & 0xff),
  };
}

describe("snapshot chunks", () => {
  it("any state, cut at any chunk size, is reassembled exactly", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (data, chunkBytes) => {
        const original: ShardState = { shard: 1, appliedIndex: 9, keyCount: 3, data };
        const chunks = [...shardChunks(original, chunkBytes)];
        expect(chunks.every((c) => c.data.byteLength <= chunkBytes)).toBe(true);
        const assembly = new ShardAssembly();
        for (const c of chunks) assembly.add(c);
        const back = assembly.finish();
        expect({ ...back, data: Buffer.from(back.data) }).toEqual({ ...original, data: Buffer.from(data) });
      }),
    );
  });

  it("an empty state is one chunk that still carries the shard's facts", () => {
    const chunks = [...shardChunks(state(0))];
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ shard: 2, appliedIndex: 77, keyCount: 5, totalBytes: 0 });
  });

  it("refuses a chunk of another shard in between", () => {
    const assembly = new ShardAssembly();
    const [first] = shardChunks(state(10), 4);
    assembly.add(first!);
    const [other] = shardChunks(state(10, 3), 4);
    expect(() => assembly.add(other!)).toThrow(/a chunk of shard 3 came in between/);
  });

  it("refuses more bytes than the stated total", () => {
    const assembly = new ShardAssembly();
    const chunks = [...shardChunks(state(10), 4)];
    for (const c of chunks) assembly.add(c);
    expect(() => assembly.add(chunks[0]!)).toThrow(/more than 10 bytes arrived/);
  });

  it("refuses a stream that ended early", () => {
    const assembly = new ShardAssembly();
    const [first] = shardChunks(state(10), 4);
    assembly.add(first!);
    expect(assembly.complete).toBe(false);
    expect(() => assembly.finish()).toThrow(/ended early: 4 of 10 bytes arrived/);
  });
});
