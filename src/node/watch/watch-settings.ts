// The limits of a node's watches, each a named setting with its default.

export interface WatchSettings {
  /**
   * A watcher that leaves this many events unread is cut off (Unavailable, "fell behind"): it
   * resumes from the revision after the last one it read, while the node holds no unbounded
   * queue for a consumer that stopped reading. At ~100 bytes of key and value per event the
   * default holds at most a few MiB per watch.
   */
  readonly backlogEventsMax: number;
  /** With progressNotify: a batch with no events is sent after this long without a batch. */
  readonly progressIntervalMs: number;
  /** Before opening a shard's source again after it ended (replica moved, peer lost). */
  readonly reopenDelayMs: number;
  /**
   * A shard whose source ends this many times in a row without delivering anything ends the
   * watch with Unavailable (no node holding a replica answers), rather than retrying forever.
   */
  readonly reopenAttemptsMax: number;
}

export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  backlogEventsMax: 10_000,
  progressIntervalMs: 10_000,
  reopenDelayMs: 200,
  reopenAttemptsMax: 50,
};
