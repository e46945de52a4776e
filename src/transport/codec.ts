// Raft messages ↔ the objects protobufjs encodes for proto/raft.proto: one encoder and one
// decoder per message. Decoders take `unknown` because their input comes from a peer: every
// field is checked (type, range, enum value, required presence), and anything off is refused
// with a MalformedMessageError naming the field — a bad peer ends its own stream, never the
// node. Indexes and terms must be safe integers (< 2^53); a larger uint64 fails the check.
import type { ConfState, Entry, Message, Snapshot, SnapshotMeta } from "../raft/types.ts";
import { EntryType, MessageType } from "../raft/types.ts";
import { MalformedMessageError } from "./errors.ts";
import type { GroupMessage } from "./transport.ts";

/** Group ids are short names ("meta", "shard-12"); anything longer is not one of ours. */
export const MAX_GROUP_ID_LENGTH = 256;

// ─── wire shapes: protobufjs objects (camelCase fields, uint64 as number, bytes as Uint8Array) ──

export interface EntryWire {
  readonly term: number;
  readonly index: number;
  readonly type: number;
  readonly data: Uint8Array;
}

export interface ConfStateWire {
  readonly voters: readonly string[];
  readonly learners: readonly string[];
  readonly votersOutgoing: readonly string[];
  readonly learnersNext: readonly string[];
  readonly autoLeave: boolean;
}

export interface SnapshotMetaWire {
  readonly index: number;
  readonly term: number;
  readonly confState: ConfStateWire;
}

export interface MessageWire {
  readonly type: number;
  readonly from: string;
  readonly to: string;
  readonly term: number;
  readonly logTerm: number;
  readonly index: number;
  readonly entries: readonly EntryWire[];
  readonly commit: number;
  readonly reject: boolean;
  readonly rejectHint: number;
  readonly rejectTerm: number;
  readonly snapshot: SnapshotMetaWire | null;
  readonly context: string;
}

export interface GroupMessageWire {
  readonly group: string;
  readonly message: MessageWire;
}

export interface MessageBatchWire {
  readonly from: string;
  readonly messages: readonly GroupMessageWire[];
}

export interface SnapshotChunkWire {
  readonly group: string;
  readonly message: MessageWire | null;
  readonly totalBytes: number;
  readonly offset: number;
  readonly data: Uint8Array;
  readonly last: boolean;
}

// ─── enums: mapped explicitly, so renumbering either side is a compile or test failure ─────────

const MESSAGE_TYPE_WIRE: Readonly<Record<MessageType, number>> = {
  [MessageType.App]: 1,
  [MessageType.AppResp]: 2,
  [MessageType.Vote]: 3,
  [MessageType.VoteResp]: 4,
  [MessageType.PreVote]: 5,
  [MessageType.PreVoteResp]: 6,
  [MessageType.Heartbeat]: 7,
  [MessageType.HeartbeatResp]: 8,
  [MessageType.Snap]: 9,
  [MessageType.TimeoutNow]: 10,
  [MessageType.ReadIndex]: 11,
  [MessageType.ReadIndexResp]: 12,
};

const MESSAGE_TYPE_BY_WIRE: ReadonlyMap<number, MessageType> = new Map(
  Object.values(MessageType).map((type) => [MESSAGE_TYPE_WIRE[type], type]),
);

const ENTRY_TYPE_WIRE: Readonly<Record<EntryType, number>> = {
  [EntryType.Normal]: 0,
  [EntryType.ConfChange]: 1,
};

const ENTRY_TYPE_BY_WIRE: ReadonlyMap<number, EntryType> = new Map([
  [ENTRY_TYPE_WIRE[EntryType.Normal], EntryType.Normal],
  [ENTRY_TYPE_WIRE[EntryType.ConfChange], EntryType.ConfChange],
]);

/** The wire number of each message type (for tests that check it against proto/raft.proto). */
export function messageTypeWire(type: MessageType): number {
  return MESSAGE_TYPE_WIRE[type];
}

export function entryTypeWire(type: EntryType): number {
  return ENTRY_TYPE_WIRE[type];
}

// ─── encoders ──────────────────────────────────────────────────────────────────────────────────

