// The log encoding of a Command (proto/command.proto): one encoder and one decoder for every
// command, so what a replica applies is exactly what the proposer meant. Decoding keeps every
// optional field absent when it was absent (and drops fields at their default: 0, false, empty
// lists), so a decoded command has one canonical shape whatever build wrote it.
import type {
  Compare,
  CompareResult,
  CompareTarget,
  RangeQuery,
  SortOrder,
  SortTarget,
  TxnOp,
} from "../../api/kv-model.ts";
import { decodeMessage, encodeMessage, wire } from "../../api/proto.ts";
import { invariant } from "../../invariant.ts";
import type { ClusterConfig, Command, MemberRecord, ShardPut } from "./command.ts";

const CommandType = wire.command.Command;

// Enum names in the order of their numbers in proto/command.proto.
const SORT_ORDERS: readonly SortOrder[] = ["none", "ascend", "descend"];
const SORT_TARGETS: readonly SortTarget[] = ["key", "version", "create", "mod", "value"];
const COMPARE_TARGETS: readonly CompareTarget[] = ["version", "create", "mod", "value", "lease"];
const COMPARE_RESULTS: readonly CompareResult[] = ["equal", "greater", "less", "notEqual"];

function enumNumber<T>(names: readonly T[], name: T | undefined): number {
  if (name === undefined) return 0;
  const n = names.indexOf(name);
  invariant(n >= 0, "unknown enum name", { name: String(name) });
  return n;
}

function enumName<T>(names: readonly T[], n: number | undefined): T {
  const name = names[n ?? 0];
  // Only encodeCommand writes entries: an unknown number is a newer build's, or corruption.
  invariant(name !== undefined, "unknown enum number", { n: n ?? null });
  return name;
}

interface WireRangeQuery {
  start: Uint8Array;
  end?: Uint8Array;
  limit?: number;
  keysOnly?: boolean;
  countOnly?: boolean;
  sortOrder?: number;
  sortTarget?: number;
  minModRevision?: number;
  maxModRevision?: number;
  minCreateRevision?: number;
  maxCreateRevision?: number;
}

interface WireCompare {
  key: Uint8Array;
  rangeEnd?: Uint8Array;
  target?: number;
  result?: number;
  number?: number;
  value?: Uint8Array;
  operand?: "number" | "value";
}

interface WirePut {
  key: Uint8Array;
  value: Uint8Array;
  ifVersion?: number;
  revision?: number;
  lease?: number;
  prevKv?: boolean;
  ignoreValue?: boolean;
  ignoreLease?: boolean;
}

interface WireDeleteRange {
  start: Uint8Array;
  end?: Uint8Array;
  revision?: number;
  prevKv?: boolean;
}

interface WireTxnOp {
  range?: WireRangeQuery;
  put?: WirePut;
  deleteRange?: WireDeleteRange;
  op?: "range" | "put" | "deleteRange";
}

function rangeToWire(q: RangeQuery): WireRangeQuery {
  return {
    ...q,
    sortOrder: enumNumber(SORT_ORDERS, q.sortOrder),
    sortTarget: enumNumber(SORT_TARGETS, q.sortTarget),
  };
}

function compareToWire(c: Compare): WireCompare {
  const { key, rangeEnd, target, result, operand } = c;
  const w: WireCompare = {
    key,
    target: enumNumber(COMPARE_TARGETS, target),
    result: enumNumber(COMPARE_RESULTS, result),
  };
  if (rangeEnd !== undefined) w.rangeEnd = rangeEnd;
  if (typeof operand === "number") w.number = operand;
  else w.value = operand;
  return w;
}

function txnOpToWire(op: TxnOp): WireTxnOp {
  return "range" in op ? { range: rangeToWire(op.range) } : op;
}

/** The command as the generated encoder reads it: enums as numbers, operands in their field. */
function toWire(command: Command): object {
  if ("txn" in command) {
    const { compares, success, failure, revision } = command.txn;
    return {
      txn: {
        compares: compares.map(compareToWire),
        success: success.map(txnOpToWire),
        failure: failure.map(txnOpToWire),
        revision,
      },
    };
  }
  if ("fence" in command && command.fence.query !== undefined) {
    return { fence: { revision: command.fence.revision, query: rangeToWire(command.fence.query) } };
  }
  return command;
}

export function encodeCommand(command: Command): Uint8Array {
  return encodeMessage(CommandType, toWire(command));
}

/** Copy the fields of `from` named in `keys` that are set and not at their default (0, false). */
function present<T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) {
    const v = from[k];
    if (v !== undefined && v !== null && v !== 0 && v !== false) out[k] = v;
  }
  return out;
}

