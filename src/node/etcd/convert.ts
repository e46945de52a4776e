// etcd's messages ↔ the model's types (src/api/kv-model.ts), both ways, in one place: key spans
// (etcd's range_end conventions), range queries, puts, deletes, compares and transaction ops, and
// the records and events they answer with.
import { RingkvError } from "../../api/errors.ts";
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
  WatchEvent,
} from "../../api/kv-model.ts";
import type {
  ResponseHeader,
  WireCompare,
  WireDeleteRangeRequest,
  WireEvent,
  WireKeyValue,
  WirePutRequest,
  WireRangeRequest,
  WireRequestOp,
} from "./wire.ts";

const EVERY_KEY_FROM = new Uint8Array(0);

/**
 * etcd's (key, range_end): range_end empty → the one key; range_end "\0" → every key ≥ key;
 * else [key, range_end). An empty key is refused as etcd refuses it.
 */
export function spanOf(key: Uint8Array, rangeEnd: Uint8Array): KeySpan {
  if (key.length === 0) throw new RingkvError("KeyEmpty", "key is empty");
  if (rangeEnd.length === 0) return { start: key };
  if (rangeEnd.length === 1 && rangeEnd[0] === 0) return { start: key, end: EVERY_KEY_FROM };
  return { start: key, end: rangeEnd };
}

const SORT_ORDERS: readonly SortOrder[] = ["none", "ascend", "descend"];
const SORT_TARGETS: readonly SortTarget[] = ["key", "version", "create", "mod", "value"];

function enumOf<T>(values: readonly T[], index: number, what: string): T {
  const value = values[index];
  if (value === undefined) throw new RingkvError("InvalidArgument", `unknown ${what} ${index}`);
  return value;
}

/** A RangeRequest as the model's query (its `revision` is the caller's to check). */
export function rangeQueryOf(request: WireRangeRequest): RangeQuery {
  const sortTarget = enumOf(SORT_TARGETS, request.sortTarget, "sort target");
  let sortOrder = enumOf(SORT_ORDERS, request.sortOrder, "sort order");
  // etcd: a sort target other than the key with no order sorts ascending.
  if (sortOrder === "none" && sortTarget !== "key") sortOrder = "ascend";
  return {
    ...spanOf(request.key, request.rangeEnd),
    ...(request.limit > 0 ? { limit: request.limit } : {}),
    keysOnly: request.keysOnly,
    countOnly: request.countOnly,
    sortOrder,
    sortTarget,
    minModRevision: request.minModRevision,
    maxModRevision: request.maxModRevision,
    minCreateRevision: request.minCreateRevision,
    maxCreateRevision: request.maxCreateRevision,
  };
}

export function putRequestOf(request: WirePutRequest): PutRequest {
  if (request.key.length === 0) throw new RingkvError("KeyEmpty", "key is empty");
  return {
    key: request.key,
    value: request.value,
    lease: request.lease,
    prevKv: request.prevKv,
    ignoreValue: request.ignoreValue,
    ignoreLease: request.ignoreLease,
  };
}

/** A put the native single-key path serves as well: no lease, no previous record, nothing kept. */
export function isPlainPut(request: WirePutRequest): boolean {
  return request.lease === 0 && !request.prevKv && !request.ignoreValue && !request.ignoreLease;
}

export function keyValueOf(record: KeyRecord): WireKeyValue {
  return {
    key: record.key,
    createRevision: record.createRevision,
    modRevision: record.modRevision,
    version: record.writes,
    value: record.value,
    lease: record.lease,
  };
}

export function rangeResponseOf(result: RangeResult, header: ResponseHeader): object {
  return { header, kvs: result.kvs.map(keyValueOf), more: result.more, count: result.count };
}

export function putResponseOf(result: PutResult, header: ResponseHeader): object {
  return result.prevKv === undefined ? { header } : { header, prevKv: keyValueOf(result.prevKv) };
}

export function deleteRangeResponseOf(result: DeleteRangeResult, header: ResponseHeader): object {
  return { header, deleted: result.deleted, prevKvs: result.prevKvs.map(keyValueOf) };
}

// ---- transactions -------------------------------------------------------------------------------

const COMPARE_RESULTS: readonly CompareResult[] = ["equal", "greater", "less", "notEqual"];
const COMPARE_TARGETS: readonly CompareTarget[] = ["version", "create", "mod", "value", "lease"];

export function compareOf(wire: WireCompare): Compare {
  const target = enumOf(COMPARE_TARGETS, wire.target, "compare target");
  const operand = operandOf(wire, target);
  return {
    key: wire.key,
    ...(wire.rangeEnd.length > 0 ? { rangeEnd: wire.rangeEnd } : {}),
    target,
    result: enumOf(COMPARE_RESULTS, wire.result, "compare result"),
    operand,
  };
}

/** The operand the target reads; etcd reads an unset one as zero (or the empty value). */
function operandOf(wire: WireCompare, target: CompareTarget): number | Uint8Array {
  switch (target) {
    case "version":
      return wire.version ?? 0;
    case "create":
      return wire.createRevision ?? 0;
    case "mod":
      return wire.modRevision ?? 0;
    case "lease":
      return wire.lease ?? 0;
    case "value":
      return wire.value ?? new Uint8Array(0);
  }
}

export function txnOpOf(op: WireRequestOp): TxnOp {
  if (op.request === "requestRange" && op.requestRange) return { range: rangeQueryOf(op.requestRange) };
  if (op.request === "requestPut" && op.requestPut) return { put: putRequestOf(op.requestPut) };
  if (op.request === "requestDeleteRange" && op.requestDeleteRange) {
    return { deleteRange: deleteSpanOf(op.requestDeleteRange) };
  }
  if (op.request === "requestTxn") {
    throw new RingkvError("InvalidArgument", "nested transactions are not supported by ringkv");
  }
  throw new RingkvError("InvalidArgument", "a transaction op names no request");
}

export function deleteSpanOf(request: WireDeleteRangeRequest): KeySpan & { readonly prevKv: boolean } {
  return { ...spanOf(request.key, request.rangeEnd), prevKv: request.prevKv };
}

export function responseOpOf(result: TxnOpResult, header: ResponseHeader): object {
  if ("range" in result) return { responseRange: rangeResponseOf(result.range, header) };
  if ("put" in result) return { responsePut: putResponseOf(result.put, header) };
  return { responseDeleteRange: deleteRangeResponseOf(result.deleteRange, header) };
}

// ---- watches ------------------------------------------------------------------------------------

export function eventOf(event: WatchEvent): WireEvent {
  const kv = keyValueOf(event.kv);
  const type = event.type === "put" ? 0 : 1;
  return event.prevKv === undefined ? { type, kv } : { type, kv, prevKv: keyValueOf(event.prevKv) };
}

/** WatchCreateRequest.FilterType: 0 no put, 1 no delete. */
export function watchFiltersOf(filters: readonly number[]): ("noPut" | "noDelete")[] {
  return filters.map((f) => enumOf(["noPut", "noDelete"] as const, f, "watch filter"));
}
