// The richer model (kv-model.ts) as proto/kv.proto carries it: one converter each way per
// message, shared by the node's gRPC service, forwarding between nodes and the client library.
// Decoded messages arrive as proto.ts's TO_OBJECT makes them (every field present, enums as
// numbers, `optional` fields absent when unset).
import { RingkvError } from "./errors.ts";
import type {
  Compare,
  CompareResult,
  CompareTarget,
  DeleteRangeResult,
  KeyRecord,
  KeySpan,
  PutRequest,
  PutResult,
  RangeQuery,
  RangeResult,
  SortOrder,
  SortTarget,
  TxnOp,
  TxnOpResult,
  TxnRequest,
  TxnResult,
} from "./kv-model.ts";

// Enum values in the order of their numbers in proto/kv.proto.
const SORT_ORDERS: readonly SortOrder[] = ["none", "ascend", "descend"];
const SORT_TARGETS: readonly SortTarget[] = ["key", "version", "create", "mod", "value"];
const COMPARE_TARGETS: readonly CompareTarget[] = ["version", "create", "mod", "value", "lease"];
const COMPARE_RESULTS: readonly CompareResult[] = ["equal", "greater", "less", "notEqual"];

function enumName<T>(names: readonly T[], n: number | undefined, what: string): T {
  const name = names[n ?? 0];
  if (name === undefined) throw new RingkvError("InvalidArgument", `unknown ${what} ${n}`);
  return name;
}

function enumNumber<T>(names: readonly T[], name: T | undefined): number {
  return name === undefined ? 0 : Math.max(0, names.indexOf(name));
}

export interface WireKeyValue {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly writes: number;
  readonly lease: number;
}

export interface WireRangeRequest {
  readonly key: Uint8Array;
  readonly rangeEnd?: Uint8Array;
  readonly limit: number;
  readonly keysOnly: boolean;
  readonly countOnly: boolean;
  readonly sortOrder: number;
  readonly sortTarget: number;
  readonly stale: boolean;
  readonly minModRevision: number;
  readonly maxModRevision: number;
  readonly minCreateRevision: number;
  readonly maxCreateRevision: number;
}

export interface WireRangeResponse {
  readonly kvs: readonly WireKeyValue[];
  readonly more: boolean;
  readonly count: number;
  readonly revision: number;
}

export interface WireDeleteRangeRequest {
  readonly key: Uint8Array;
  readonly rangeEnd?: Uint8Array;
  readonly prevKv: boolean;
}

export interface WireDeleteRangeResponse {
  readonly deleted: number;
  readonly prevKvs: readonly WireKeyValue[];
  readonly revision: number;
}

/** kv.proto's PutRequest (kv-wire.ts names it so). */
export interface WirePutOptions {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  /** Present only when the caller asked for compare-and-set (proto3 `optional`). */
  readonly ifVersion?: number;
  /** etcd's put options (hasPutOptions); 0 / false when unset. */
  readonly lease?: number;
  readonly prevKv?: boolean;
  readonly ignoreValue?: boolean;
  readonly ignoreLease?: boolean;
}

export interface WirePutResponse {
  readonly version: number;
  readonly prevKv?: WireKeyValue | null;
}

export interface WireCompare {
  readonly key: Uint8Array;
  readonly rangeEnd?: Uint8Array;
  readonly target: number;
  readonly result: number;
  readonly number?: number;
  readonly value?: Uint8Array;
  readonly operand?: "number" | "value";
}

export interface WireRequestOp {
  readonly range?: WireRangeRequest | null;
  readonly put?: WirePutOptions | null;
  readonly deleteRange?: WireDeleteRangeRequest | null;
}

export interface WireResponseOp {
  readonly range?: WireRangeResponse | null;
  readonly put?: WirePutResponse | null;
  readonly deleteRange?: WireDeleteRangeResponse | null;
}

export interface WireTxnRequest {
  readonly compares: readonly WireCompare[];
  readonly success: readonly WireRequestOp[];
  readonly failure: readonly WireRequestOp[];
}

export interface WireTxnResponse {
  readonly succeeded: boolean;
  readonly responses: readonly WireResponseOp[];
  readonly revision: number;
}