/** Copy the fields of `from` named in `keys` that are set (proto3 `optional`: 0 is a value). */
function defined<T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) {
    const v = from[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

function rangeFromWire(w: WireRangeQuery): RangeQuery {
  const { sortOrder, sortTarget, ...rest } = w;
  const keys = [
    "limit",
    "keysOnly",
    "countOnly",
    "minModRevision",
    "maxModRevision",
    "minCreateRevision",
    "maxCreateRevision",
  ] as const;
  return {
    start: w.start,
    ...defined(rest, ["end"] as const),
    ...present(rest, keys),
    ...(sortOrder ? { sortOrder: enumName(SORT_ORDERS, sortOrder) } : {}),
    ...(sortTarget ? { sortTarget: enumName(SORT_TARGETS, sortTarget) } : {}),
  };
}

function compareFromWire(w: WireCompare): Compare {
  const base = {
    key: w.key,
    target: enumName(COMPARE_TARGETS, w.target),
    result: enumName(COMPARE_RESULTS, w.result),
    operand: w.operand === "value" ? (w.value ?? new Uint8Array(0)) : (w.number ?? 0),
  };
  return w.rangeEnd === undefined ? base : { ...base, rangeEnd: w.rangeEnd };
}

function putFromWire(w: WirePut): ShardPut {
  return {
    key: w.key,
    value: w.value,
    ...defined(w, ["ifVersion", "revision"] as const),
    ...present(w, ["lease", "prevKv", "ignoreValue", "ignoreLease"] as const),
  } as ShardPut;
}

function txnOpFromWire(w: WireTxnOp): TxnOp {
  if (w.op === "range" && w.range) return { range: rangeFromWire(w.range) };
  if (w.op === "put" && w.put) {
    const { ifVersion: _i, revision: _r, ...put } = putFromWire(w.put);
    return { put };
  }
  invariant(w.op === "deleteRange" && w.deleteRange !== undefined, "undecodable txn op", {
    op: w.op ?? null,
  });
  const { start, end, prevKv } = w.deleteRange;
  return {
    deleteRange: {
      start,
      ...defined({ end }, ["end"] as const),
      ...present({ prevKv }, ["prevKv"] as const),
    },
  };
}

interface DecodedCommand {
  put?: WirePut;
  delete?: { key: Uint8Array; ifVersion?: number; revision?: number };
  deleteRange?: WireDeleteRange;
  txn?: { compares: WireCompare[]; success: WireTxnOp[]; failure: WireTxnOp[]; revision: number };
  fence?: { revision: number; query?: WireRangeQuery | null };
  revokeLeaseKeys?: { lease: number; revision: number };
  setMember?: MemberRecord;
  removeMember?: string;
  setConfig?: ClusterConfig;
  reserveRevisions?: { upTo: number };
  grantLease?: { id: number; ttlSeconds: number };
  revokeLease?: { id: number };
  forgetLease?: { id: number };
  op?: string;
}

/** Decode a committed entry. Entries were validated before proposing, so failure is a bug. */
export function decodeCommand(bytes: Uint8Array): Command {
  const c = decodeMessage<DecodedCommand>(CommandType, bytes);
  const shard = decodeShardCommand(c);
  if (shard) return shard;
  if (c.op === "setMember" && c.setMember) {
    const { id, addr, http, leaving } = c.setMember;
    return { setMember: leaving ? { id, addr, http, leaving } : { id, addr, http } };
  }
  if (c.op === "setConfig" && c.setConfig) return { setConfig: c.setConfig };
  if (c.op === "removeMember" && c.removeMember !== undefined) return { removeMember: c.removeMember };
  if (c.op === "reserveRevisions" && c.reserveRevisions)
    return { reserveRevisions: { upTo: c.reserveRevisions.upTo } };
  if (c.op === "grantLease" && c.grantLease) {
    return { grantLease: { id: c.grantLease.id, ttlSeconds: c.grantLease.ttlSeconds } };
  }
  if (c.op === "revokeLease" && c.revokeLease) return { revokeLease: { id: c.revokeLease.id } };
  if (c.op === "forgetLease" && c.forgetLease) return { forgetLease: { id: c.forgetLease.id } };
  // Only encodeCommand writes entries, so a committed entry that does not decode is corruption.
  invariant(false, "undecodable command", { op: c.op ?? null });
}

function decodeShardCommand(c: DecodedCommand): Command | null {
  if (c.op === "put" && c.put) return { put: putFromWire(c.put) };
  if (c.op === "delete" && c.delete) {
    const { key, ifVersion, revision } = c.delete;
    return { delete: { key, ...defined({ ifVersion, revision }, ["ifVersion", "revision"] as const) } };
  }
  if (c.op === "deleteRange" && c.deleteRange) {
    const { start, end, revision, prevKv } = c.deleteRange;
    return {
      deleteRange: {
        start,
        revision: revision ?? 0,
        ...defined({ end }, ["end"] as const),
        ...present({ prevKv }, ["prevKv"] as const),
      },
    };
  }
  if (c.op === "txn" && c.txn) {
    const { compares, success, failure, revision } = c.txn;
    return {
      txn: {
        compares: compares.map(compareFromWire),
        success: success.map(txnOpFromWire),
        failure: failure.map(txnOpFromWire),
        revision,
      },
    };
  }
  if (c.op === "fence" && c.fence) {
    const { revision, query } = c.fence;
    return { fence: query ? { revision, query: rangeFromWire(query) } : { revision } };
  }
  if (c.op === "revokeLeaseKeys" && c.revokeLeaseKeys) {
    return { revokeLeaseKeys: { lease: c.revokeLeaseKeys.lease, revision: c.revokeLeaseKeys.revision } };
  }
  return null;
}
