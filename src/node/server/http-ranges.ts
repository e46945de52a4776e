// The HTTP side of ranges, range deletes and transactions (src/api/kv-model.ts), for
// http-server.ts: query parameters and JSON bodies to the model's requests, answers to JSON.
//
//   GET    /v1/kv?prefix=P | start=S[&end=E]   [&limit=N] [&keys_only=1] [&count_only=1]
//          [&sort=key|mod|create|version|value] [&order=asc|desc] [&after=TOKEN]
//          [&consistency=stale] → {kvs, count, more, revision, next?}
//   DELETE /v1/kv?prefix=P | start=S[&end=E]   [&prev_kv=1] → {deleted, revision, prevKvs?}
//   POST   /v1/txn  {compares, success, failure} → {succeeded, revision, results}
//
// Keys and values in JSON are UTF-8 text; a record whose key or value is not valid UTF-8 says
// "encoding": "base64" and carries both in base64 (lossless, readable for the usual text keys).
// A txn body may set "encoding": "base64" for all of its keys and values. `next` appears when
// more keys remain in key order: pass it back as `after` for the next page.
import { RingkvError } from "../../api/errors.ts";
import type {
  Compare,
  CompareResult,
  CompareTarget,
  KeyRecord,
  KvModelApi,
  RangeOptions,
  RangeResult,
  SortTarget,
  TxnOp,
  TxnOpResult,
  TxnRequest,
} from "../../api/kv-model.ts";
import { prefixEnd } from "../../api/kv-model.ts";
import type { KvLimits } from "../../api/limits.ts";
import { validateSpan } from "../../api/limits.ts";
import { validateRangeQuery, validateTxn } from "./grpc-kv.ts";

export const RANGE_PARAMS = [
  "prefix",
  "start",
  "end",
  "limit",
  "keys_only",
  "count_only",
  "sort",
  "order",
  "after",
  "consistency",
] as const;
export const DELETE_RANGE_PARAMS = ["prefix", "start", "end", "prev_kv"] as const;

/** Query parameters as raw bytes (keys need not be UTF-8), name → values. */
export type RawQuery = ReadonlyMap<string, readonly Uint8Array[]>;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Encoder = new TextEncoder();

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

function one(query: RawQuery, name: string): Uint8Array | undefined {
  const values = query.get(name);
  if (values === undefined) return undefined;
  if (values.length !== 1)
    throw new RingkvError("InvalidArgument", `${name} is given ${values.length} times`);
  return values[0];
}

function flag(query: RawQuery, name: string): boolean {
  const value = one(query, name);
  if (value === undefined) return false;
  const t = text(value);
  if (t === "1" || t === "true") return true;
  if (t === "0" || t === "false") return false;
  throw new RingkvError("InvalidArgument", `${name} must be 1 or 0, got ${JSON.stringify(t)}`);
}

function count(query: RawQuery, name: string): number | undefined {
  const value = one(query, name);
  if (value === undefined) return undefined;
  const t = text(value);
  if (!/^\d{1,15}$/.test(t))
    throw new RingkvError(
      "InvalidArgument",
      `${name} must be a non-negative integer, got ${JSON.stringify(t)}`,
    );
  return Number(t);
}

/** The span the query names: prefix, or start with an optional end (absent end: one key). */
function spanOf(query: RawQuery, limits: KvLimits): { start: Uint8Array; end?: Uint8Array } {
  const prefix = one(query, "prefix");
  const start = one(query, "start");
  const end = one(query, "end");
  if (prefix !== undefined && (start !== undefined || end !== undefined)) {
    throw new RingkvError("InvalidArgument", "give either prefix or start/end, not both");
  }
  let span: { start: Uint8Array; end?: Uint8Array };
  if (prefix !== undefined) span = { start: prefix, end: prefixEnd(prefix) };
  else if (start !== undefined) span = end === undefined ? { start } : { start, end };
  else throw new RingkvError("InvalidArgument", "a range needs prefix or start (and end)");
  validateSpan(span, limits.maxKeyBytes);
  return span;
}

const SORTS: Readonly<Record<string, SortTarget>> = {
  key: "key",
  mod: "mod",
  create: "create",
  version: "version",
  value: "value",
};

/** The continuation token of a page whose last key is `key`: opaque to callers. */
export function continuationToken(key: Uint8Array): string {
  return Buffer.from(key).toString("base64url");
}

