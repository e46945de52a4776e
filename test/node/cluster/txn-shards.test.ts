import { describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import type { TxnRequest } from "../../../src/api/kv-model.ts";
import { txnShard } from "../../../src/node/cluster/txn-shards.ts";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
// The first byte picks the shard: "a…" and "i…" share shard 1 (0x61 % 8, 0x69 % 8).
const shardOf = (key: Uint8Array): number => (key[0] ?? 0) % 8;

function refusal(txn: TxnRequest): RingkvError {
  try {
    txnShard(txn, shardOf);
  } catch (e) {
    if (e instanceof RingkvError) return e;
    throw e;
  }
  throw new Error("the txn was accepted");
}

describe("a txn runs in one shard", () => {
  test("a compare-and-swap on one key runs in that key's shard", () => {
    const txn: TxnRequest = {
      compares: [{ key: bytes("a"), target: "mod", result: "equal", operand: 3 }],
      success: [{ put: { key: bytes("a"), value: bytes("2") } }],
      failure: [{ range: { start: bytes("a") } }],
    };
    expect(txnShard(txn, shardOf)).toBe(shardOf(bytes("a")));
  });

  test("keys of one shard pass, whatever their names", () => {
    const txn: TxnRequest = {
      compares: [{ key: bytes("a"), target: "version", result: "greater", operand: 0 }],
      success: [{ deleteRange: { start: bytes("i") } }],
      failure: [],
    };
    expect(txnShard(txn, shardOf)).toBe(1);
  });

  test("keys of two shards are CrossShard, naming both shards", () => {
    const error = refusal({
      compares: [{ key: bytes("a"), target: "value", result: "equal", operand: bytes("x") }],
      success: [],
      failure: [{ put: { key: bytes("b"), value: bytes("y") } }],
    });
    expect(error.code).toBe("CrossShard");
    expect(error.message).toContain("shards 1, 2");
  });

  test("a range of more than one key in a txn is CrossShard, in an op or a compare", () => {
    expect(
      refusal({ compares: [], success: [{ range: { start: bytes("a"), end: bytes("b") } }], failure: [] })
        .code,
    ).toBe("CrossShard");
    expect(
      refusal({
        compares: [{ key: bytes("a"), rangeEnd: bytes("z"), target: "mod", result: "less", operand: 9 }],
        success: [],
        failure: [],
      }).message,
    ).toMatch(/only single keys/);
  });

  test("a range written as key..key+0x00 is one key, not a range", () => {
    const txn: TxnRequest = {
      compares: [{ key: bytes("a"), rangeEnd: bytes("a\0"), target: "mod", result: "less", operand: 9 }],
      success: [{ range: { start: bytes("i"), end: bytes("i\0") } }],
      failure: [],
    };
    expect(txnShard(txn, shardOf)).toBe(1);
  });
});