export function encodeEntry(entry: Entry): EntryWire {
  return { term: entry.term, index: entry.index, type: ENTRY_TYPE_WIRE[entry.type], data: entry.data };
}

export function encodeConfState(cs: ConfState): ConfStateWire {
  return {
    voters: cs.voters,
    learners: cs.learners,
    votersOutgoing: cs.votersOutgoing,
    learnersNext: cs.learnersNext,
    autoLeave: cs.autoLeave,
  };
}

export function encodeSnapshotMeta(meta: SnapshotMeta): SnapshotMetaWire {
  return { index: meta.index, term: meta.term, confState: encodeConfState(meta.confState) };
}

/** The message without its snapshot's data, which travels in SnapshotChunks. */
export function encodeRaftMessage(m: Message): MessageWire {
  return {
    type: MESSAGE_TYPE_WIRE[m.type],
    from: m.from,
    to: m.to,
    term: m.term,
    logTerm: m.logTerm,
    index: m.index,
    entries: m.entries.map(encodeEntry),
    commit: m.commit,
    reject: m.reject,
    rejectHint: m.rejectHint,
    rejectTerm: m.rejectTerm,
    snapshot: m.snapshot === null ? null : encodeSnapshotMeta(m.snapshot.meta),
    context: m.context,
  };
}

export function encodeGroupMessage(gm: GroupMessage): GroupMessageWire {
  return { group: gm.group, message: encodeRaftMessage(gm.message) };
}

export function encodeBatch(from: string, messages: readonly GroupMessage[]): MessageBatchWire {
  return { from, messages: messages.map(encodeGroupMessage) };
}

/**
 * A Snap message as InstallSnapshot chunks of at most `chunkBytes` data each (at least one
 * chunk, even for empty data). The chunks are views of the snapshot's data, not copies.
 */
export function* encodeSnapshotChunks(gm: GroupMessage, chunkBytes: number): Generator<SnapshotChunkWire> {
  const snapshot = gm.message.snapshot;
  if (gm.message.type !== MessageType.Snap || snapshot === null) {
    throw new TypeError(`only a Snap message with a snapshot is sent in chunks, got ${gm.message.type}`);
  }
  const totalBytes = snapshot.data.byteLength;
  let offset = 0;
  do {
    const end = Math.min(totalBytes, offset + chunkBytes);
    const first = offset === 0;
    yield {
      group: first ? gm.group : "",
      message: first ? encodeRaftMessage(gm.message) : null,
      totalBytes: first ? totalBytes : 0,
      offset,
      data: snapshot.data.subarray(offset, end),
      last: end === totalBytes,
    };
    offset = end;
  } while (offset < totalBytes);
}

// ─── decoders ──────────────────────────────────────────────────────────────────────────────────

export function decodeEntry(value: unknown, path = "entry"): Entry {
  const o = struct(value, path);
  return {
    term: uint(o, "term", path),
    index: uint(o, "index", path),
    type: entryType(o, path),
    // A copy: a view would keep the whole received batch alive for as long as the entry sits
    // in the log.
    data: new Uint8Array(bytes(o, "data", path)),
  };
}

export function decodeConfState(value: unknown, path = "confState"): ConfState {
  const o = struct(value, path);
  // The joint fields are absent in a message from a node older than joint consensus (and in
  // hand-built objects): absent means "not joint".
  return {
    voters: nodeIds(o, "voters", path),
    learners: nodeIds(o, "learners", path),
    votersOutgoing: o["votersOutgoing"] === undefined ? [] : nodeIds(o, "votersOutgoing", path),
    learnersNext: o["learnersNext"] === undefined ? [] : nodeIds(o, "learnersNext", path),
    autoLeave: o["autoLeave"] === undefined ? false : bool(o, "autoLeave", path),
  };
}

export function decodeSnapshotMeta(value: unknown, path = "snapshotMeta"): SnapshotMeta {
  const o = struct(value, path);
  return {
    index: uint(o, "index", path),
    term: uint(o, "term", path),
    confState: decodeConfState(required(o, "confState", path), `${path}.confState`),
  };
}

/**
 * A message from a peer. `snapshotData` is the reassembled data of an InstallSnapshot call, or
 * null for a message from a batch: only the former may be (and must be) a Snap message.
 */
