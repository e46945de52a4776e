// One source of one shard's events for a watch: the local replica's history (local-feed.ts) or
// a peer's stream (remote-feed.ts). The hub opens one feed per shard at a time and, when it ends,
// opens another from the revision after the last it delivered (shard-cursor.ts).
import type { RingkvError } from "../../api/errors.ts";
import type { WatchEvent } from "../../api/kv-model.ts";

export interface FeedSink {
  /**
   * Events in revision order; a revision's events always arrive in one call (a txn or a range
   * delete makes several at one revision), so a reader that resumes after a revision misses none.
   */
  events(events: readonly WatchEvent[]): void;
  /** Every event of the shard with a revision up to `revision` was passed to events(). */
  progress(revision: number): void;
  /**
   * The feed ended. `null` or a retryable error (Unavailable, NotLeader, Timeout): another
   * source may continue where it stopped. Anything else (Compacted first) ends the watch.
   */
  ended(error: RingkvError | null): void;
}

export interface ShardFeed {
  /** Stop delivering; the sink is not called again. */
  close(): void;
}

export interface FeedOpener {
  /**
   * Open a source of `shard`'s events from `fromRevision` (0: from now on — the source reports
   * where "now" is with progress() before any event). The sink may be called before this returns.
   */
  open(shard: number, fromRevision: number, sink: FeedSink): ShardFeed;
}