export function keyValueToWire(kv: KeyRecord): WireKeyValue {
  const { key, value, createRevision, modRevision, writes, lease } = kv;
  return { key, value, createRevision, modRevision, writes, lease };
}

export function keyValueFromWire(w: WireKeyValue): KeyRecord {
  return {
    key: w.key,
    value: w.value,
    createRevision: w.createRevision,
    modRevision: w.modRevision,
    writes: w.writes,
    lease: w.lease,
  };
}

function spanFromWire(key: Uint8Array, rangeEnd: Uint8Array | undefined): KeySpan {
  return rangeEnd === undefined ? { start: key } : { start: key, end: rangeEnd };
}

export function rangeRequestToWire(query: RangeQuery, stale: boolean): WireRangeRequest {
  return {
    key: query.start,
    ...(query.end === undefined ? {} : { rangeEnd: query.end }),
    limit: query.limit ?? 0,
    keysOnly: query.keysOnly === true,
    countOnly: query.countOnly === true,
    sortOrder: enumNumber(SORT_ORDERS, query.sortOrder),
    sortTarget: enumNumber(SORT_TARGETS, query.sortTarget),
    stale,
    minModRevision: query.minModRevision ?? 0,
    maxModRevision: query.maxModRevision ?? 0,
    minCreateRevision: query.minCreateRevision ?? 0,
    maxCreateRevision: query.maxCreateRevision ?? 0,
  };
}

/** The query of a decoded RangeRequest (fields at 0 / false left out), and whether it is stale. */
export function rangeRequestFromWire(w: WireRangeRequest): { query: RangeQuery; stale: boolean } {
  const query: RangeQuery = {
    ...spanFromWire(w.key, w.rangeEnd),
    ...(w.limit ? { limit: w.limit } : {}),
    ...(w.keysOnly ? { keysOnly: true } : {}),
    ...(w.countOnly ? { countOnly: true } : {}),
    ...(w.sortOrder ? { sortOrder: enumName(SORT_ORDERS, w.sortOrder, "sort order") } : {}),
    ...(w.sortTarget ? { sortTarget: enumName(SORT_TARGETS, w.sortTarget, "sort target") } : {}),
    ...(w.minModRevision ? { minModRevision: w.minModRevision } : {}),
    ...(w.maxModRevision ? { maxModRevision: w.maxModRevision } : {}),
    ...(w.minCreateRevision ? { minCreateRevision: w.minCreateRevision } : {}),
    ...(w.maxCreateRevision ? { maxCreateRevision: w.maxCreateRevision } : {}),
  };
  return { query, stale: w.stale };
}

export function rangeResultToWire(r: RangeResult): WireRangeResponse {
  return { kvs: r.kvs.map(keyValueToWire), more: r.more, count: r.count, revision: r.revision };
}

export function rangeResultFromWire(w: WireRangeResponse): RangeResult {
  return { kvs: w.kvs.map(keyValueFromWire), more: w.more, count: w.count, revision: w.revision };
}

export function deleteRangeToWire(span: KeySpan, prevKv: boolean): WireDeleteRangeRequest {
  return { key: span.start, ...(span.end === undefined ? {} : { rangeEnd: span.end }), prevKv };
}

export function deleteRangeFromWire(w: WireDeleteRangeRequest): { span: KeySpan; prevKv: boolean } {
  return { span: spanFromWire(w.key, w.rangeEnd), prevKv: w.prevKv };
}

export function deleteRangeResultToWire(r: DeleteRangeResult): WireDeleteRangeResponse {
  return { deleted: r.deleted, prevKvs: r.prevKvs.map(keyValueToWire), revision: r.revision };
}

export function deleteRangeResultFromWire(w: WireDeleteRangeResponse): DeleteRangeResult {
  return { deleted: w.deleted, prevKvs: w.prevKvs.map(keyValueFromWire), revision: w.revision };
}

/** True when a decoded PutRequest carries any of etcd's put options (a put with options). */
export function hasPutOptions(w: WirePutOptions): boolean {
  return Boolean(w.lease || w.prevKv || w.ignoreValue || w.ignoreLease);
}

