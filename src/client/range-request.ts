// What the client library's range(), deleteRange() and txn() take (strings or bytes, a prefix or
// a span) as the model's requests (src/api/kv-model.ts); checked here so a plain JavaScript
// caller's mistake is InvalidArgument before anything is sent.
import { RingkvError } from "../api/errors.ts";
import {
  type Compare,
  type KeySpan,
  prefixEnd,
  type RangeQuery,
  type SortOrder,
  type SortTarget,
  type TxnOp,
  type TxnRequest,
} from "../api/kv-model.ts";
import { type BytesInput, toBytes } from "./bytes.ts";

/** Keys by prefix, by [start, end), or one key (start alone). `end` "" means "to the last key". */
export type SpanInput =
  | { readonly prefix: BytesInput; readonly start?: undefined; readonly end?: undefined }
  | { readonly start: BytesInput; readonly end?: BytesInput; readonly prefix?: undefined };

export interface RangeInput {
  readonly limit?: number;
  readonly keysOnly?: boolean;
  readonly countOnly?: boolean;
  readonly sortOrder?: SortOrder;
  readonly sortTarget?: SortTarget;
  readonly consistency?: "linearizable" | "stale";
}

const SORT_ORDERS: readonly SortOrder[] = ["none", "ascend", "descend"];
const SORT_TARGETS: readonly SortTarget[] = ["key", "version", "create", "mod", "value"];

export function spanFrom(input: SpanInput): KeySpan {
  if (typeof input !== "object" || input === null)
    throw new RingkvError("InvalidArgument", "a span must be an object");
  if (input.prefix !== undefined) {
    if (input.start !== undefined || input.end !== undefined) {
      throw new RingkvError("InvalidArgument", "give either prefix or start/end, not both");
    }
    const prefix = toBytes(input.prefix, "prefix");
    return { start: prefix, end: prefixEnd(prefix) };
  }
  if (input.start === undefined) throw new RingkvError("InvalidArgument", "a span needs prefix or start");
  const start = toBytes(input.start, "start");
  return input.end === undefined ? { start } : { start, end: toBytes(input.end, "end") };
}

export function rangeQueryFrom(input: SpanInput & RangeInput): RangeQuery {
  const { limit, keysOnly, countOnly, sortOrder, sortTarget } = input;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new RingkvError("InvalidArgument", `limit must be a non-negative integer, got ${limit}`);
  }
  if (sortOrder !== undefined && !SORT_ORDERS.includes(sortOrder)) {
    throw new RingkvError("InvalidArgument", `sortOrder must be one of ${SORT_ORDERS.join(", ")}`);
  }
  if (sortTarget !== undefined && !SORT_TARGETS.includes(sortTarget)) {
    throw new RingkvError("InvalidArgument", `sortTarget must be one of ${SORT_TARGETS.join(", ")}`);
  }
  return {
    ...spanFrom(input),
    ...(limit ? { limit } : {}),
    ...(keysOnly ? { keysOnly: true } : {}),
    ...(countOnly ? { countOnly: true } : {}),
    ...(sortOrder ? { sortOrder } : {}),
    ...(sortTarget ? { sortTarget } : {}),
  };
}

/** A txn as callers write it: keys and values as strings or bytes. */
export interface TxnInput {
  readonly compares?: readonly {
    readonly key: BytesInput;
    readonly target: Compare["target"];
    readonly result: Compare["result"];
    readonly value?: BytesInput;
    readonly number?: number;
  }[];
  readonly success?: readonly TxnOpInput[];
  readonly failure?: readonly TxnOpInput[];
}

export type TxnOpInput =
  | { readonly put: { readonly key: BytesInput; readonly value: BytesInput; readonly lease?: number } }
  | { readonly range: SpanInput }
  | { readonly delete: SpanInput };

function opFrom(op: TxnOpInput): TxnOp {
  if ("put" in op) {
    const lease = op.put.lease;
    return {
      put: {
        key: toBytes(op.put.key, "key"),
        value: toBytes(op.put.value, "value"),
        ...(lease ? { lease } : {}),
      },
    };
  }
  if ("range" in op) return { range: spanFrom(op.range) };
  if ("delete" in op) return { deleteRange: spanFrom(op.delete) };
  throw new RingkvError("InvalidArgument", "a txn op is {put}, {range} or {delete}");
}

export function txnFrom(input: TxnInput): TxnRequest {
  const compares = (input.compares ?? []).map((c): Compare => {
    const operand = c.target === "value" ? toBytes(c.value ?? "", "compare value") : c.number;
    if (typeof operand !== "number" && !(operand instanceof Uint8Array)) {
      throw new RingkvError("InvalidArgument", `a ${c.target} compare needs a number`);
    }
    return { key: toBytes(c.key, "key"), target: c.target, result: c.result, operand };
  });
  return { compares, success: (input.success ?? []).map(opFrom), failure: (input.failure ?? []).map(opFrom) };
}

/** The first key a txn names: the client sends it to that key's shard leader. */
export function firstTxnKey(txn: TxnRequest): Uint8Array | undefined {
  const op = txn.success[0] ?? txn.failure[0];
  if (txn.compares[0]) return txn.compares[0].key;
  if (!op) return undefined;
  return "range" in op ? op.range.start : "put" in op ? op.put.key : op.deleteRange.start;
}