function afterToken(token: Uint8Array): Uint8Array {
  const t = text(token);
  if (!/^[A-Za-z0-9_-]*$/.test(t) || t.length === 0)
    throw new RingkvError("InvalidArgument", "after is not a token this API gave");
  // The first key after the last one answered: the key followed by 0x00.
  return Uint8Array.of(...Buffer.from(t, "base64url"), 0);
}

export async function serveRange(model: KvModelApi, limits: KvLimits, query: RawQuery): Promise<unknown> {
  const span = spanOf(query, limits);
  const sortName = one(query, "sort");
  const sortTarget = sortName === undefined ? undefined : SORTS[text(sortName)];
  if (sortName !== undefined && sortTarget === undefined) {
    throw new RingkvError(
      "InvalidArgument",
      `sort must be key, mod, create, version or value, got ${JSON.stringify(text(sortName))}`,
    );
  }
  const orderName = one(query, "order");
  const order = orderName === undefined ? undefined : text(orderName);
  if (order !== undefined && order !== "asc" && order !== "desc") {
    throw new RingkvError("InvalidArgument", `order must be asc or desc, got ${JSON.stringify(order)}`);
  }
  const consistency = one(query, "consistency");
  const stale = consistency !== undefined && text(consistency) === "stale";
  if (consistency !== undefined && !stale && text(consistency) !== "linearizable") {
    throw new RingkvError("InvalidArgument", `consistency must be "stale" or "linearizable"`);
  }
  const after = one(query, "after");
  const keyOrder = (sortTarget === undefined || sortTarget === "key") && order !== "desc";
  if (after !== undefined && !keyOrder)
    throw new RingkvError("InvalidArgument", "after pages in key order only");
  const start = after === undefined ? span.start : maxBytes(span.start, afterToken(after));
  const limit = count(query, "limit");
  const options: RangeOptions = {
    start,
    ...(span.end === undefined ? {} : { end: span.end }),
    ...(limit === undefined ? {} : { limit }),
    ...(flag(query, "keys_only") ? { keysOnly: true } : {}),
    ...(flag(query, "count_only") ? { countOnly: true } : {}),
    ...(sortTarget === undefined ? {} : { sortTarget }),
    ...(order === undefined ? {} : { sortOrder: order === "desc" ? "descend" : "ascend" }),
    consistency: stale ? "stale" : "linearizable",
  };
  validateRangeQuery(options, limits);
  const result = await model.range(options);
  const last = result.kvs[result.kvs.length - 1];
  const next = keyOrder && result.more && last !== undefined ? continuationToken(last.key) : undefined;
  return { ...rangeJson(result), ...(next === undefined ? {} : { next }) };
}

function maxBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) >= 0 ? a : b;
}

export async function serveDeleteRange(
  model: KvModelApi,
  limits: KvLimits,
  query: RawQuery,
): Promise<unknown> {
  const span = spanOf(query, limits);
  const prevKv = flag(query, "prev_kv");
  const result = await model.deleteRange(span, { prevKv });
  return {
    deleted: result.deleted,
    revision: result.revision,
    ...(prevKv ? { prevKvs: result.prevKvs.map(recordJson) } : {}),
  };
}

function rangeJson(r: RangeResult): object {
  return { kvs: r.kvs.map(recordJson), count: r.count, more: r.more, revision: r.revision };
}

/** A record as JSON: UTF-8 text, or base64 (said so) when its key or value is not UTF-8. */
export function recordJson(kv: KeyRecord): object {
  const fields = {
    createRevision: kv.createRevision,
    modRevision: kv.modRevision,
    // The native API's version of a key is its mod revision.
    version: kv.modRevision,
    writes: kv.writes,
    lease: kv.lease,
  };
  try {
    return { key: utf8.decode(kv.key), value: utf8.decode(kv.value), ...fields };
  } catch {
    const b64 = (b: Uint8Array): string => Buffer.from(b).toString("base64");
    return { key: b64(kv.key), value: b64(kv.value), encoding: "base64", ...fields };
  }
}

// ---- POST /v1/txn ----------------------------------------------------------------------------

