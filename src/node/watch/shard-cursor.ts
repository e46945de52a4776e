// A watch's position in one shard: the highest revision it delivered (or knows to be complete),
// and the feed it reads from. When a feed ends resumably — the replica moved off this node, the
// peer streaming it went away, a snapshot replaced the state — the cursor opens another from the
// revision after its position, and drops any event at or below it: nothing is repeated across a
// switch, and nothing skipped (a source that cannot resume there says Compacted).
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type { WatchEvent } from "../../api/kv-model.ts";
import type { FeedOpener, FeedSink, ShardFeed } from "./shard-feed.ts";
import type { WatchSettings } from "./watch-settings.ts";

export interface CursorOwner {
  /** New events of the shard, above every revision delivered before. */
  delivered(events: readonly WatchEvent[]): void;
  /** The shard is complete up to a higher revision (no event with it). */
  progressed(): void;
  /** The shard cannot go on: the watch ends with `error`. */
  failed(error: RingkvError): void;
}

/** Errors after which another source (or the same, later) may serve the shard. */
const RESUMABLE = new Set(["Unavailable", "NotLeader", "NoQuorum", "Timeout"]);

export class ShardCursor {
  readonly shard: number;
  readonly #opener: FeedOpener;
  readonly #owner: CursorOwner;
  readonly #settings: WatchSettings;
  /** Highest revision delivered or known complete; null: "from now", not told yet where now is. */
  #position: number | null;
  #feed: ShardFeed | null = null;
  /** Bumped when a feed ends or is closed, so a stale feed's calls are ignored. */
  #generation = 0;
  #failuresInRow = 0;
  #reopenTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: {
    shard: number;
    startRevision: number;
    opener: FeedOpener;
    owner: CursorOwner;
    settings: WatchSettings;
  }) {
    this.shard = options.shard;
    this.#position = options.startRevision === 0 ? null : options.startRevision - 1;
    this.#opener = options.opener;
    this.#owner = options.owner;
    this.#settings = options.settings;
  }

  /** Every event of the shard up to this revision was delivered (0 before a source said). */
  get position(): number {
    return this.#position ?? 0;
  }

  /** A feed is open now (false while waiting to reopen, and after close). */
  get reading(): boolean {
    return this.#feed !== null;
  }

  open(): void {
    if (this.#closed) return;
    const generation = ++this.#generation;
    const current = (): boolean => generation === this.#generation && !this.#closed;
    const sink: FeedSink = {
      events: (events) => {
        if (current()) this.#receive(events);
      },
      progress: (revision) => {
        if (!current()) return;
        if (this.#position !== null && revision <= this.#position) return;
        this.#position = revision;
        this.#failuresInRow = 0;
        this.#owner.progressed();
      },
      ended: (error) => {
        if (!current()) return;
        this.#generation++;
        this.#feed = null;
        this.#afterEnd(error);
      },
    };
    const from = this.#position === null ? 0 : this.#position + 1;
    let feed: ShardFeed;
    try {
      feed = this.#opener.open(this.shard, from, sink);
    } catch (e) {
      if (current()) sink.ended(toRingkvError(e));
      return;
    }
    // The feed may have ended (or been closed) inside open().
    if (current()) this.#feed = feed;
    else feed.close();
  }

  close(): void {
    this.#closed = true;
    this.#generation++;
    if (this.#reopenTimer) clearTimeout(this.#reopenTimer);
    this.#reopenTimer = null;
    const feed = this.#feed;
    this.#feed = null;
    feed?.close();
  }

  #receive(events: readonly WatchEvent[]): void {
    const position = this.#position;
    const fresh = position === null ? [...events] : events.filter((e) => e.kv.modRevision > position);
    if (fresh.length === 0) return;
    this.#position = (fresh[fresh.length - 1] as WatchEvent).kv.modRevision;
    this.#failuresInRow = 0;
    this.#owner.delivered(fresh);
  }

  #afterEnd(error: RingkvError | null): void {
    if (error && !RESUMABLE.has(error.code)) {
      this.#owner.failed(error);
      return;
    }
    this.#failuresInRow++;
    if (this.#failuresInRow >= this.#settings.reopenAttemptsMax) {
      const why = error ? `: ${error.message}` : "";
      this.#owner.failed(
        new RingkvError(
          "Unavailable",
          `shard ${this.shard}: no source of its events after ${this.#failuresInRow} attempts${why}`,
        ),
      );
      return;
    }
    this.#reopenTimer = setTimeout(() => {
      this.#reopenTimer = null;
      this.open();
    }, this.#settings.reopenDelayMs);
    this.#reopenTimer.unref();
  }
}
