// Which of a shard's events a watch reports, and in what shape: the keys of its span, without
// the kinds its filters drop, prevKv only when asked for (the history keeps it for every event).
import type { KeySpan, WatchEvent, WatchRequest } from "../../api/kv-model.ts";

export function spanHolds(span: KeySpan, key: Uint8Array): boolean {
  if (span.end === undefined) return Buffer.compare(span.start, key) === 0;
  if (Buffer.compare(key, span.start) < 0) return false;
  return span.end.length === 0 || Buffer.compare(key, span.end) < 0;
}

export type EventFilter = (events: readonly WatchEvent[]) => WatchEvent[];

export function eventFilter(request: WatchRequest): EventFilter {
  const noPut = request.filters?.includes("noPut") === true;
  const noDelete = request.filters?.includes("noDelete") === true;
  const prevKv = request.prevKv === true;
  return (events) => {
    const kept: WatchEvent[] = [];
    for (const event of events) {
      if (event.type === "put" ? noPut : noDelete) continue;
      if (!spanHolds(request, event.kv.key)) continue;
      if (prevKv || event.prevKv === undefined) kept.push(event);
      else kept.push({ type: event.type, kv: event.kv });
    }
    return kept;
  };
}
