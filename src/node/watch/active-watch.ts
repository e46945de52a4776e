// One watch being served: a cursor per shard its span covers, the filter that shapes their
// events, and the bounded queue its reader takes batches from. Order is per shard (so per key),
// not across shards: each shard's batches come as its source delivers them.
import type { RingkvError } from "../../api/errors.ts";
import type { WatchBatch, WatchEvent, WatchRequest, WatchStream } from "../../api/kv-model.ts";
import { BatchQueue } from "./batch-queue.ts";
import { type EventFilter, eventFilter } from "./event-filter.ts";
import { ShardCursor } from "./shard-cursor.ts";
import type { FeedOpener } from "./shard-feed.ts";
import type { WatchSettings } from "./watch-settings.ts";

export class ActiveWatch implements WatchStream {
  readonly batches: AsyncIterable<WatchBatch>;
  readonly #queue: BatchQueue;
  readonly #cursors: ShardCursor[];
  readonly #filter: EventFilter;
  #progressTimer: NodeJS.Timeout | null = null;
  #sentSinceTick = false;

  /** `onClose`: called once when the watch ends, however it ends. */
  constructor(options: {
    request: WatchRequest;
    shards: readonly number[];
    opener: FeedOpener;
    settings: WatchSettings;
    onClose: () => void;
  }) {
    const { request, settings } = options;
    this.#filter = eventFilter(request);
    this.#queue = new BatchQueue(settings.backlogEventsMax, () => {
      this.#release();
      options.onClose();
    });
    this.batches = this.#queue;
    this.#cursors = options.shards.map(
      (shard) =>
        new ShardCursor({
          shard,
          startRevision: request.startRevision ?? 0,
          opener: options.opener,
          settings,
          owner: {
            delivered: (events) => this.#delivered(events),
            progressed: () => {},
            failed: (error) => this.end(error),
          },
        }),
    );
    for (const cursor of this.#cursors) cursor.open();
    if (request.progressNotify === true && !this.#queue.ended) {
      this.#progressTimer = setInterval(() => this.#progressTick(), settings.progressIntervalMs);
      this.#progressTimer.unref();
    }
  }

  /**
   * Every change with a revision up to this has been delivered: the lowest position among the
   * shards (a shard's position says nothing of the others, whose revisions interleave with it).
   */
  get revision(): number {
    let lowest = Number.POSITIVE_INFINITY;
    for (const cursor of this.#cursors) lowest = Math.min(lowest, cursor.position);
    return Number.isFinite(lowest) ? lowest : 0;
  }

  /** The positions of its shards, for status and tests. */
  positions(): ReadonlyMap<number, number> {
    return new Map(this.#cursors.map((c) => [c.shard, c.position]));
  }

  cancel(): void {
    this.end(null);
  }

  /** End the watch: the reader gets what is queued, then the end or `error`. */
  end(error: RingkvError | null): void {
    this.#queue.end(error);
  }

  #delivered(events: readonly WatchEvent[]): void {
    const kept = this.#filter(events);
    if (kept.length === 0) return;
    this.#sentSinceTick = true;
    this.#queue.push({ events: kept, revision: this.revision });
  }

  #progressTick(): void {
    if (!this.#sentSinceTick) this.#queue.push({ events: [], revision: this.revision });
    this.#sentSinceTick = false;
  }

  #release(): void {
    if (this.#progressTimer) clearInterval(this.#progressTimer);
    this.#progressTimer = null;
    for (const cursor of this.#cursors) cursor.close();
  }
}
