// A replica's state machine as a ShardHistory (shard-history.ts): its floor and its bounded
// event history (src/node/kv/event-history.ts). One adapter per state
// machine, so NodeFeeds can tell a replica that is still the same from a replaced one.
//
// A snapshot install resets the history (restarting it after the restored floor) without telling
// subscribers; the adapter notices at the next apply: the history's compactedRevision is then above
// the floor the subscriber last saw — trimming alone never lifts it past that floor — and reports
// a reset, so the feed resumes from the history or ends with Compacted instead of skipping.
import type { WatchEvent } from "../../api/kv-model.ts";
import type { Replica } from "../host/replica.ts";
import type { HistoryListener, ShardHistory } from "./shard-history.ts";

/** What the state machine offers watches (src/node/kv: KvStateMachine.floor and .history). */
export interface StateMachineEvents {
  readonly floor: number;
  readonly history: {
    readonly compactedRevision: number;
    since(
      startRevision: number,
      span: { readonly start: string; readonly end: string | null; readonly single: boolean },
      maxEvents: number,
    ): readonly WatchEvent[];
    subscribe(listener: (events: readonly WatchEvent[], floor: number) => void): () => void;
  };
}

/** Every key: since() filters nothing (the watch's own filter does). */
const ALL_KEYS = { start: "", end: null, single: false } as const;

const adapters = new WeakMap<object, ShardHistory>();

/** The replica's history (its state machine keeps one whatever the group; shards use it). */
export function replicaHistory(replica: Replica): ShardHistory {
  return historyOf(replica.sm);
}

export function historyOf(sm: StateMachineEvents): ShardHistory {
  let adapter = adapters.get(sm);
  if (!adapter) {
    adapter = adapt(sm);
    adapters.set(sm, adapter);
  }
  return adapter;
}

function adapt(sm: StateMachineEvents): ShardHistory {
  return {
    get floor() {
      return sm.floor;
    },
    get compactedRevision() {
      return sm.history.compactedRevision;
    },
    // The history is bounded (count and bytes), so all of it from a revision is bounded too.
    since: (revision) => sm.history.since(revision, ALL_KEYS, Number.MAX_SAFE_INTEGER),
    subscribe(listener: HistoryListener) {
      let seenFloor = sm.floor;
      return sm.history.subscribe((events, floor) => {
        if (sm.history.compactedRevision > seenFloor) listener.reset();
        else listener.applied(events, floor);
        seenFloor = floor;
      });
    },
  };
}