export function putRequestToWire(p: PutRequest): WirePutOptions {
  return {
    key: p.key,
    value: p.value,
    ...(p.lease ? { lease: p.lease } : {}),
    ...(p.prevKv ? { prevKv: true } : {}),
    ...(p.ignoreValue ? { ignoreValue: true } : {}),
    ...(p.ignoreLease ? { ignoreLease: true } : {}),
  };
}

export function putRequestFromWire(w: WirePutOptions): PutRequest {
  return {
    key: w.key,
    value: w.value,
    ...(w.lease ? { lease: w.lease } : {}),
    ...(w.prevKv ? { prevKv: true } : {}),
    ...(w.ignoreValue ? { ignoreValue: true } : {}),
    ...(w.ignoreLease ? { ignoreLease: true } : {}),
  };
}

export function putResultToWire(r: PutResult): WirePutResponse {
  return r.prevKv === undefined
    ? { version: r.revision }
    : { version: r.revision, prevKv: keyValueToWire(r.prevKv) };
}

export function putResultFromWire(w: WirePutResponse): PutResult {
  return w.prevKv ? { revision: w.version, prevKv: keyValueFromWire(w.prevKv) } : { revision: w.version };
}

function compareToWire(c: Compare): WireCompare {
  return {
    key: c.key,
    ...(c.rangeEnd === undefined ? {} : { rangeEnd: c.rangeEnd }),
    target: enumNumber(COMPARE_TARGETS, c.target),
    result: enumNumber(COMPARE_RESULTS, c.result),
    ...(typeof c.operand === "number" ? { number: c.operand } : { value: c.operand }),
  };
}

function compareFromWire(w: WireCompare): Compare {
  const target = enumName(COMPARE_TARGETS, w.target, "compare target");
  const operand = target === "value" ? (w.value ?? new Uint8Array(0)) : (w.number ?? 0);
  return {
    key: w.key,
    ...(w.rangeEnd === undefined ? {} : { rangeEnd: w.rangeEnd }),
    target,
    result: enumName(COMPARE_RESULTS, w.result, "compare result"),
    operand,
  };
}

function opToWire(op: TxnOp): WireRequestOp {
  if ("range" in op) return { range: rangeRequestToWire(op.range, false) };
  if ("put" in op) return { put: putRequestToWire(op.put) };
  return { deleteRange: deleteRangeToWire(op.deleteRange, op.deleteRange.prevKv === true) };
}

function opFromWire(w: WireRequestOp): TxnOp {
  if (w.range) return { range: rangeRequestFromWire(w.range).query };
  if (w.put) return { put: putRequestFromWire(w.put) };
  if (w.deleteRange) {
    const { span, prevKv } = deleteRangeFromWire(w.deleteRange);
    return { deleteRange: prevKv ? { ...span, prevKv } : span };
  }
  throw new RingkvError("InvalidArgument", "txn op without a request");
}

export function txnRequestToWire(t: TxnRequest): WireTxnRequest {
  return {
    compares: t.compares.map(compareToWire),
    success: t.success.map(opToWire),
    failure: t.failure.map(opToWire),
  };
}

export function txnRequestFromWire(w: WireTxnRequest): TxnRequest {
  return {
    compares: w.compares.map(compareFromWire),
    success: w.success.map(opFromWire),
    failure: w.failure.map(opFromWire),
  };
}

function opResultToWire(r: TxnOpResult): WireResponseOp {
  if ("range" in r) return { range: rangeResultToWire(r.range) };
  if ("put" in r) return { put: putResultToWire(r.put) };
  return { deleteRange: deleteRangeResultToWire(r.deleteRange) };
}

function opResultFromWire(w: WireResponseOp): TxnOpResult {
  if (w.range) return { range: rangeResultFromWire(w.range) };
  if (w.put) return { put: putResultFromWire(w.put) };
  if (w.deleteRange) return { deleteRange: deleteRangeResultFromWire(w.deleteRange) };
  throw new RingkvError("Internal", "txn response op without a result");
}

export function txnResultToWire(r: TxnResult): WireTxnResponse {
  return { succeeded: r.succeeded, responses: r.results.map(opResultToWire), revision: r.revision };
}

export function txnResultFromWire(w: WireTxnResponse): TxnResult {
  return { succeeded: w.succeeded, results: w.responses.map(opResultFromWire), revision: w.revision };
}
