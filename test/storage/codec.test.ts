// The on-disk encoding: checksums catch damage, and every record decodes to what was encoded.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EntryType } from "../../src/raft/types.ts";
import { decodeRecord, decodeSnapshot, encodeRecord, encodeSnapshot } from "../../src/storage/codec.ts";
import { crc32c } from "../../src/storage/crc32c.ts";
import { encodeFrame, findFrameAfter, readFrame } from "../../src/storage/frame.ts";
import type { WalRecord } from "../../src/storage/record.ts";

const text = new TextEncoder();
const u53 = fc.nat({ max: Number.MAX_SAFE_INTEGER });
const groupId = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,20}$/);

const recordArb: fc.Arbitrary<WalRecord> = fc.oneof(
  fc.record({
    kind: fc.constant("entries" as const),
    group: groupId,
    entries: fc.array(
      fc.record({
        index: u53,
        term: u53,
        type: fc.constantFrom(EntryType.Normal, EntryType.ConfChange),
        data: fc.uint8Array({ maxLength: 64 }),
      }),
      { maxLength: 8 },
    ),
  }),
  fc.record({
    kind: fc.constant("hardState" as const),
    group: groupId,
    hardState: fc.record({ term: u53, vote: fc.string(), commit: u53 }),
  }),
  fc.record({
    kind: fc.constant("snapshotMark" as const),
    group: groupId,
    mark: fc.constantFrom("installed" as const, "taken" as const, "checkpoint" as const),
    index: u53,
    term: u53,
  }),
  fc.record({ kind: fc.constant("drop" as const), group: groupId, generation: u53 }),
);

describe("CRC-32C", () => {
  it("matches the standard check values", () => {
    expect(crc32c(text.encode("123456789"))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
  });

  it("continuing a checksum equals checksumming the concatenation", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 }), (a, b) => {
        const joined = new Uint8Array([...a, ...b]);
        expect(crc32c(b, crc32c(a))).toBe(crc32c(joined));
      }),
    );
  });
});

describe("record codec", () => {
  it("every record decodes to exactly what was encoded", () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(decodeRecord(encodeRecord(record))).toEqual(record);
      }),
    );
  });

  it("a snapshot decodes to exactly what was encoded", () => {
    const content = {
      group: "shard-3",
      origin: "installed" as const,
      snapshot: {
        meta: {
          index: 2 ** 40 + 7,
          term: 12,
          confState: {
            voters: ["n1", "n2"],
            learners: ["n4"],
            votersOutgoing: [],
            learnersNext: [],
            autoLeave: false,
          },
        },
        data: text.encode("state machine bytes"),
      },
    };
    expect(decodeSnapshot(encodeSnapshot(content))).toEqual(content);
  });

  it("a snapshot taken while joint keeps its whole configuration", () => {
    const confState = {
      voters: ["n1", "n4"],
      learners: ["n5"],
      votersOutgoing: ["n1", "n2", "n3"],
      learnersNext: ["n2"],
      autoLeave: true,
    };
    const content = {
      group: "shard-1",
      origin: "taken" as const,
      snapshot: { meta: { index: 9, term: 2, confState }, data: text.encode("joint") },
    };
    expect(decodeSnapshot(encodeSnapshot(content))).toEqual(content);
  });

  it("a snapshot file written before joint consensus (no joint tail) decodes as not joint", () => {
    // The old layout: group origin index term voters learners data, and nothing after.
    const content = {
      group: "g",
      origin: "taken" as const,
      snapshot: {
        meta: {
          index: 3,
          term: 1,
          confState: { voters: ["n1"], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
        },
        data: text.encode("old"),
      },
    };
    const bytes = encodeSnapshot(content);
    const oldLayoutBytes = 4 + 1 + 1 + 8 + 8 + (4 + 4 + 2) + 4 + (4 + 3);
    expect(bytes.byteLength).toBe(oldLayoutBytes);
    expect(decodeSnapshot(bytes)).toEqual(content);
  });

  it("indexes beyond 2^53 are refused rather than silently rounded", () => {
    const record: WalRecord = { kind: "snapshotMark", group: "g", mark: "taken", index: 2 ** 53, term: 1 };
    expect(() => encodeRecord(record)).toThrow(RangeError);
  });

  it("truncated or padded payloads do not decode", () => {
    const payload = encodeRecord({
      kind: "hardState",
      group: "g",
      hardState: { term: 3, vote: "n1", commit: 9 },
    });
    expect(() => decodeRecord(payload.subarray(0, payload.length - 1))).toThrow(/truncated/);
    expect(() => decodeRecord(new Uint8Array([...payload, 0]))).toThrow(/trailing/);
  });
});

describe("frame", () => {
  it("any single flipped bit in a frame is detected", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), (payload, at) => {
        const frame = encodeFrame(payload);
        const bit = at % (frame.length * 8);
        frame[bit >> 3] = frame[bit >> 3]! ^ (1 << (bit & 7));
        expect(readFrame(frame, 0, 1 << 20).ok).toBe(false);
      }),
    );
  });

  it("a valid frame after damage is found; random garbage yields none", () => {
    const good = encodeFrame(text.encode("after the damage"));
    const damaged = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, ...good]);
    expect(findFrameAfter(damaged, 0, 1 << 20, 1 << 20)).toBe("found");
    const garbage = Uint8Array.from({ length: 500 }, (_, i) => (i * 131 + 7) & 0xff);
    expect(findFrameAfter(garbage, 0, 1 << 20, 1 << 20)).toBe("none");
  });
});
