// A shard's events from a replica on this node (leader or follower: a replica applies in log
// order, so a change of leader loses or repeats nothing here). Subscribes first and buffers what
// applies meanwhile, replays the history from the start revision, then drains the buffer dropping
// what the replay already delivered — so no event falls between history and live events.
import { RingkvError } from "../../api/errors.ts";
import type { WatchEvent } from "../../api/kv-model.ts";
import type { FeedSink, ShardFeed } from "./shard-feed.ts";
import type { ShardHistory } from "./shard-history.ts";

/** etcd's words for it ("required revision has been compacted"), with both revisions. */
export function compactedError(shard: number, fromRevision: number, compactedRevision: number): RingkvError {
  return new RingkvError(
    "Compacted",
    `required revision ${fromRevision} has been compacted (shard ${shard} keeps events after revision ${compactedRevision})`,
  );
}

export function openLocalFeed(
  shard: number,
  history: ShardHistory,
  fromRevision: number,
  sink: FeedSink,
): ShardFeed {
  let open = true;
  /** Applied while replaying; null once live. */
  let buffered: { events: readonly WatchEvent[]; floor: number }[] | null = [];
  let delivered = 0;
  const deliver = (events: readonly WatchEvent[], floor: number): void => {
    if (!open) return;
    const fresh = events.filter((e) => e.kv.modRevision > delivered);
    if (fresh.length > 0) {
      delivered = (fresh[fresh.length - 1] as WatchEvent).kv.modRevision;
      sink.events(fresh);
    }
    if (open && floor > delivered) {
      delivered = floor;
      sink.progress(floor);
    }
  };
  const end = (error: RingkvError | null): void => {
    if (!open) return;
    open = false;
    unsubscribe();
    sink.ended(error);
  };
  const unsubscribe = history.subscribe({
    applied(events, floor) {
      if (!open) return;
      if (buffered) buffered.push({ events, floor });
      else deliver(events, floor);
    },
    // The hub opens a feed again from the last revision it delivered: from the history if it
    // still holds it, else Compacted.
    reset: () => end(null),
  });
  const from = fromRevision === 0 ? history.floor + 1 : fromRevision;
  if (from <= history.compactedRevision) {
    end(compactedError(shard, from, history.compactedRevision));
    return { close: () => end(null) };
  }
  delivered = from - 1;
  // The floor before the replay: every event up to it is in what since() answers. Read after,
  // it could cover an event applied during the replay, which is in the buffer, not the answer.
  const floorBeforeReplay = history.floor;
  deliver(history.since(from), floorBeforeReplay);
  // Where "now" is for a watch from now (or that the shard is still below its start).
  if (open) sink.progress(delivered);
  const pending = buffered;
  buffered = null;
  for (const applied of pending) if (open) deliver(applied.events, applied.floor);
  return {
    close() {
      if (!open) return;
      open = false;
      unsubscribe();
    },
  };
}
