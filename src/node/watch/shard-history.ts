// What a watch needs of a shard's state machine: its recent events, kept in a bounded history,
// and the events of each command as it applies. The state machine (src/node/kv) keeps the
// history; history-adapter.ts presents it as this interface, and the hub's tests use fakes.
import type { WatchEvent } from "../../api/kv-model.ts";

export interface HistoryListener {
  /**
   * A command applied: its events (all at one revision, in the order it made them; empty for a
   * fence or a refused write) and the shard's floor after it.
   */
  applied(events: readonly WatchEvent[], floor: number): void;
  /**
   * The state was replaced (a snapshot installed): events between the last one reported and the
   * new state may never be reported. The listener resumes from the history or gives up.
   */
  reset(): void;
}

export interface ShardHistory {
  /** The highest revision the shard applied or was fenced at. */
  readonly floor: number;
  /** Events with a revision at or below this are no longer kept (0: nothing dropped yet). */
  readonly compactedRevision: number;
  /** The kept events with a revision at least `revision`, in revision order. */
  since(revision: number): readonly WatchEvent[];
  /** Returns the unsubscribe. */
  subscribe(listener: HistoryListener): () => void;
}
