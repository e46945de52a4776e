// Watches: a node's hub of live watches and the feeds of shard events they read.
export { compactedError, openLocalFeed } from "./local-feed.ts";
export { NodeFeeds, type NodeFeedsOptions } from "./node-feeds.ts";
export { openRemoteFeed, type RemoteFeedCall } from "./remote-feed.ts";
export { historyOf, replicaHistory, type StateMachineEvents } from "./replica-history.ts";
export type { FeedOpener, FeedSink, ShardFeed } from "./shard-feed.ts";
export type { HistoryListener, ShardHistory } from "./shard-history.ts";
export { WatchHub, type WatchHubOptions } from "./watch-hub.ts";
export { DEFAULT_WATCH_SETTINGS, type WatchSettings, watchSettings } from "./watch-settings.ts";
