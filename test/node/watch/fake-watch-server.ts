// A gRPC server on 127.0.0.1 serving the watch services over one fake shard history, for tests
// of the client library and the CLI that need no cluster.
import * as grpc from "@grpc/grpc-js";
import { registerWatchServices } from "../../../src/node/server/grpc-watch.ts";
import { openLocalFeed, WatchHub } from "../../../src/node/watch/index.ts";
import type { FakeHistory } from "./fake-history.ts";

export interface FakeWatchServer {
  readonly addr: string;
  readonly hub: WatchHub;
  close(): void;
}

export async function startFakeWatchServer(history: FakeHistory): Promise<FakeWatchServer> {
  const server = new grpc.Server();
  const open = (shard: number, from: number, sink: Parameters<typeof openLocalFeed>[3]) =>
    openLocalFeed(shard, history, from, sink);
  const hub = new WatchHub({ opener: { open }, shardsOf: () => [0] });
  registerWatchServices(server, { watches: hub, openLocalFeed: open });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return { addr: `127.0.0.1:${port}`, hub, close: () => server.forceShutdown() };
}