const COMPARE_TARGETS: readonly CompareTarget[] = ["version", "create", "mod", "value", "lease"];
const COMPARE_RESULTS: Readonly<Record<string, CompareResult>> = {
  equal: "equal",
  "=": "equal",
  greater: "greater",
  ">": "greater",
  less: "less",
  "<": "less",
  notEqual: "notEqual",
  "!=": "notEqual",
};

type Json = { readonly [k: string]: unknown };

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function invalid(why: string): RingkvError {
  return new RingkvError("InvalidArgument", `txn: ${why}`);
}

/** Parses the txn body: keys and values as UTF-8 text, or base64 with "encoding": "base64". */
export function txnFromJson(body: unknown): TxnRequest {
  if (!isObject(body)) throw invalid("the body must be a JSON object");
  const encoding = body["encoding"] ?? "utf8";
  if (encoding !== "utf8" && encoding !== "base64") throw invalid(`encoding must be "utf8" or "base64"`);
  const bytes = (v: unknown, what: string): Uint8Array => {
    if (typeof v !== "string") throw invalid(`${what} must be a string`);
    return encoding === "base64" ? Uint8Array.from(Buffer.from(v, "base64")) : utf8Encoder.encode(v);
  };
  const list = (v: unknown, what: string): readonly unknown[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw invalid(`${what} must be an array`);
    return v;
  };
  const compare = (c: unknown): Compare => {
    if (!isObject(c)) throw invalid("a compare must be an object");
    const target = c["target"];
    if (typeof target !== "string" || !COMPARE_TARGETS.includes(target as CompareTarget)) {
      throw invalid(`compare target must be one of ${COMPARE_TARGETS.join(", ")}`);
    }
    const result = typeof c["result"] === "string" ? COMPARE_RESULTS[c["result"]] : undefined;
    if (result === undefined) throw invalid("compare result must be equal, greater, less or notEqual");
    let operand: number | Uint8Array;
    if (target === "value") operand = bytes(c["value"], "a value compare's value");
    else if (typeof c["number"] === "number") operand = c["number"];
    else throw invalid(`a ${target} compare needs "number"`);
    const rangeEnd = c["rangeEnd"] === undefined ? undefined : bytes(c["rangeEnd"], "rangeEnd");
    return {
      key: bytes(c["key"], "key"),
      ...(rangeEnd ? { rangeEnd } : {}),
      target: target as CompareTarget,
      result,
      operand,
    };
  };
  const op = (o: unknown): TxnOp => {
    if (!isObject(o)) throw invalid("an op must be an object");
    const { put, range, delete: del } = o as { put?: unknown; range?: unknown; delete?: unknown };
    if (isObject(put)) {
      const lease = put["lease"];
      if (lease !== undefined && typeof lease !== "number") throw invalid("lease must be a number");
      return {
        put: {
          key: bytes(put["key"], "key"),
          value: bytes(put["value"], "value"),
          ...(lease ? { lease } : {}),
        },
      };
    }
    const span = isObject(range) ? range : isObject(del) ? del : undefined;
    if (span === undefined) throw invalid('an op is {"put": …}, {"range": …} or {"delete": …}');
    const start = bytes(span["key"], "key");
    const end = span["rangeEnd"] === undefined ? undefined : bytes(span["rangeEnd"], "rangeEnd");
    const s = end === undefined ? { start } : { start, end };
    return isObject(range)
      ? { range: s }
      : { deleteRange: span["prevKv"] === true ? { ...s, prevKv: true } : s };
  };
  return {
    compares: list(body["compares"], "compares").map(compare),
    success: list(body["success"], "success").map(op),
    failure: list(body["failure"], "failure").map(op),
  };
}

function opResultJson(r: TxnOpResult): object {
  if ("range" in r) return { range: rangeJson(r.range) };
  if ("put" in r)
    return {
      put: { revision: r.put.revision, ...(r.put.prevKv ? { prevKv: recordJson(r.put.prevKv) } : {}) },
    };
  return { delete: { deleted: r.deleteRange.deleted, revision: r.deleteRange.revision } };
}

export async function serveTxn(model: KvModelApi, limits: KvLimits, body: Uint8Array): Promise<unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    throw invalid("the body is not JSON");
  }
  const txn = txnFromJson(parsed);
  validateTxn(txn, limits);
  const result = await model.txn(txn);
  return {
    succeeded: result.succeeded,
    revision: result.revision,
    results: result.results.map(opResultJson),
  };
}
