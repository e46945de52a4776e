// Gossip messages (src/gossip/message.ts) ↔ protobuf bytes (proto/gossip.proto): one encoder and
// one decoder per message. Decoders take bytes from a peer: the size is checked before parsing,
// every field is checked (type, range, enum value, required presence, nesting), and anything off
// is refused with a typed error naming the field — a bad peer loses its batch, never the node.
// Incarnations, versions and seqs must be safe integers (< 2^53); a larger uint64 fails the check.
import { decodeMessage, encodeMessage, type MessageCodec, wire } from "../../api/proto.ts";
import {
  assertMetadataValue,
  canonicalJson,
  GossipError,
  type MemberRecord,
  type MemberState,
  type Message,
  type MetadataEntry,
  type MetadataValue,
  type Update,
} from "../../gossip/index.ts";
import type { GossipAgentSettings } from "./config.ts";
import { GossipTooLargeError, MalformedGossipError } from "./errors.ts";

/** The limits a codec call enforces (a subset of the agent's settings). */
export type CodecLimits = Pick<
  GossipAgentSettings,
  "messageBytesMax" | "pushPullBytesMax" | "batchMessagesMax" | "batchBytesMax"
>;

/** Member ids are short names ("n1", a host name); anything longer is not one of ours. */
export const MEMBER_ID_LENGTH_MAX = 256;
/** Addresses one record carries (one per purpose: "grpc", "http", …). */
export const ADDRESSES_MAX = 16;
/** Characters of an address purpose or an address. */
export const ADDRESS_LENGTH_MAX = 512;
export const METADATA_KEY_LENGTH_MAX = 1024;
/**
 * Nesting of a metadata value. The gossip core walks values recursively (canonical text, merge
 * tie-breaks), so a value nested 100,000 deep would overflow its stack: refused here instead.
 */
export const METADATA_DEPTH_MAX = 32;

// ─── enums: mapped explicitly, so renumbering either side is a compile or test failure ─────────

const STATE_WIRE: Readonly<Record<MemberState, number>> = { alive: 1, suspect: 2, dead: 3, left: 4 };

const STATE_BY_WIRE: ReadonlyMap<number, MemberState> = new Map(
  (Object.keys(STATE_WIRE) as MemberState[]).map((state) => [STATE_WIRE[state], state]),
);

/** The wire number of each member state (for tests that check it against proto/gossip.proto). */
export function memberStateWire(state: MemberState): number {
  return STATE_WIRE[state];
}

const GossipMessageCodec: MessageCodec = wire.gossip.GossipMessage;
const GossipBatchCodec: MessageCodec = wire.gossip.GossipBatch;

// ─── encoders ──────────────────────────────────────────────────────────────────────────────────

/** The byte limit of a message of this type. */
export function messageLimitBytes(type: Message["type"], limits: CodecLimits): number {
  return isPushPull(type) ? limits.pushPullBytesMax : limits.messageBytesMax;
}

/** One message's bytes; a GossipTooLargeError if they exceed the limit of its kind. */
export function encodeGossipMessage(message: Message, limits: CodecLimits): Uint8Array {
  const bytes = encodeMessage(GossipMessageCodec, messageToWire(message));
  const limit = messageLimitBytes(message.type, limits);
  if (bytes.byteLength > limit) {
    throw new GossipTooLargeError(`${message.type} to ${message.to}`, bytes.byteLength, limit);
  }
  return bytes;
}

/** A Deliver request: already encoded messages (each within its limit) from one member. */
export function encodeGossipBatch(from: string, messages: readonly Uint8Array[]): Buffer {
  return encodeMessage(GossipBatchCodec, { from, messages });
}

