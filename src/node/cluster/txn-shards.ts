// Which shard a transaction runs in. A txn is one command in one shard's log (atomic there), so
// every key it names must live in that shard; keys of several shards, or a span of more than one
// key (hash sharding spreads a span over every shard), make it a cross-shard transaction, which
// ringkv refuses with CrossShard naming the shards (cross-shard transactions are later work).
import { RingkvError } from "../../api/errors.ts";
import type { KeySpan, TxnOp, TxnRequest } from "../../api/kv-model.ts";
import { singleKeyOf } from "./span-shards.ts";

function opSpan(op: TxnOp): KeySpan {
  if ("range" in op) return op.range;
  if ("put" in op) return { start: op.put.key };
  return op.deleteRange;
}

/** Every span a txn names: its compares' keys (or ranges) and its ops' keys, both branches. */
function txnSpans(txn: TxnRequest): KeySpan[] {
  const compares = txn.compares.map(
    (c): KeySpan => (c.rangeEnd === undefined ? { start: c.key } : { start: c.key, end: c.rangeEnd }),
  );
  return [...compares, ...txn.success.map(opSpan), ...txn.failure.map(opSpan)];
}

/**
 * The one shard that holds every key `txn` names; shard 0 when it names none (it then changes
 * nothing and reads nothing: any shard answers it). CrossShard when its keys live in several
 * shards or it names a span of more than one key.
 */
export function txnShard(txn: TxnRequest, shardOf: (key: Uint8Array) => number): number {
  const shards = new Set<number>();
  for (const span of txnSpans(txn)) {
    const key = singleKeyOf(span);
    if (key === undefined) {
      throw new RingkvError(
        "CrossShard",
        "a range spans every shard; only single keys in a txn (keys are hash-sharded)",
      );
    }
    shards.add(shardOf(key));
  }
  if (shards.size > 1) {
    const named = [...shards].sort((a, b) => a - b).join(", ");
    throw new RingkvError(
      "CrossShard",
      `the txn's keys live in shards ${named}; a txn must name keys of one shard only`,
    );
  }
  return [...shards][0] ?? 0;
}
