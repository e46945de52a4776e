// The binary encoding of everything the node writes to disk: write-ahead log records and
// snapshot files. Hand-rolled over DataView, little-endian, one encoder and one decoder per
// record kind. Indexes and terms are written as u64 and must be safe integers (< 2^53).
//
//   record   = kind:u8 group:str body
//   entries  = count:u32 (index:u64 term:u64 type:u8 data:bytes)*
//   hardState= term:u64 vote:str commit:u64
//   snapMark = mark:u8 index:u64 term:u64
//   drop     = generation:u64
//   snapshot = group:str origin:u8 index:u64 term:u64 voters:strs learners:strs data:bytes
//              [votersOutgoing:strs learnersNext:strs autoLeave:u8]
//              (the joint tail is written only for a joint configuration; files written before
//              joint consensus end after data and decode as not joint)
//   str      = length:u32 utf-8     bytes = length:u32 raw     strs = count:u32 str*
import type { ConfState, Entry, HardState, Snapshot } from "../raft/types.ts";
import { EntryType } from "../raft/types.ts";
import type { SnapshotMarkKind, SnapshotOrigin, WalRecord } from "./record.ts";

/** The bytes do not decode; callers turn this into WalCorrupt or SnapshotCorrupt with a location. */
export class DecodeError extends Error {
  override readonly name = "DecodeError";
}

const RECORD_KIND = { entries: 1, hardState: 2, snapshotMark: 3, drop: 4 } as const;
const MARK_KIND: Readonly<Record<SnapshotMarkKind, number>> = { installed: 1, taken: 2, checkpoint: 3 };
const MARKS: readonly SnapshotMarkKind[] = ["installed", "taken", "checkpoint"];
const ORIGINS: readonly SnapshotOrigin[] = ["installed", "taken"];
const TWO_TO_32 = 2 ** 32;
const NOT_JOINT = { votersOutgoing: [], learnersNext: [], autoLeave: false } as const;

export function encodeRecord(record: WalRecord): Uint8Array {
  const w = new ByteWriter();
  w.u8(RECORD_KIND[record.kind]);
  w.string(record.group);
  switch (record.kind) {
    case "entries":
      w.u32(record.entries.length);
      for (const e of record.entries) {
        w.u64(e.index);
        w.u64(e.term);
        w.u8(e.type);
        w.bytes(e.data);
      }
      break;
    case "hardState":
      w.u64(record.hardState.term);
      w.string(record.hardState.vote);
      w.u64(record.hardState.commit);
      break;
    case "snapshotMark":
      w.u8(MARK_KIND[record.mark]);
      w.u64(record.index);
      w.u64(record.term);
      break;
    case "drop":
      w.u64(record.generation);
      break;
  }
  return w.finish();
}

export function decodeRecord(payload: Uint8Array): WalRecord {
  const r = new ByteReader(payload);
  const kind = r.u8();
  const group = r.string();
  let record: WalRecord;
  if (kind === RECORD_KIND.entries) {
    const count = r.u32();
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      entries.push({ index: r.u64(), term: r.u64(), type: entryType(r.u8()), data: r.bytes() });
    }
    record = { kind: "entries", group, entries };
  } else if (kind === RECORD_KIND.hardState) {
    const hardState: HardState = { term: r.u64(), vote: r.string(), commit: r.u64() };
    record = { kind: "hardState", group, hardState };
  } else if (kind === RECORD_KIND.snapshotMark) {
    const mark = MARKS[r.u8() - 1];
    if (mark === undefined) throw new DecodeError("unknown snapshot mark");
    record = { kind: "snapshotMark", group, mark, index: r.u64(), term: r.u64() };
  } else if (kind === RECORD_KIND.drop) {
    record = { kind: "drop", group, generation: r.u64() };
  } else {
    throw new DecodeError(`unknown record kind ${kind}`);
  }
  r.expectEnd();
  return record;
}

export interface SnapshotFileContent {
  readonly group: string;
  readonly origin: SnapshotOrigin;
  readonly snapshot: Snapshot;
}

export function encodeSnapshot(content: SnapshotFileContent): Uint8Array {
  const { meta, data } = content.snapshot;
  const w = new ByteWriter(data.byteLength + 256);
  w.string(content.group);
  w.u8(ORIGINS.indexOf(content.origin) + 1);
  w.u64(meta.index);
  w.u64(meta.term);
  w.strings(meta.confState.voters);
  w.strings(meta.confState.learners);
  w.bytes(data);
  if (meta.confState.votersOutgoing.length > 0) {
    w.strings(meta.confState.votersOutgoing);
    w.strings(meta.confState.learnersNext);
    w.u8(meta.confState.autoLeave ? 1 : 0);
  }
  return w.finish();
}

