// A transaction's compares, as etcd evaluates them: the target of a key (or of every key in
// [key, rangeEnd)) against an operand. An absent key has version, create, mod and lease 0; a
// value compare on an absent key (or an empty range) is false whatever the operand — etcd's
// rule, as it cannot tell a missing value from an empty one.
import type { Compare } from "../../api/kv-model.ts";
import { byteString, type KeyStore, type Stored, stringSpan } from "./key-store.ts";

function sign(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function holds(c: Compare, stored: Stored | undefined): boolean {
  let order: number;
  if (c.target === "value") {
    if (stored === undefined) return false;
    const operand = typeof c.operand === "number" ? "" : byteString(c.operand);
    order = sign(stored.value, operand);
  } else {
    const operand = typeof c.operand === "number" ? c.operand : 0;
    order = sign(targetNumber(c.target, stored), operand);
  }
  switch (c.result) {
    case "equal":
      return order === 0;
    case "notEqual":
      return order !== 0;
    case "greater":
      return order > 0;
    case "less":
      return order < 0;
  }
}

function targetNumber(target: Exclude<Compare["target"], "value">, stored: Stored | undefined): number {
  if (stored === undefined) return 0;
  switch (target) {
    case "version":
      return stored.writes;
    case "create":
      return stored.createRevision;
    case "mod":
      return stored.modRevision;
    case "lease":
      return stored.lease;
  }
}

/** Whether `compare` holds on the keys of `store` now. */
export function compareHolds(store: KeyStore, compare: Compare): boolean {
  if (compare.rangeEnd === undefined) return holds(compare, store.get(byteString(compare.key)));
  let any = false;
  let all = true;
  store.walk(stringSpan({ start: compare.key, end: compare.rangeEnd }), false, (_k, stored) => {
    any = true;
    all = holds(compare, stored);
    return all;
  });
  return any ? all : holds(compare, undefined);
}
