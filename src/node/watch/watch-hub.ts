// A node's watches (the WatchOps of ClusterNode.model): each watch reads every shard its span
// covers from a feed the opener picks (the local replica's history, or a peer's stream), and
// the hub keeps the set of live watches so a stopping node ends them all and leaks none.
import { RingkvError } from "../../api/errors.ts";
import type { KeySpan, KvModelApi, WatchRequest, WatchStream } from "../../api/kv-model.ts";
import { ActiveWatch } from "./active-watch.ts";
import type { FeedOpener } from "./shard-feed.ts";
import { DEFAULT_WATCH_SETTINGS, type WatchSettings } from "./watch-settings.ts";

export interface WatchHubOptions {
  readonly opener: FeedOpener;
  /** The shards holding keys of `span`: one key's shard, or every shard. */
  readonly shardsOf: (span: KeySpan) => readonly number[];
  readonly settings?: Partial<WatchSettings>;
}

export class WatchHub implements Pick<KvModelApi, "watch"> {
  readonly #opener: FeedOpener;
  readonly #shardsOf: (span: KeySpan) => readonly number[];
  readonly #settings: WatchSettings;
  readonly #watches = new Set<ActiveWatch>();
  #stopped = false;

  constructor(options: WatchHubOptions) {
    this.#opener = options.opener;
    this.#shardsOf = options.shardsOf;
    this.#settings = { ...DEFAULT_WATCH_SETTINGS, ...options.settings };
  }

  /** Watches being served. */
  get activeCount(): number {
    return this.#watches.size;
  }

  watch(request: WatchRequest): WatchStream {
    if (this.#stopped) throw new RingkvError("Unavailable", "this node is stopping: watch another");
    checkRequest(request);
    let active: ActiveWatch | null = null;
    let closedEarly = false;
    // A watch may end while its cursors open (Compacted from the first feed): the set must not
    // keep it then.
    active = new ActiveWatch({
      request,
      shards: this.#shardsOf(request),
      opener: this.#opener,
      settings: this.#settings,
      onClose: () => {
        if (active) this.#watches.delete(active);
        else closedEarly = true;
      },
    });
    if (!closedEarly) this.#watches.add(active);
    return active;
  }

  /**
   * The node is stopping: every watch ends with Unavailable, which tells a client to watch again
   * elsewhere from the revision after the last it read.
   */
  stop(): void {
    this.#stopped = true;
    for (const watch of [...this.#watches]) {
      watch.end(new RingkvError("Unavailable", "this node is stopping: watch again on another"));
    }
  }
}

function checkRequest(request: WatchRequest): void {
  const start = request.startRevision ?? 0;
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new RingkvError("InvalidArgument", `watch: start revision ${start} is not a non-negative integer`);
  }
  if (
    request.end !== undefined &&
    request.end.length > 0 &&
    Buffer.compare(request.end, request.start) <= 0
  ) {
    throw new RingkvError("InvalidArgument", "watch: the range end is not after its start");
  }
}