export function decodeRaftMessage(
  value: unknown,
  snapshotData: Uint8Array | null,
  path = "message",
): Message {
  const o = struct(value, path);
  const type = messageType(o, path);
  // Fields in the order the Raft core builds them, so every message has one object shape.
  return {
    type,
    from: nodeId(o, "from", path),
    to: nodeId(o, "to", path),
    term: uint(o, "term", path),
    logTerm: uint(o, "logTerm", path),
    index: uint(o, "index", path),
    entries: list(o, "entries", path).map((e, i) => decodeEntry(e, `${path}.entries[${i}]`)),
    commit: uint(o, "commit", path),
    reject: bool(o, "reject", path),
    rejectHint: uint(o, "rejectHint", path),
    rejectTerm: uint(o, "rejectTerm", path),
    snapshot: snapshotOf(type, o, snapshotData, path),
    context: str(o, "context", path),
  };
}

export function decodeGroupMessage(
  value: unknown,
  snapshotData: Uint8Array | null,
  path = "groupMessage",
): GroupMessage {
  const o = struct(value, path);
  const group = str(o, "group", path);
  if (group === "" || group.length > MAX_GROUP_ID_LENGTH) {
    throw new MalformedMessageError(`${path}.group`, `expected 1-${MAX_GROUP_ID_LENGTH} characters`);
  }
  return {
    group,
    message: decodeRaftMessage(required(o, "message", path), snapshotData, `${path}.message`),
  };
}

export interface MessageBatch {
  readonly from: string;
  readonly messages: readonly GroupMessage[];
}

export function decodeBatch(value: unknown): MessageBatch {
  const path = "batch";
  const o = struct(value, path);
  const from = nodeId(o, "from", path);
  const messages = list(o, "messages", path).map((v, i) => {
    const gm = decodeGroupMessage(v, null, `${path}.messages[${i}]`);
    // A node's replicas all carry the node's id, so a peer can only speak for itself.
    if (gm.message.from !== from) {
      throw new MalformedMessageError(`${path}.messages[${i}].message.from`, `batch is from ${from}`);
    }
    return gm;
  });
  return { from, messages };
}

export interface SnapshotChunk {
  /** Set on the first chunk: the Snap message, its snapshot's data still empty. */
  readonly header: { readonly group: string; readonly message: Message; readonly totalBytes: number } | null;
  readonly offset: number;
  /** A view of the received bytes (the reassembly copies it into place). */
  readonly data: Uint8Array;
  readonly last: boolean;
}

/** One InstallSnapshot chunk; `first` says whether to read (and require) the header. */
export function decodeSnapshotChunk(value: unknown, first: boolean): SnapshotChunk {
  const path = "chunk";
  const o = struct(value, path);
  const offset = uint(o, "offset", path);
  let header: SnapshotChunk["header"] = null;
  if (first) {
    const gm = decodeGroupMessage(o, new Uint8Array(0), path);
    header = { group: gm.group, message: gm.message, totalBytes: uint(o, "totalBytes", path) };
  }
  return { header, offset, data: bytes(o, "data", path), last: bool(o, "last", path) };
}

// ─── size ──────────────────────────────────────────────────────────────────────────────────────

// Upper bounds of protobuf framing: a tag is 1 byte (field numbers < 16), a varint at most
// 10, a length prefix at most 5; a UTF-16 code unit is at most 3 bytes of UTF-8.
const VARINT_FIELD_BYTES = 11;
const LENGTH_FIELD_BYTES = 6;
const MESSAGE_FIXED_BYTES = 3 * LENGTH_FIELD_BYTES + 7 * VARINT_FIELD_BYTES + 2 + LENGTH_FIELD_BYTES;
const GROUP_MESSAGE_FIXED_BYTES = 3 * LENGTH_FIELD_BYTES;
const ENTRY_FIXED_BYTES = 2 * LENGTH_FIELD_BYTES + 3 * VARINT_FIELD_BYTES;
// index, term, the ConfState's framing, and its auto_leave flag (tag + 1 byte).
const SNAPSHOT_META_FIXED_BYTES = 2 * LENGTH_FIELD_BYTES + 2 * VARINT_FIELD_BYTES + 2;

