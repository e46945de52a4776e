// A shard's events from another node's replica (ShardWatch.Stream, proto/watch.proto), for a
// node that holds no replica of the shard. The stream ending for any reason — the peer stopped,
// its replica moved, the connection broke — ends the feed resumably: the cursor opens the shard
// again from the revision after the last it delivered, on a node that holds it then.
import * as grpc from "@grpc/grpc-js";
import { RingkvError } from "../../api/errors.ts";
import { fromGrpcStatus } from "../../api/grpc-status.ts";
import {
  eventFromWire,
  shardWatchServiceDefinition,
  type WireShardWatchResponse,
} from "../../api/watch-wire.ts";
import type { FeedSink, ShardFeed } from "./shard-feed.ts";

const ShardWatchStub = grpc.makeGenericClientConstructor(shardWatchServiceDefinition(), "ShardWatch");

export interface RemoteFeedCall {
  readonly credentials: grpc.ChannelCredentials;
  /**
   * The peer token's interceptor and TLS target options. No channelOverride: the client closes
   * its channel with the feed; without one, grpc-js's shared subchannel pool keeps one
   * connection per peer under every feed.
   */
  readonly clientOptions: grpc.ClientOptions;
}

type ServerStreamCall = (
  request: object,
  metadata: grpc.Metadata,
) => grpc.ClientReadableStream<WireShardWatchResponse>;

export function openRemoteFeed(
  addr: string,
  request: { readonly shard: number; readonly fromRevision: number },
  sink: FeedSink,
  call: RemoteFeedCall,
): ShardFeed {
  const client = new ShardWatchStub(addr, call.credentials, call.clientOptions);
  const method = (client as unknown as Record<string, ServerStreamCall>)["Stream"] as ServerStreamCall;
  const stream = method.call(
    client,
    { shard: request.shard, fromRevision: request.fromRevision },
    new grpc.Metadata(),
  );
  let open = true;
  const end = (error: RingkvError | null): void => {
    if (!open) return;
    open = false;
    stream.cancel();
    client.close();
    sink.ended(error);
  };
  stream.on("data", (message: WireShardWatchResponse) => {
    if (!open) return;
    if (message.events.length > 0) sink.events(message.events.map(eventFromWire));
    if (message.progress > 0) sink.progress(message.progress);
  });
  stream.on("error", (e: grpc.ServiceError) => end(fromGrpcStatus(e, addr)));
  stream.on("end", () =>
    end(new RingkvError("Unavailable", `${addr} ended its stream of shard ${request.shard}`)),
  );
  return {
    close() {
      if (!open) return;
      open = false;
      stream.cancel();
      client.close();
    },
  };
}
