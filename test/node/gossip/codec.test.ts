// The gossip codec: every message survives the wire unchanged, and whatever else arrives is
// refused with a typed error — never a crash, never a value the gossip core could choke on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wire as generated } from "../../../src/api/proto.ts";
import type { MemberRecord, Message, MetadataEntry } from "../../../src/gossip/index.ts";
import {
  type CodecLimits,
  decodeGossipBatch,
  decodeGossipMessage,
  encodeGossipBatch,
  encodeGossipMessage,
  GOSSIP_AGENT_DEFAULTS,
  GossipAgentError,
  GossipTooLargeError,
  MalformedGossipError,
  METADATA_DEPTH_MAX,
  memberStateWire,
} from "../../../src/node/gossip/index.ts";
import { protoRoot } from "../../support/proto-schema.ts";

const LIMITS: CodecLimits = GOSSIP_AGENT_DEFAULTS;
const WIRE = generated.gossip.GossipMessage;

const record: MemberRecord = {
  id: "n2",
  addresses: { grpc: "10.0.0.2:7001", http: "10.0.0.2:8001" },
  state: "suspect",
  incarnation: 2 ** 53 - 1,
};
const entry: MetadataEntry = {
  key: "shard/3/leader",
  value: { term: 4, hint: ["n1", null, true, -1.5], nested: { b: 1, a: "ü€😀" } },
  version: 12,
  origin: "n1",
};
const updates = [
  { kind: "member" as const, record, from: "n3" },
  { kind: "metadata" as const, entry },
];

const EVERY_MESSAGE: readonly Message[] = [
  { type: "probe-request", from: "n1", to: "n2", updates, seq: 1 },
  { type: "probe-response", from: "n2", to: "n1", updates: [], seq: 0 },
  { type: "indirect-probe-request", from: "n1", to: "n3", updates, seq: 9, target: "n2" },
  { type: "indirect-probe-response", from: "n3", to: "n1", updates, seq: 9, reached: false },
  { type: "indirect-probe-response", from: "n3", to: "n1", updates: [], seq: 9, reached: true },
  { type: "gossip", from: "n1", to: "n4", updates },
  { type: "push-pull-request", from: "n1", to: "n2", members: [record], metadata: [entry] },
  { type: "push-pull-response", from: "n2", to: "n1", members: [], metadata: [] },
];

/** A GossipMessage built field by field, for inputs the encoder would never produce (unverified). */
function wire(value: object): Uint8Array {
  return WIRE.encode(WIRE.fromObject(value)).finish();
}

function malformedAt(bytes: Uint8Array): string {
  try {
    decodeGossipMessage(bytes, LIMITS);
  } catch (e) {
    if (e instanceof MalformedGossipError) return e.path;
    throw e;
  }
  throw new Error("decoded without complaint");
}

