// The watch services over real gRPC on 127.0.0.1: a client's watch through a node with no
// replica of the shard (remote feed over ShardWatch), a replica moving between nodes mid-watch,
// Compacted and cancellation as the client library sees them.
import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, it } from "vitest";
import { prefixEnd, type WatchEvent, type WatchStream } from "../../../src/api/kv-model.ts";
import { RingkvClient } from "../../../src/client/index.ts";
import { registerWatchServices } from "../../../src/node/server/grpc-watch.ts";
import { type ShardHistory, WatchHub } from "../../../src/node/watch/index.ts";
import { NodeFeeds } from "../../../src/node/watch/node-feeds.ts";
import { openRemoteFeed } from "../../../src/node/watch/remote-feed.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { FakeHistory, put } from "./fake-history.ts";

const text = new TextEncoder();
const decoder = new TextDecoder();

interface FakeNode {
  readonly addr: string;
  readonly hub: WatchHub;
  readonly feeds: NodeFeeds;
  /** Shard 0's replica here, or null. */
  replica: ShardHistory | null;
  readonly server: grpc.Server;
}

const servers: grpc.Server[] = [];
const clients: RingkvClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.forceShutdown();
});

async function startNode(peers: () => string[]): Promise<FakeNode> {
  const server = new grpc.Server();
  const node: Partial<FakeNode> & { replica: ShardHistory | null } = { replica: null };
  const feeds = new NodeFeeds({
    localHistory: () => node.replica,
    holders: () => peers(),
    openRemote: (addr, shard, fromRevision, sink) =>
      openRemoteFeed(addr, { shard, fromRevision }, sink, {
        credentials: grpc.credentials.createInsecure(),
        clientOptions: {},
      }),
  });
  const hub = new WatchHub({ opener: feeds, shardsOf: () => [0], settings: { reopenDelayMs: 20 } });
  registerWatchServices(server, {
    watches: hub,
    openLocalFeed: (shard, from, sink) => feeds.openLocal(shard, from, sink),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  servers.push(server);
  return Object.assign(node, { addr: `127.0.0.1:${port}`, hub, feeds, server }) as FakeNode;
}

async function readEvents(stream: WatchStream, count: number): Promise<WatchEvent[]> {
  const it = stream.batches[Symbol.asyncIterator]();
  const seen: WatchEvent[] = [];
  for (let i = 0; i < 1000 && seen.length < count; i++) {
    const next = await it.next();
    if (next.done) break;
    seen.push(...next.value.events);
  }
  return seen;
}

const described = (events: readonly WatchEvent[]): string[] =>
  events.map((e) => `${e.type} ${decoder.decode(e.kv.key)}@${e.kv.modRevision}`);
const prefix = (p: string) => ({ start: text.encode(p), end: prefixEnd(text.encode(p)) });

describe("watch over gRPC", () => {
  it("a node without a replica serves the watch from a peer's, and continues on its own when the replica moves to it", async () => {
    let addrA = "";
    const a = await startNode(() => []);
    addrA = a.addr;
    const b = await startNode(() => [addrA]);
    const onA = new FakeHistory();
    const onB = new FakeHistory();
    a.replica = onA;
    const client = new RingkvClient({ addresses: [b.addr] });
    clients.push(client);
    for (const h of [onA, onB]) h.apply([put("k1", "1", 1)]);
    const stream = client.watch({ ...prefix("k"), startRevision: 1, prevKv: true });
    const it = stream.batches[Symbol.asyncIterator]();
    expect(described((await it.next()).value?.events ?? [])).toEqual(["put k1@1"]);
    for (const h of [onA, onB]) h.apply([put("k2", "1", 2)]);
    expect(described((await it.next()).value?.events ?? [])).toEqual(["put k2@2"]);
    expect(a.feeds.localCount).toBe(1);
    // The replica moves from A to B, B having applied one more write than A sent.
    onB.apply([put("k3", "1", 3)]);
    b.replica = onB;
    a.replica = null;
    a.feeds.checkReplicas();
    onB.apply([put("k4", "1", 4, "0")]);
    const rest = await readEvents({ batches: { [Symbol.asyncIterator]: () => it }, cancel: () => {} }, 2);
    expect(described(rest)).toEqual(["put k3@3", "put k4@4"]);
    expect(decoder.decode(rest[1]?.prevKv?.value)).toBe("0");
    expect(a.feeds.localCount).toBe(0);
    stream.cancel();
    await waitFor(() => b.hub.activeCount === 0 && onB.subscribers === 0, {
      timeoutMs: 5000,
      what: "the cancelled watch released on B",
    });
  });

  it("a start revision older than the history ends the client's watch with Compacted", async () => {
    const a = await startNode(() => []);
    const h = new FakeHistory();
    for (let r = 1; r <= 3; r++) h.apply([put("k", String(r), r)]);
    h.compact(2);
    a.replica = h;
    const client = new RingkvClient({ addresses: [a.addr] });
    clients.push(client);
    const stream = client.watch({ start: text.encode("k"), startRevision: 1 });
    await expect(readEvents(stream, 1)).rejects.toMatchObject({ code: "Compacted" });
  });

  it("breaking out of the client's loop ends the watch on the node", async () => {
    const a = await startNode(() => []);
    const h = new FakeHistory();
    a.replica = h;
    const client = new RingkvClient({ addresses: [a.addr] });
    clients.push(client);
    const stream = client.watch({ start: text.encode("k") });
    await waitFor(() => h.subscribers === 1, { timeoutMs: 5000, what: "the watch subscribed on the node" });
    h.apply([put("k", "1", 1)]);
    for await (const batch of stream.batches) {
      expect(described(batch.events)).toEqual(["put k@1"]);
      break;
    }
    await waitFor(() => a.hub.activeCount === 0 && h.subscribers === 0, {
      timeoutMs: 5000,
      what: "the node released the watch",
    });
  });

  it("a stopping node ends the client's watch with Unavailable", async () => {
    const a = await startNode(() => []);
    a.replica = new FakeHistory();
    const client = new RingkvClient({ addresses: [a.addr] });
    clients.push(client);
    const stream = client.watch({ start: text.encode("k") });
    await waitFor(() => a.hub.activeCount === 1, { timeoutMs: 5000, what: "the watch open on the node" });
    a.hub.stop();
    await expect(readEvents(stream, 1)).rejects.toMatchObject({ code: "Unavailable" });
  });
});