function messageToWire(m: Message): object {
  const envelope = { from: m.from, to: m.to };
  switch (m.type) {
    case "probe-request":
      return { ...envelope, updates: m.updates.map(updateToWire), probeRequest: { seq: m.seq } };
    case "probe-response":
      return { ...envelope, updates: m.updates.map(updateToWire), probeResponse: { seq: m.seq } };
    case "indirect-probe-request":
      return {
        ...envelope,
        updates: m.updates.map(updateToWire),
        indirectProbeRequest: { seq: m.seq, target: m.target },
      };
    case "indirect-probe-response":
      return {
        ...envelope,
        updates: m.updates.map(updateToWire),
        indirectProbeResponse: { seq: m.seq, reached: m.reached },
      };
    case "gossip":
      return { ...envelope, updates: m.updates.map(updateToWire), gossip: {} };
    case "push-pull-request":
      return { ...envelope, pushPullRequest: stateToWire(m.members, m.metadata) };
    case "push-pull-response":
      return { ...envelope, pushPullResponse: stateToWire(m.members, m.metadata) };
  }
}

function updateToWire(update: Update): object {
  return update.kind === "member"
    ? { member: { record: recordToWire(update.record), from: update.from } }
    : { metadata: entryToWire(update.entry) };
}

function recordToWire(record: MemberRecord): object {
  return {
    id: record.id,
    addresses: record.addresses,
    state: STATE_WIRE[record.state],
    incarnation: record.incarnation,
  };
}

function entryToWire(entry: MetadataEntry): object {
  return {
    key: entry.key,
    valueJson: canonicalJson(entry.value),
    version: entry.version,
    origin: entry.origin,
  };
}

function stateToWire(members: readonly MemberRecord[], metadata: readonly MetadataEntry[]): object {
  return { members: members.map(recordToWire), metadata: metadata.map(entryToWire) };
}

// ─── decoders ──────────────────────────────────────────────────────────────────────────────────

export interface GossipBatch {
  readonly from: string;
  readonly messages: readonly Message[];
}

/** A Deliver request from a peer, every message in it checked. */
export function decodeGossipBatch(bytes: Uint8Array, limits: CodecLimits): GossipBatch {
  const path = "batch";
  if (bytes.byteLength > limits.batchBytesMax) {
    throw new GossipTooLargeError(path, bytes.byteLength, limits.batchBytesMax);
  }
  const o = parse(GossipBatchCodec, bytes, path);
  const from = memberId(o, "from", path);
  const raw = list(o, "messages", path);
  if (raw.length === 0 || raw.length > limits.batchMessagesMax) {
    throw new MalformedGossipError(`${path}.messages`, `expected 1-${limits.batchMessagesMax} messages`);
  }
  const messages = raw.map((value, i) => {
    const at = `${path}.messages[${i}]`;
    if (!(value instanceof Uint8Array)) throw new MalformedGossipError(at, "expected bytes");
    const message = decodeGossipMessage(value, limits, at);
    // A member speaks only for itself: it cannot pass off messages as another's.
    if (message.from !== from) throw new MalformedGossipError(`${at}.from`, `batch is from ${from}`);
    return message;
  });
  return { from, messages };
}

/** One encoded GossipMessage from a peer. */
export function decodeGossipMessage(bytes: Uint8Array, limits: CodecLimits, path = "message"): Message {
  // The larger limit first, so nothing over either is parsed; the kind's own once it is known.
  if (bytes.byteLength > limits.pushPullBytesMax) {
    throw new GossipTooLargeError(path, bytes.byteLength, limits.pushPullBytesMax);
  }
  const o = parse(GossipMessageCodec, bytes, path);
  const type = bodyType(o, path);
  const limit = messageLimitBytes(type, limits);
  if (bytes.byteLength > limit) throw new GossipTooLargeError(`${path} (${type})`, bytes.byteLength, limit);
  const from = memberId(o, "from", path);
  const to = memberId(o, "to", path);
  const rawUpdates = list(o, "updates", path);
  if (isPushPull(type)) {
    if (rawUpdates.length > 0) throw new MalformedGossipError(`${path}.updates`, "push-pull carries none");
    const body = struct(o[BODY_FIELD[type]], `${path}.${BODY_FIELD[type]}`);
    return { type, from, to, ...decodeState(body, `${path}.${BODY_FIELD[type]}`) };
  }
  const updates = rawUpdates.map((u, i) => decodeUpdate(u, `${path}.updates[${i}]`));
  const bodyPath = `${path}.${BODY_FIELD[type]}`;
  const body = struct(o[BODY_FIELD[type]], bodyPath);
  // Fields in the order the gossip core builds them, so every message has one object shape.
  switch (type) {
    case "probe-request":
    case "probe-response":
      return { type, from, to, updates, seq: uint(body, "seq", bodyPath) };
    case "indirect-probe-request":
      return {
        type,
        from,
        to,
        updates,
        seq: uint(body, "seq", bodyPath),
        target: memberId(body, "target", bodyPath),
      };
    case "indirect-probe-response":
      return {
        type,
        from,
        to,
        updates,
        seq: uint(body, "seq", bodyPath),
        reached: bool(body, "reached", bodyPath),
      };
    case "gossip":
      return { type, from, to, updates };
  }
}

