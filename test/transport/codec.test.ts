import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, wire } from "../../src/api/proto.ts";
import { EntryType, MessageType } from "../../src/raft/types.ts";
import {
  type ConfStateWire,
  entryTypeWire,
  messageTypeWire,
  type SnapshotChunkWire,
} from "../../src/transport/codec.ts";
import {
  decodeBatch,
  encodeBatch,
  encodeGroupMessage,
  encodeSnapshotChunks,
  type GroupMessage,
  MalformedMessageError,
  type MessageBatchWire,
  SnapshotTooLargeError,
  wireSizeBytes,
} from "../../src/transport/index.ts";
import { SnapshotAssembly } from "../../src/transport/snapshot-assembly.ts";
import { protoRoot } from "../support/proto-schema.ts";
import { groupMessageArb, heartbeat, message, patternBytes, snap } from "./fixtures.ts";

const BATCH = wire.raft.MessageBatch;
const GROUP_MESSAGE = wire.raft.GroupMessage;
const CHUNK = wire.raft.SnapshotChunk;

/** Through protobuf bytes and back, as a batch crosses the wire. */
function overWire(wire: MessageBatchWire): unknown {
  return decodeMessage<unknown>(BATCH, encodeMessage(BATCH, wire));
}

function chunkOverWire(chunk: SnapshotChunkWire): unknown {
  return decodeMessage<unknown>(CHUNK, encodeMessage(CHUNK, chunk));
}

/** Send a Snap through chunks of `chunkBytes` and reassemble it. */
function reassemble(gm: GroupMessage, chunkBytes: number, maxBytes = 1 << 30): GroupMessage | null {
  const assembly = new SnapshotAssembly(maxBytes);
  let result: GroupMessage | null = null;
  for (const chunk of encodeSnapshotChunks(gm, chunkBytes)) result = assembly.add(chunkOverWire(chunk));
  return result;
}

/** A valid batch as protobufjs decodes it, for tests to spoil one field of. */
function validBatch(): {
  from: string;
  messages: Array<{ group: string; message: Record<string, unknown> }>;
} {
  const gm = heartbeat("g", "n1", "n2", "ctx");
  const entry = { term: 1, index: 2, type: EntryType.Normal, data: new Uint8Array([7]) };
  const decoded = overWire(encodeBatch("n1", [{ ...gm, message: { ...gm.message, entries: [entry] } }]));
  return decoded as ReturnType<typeof validBatch>;
}

function rejection(input: unknown): MalformedMessageError {
  try {
    decodeBatch(input);
  } catch (e) {
    if (e instanceof MalformedMessageError) return e;
    throw e;
  }
  throw new Error("the batch was accepted");
}

