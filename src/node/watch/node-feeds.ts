// Where a node reads a shard's events from: its own replica when it holds one that is a member
// of the group (leader or follower alike), else a peer that holds one, taken in turn so a peer
// that is down is passed over on the next attempt. A local feed ends resumably when the replica
// leaves this node (moved away, dropped) — checked on every host tick — so the watch continues
// on a peer without a gap.
import { RingkvError } from "../../api/errors.ts";
import { openLocalFeed } from "./local-feed.ts";
import type { FeedOpener, FeedSink, ShardFeed } from "./shard-feed.ts";
import type { ShardHistory } from "./shard-history.ts";

export interface NodeFeedsOptions {
  /** This node's replica's history of `shard`, when it holds a replica that is a group member. */
  readonly localHistory: (shard: number) => ShardHistory | null;
  /** The addresses of the other nodes placed to hold a replica of `shard`. */
  readonly holders: (shard: number) => readonly string[];
  readonly openRemote: (addr: string, shard: number, fromRevision: number, sink: FeedSink) => ShardFeed;
}

interface LocalFeed {
  readonly shard: number;
  readonly history: ShardHistory;
  readonly feed: ShardFeed;
  readonly sink: FeedSink;
}

export class NodeFeeds implements FeedOpener {
  readonly #options: NodeFeedsOptions;
  readonly #local = new Set<LocalFeed>();
  /** Per shard, which holder the next remote open tries first. */
  readonly #turn = new Map<number, number>();

  constructor(options: NodeFeedsOptions) {
    this.#options = options;
  }

  /** Local feeds open (for tests: none may be left after their watches end). */
  get localCount(): number {
    return this.#local.size;
  }

  open(shard: number, fromRevision: number, sink: FeedSink): ShardFeed {
    const history = this.#options.localHistory(shard);
    if (history) return this.openLocal(shard, fromRevision, sink, history);
    const holders = this.#options.holders(shard);
    if (holders.length === 0)
      throw new RingkvError("Unavailable", `shard ${shard}: no node is known to hold it`);
    const turn = this.#turn.get(shard) ?? 0;
    this.#turn.set(shard, turn + 1);
    return this.#options.openRemote(holders[turn % holders.length] as string, shard, fromRevision, sink);
  }

  /** A feed from this node's replica only (what ShardWatch serves to peers). */
  openLocal(
    shard: number,
    fromRevision: number,
    sink: FeedSink,
    history = this.#options.localHistory(shard),
  ): ShardFeed {
    if (!history) throw new RingkvError("Unavailable", `shard ${shard}: this node holds no replica of it`);
    let entry: LocalFeed | null = null;
    let ended = false;
    const tracked: FeedSink = {
      events: (events) => sink.events(events),
      progress: (revision) => sink.progress(revision),
      ended: (error) => {
        ended = true;
        if (entry) this.#local.delete(entry);
        sink.ended(error);
      },
    };
    const feed = openLocalFeed(shard, history, fromRevision, tracked);
    // A feed that ended inside openLocalFeed (Compacted) is not tracked.
    if (!ended) {
      entry = { shard, history, feed, sink: tracked };
      this.#local.add(entry);
    }
    return {
      close: () => {
        if (entry) this.#local.delete(entry);
        feed.close();
      },
    };
  }

  /**
   * On each host tick: a local feed whose replica is gone or replaced (moved away and back, or a
   * fresh replica after a drop) ends resumably, so its watch reopens the shard where it stopped.
   */
  checkReplicas(): void {
    for (const entry of [...this.#local]) {
      if (this.#options.localHistory(entry.shard) === entry.history) continue;
      this.#local.delete(entry);
      entry.feed.close();
      entry.sink.ended(null);
    }
  }
}