export function decodeSnapshot(payload: Uint8Array): SnapshotFileContent {
  const r = new ByteReader(payload);
  const group = r.string();
  const origin = ORIGINS[r.u8() - 1];
  if (origin === undefined) throw new DecodeError("unknown snapshot origin");
  const index = r.u64();
  const term = r.u64();
  const voters = r.strings();
  const learners = r.strings();
  const data = r.bytes();
  let joint: Pick<ConfState, "votersOutgoing" | "learnersNext" | "autoLeave"> = NOT_JOINT;
  if (!r.atEnd()) {
    joint = { votersOutgoing: r.strings(), learnersNext: r.strings(), autoLeave: r.flag() };
    if (joint.votersOutgoing.length === 0) throw new DecodeError("a joint tail without outgoing voters");
  }
  r.expectEnd();
  const confState: ConfState = { voters, learners, ...joint };
  return { group, origin, snapshot: { meta: { index, term, confState }, data } };
}

function entryType(code: number): EntryType {
  if (code === EntryType.Normal || code === EntryType.ConfChange) return code;
  throw new DecodeError(`unknown entry type ${code}`);
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

class ByteWriter {
  #buf: Uint8Array;
  #view: DataView;
  #length = 0;

  constructor(capacity = 256) {
    this.#buf = new Uint8Array(capacity);
    this.#view = new DataView(this.#buf.buffer);
  }

  u8(v: number): void {
    this.#reserve(1);
    this.#view.setUint8(this.#length, v);
    this.#length += 1;
  }

  u32(v: number): void {
    this.#reserve(4);
    this.#view.setUint32(this.#length, v, true);
    this.#length += 4;
  }

  u64(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`cannot encode ${v} as u64`);
    this.#reserve(8);
    this.#view.setUint32(this.#length, v % TWO_TO_32, true);
    this.#view.setUint32(this.#length + 4, Math.floor(v / TWO_TO_32), true);
    this.#length += 8;
  }

  bytes(b: Uint8Array): void {
    this.u32(b.byteLength);
    this.#reserve(b.byteLength);
    this.#buf.set(b, this.#length);
    this.#length += b.byteLength;
  }

  string(s: string): void {
    this.bytes(utf8Encoder.encode(s));
  }

  strings(list: readonly string[]): void {
    this.u32(list.length);
    for (const s of list) this.string(s);
  }

  finish(): Uint8Array {
    return this.#buf.subarray(0, this.#length);
  }

  #reserve(n: number): void {
    if (this.#length + n <= this.#buf.byteLength) return;
    const grown = new Uint8Array(Math.max(this.#buf.byteLength * 2, this.#length + n));
    grown.set(this.#buf.subarray(0, this.#length));
    this.#buf = grown;
    this.#view = new DataView(grown.buffer);
  }
}

class ByteReader {
  readonly #buf: Uint8Array;
  readonly #view: DataView;
  #offset = 0;

  constructor(buf: Uint8Array) {
    this.#buf = buf;
    this.#view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  u8(): number {
    this.#need(1);
    const v = this.#view.getUint8(this.#offset);
    this.#offset += 1;
    return v;
  }

  u32(): number {
    this.#need(4);
    const v = this.#view.getUint32(this.#offset, true);
    this.#offset += 4;
    return v;
  }

  u64(): number {
    this.#need(8);
    const lo = this.#view.getUint32(this.#offset, true);
    const hi = this.#view.getUint32(this.#offset + 4, true);
    this.#offset += 8;
    const v = hi * TWO_TO_32 + lo;
    if (!Number.isSafeInteger(v)) throw new DecodeError(`u64 ${v} is not a safe integer`);
    return v;
  }

  /** A copy, so decoded entries do not pin the whole segment buffer in memory. */
  bytes(): Uint8Array {
    const length = this.u32();
    this.#need(length);
    const b = this.#buf.slice(this.#offset, this.#offset + length);
    this.#offset += length;
    return b;
  }

  string(): string {
    const length = this.u32();
    this.#need(length);
    try {
      return utf8Decoder.decode(this.#buf.subarray(this.#offset, this.#offset + length));
    } catch {
      throw new DecodeError("string is not valid utf-8");
    } finally {
      this.#offset += length;
    }
  }

  strings(): string[] {
    const count = this.u32();
    const list: string[] = [];
    for (let i = 0; i < count; i++) list.push(this.string());
    return list;
  }

  /** A boolean written as u8 0 or 1; anything else is corruption. */
  flag(): boolean {
    const v = this.u8();
    if (v > 1) throw new DecodeError(`flag ${v} is neither 0 nor 1`);
    return v === 1;
  }

  atEnd(): boolean {
    return this.#offset === this.#buf.byteLength;
  }

  expectEnd(): void {
    if (this.#offset !== this.#buf.byteLength) {
      throw new DecodeError(`${this.#buf.byteLength - this.#offset} unexpected trailing bytes`);
    }
  }

  #need(n: number): void {
    if (this.#offset + n > this.#buf.byteLength) {
      throw new DecodeError(`truncated: need ${n} bytes at ${this.#offset} of ${this.#buf.byteLength}`);
    }
  }
}
