// The watch services (proto/watch.proto) as thin adapters: Watch serves a client's watch as one
// server stream of batches; ShardWatch serves one shard's events from this node's replica to a
// peer that holds none (src/node/watch/remote-feed.ts). Failures leave as a gRPC status carrying
// the ringkv code (src/api/grpc-status.ts), like every other service.
//
// Authorization: src/node/auth/access.ts lists Watch.Watch as `read`, ShardWatch.Stream as `peer`.
import type * as grpc from "@grpc/grpc-js";
import { RingkvError } from "../../api/errors.ts";
import type { KvModelApi, WatchRequest } from "../../api/kv-model.ts";
import { DEFAULT_KV_LIMITS, validateKey } from "../../api/limits.ts";
import {
  batchToWire,
  eventToWire,
  SHARD_WATCH_SERVICE_NAME,
  shardWatchServiceDefinition,
  WATCH_SERVICE_NAME,
  type WireShardWatchRequest,
  type WireShardWatchResponse,
  type WireWatchRequest,
  type WireWatchResponse,
  watchRequestFromWire,
  watchServiceDefinition,
} from "../../api/watch-wire.ts";
import type { Metrics } from "../metrics.ts";
import type { FeedSink, ShardFeed } from "../watch/index.ts";
import { serveStream } from "./serve-stream.ts";

/**
 * A ShardWatch stream whose peer does not take its messages (grpc-js has buffered this many
 * bytes for it) ends with Unavailable: the peer opens it again from where it was, instead of this
 * node buffering a shard's whole write stream for it.
 */
export const SHARD_WATCH_BUFFER_BYTES_MAX = 8 * 1024 * 1024;

export interface WatchServiceSource {
  readonly watches: Pick<KvModelApi, "watch">;
  /** A feed from this node's own replica of `shard`; Unavailable when it holds none. */
  openLocalFeed(shard: number, fromRevision: number, sink: FeedSink): ShardFeed;
}

export interface WatchServiceOptions {
  readonly metrics?: Metrics;
  readonly maxKeyBytes?: number;
}

type Writable<Req, Res> = grpc.ServerWritableStream<Req, Res>;

export function registerWatchServices(
  server: grpc.Server,
  source: WatchServiceSource,
  options: WatchServiceOptions = {},
): void {
  const maxKeyBytes = options.maxKeyBytes ?? DEFAULT_KV_LIMITS.maxKeyBytes;
  server.addService(watchServiceDefinition(), {
    Watch: (call: Writable<WireWatchRequest, WireWatchResponse>) =>
      serveStream(call, WATCH_SERVICE_NAME, "Watch", options.metrics, async () => {
        const request = watchRequestFromWire(call.request);
        checkWatchKeys(request, maxKeyBytes);
        const stream = source.watches.watch(request);
        call.on("cancelled", () => stream.cancel());
        if (call.cancelled) stream.cancel();
        for await (const batch of stream.batches) {
          if (call.cancelled) break;
          await send(call, batchToWire(batch));
        }
      }),
  });
  server.addService(shardWatchServiceDefinition(), {
    Stream: (call: Writable<WireShardWatchRequest, WireShardWatchResponse>) =>
      serveStream(call, SHARD_WATCH_SERVICE_NAME, "Stream", options.metrics, () => streamShard(call, source)),
  });
}

/** The request's keys within the limits; an empty start key only for a range (etcd's "all keys"). */
export function checkWatchKeys(request: WatchRequest, maxKeyBytes: number): void {
  if (request.end === undefined) {
    validateKey(request.start, maxKeyBytes);
    return;
  }
  for (const key of [request.start, request.end]) {
    if (key.byteLength > maxKeyBytes) {
      throw new RingkvError(
        "KeyTooLarge",
        `key is ${key.byteLength} bytes, the limit is ${maxKeyBytes} bytes`,
      );
    }
  }
}

function streamShard(
  call: Writable<WireShardWatchRequest, WireShardWatchResponse>,
  source: WatchServiceSource,
): Promise<void> {
  const { shard, fromRevision } = call.request;
  return new Promise<void>((resolve, reject) => {
    let feed: ShardFeed | null = null;
    let done = false;
    const finish = (error: RingkvError | null): void => {
      if (done) return;
      done = true;
      feed?.close();
      if (error) reject(error);
      else resolve();
    };
    const write = (message: WireShardWatchResponse): void => {
      if (done) return;
      call.write(message);
      if (call.writableLength > SHARD_WATCH_BUFFER_BYTES_MAX) {
        finish(new RingkvError("Unavailable", `shard ${shard}: the watching peer fell behind; open again`));
      }
    };
    call.on("cancelled", () => finish(null));
    feed = source.openLocalFeed(shard, fromRevision, {
      events: (events) => write({ events: events.map(eventToWire), progress: 0 }),
      progress: (revision) => write({ events: [], progress: revision }),
      // A feed that ends resumably (the replica moved, a snapshot replaced the state) is
      // Unavailable to the peer: it opens the shard again, here or elsewhere.
      ended: (error) =>
        finish(
          error ?? new RingkvError("Unavailable", `shard ${shard}: this node's replica stopped serving it`),
        ),
    });
    if (done) feed.close();
  });
}

/** Write one message, waiting for the stream to drain when its buffer is full. */
function send<Req, Res>(call: Writable<Req, Res>, message: Res): Promise<void> {
  if (call.write(message)) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = (): void => {
      call.off("drain", wake);
      call.off("cancelled", wake);
      resolve();
    };
    call.on("drain", wake);
    call.on("cancelled", wake);
  });
}
