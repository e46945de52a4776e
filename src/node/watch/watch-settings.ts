// The limits of a node's watches: the watch* settings of NodeSettings (src/node/config.ts, where
// each is documented with its default), under the hub's own names.
import { NODE_DEFAULTS, type NodeSettings } from "../config.ts";

export interface WatchSettings {
  /** NodeSettings.watchBacklogEventsMax: unread events before a watcher is cut off. */
  readonly backlogEventsMax: number;
  /** NodeSettings.watchProgressIntervalMs. */
  readonly progressIntervalMs: number;
  /** NodeSettings.watchReopenDelayMs. */
  readonly reopenDelayMs: number;
  /** NodeSettings.watchReopenAttemptsMax. */
  readonly reopenAttemptsMax: number;
}

export function watchSettings(s: NodeSettings): WatchSettings {
  return {
    backlogEventsMax: s.watchBacklogEventsMax,
    progressIntervalMs: s.watchProgressIntervalMs,
    reopenDelayMs: s.watchReopenDelayMs,
    reopenAttemptsMax: s.watchReopenAttemptsMax,
  };
}

export const DEFAULT_WATCH_SETTINGS: WatchSettings = watchSettings(NODE_DEFAULTS);