type BodyType = Message["type"];
type PushPullType = "push-pull-request" | "push-pull-response";

/** The oneof field of each message type, as protobufjs names it. */
const BODY_FIELD: Readonly<Record<BodyType, string>> = {
  "probe-request": "probeRequest",
  "probe-response": "probeResponse",
  "indirect-probe-request": "indirectProbeRequest",
  "indirect-probe-response": "indirectProbeResponse",
  gossip: "gossip",
  "push-pull-request": "pushPullRequest",
  "push-pull-response": "pushPullResponse",
};

const TYPE_BY_BODY_FIELD: ReadonlyMap<string, BodyType> = new Map(
  (Object.keys(BODY_FIELD) as BodyType[]).map((type) => [BODY_FIELD[type], type]),
);

function isPushPull(type: BodyType): type is PushPullType {
  return type === "push-pull-request" || type === "push-pull-response";
}

function bodyType(o: Struct, path: string): BodyType {
  const field = o["body"];
  const type = typeof field === "string" ? TYPE_BY_BODY_FIELD.get(field) : undefined;
  if (type === undefined) throw new MalformedGossipError(`${path}.body`, "missing or unknown message body");
  return type;
}

function decodeUpdate(value: unknown, path: string): Update {
  const o = struct(value, path);
  if (o["kind"] === "member") {
    const m = struct(o["member"], `${path}.member`);
    const record = decodeRecord(m["record"], `${path}.member.record`);
    return { kind: "member", record, from: memberId(m, "from", `${path}.member`) };
  }
  if (o["kind"] === "metadata")
    return { kind: "metadata", entry: decodeEntry(o["metadata"], `${path}.metadata`) };
  throw new MalformedGossipError(`${path}.kind`, "expected a member or metadata update");
}

function decodeState(o: Struct, path: string): { members: MemberRecord[]; metadata: MetadataEntry[] } {
  return {
    members: list(o, "members", path).map((r, i) => decodeRecord(r, `${path}.members[${i}]`)),
    metadata: list(o, "metadata", path).map((e, i) => decodeEntry(e, `${path}.metadata[${i}]`)),
  };
}

function decodeRecord(value: unknown, path: string): MemberRecord {
  const o = struct(value, path);
  return {
    id: memberId(o, "id", path),
    addresses: addresses(o, path),
    state: memberState(o, path),
    incarnation: uint(o, "incarnation", path),
  };
}

function decodeEntry(value: unknown, path: string): MetadataEntry {
  const o = struct(value, path);
  const key = str(o, "key", path);
  if (key === "" || key.length > METADATA_KEY_LENGTH_MAX) {
    throw new MalformedGossipError(`${path}.key`, `expected 1-${METADATA_KEY_LENGTH_MAX} characters`);
  }
  return {
    key,
    value: metadataValue(o, path),
    version: uint(o, "version", path),
    origin: memberId(o, "origin", path),
  };
}

// ─── field readers: each checks one field of an untrusted object ──────────────────────────────

type Struct = Readonly<Record<string, unknown>>;