describe("codec", () => {
  it("every non-snapshot message survives a batch's trip through protobuf unchanged", () => {
    const nonSnap = groupMessageArb(fc.constant("n1")).filter((gm) => gm.message.type !== MessageType.Snap);
    fc.assert(
      fc.property(fc.array(nonSnap, { maxLength: 8 }), (messages) => {
        expect(decodeBatch(overWire(encodeBatch("n1", messages)))).toEqual({ from: "n1", messages });
      }),
    );
  });

  it("every snapshot message survives chunking and reassembly unchanged, for any chunk size", () => {
    const snaps = groupMessageArb().filter((gm) => gm.message.type === MessageType.Snap);
    fc.assert(
      fc.property(snaps, fc.integer({ min: 1, max: 700 }), (gm, chunkBytes) => {
        expect(reassemble(gm, chunkBytes)).toEqual(gm);
      }),
    );
  });

  it("the queue's size estimate is an upper bound of the encoded size", () => {
    fc.assert(
      fc.property(groupMessageArb(), (gm) => {
        // As a repeated field of MessageBatch: tag and length prefix around the GroupMessage.
        const encoded = encodeMessage(GROUP_MESSAGE, encodeGroupMessage(gm)).byteLength + 6;
        expect(encoded).toBeLessThanOrEqual(wireSizeBytes(gm));
      }),
    );
  });

  it("the wire numbers of message and entry types are those of proto/raft.proto", () => {
    const messageTypes = protoRoot("raft.proto").lookupEnum("ringkv.raft.MessageType").values;
    for (const type of Object.values(MessageType)) {
      const name = `MESSAGE_TYPE_${type.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;
      expect([name, messageTypeWire(type)]).toEqual([name, messageTypes[name]]);
    }
    const entryTypes = protoRoot("raft.proto").lookupEnum("ringkv.raft.EntryType").values;
    expect(entryTypeWire(EntryType.Normal)).toBe(entryTypes["ENTRY_TYPE_NORMAL"]);
    expect(entryTypeWire(EntryType.ConfChange)).toBe(entryTypes["ENTRY_TYPE_CONF_CHANGE"]);
  });

  it("a snapshot's joint configuration crosses the wire, and one from an older peer decodes as not joint", () => {
    const gm = snap("g", "n1", "n2", patternBytes(8));
    const confState = {
      voters: ["n1", "n4"],
      learners: ["n5"],
      votersOutgoing: ["n1", "n2", "n3"],
      learnersNext: ["n3"],
      autoLeave: true,
    };
    const joint = {
      ...gm,
      message: {
        ...gm.message,
        snapshot: { ...gm.message.snapshot!, meta: { ...gm.message.snapshot!.meta, confState } },
      },
    };
    expect(reassemble(joint, 64)?.message.snapshot?.meta.confState).toEqual(confState);
    // An older peer's ConfState has no joint fields at all: neither in its bytes nor, before
    // protobufjs fills in defaults, in the object.
    const chunks = [...encodeSnapshotChunks(gm, 1 << 20)].map((c): SnapshotChunkWire => {
      const snapshot = c.message?.snapshot;
      if (!c.message || !snapshot) return c;
      const olderConf = { voters: ["n1", "n2"], learners: [] } as unknown as ConfStateWire;
      return { ...c, message: { ...c.message, snapshot: { ...snapshot, confState: olderConf } } };
    });
    const notJoint = {
      voters: ["n1", "n2"],
      learners: [],
      votersOutgoing: [],
      learnersNext: [],
      autoLeave: false,
    };
    for (const viaBytes of [true, false]) {
      const assembly = new SnapshotAssembly(1 << 30);
      let old: GroupMessage | null = null;
      for (const c of chunks) old = assembly.add(viaBytes ? chunkOverWire(c) : c);
      expect(old?.message.snapshot?.meta.confState).toEqual(notJoint);
    }
  });

  it("decoded entry data does not share memory with the received buffer", () => {
    const decoded = decodeBatch(validBatch());
    const data = decoded.messages[0]!.message.entries[0]!.data;
    expect(data.byteOffset).toBe(0);
    expect(data.buffer.byteLength).toBe(1);
  });

  describe("a malformed batch is refused with a MalformedMessageError naming the field", () => {
    const cases: Array<[string, (b: ReturnType<typeof validBatch>) => unknown, string]> = [
      ["not a message", () => "hello", "batch"],
      ["no sender", (b) => ({ ...b, from: "" }), "batch.from"],
      ["messages not a list", (b) => ({ ...b, messages: {} }), "batch.messages"],
      [
        "empty group",
        (b) => ({ ...b, messages: [{ ...b.messages[0], group: "" }] }),
        "batch.messages[0].group",
      ],
      [
        "overlong group",
        (b) => ({ ...b, messages: [{ ...b.messages[0], group: "g".repeat(257) }] }),
        "batch.messages[0].group",
      ],
      [
        "missing message",
        (b) => ({ ...b, messages: [{ group: "g", message: null }] }),
        "batch.messages[0].message",
      ],
      ["unset type", (b) => spoil(b, { type: 0 }), "batch.messages[0].message.type"],
      ["unknown type", (b) => spoil(b, { type: 99 }), "batch.messages[0].message.type"],
      ["negative term", (b) => spoil(b, { term: -1 }), "batch.messages[0].message.term"],
      ["term past 2^53", (b) => spoil(b, { term: 2 ** 64 }), "batch.messages[0].message.term"],
      ["fractional index", (b) => spoil(b, { index: 1.5 }), "batch.messages[0].message.index"],
      ["reject not a boolean", (b) => spoil(b, { reject: 1 }), "batch.messages[0].message.reject"],
      ["empty recipient", (b) => spoil(b, { to: "" }), "batch.messages[0].message.to"],
      ["sender speaking for another node", (b) => spoil(b, { from: "n3" }), "batch.messages[0].message.from"],
      [
        "snapshot on a heartbeat",
        (b) => spoil(b, { snapshot: { index: 1, term: 1, confState: { voters: [], learners: [] } } }),
        "batch.messages[0].message.snapshot",
      ],
      [
        "Snap inside a batch",
        (b) => spoil(b, { type: messageTypeWire(MessageType.Snap) }),
        "batch.messages[0].message.type",
      ],
      [
        "unknown entry type",
        (b) => spoil(b, { entries: [{ term: 1, index: 1, type: 7, data: new Uint8Array() }] }),
        "batch.messages[0].message.entries[0].type",
      ],
      [
        "entry data not bytes",
        (b) => spoil(b, { entries: [{ term: 1, index: 1, type: 0, data: "x" }] }),
        "batch.messages[0].message.entries[0].data",
      ],
    ];
    it.each(cases)("%s", (_name, corrupt, path) => {
      expect(rejection(corrupt(validBatch())).path).toBe(path);
    });
  });

  it("arbitrary bytes either fail protobuf decoding or decode to a valid batch or a MalformedMessageError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        let decoded: unknown;
        try {
          decoded = decodeMessage<unknown>(BATCH, bytes);
        } catch {
          return; // grpc-js answers such a call with an error status before any handler runs
        }
        try {
          decodeBatch(decoded);
        } catch (e) {
          expect(e).toBeInstanceOf(MalformedMessageError);
        }
      }),
    );
  });

  describe("snapshot reassembly", () => {
    const gm = snap("g", "n1", "n2", patternBytes(1000));
    const chunks = () => [...encodeSnapshotChunks(gm, 300)].map(chunkOverWire);

    it("splits a snapshot into ceil(size / chunkBytes) chunks, the last one flagged", () => {
      const all = [...encodeSnapshotChunks(gm, 300)];
      expect(all.map((c) => [c.offset, c.data.byteLength, c.last])).toEqual([
        [0, 300, false],
        [300, 300, false],
        [600, 300, false],
        [900, 100, true],
      ]);
    });

    it("an empty snapshot travels as one last chunk", () => {
      const empty = snap("g", "n1", "n2", new Uint8Array(0));
      expect([...encodeSnapshotChunks(empty, 300)]).toHaveLength(1);
      expect(reassemble(empty, 300)).toEqual(empty);
    });

    it("refuses an oversized snapshot at its first chunk, before buffering it", () => {
      const assembly = new SnapshotAssembly(999);
      expect(() => assembly.add(chunks()[0])).toThrow(SnapshotTooLargeError);
      expect(assembly.receivedBytes).toBe(0);
    });

    it("refuses a chunk out of order", () => {
      const [first, , third] = chunks();
      const assembly = new SnapshotAssembly(1 << 20);
      assembly.add(first);
      expect(() => assembly.add(third)).toThrow(MalformedMessageError);
    });

    it("refuses a last chunk that leaves the snapshot short", () => {
      const [first] = chunks();
      const assembly = new SnapshotAssembly(1 << 20);
      expect(() => assembly.add({ ...(first as object), last: true })).toThrow(/last chunk at 300 of 1000/);
    });

    it("refuses a chunk after the last one", () => {
      const small = snap("g", "n1", "n2", new Uint8Array(3));
      const [only] = [...encodeSnapshotChunks(small, 300)].map(chunkOverWire);
      const assembly = new SnapshotAssembly(1 << 20);
      expect(assembly.add(only)).not.toBeNull();
      expect(() => assembly.add(only)).toThrow(MalformedMessageError);
    });

    it("refuses a first chunk whose header is not a Snap message", () => {
      const hb = {
        ...(chunks()[0] as object),
        message: encodeGroupMessage(heartbeat("g", "n1", "n2", "")).message,
      };
      expect(() => new SnapshotAssembly(1 << 20).add(chunkOverWire(hb as SnapshotChunkWire))).toThrow(
        /InstallSnapshot carries Snap messages only/,
      );
    });
  });

  it("the test helper builds messages with exactly the fields a decoded message has", () => {
    const m = message({ from: "a", to: "b" });
    const decoded = decodeBatch(overWire(encodeBatch("a", [{ group: "g", message: m }]))).messages[0]!
      .message;
    expect(Object.keys(decoded).sort()).toEqual(Object.keys(m).sort());
  });
});

function spoil(b: ReturnType<typeof validBatch>, fields: Record<string, unknown>): unknown {
  const [first] = b.messages;
  return { ...b, messages: [{ ...first, message: { ...first!.message, ...fields } }] };
}