describe("gossip codec", () => {
  it("every message type round-trips unchanged", () => {
    for (const message of EVERY_MESSAGE) {
      expect(decodeGossipMessage(encodeGossipMessage(message, LIMITS), LIMITS)).toEqual(message);
    }
  });

  it("a batch round-trips, in order", () => {
    const messages = EVERY_MESSAGE.filter((m) => m.from === "n1");
    const bytes = encodeGossipBatch(
      "n1",
      messages.map((m) => encodeGossipMessage(m, LIMITS)),
    );
    expect(decodeGossipBatch(bytes, LIMITS)).toEqual({ from: "n1", messages });
  });

  it("member states are numbered as in proto/gossip.proto", () => {
    const values = protoRoot("gossip.proto").lookupEnum("ringkv.gossip.MemberState").values;
    expect(memberStateWire("alive")).toBe(values["MEMBER_STATE_ALIVE"]);
    expect(memberStateWire("suspect")).toBe(values["MEMBER_STATE_SUSPECT"]);
    expect(memberStateWire("dead")).toBe(values["MEMBER_STATE_DEAD"]);
    expect(memberStateWire("left")).toBe(values["MEMBER_STATE_LEFT"]);
  });

  it("garbage bytes are refused with a typed error, never anything else", () => {
    expect(() => decodeGossipMessage(new TextEncoder().encode("garbage bytes here!!"), LIMITS)).toThrow(
      MalformedGossipError,
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        for (const decode of [decodeGossipMessage, decodeGossipBatch]) {
          try {
            decode(bytes, LIMITS);
          } catch (e) {
            if (!(e instanceof GossipAgentError)) throw e;
          }
        }
      }),
      { numRuns: 2_000, seed: 42 },
    );
  });

  it("a corrupted valid message decodes to a valid message or is refused", () => {
    const valid = EVERY_MESSAGE.map((m) => encodeGossipMessage(m, LIMITS));
    fc.assert(
      fc.property(
        fc.nat(valid.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 4 }),
        (which, flips) => {
          const bytes = Uint8Array.from(valid[which]!);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          try {
            const m = decodeGossipMessage(bytes, LIMITS);
            // What gets through is something the encoder could have produced.
            expect(decodeGossipMessage(encodeGossipMessage(m, LIMITS), LIMITS)).toEqual(m);
          } catch (e) {
            if (!(e instanceof GossipAgentError)) throw e;
          }
        },
      ),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it("refuses what the gossip core must never see, naming the field", () => {
    const base = { from: "n1", to: "n2" };
    const member = (r: object) => ({ ...base, updates: [{ member: { record: r, from: "n1" } }], gossip: {} });
    const meta = (e: object) => ({ ...base, updates: [{ metadata: e }], gossip: {} });
    const goodRecord = { id: "n3", addresses: {}, state: 1, incarnation: 1 };
    const goodEntry = { key: "k", valueJson: "1", version: 1, origin: "n1" };
    const cases: [object, string][] = [
      [{ ...base }, "message.body"],
      [{ ...base, from: "", gossip: {} }, "message.from"],
      [{ ...base, to: "x".repeat(257), gossip: {} }, "message.to"],
      [{ ...base, indirectProbeRequest: { seq: 1, target: "" } }, "message.indirectProbeRequest.target"],
      [{ ...base, probeRequest: { seq: 2 ** 53 } }, "message.probeRequest.seq"],
      [{ ...base, updates: [{}], gossip: {} }, "message.updates[0].kind"],
      [member({ ...goodRecord, state: 0 }), "message.updates[0].member.record.state"],
      [member({ ...goodRecord, state: 9 }), "message.updates[0].member.record.state"],
      [member({ ...goodRecord, incarnation: 2 ** 60 }), "message.updates[0].member.record.incarnation"],
      [member({ ...goodRecord, id: "" }), "message.updates[0].member.record.id"],
      [member({ ...goodRecord, addresses: { "": "x" } }), "message.updates[0].member.record.addresses[]"],
      [{ ...base, updates: [{ member: { from: "n1" } }], gossip: {} }, "message.updates[0].member.record"],
      [meta({ ...goodEntry, valueJson: "{nope" }), "message.updates[0].metadata.valueJson"],
      [meta({ ...goodEntry, valueJson: "1e999" }), "message.updates[0].metadata.valueJson"],
      [meta({ ...goodEntry, key: "" }), "message.updates[0].metadata.key"],
      [meta({ ...goodEntry, origin: "" }), "message.updates[0].metadata.origin"],
      [
        { ...base, updates: [{ metadata: goodEntry }], pushPullRequest: { members: [], metadata: [] } },
        "message.updates",
      ],
    ];
    for (const [value, path] of cases) expect(malformedAt(wire(value)), JSON.stringify(value)).toBe(path);
  });

  it("refuses metadata nested deeper than the core can walk", () => {
    const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
    const at = (n: number) =>
      wire({
        from: "n1",
        to: "n2",
        updates: [{ metadata: { key: "k", valueJson: deep(n), version: 1, origin: "n1" } }],
        gossip: {},
      });
    expect(decodeGossipMessage(at(METADATA_DEPTH_MAX), LIMITS).type).toBe("gossip");
    expect(malformedAt(at(METADATA_DEPTH_MAX + 1))).toBe("message.updates[0].metadata.valueJson");
    // Deep enough to overflow any recursive walk: still just a refusal.
    expect(malformedAt(at(20_000))).toBe("message.updates[0].metadata.valueJson");
  });

  it("bounds sizes: each kind has its own limit, checked before parsing", () => {
    const small: CodecLimits = { ...LIMITS, messageBytesMax: 200, pushPullBytesMax: 400 };
    const bigEntry = { ...entry, value: "x".repeat(300) };
    const gossip: Message = {
      type: "gossip",
      from: "n1",
      to: "n2",
      updates: [{ kind: "metadata", entry: bigEntry }],
    };
    const pushPull: Message = {
      type: "push-pull-request",
      from: "n1",
      to: "n2",
      members: [],
      metadata: [bigEntry],
    };
    expect(() => encodeGossipMessage(gossip, small)).toThrow(GossipTooLargeError);
    expect(decodeGossipMessage(encodeGossipMessage(pushPull, small), small)).toEqual(pushPull);
    expect(() => decodeGossipMessage(encodeGossipMessage(gossip, LIMITS), small)).toThrow(
      GossipTooLargeError,
    );
    // Over every limit: refused on its length alone, even though it is not a message at all.
    expect(() => decodeGossipMessage(new Uint8Array(401), small)).toThrow(GossipTooLargeError);
    expect(() => decodeGossipBatch(new Uint8Array(LIMITS.batchBytesMax + 1), LIMITS)).toThrow(
      GossipTooLargeError,
    );
  });

  it("refuses a batch that is empty, too long, or speaks for someone else", () => {
    const probe = encodeGossipMessage(EVERY_MESSAGE[0]!, LIMITS);
    const refusal = (bytes: Uint8Array) => {
      try {
        decodeGossipBatch(bytes, LIMITS);
      } catch (e) {
        if (e instanceof MalformedGossipError) return e.path;
        throw e;
      }
      return "accepted";
    };
    expect(refusal(encodeGossipBatch("n1", []))).toBe("batch.messages");
    expect(refusal(encodeGossipBatch("n1", Array(LIMITS.batchMessagesMax + 1).fill(probe)))).toBe(
      "batch.messages",
    );
    expect(refusal(encodeGossipBatch("n9", [probe]))).toBe("batch.messages[0].from");
    expect(refusal(encodeGossipBatch("", [probe]))).toBe("batch.from");
    expect(refusal(encodeGossipBatch("n1", [probe, new Uint8Array([1, 2, 3])]))).toBe("batch.messages[1]");
  });
});