/**
 * An upper bound of the bytes `gm` adds to an encoded MessageBatch, its snapshot's data
 * excluded. Cheap (no encoding): it runs for every queued message.
 */
export function wireSizeBytes(gm: GroupMessage): number {
  const m = gm.message;
  let size =
    GROUP_MESSAGE_FIXED_BYTES +
    MESSAGE_FIXED_BYTES +
    3 * (gm.group.length + m.from.length + m.to.length + m.context.length);
  for (const e of m.entries) size += ENTRY_FIXED_BYTES + e.data.byteLength;
  if (m.snapshot !== null) {
    size += SNAPSHOT_META_FIXED_BYTES;
    const { voters, learners, votersOutgoing, learnersNext } = m.snapshot.meta.confState;
    for (const list of [voters, learners, votersOutgoing, learnersNext]) {
      for (const id of list) size += LENGTH_FIELD_BYTES + 3 * id.length;
    }
  }
  return size;
}

// ─── field readers: each checks one field of an untrusted object ──────────────────────────────

type Struct = Readonly<Record<string, unknown>>;

function struct(value: unknown, path: string): Struct {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new MalformedMessageError(path, "expected a message");
  }
  return value as Struct;
}

function required(o: Struct, key: string, path: string): unknown {
  const v = o[key];
  if (v === null || v === undefined) throw new MalformedMessageError(`${path}.${key}`, "missing");
  return v;
}

function uint(o: Struct, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    throw new MalformedMessageError(`${path}.${key}`, "expected an integer in [0, 2^53)");
  }
  return v;
}

function bool(o: Struct, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== "boolean") throw new MalformedMessageError(`${path}.${key}`, "expected a boolean");
  return v;
}

function str(o: Struct, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== "string") throw new MalformedMessageError(`${path}.${key}`, "expected a string");
  return v;
}

function nodeId(o: Struct, key: string, path: string): string {
  const v = str(o, key, path);
  if (v === "") throw new MalformedMessageError(`${path}.${key}`, "expected a node id");
  return v;
}

function bytes(o: Struct, key: string, path: string): Uint8Array {
  const v = o[key];
  if (!(v instanceof Uint8Array)) throw new MalformedMessageError(`${path}.${key}`, "expected bytes");
  return v;
}

function list(o: Struct, key: string, path: string): readonly unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new MalformedMessageError(`${path}.${key}`, "expected a list");
  return v;
}

function nodeIds(o: Struct, key: string, path: string): string[] {
  return list(o, key, path).map((v, i) => {
    if (typeof v !== "string" || v === "") {
      throw new MalformedMessageError(`${path}.${key}[${i}]`, "expected a node id");
    }
    return v;
  });
}

function messageType(o: Struct, path: string): MessageType {
  const v = o["type"];
  const type = typeof v === "number" ? MESSAGE_TYPE_BY_WIRE.get(v) : undefined;
  if (type === undefined)
    throw new MalformedMessageError(`${path}.type`, `unknown message type ${String(v)}`);
  return type;
}

function entryType(o: Struct, path: string): EntryType {
  const v = o["type"];
  const type = typeof v === "number" ? ENTRY_TYPE_BY_WIRE.get(v) : undefined;
  if (type === undefined) throw new MalformedMessageError(`${path}.type`, `unknown entry type ${String(v)}`);
  return type;
}

function snapshotOf(type: MessageType, o: Struct, data: Uint8Array | null, path: string): Snapshot | null {
  const meta = o["snapshot"];
  if (type !== MessageType.Snap) {
    if (meta !== null && meta !== undefined) {
      throw new MalformedMessageError(`${path}.snapshot`, `a ${type} message carries no snapshot`);
    }
    if (data !== null)
      throw new MalformedMessageError(`${path}.type`, "InstallSnapshot carries Snap messages only");
    return null;
  }
  if (data === null)
    throw new MalformedMessageError(`${path}.type`, "a Snap message travels on InstallSnapshot");
  return { meta: decodeSnapshotMeta(required(o, "snapshot", path), `${path}.snapshot`), data };
}
