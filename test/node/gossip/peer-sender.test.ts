// A PeerSender against a real loopback gRPC server that records what arrives, call by call: the
// batches of many turns go over one Stream call; a stream that fails is opened anew for the next
// batch; and a peer without Stream (an older build) gets one Deliver call per batch instead.
import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, it } from "vitest";
import { GOSSIP_AGENT_DEFAULTS } from "../../../src/node/gossip/config.ts";
import { PeerSender } from "../../../src/node/gossip/peer-sender.ts";
import { gossipServiceDefinition } from "../../../src/node/gossip/service.ts";
import { emptyGossipAgentStats, type GossipAgentStats } from "../../../src/node/gossip/stats.ts";
import { waitFor } from "../../cluster/wait-for.ts";

interface Recorder {
  /** Stream calls opened, and the batches each one carried so far. */
  readonly streams: number[];
  /** Deliver calls answered. */
  deliveries: number;
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

/**
 * A GossipTransport server recording calls. `withStream` false: a build before Stream (grpc-js
 * answers UNIMPLEMENTED). `refuseFirstStream`: the first stream is ended with UNAVAILABLE at its
 * first batch, as a peer that stopped gossiping would.
 */
async function recordingPeer(
  withStream: boolean,
  refuseFirstStream = false,
): Promise<{
  readonly addr: string;
  readonly seen: Recorder;
}> {
  const seen: Recorder = { streams: [], deliveries: 0 };
  const definition = gossipServiceDefinition();
  const server = new grpc.Server();
  const deliver = {
    Deliver: (_call: grpc.ServerUnaryCall<Buffer, object>, callback: grpc.sendUnaryData<object>) => {
      seen.deliveries++;
      callback(null, {});
    },
  };
  if (withStream) {
    server.addService(definition, {
      ...deliver,
      Stream: (call: grpc.ServerReadableStream<Buffer, object>, callback: grpc.sendUnaryData<object>) => {
        const index = seen.streams.push(0) - 1;
        call.on("data", () => {
          seen.streams[index]!++;
          if (refuseFirstStream && index === 0)
            callback({ code: grpc.status.UNAVAILABLE, details: "stopped" });
        });
        call.on("end", () => callback(null, {}));
        call.on("error", () => {});
      },
    });
  } else {
    server.addService({ Deliver: definition["Deliver"]! }, deliver);
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, p) =>
      error ? reject(error) : resolve(p),
    ),
  );
  cleanup.push(() => server.forceShutdown());
  return { addr: `127.0.0.1:${port}`, seen };
}

function sender(addr: string): { readonly sender: PeerSender; readonly stats: GossipAgentStats } {
  const stats = emptyGossipAgentStats();
  const s = new PeerSender(addr, {
    localId: "n1",
    settings: GOSSIP_AGENT_DEFAULTS,
    stats,
    credentials: grpc.credentials.createInsecure(),
  });
  cleanup.push(() => s.close());
  return { sender: s, stats };
}

const message = (i: number): Uint8Array => new Uint8Array([i, i, i]);
const until = (what: string, condition: () => boolean): Promise<unknown> =>
  waitFor(() => condition() || null, { what, timeoutMs: 5_000, intervalMs: 5 });

describe("PeerSender", () => {
  it("writes the batches of many turns to one stream", async () => {
    const peer = await recordingPeer(true);
    const { sender: s, stats } = sender(peer.addr);
    for (let i = 1; i <= 3; i++) {
      s.enqueue(message(i));
      await until(`batch ${i} arrived`, () => (peer.seen.streams[0] ?? 0) === i);
    }
    expect(peer.seen.streams).toEqual([3]);
    expect(peer.seen.deliveries).toBe(0);
    expect([stats.batchesSent, stats.messagesSent, stats.sendFailures]).toEqual([3, 3, 0]);
  });

  it("joins the messages queued in one turn into one batch", async () => {
    const peer = await recordingPeer(true);
    const { sender: s, stats } = sender(peer.addr);
    s.enqueue(message(1));
    s.enqueue(message(2));
    s.enqueue(message(3));
    await until("the batch arrived", () => (peer.seen.streams[0] ?? 0) === 1);
    expect([stats.batchesSent, stats.messagesSent]).toEqual([1, 3]);
  });

  it("opens a new stream for the next batch after one fails", async () => {
    const peer = await recordingPeer(true, true);
    const { sender: s, stats } = sender(peer.addr);
    s.enqueue(message(1));
    await until("the first stream failed", () => stats.sendFailures === 1);
    s.enqueue(message(2));
    await until("the next batch arrived on a second stream", () => (peer.seen.streams[1] ?? 0) === 1);
    expect(peer.seen.streams).toEqual([1, 1]);
  });

  it("falls back to one Deliver call per batch for a peer without Stream", async () => {
    const peer = await recordingPeer(false);
    const { sender: s, stats } = sender(peer.addr);
    s.enqueue(message(1)); // lost with the refused stream, as SWIM allows
    await until("the stream was refused", () => stats.sendFailures === 1);
    s.enqueue(message(2));
    s.enqueue(message(3));
    await until("a Deliver call arrived", () => peer.seen.deliveries === 1);
    s.enqueue(message(4));
    await until("a second Deliver call arrived", () => peer.seen.deliveries === 2);
    expect(stats.sendFailures).toBe(1);
  });
});