/** protobufjs objects: 64-bit integers as numbers, every field present (defaults: true). */
function parse(codec: MessageCodec, bytes: Uint8Array, path: string): Struct {
  try {
    return decodeMessage<Struct>(codec, bytes);
  } catch (e) {
    // protobufjs throws plain Errors (truncated input, bad wire type, nesting too deep).
    throw new MalformedGossipError(path, e instanceof Error ? e.message : String(e));
  }
}

function struct(value: unknown, path: string): Struct {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new MalformedGossipError(path, "expected a message");
  }
  return value as Struct;
}

function uint(o: Struct, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    throw new MalformedGossipError(`${path}.${key}`, "expected an integer in [0, 2^53)");
  }
  return v;
}

function bool(o: Struct, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== "boolean") throw new MalformedGossipError(`${path}.${key}`, "expected a boolean");
  return v;
}

/**
 * A string that is well-formed Unicode. protobufjs decodes invalid UTF-8 without complaint,
 * into strings that may hold lone surrogates, which do not survive the next hop's encoding
 * unchanged: two members would then hold different ids (or keys) for one record and never agree.
 */
function str(o: Struct, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== "string") throw new MalformedGossipError(`${path}.${key}`, "expected a string");
  if (!isWellFormed(v)) throw new MalformedGossipError(`${path}.${key}`, "expected valid UTF-8");
  return v;
}

/** With the u flag a surrogate range matches only unpaired surrogates (ES2024's isWellFormed). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

function memberId(o: Struct, key: string, path: string): string {
  const v = str(o, key, path);
  if (v === "" || v.length > MEMBER_ID_LENGTH_MAX) {
    throw new MalformedGossipError(
      `${path}.${key}`,
      `expected a member id of 1-${MEMBER_ID_LENGTH_MAX} characters`,
    );
  }
  return v;
}

function list(o: Struct, key: string, path: string): readonly unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new MalformedGossipError(`${path}.${key}`, "expected a list");
  return v;
}

function memberState(o: Struct, path: string): MemberState {
  const v = o["state"];
  const state = typeof v === "number" ? STATE_BY_WIRE.get(v) : undefined;
  if (state === undefined)
    throw new MalformedGossipError(`${path}.state`, `unknown member state ${String(v)}`);
  return state;
}

function addresses(o: Struct, path: string): Readonly<Record<string, string>> {
  const map = struct(o["addresses"], `${path}.addresses`);
  const entries = Object.entries(map);
  if (entries.length > ADDRESSES_MAX) {
    throw new MalformedGossipError(`${path}.addresses`, `expected at most ${ADDRESSES_MAX} addresses`);
  }
  for (const [purpose, addr] of entries) {
    const ok =
      purpose !== "" &&
      purpose.length <= ADDRESS_LENGTH_MAX &&
      isWellFormed(purpose) &&
      typeof addr === "string" &&
      addr.length <= ADDRESS_LENGTH_MAX &&
      isWellFormed(addr);
    if (!ok) {
      const reason = `expected a purpose and an address of at most ${ADDRESS_LENGTH_MAX} characters`;
      throw new MalformedGossipError(`${path}.addresses[${purpose}]`, reason);
    }
  }
  // A plain copy: the merge rules take the canonical text of exactly these keys.
  return Object.fromEntries(entries) as Record<string, string>;
}

function metadataValue(o: Struct, path: string): MetadataValue {
  const text = str(o, "valueJson", path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedGossipError(`${path}.valueJson`, "expected JSON text");
  }
  checkDepth(value, 0, `${path}.valueJson`);
  try {
    assertMetadataValue(value);
  } catch (e) {
    if (e instanceof GossipError) throw new MalformedGossipError(`${path}.valueJson`, e.message);
    throw e;
  }
  return value;
}

/** Recursion here stops at METADATA_DEPTH_MAX + 1, whatever the value's nesting. */
function checkDepth(value: unknown, depth: number, path: string): void {
  if (typeof value !== "object" || value === null) return;
  if (depth >= METADATA_DEPTH_MAX) {
    throw new MalformedGossipError(path, `nested deeper than ${METADATA_DEPTH_MAX}`);
  }
  for (const item of Object.values(value)) checkDepth(item, depth + 1, path);
}
