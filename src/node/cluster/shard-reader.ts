// What ranges read from one shard's state machine: the keys of a span at the applied point, and
// the shard's floor (the highest revision it applied or was fenced at). The state machine of
// issue 13 (branch kvsm: KvStateMachine.range and .floor) provides both; until it is merged
// here, a replica whose state machine lacks them answers Unavailable instead of a wrong range.
import { RingkvError } from "../../api/errors.ts";
import type { RangeQuery, RangeResult } from "../../api/kv-model.ts";
import type { KvStateMachine } from "../kv/state-machine.ts";

export interface ShardReader {
  /** The keys of the query's span this shard holds, sorted, limited, with count and `more`. */
  range(query: RangeQuery): RangeResult;
  /** Every write with a revision at or below this is reflected; none above it is. */
  readonly floor: number;
}

/** `sm` as a ShardReader; Unavailable (certainly nothing done) when this build's lacks one. */
export function shardReader(sm: KvStateMachine): ShardReader {
  const rich = sm as unknown as Partial<ShardReader>;
  if (typeof rich.range !== "function" || typeof rich.floor !== "number") {
    throw new RingkvError("Unavailable", "this node's state machine cannot serve ranges yet");
  }
  return rich as ShardReader;
}
