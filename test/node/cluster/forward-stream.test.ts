// Forwarding over one long-lived stream per peer (src/node/cluster/forward-stream.ts, the
// receiving end in src/node/server/grpc-forward.ts): batching per event-loop turn, answers
// matched by id, per-request deadlines, and honest outcomes when the stream breaks.

import * as net from "node:net";
import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import {
  FORWARD_CONNECT_WAIT_MS,
  FORWARD_DEADLINE_SWEEP_MS,
} from "../../../src/node/cluster/forward-stream.ts";
import {
  type ForwardBatch,
  type ForwardReplies,
  type ForwardReply,
  forwardServiceDefinition,
} from "../../../src/node/cluster/forward-wire.ts";
import { PeerClient, PeerClients } from "../../../src/node/cluster/peer-clients.ts";
import { registerForwardService } from "../../../src/node/server/grpc-forward.ts";
import { registerKvService } from "../../../src/node/server/grpc-kv.ts";
import { FakeKv } from "../server/fake-kv.ts";
import { deadAddress } from "../server/harness.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

async function rejection(promise: Promise<unknown>): Promise<RingkvError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(RingkvError);
    return e as RingkvError;
  }
  throw new Error("expected a rejection");
}

async function listen(server: grpc.Server): Promise<string> {
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return `127.0.0.1:${port}`;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A node's gRPC server with the KV and Forward services over a fake KvApi, and a peer client. */
async function servedPeer(): Promise<{ kv: FakeKv; peer: PeerClient }> {
  const kv = new FakeKv();
  const server = new grpc.Server();
  registerKvService(server, kv);
  registerForwardService(server, kv);
  const peer = new PeerClient(await listen(server));
  cleanups.push(() => {
    peer.close();
    server.forceShutdown();
  });
  return { kv, peer };
}

/**
 * A Forward server under the test's control: records every batch it receives and hands it to
 * `onBatch`, which may answer (in any order) through `reply` or do anything else to the call.
 */
async function scriptedPeer(
  onBatch: (
    batch: ForwardBatch,
    reply: (replies: ForwardReply[]) => void,
    call: grpc.ServerDuplexStream<ForwardBatch, ForwardReplies>,
    server: grpc.Server,
  ) => void,
): Promise<{ peer: PeerClient; batches: ForwardBatch[] }> {
  const batches: ForwardBatch[] = [];
  const server = new grpc.Server();
  server.addService(forwardServiceDefinition(), {
    Stream: (call: grpc.ServerDuplexStream<ForwardBatch, ForwardReplies>) => {
      call.sendMetadata(new grpc.Metadata());
      call.on("data", (batch: ForwardBatch) => {
        batches.push(batch);
        onBatch(batch, (replies) => call.write({ replies }), call, server);
      });
      call.on("error", () => {});
    },
  });
  const peer = new PeerClient(await listen(server));
  cleanups.push(() => {
    peer.close();
    server.forceShutdown();
  });
  return { peer, batches };
}

const soon = (ms = 5_000): number => Date.now() + ms;

describe("forwarding over one stream per peer", () => {
  test("put, get and delete reach the peer marked forwarded and come back", async () => {
    const { kv, peer } = await servedPeer();
    const { version } = await peer.put(bytes("k"), bytes("v"), {}, soon());
    expect(kv.lastOptions?.forwarded).toBe(true);
    const text = (v: { value: Uint8Array; version: number } | null) =>
      v && { value: new TextDecoder().decode(v.value), version: v.version };
    expect(text(await peer.get(bytes("k"), {}, soon()))).toEqual({ value: "v", version });
    expect(text(await peer.get(bytes("k"), { consistency: "stale" }, soon()))).toEqual({
      value: "v",
      version,
    });
    expect(kv.lastOptions).toMatchObject({ consistency: "stale", forwarded: true });
    await expect(
      peer.put(bytes("k"), bytes("w"), { ifVersion: version + 100 }, soon()),
    ).rejects.toMatchObject({
      code: "VersionMismatch",
    });
    expect(await peer.delete(bytes("k"), {}, soon())).toEqual({ deleted: true });
    expect(await peer.get(bytes("k"), {}, soon())).toBeNull();
  });

  test("the receiver's errors arrive with their code and hints; invalid requests are refused there", async () => {
    const { kv, peer } = await servedPeer();
    kv.failWith = () =>
      new RingkvError("NotLeader", "not me", { leaderHint: "127.0.0.1:9", retryAfterMs: 70 });
    const e = await rejection(peer.put(bytes("k"), bytes("v"), {}, soon()));
    expect({ code: e.code, hint: e.leaderHint, retry: e.retryAfterMs }).toEqual({
      code: "NotLeader",
      hint: "127.0.0.1:9",
      retry: 70,
    });
    kv.failWith = null;
    expect((await rejection(peer.get(new Uint8Array(0), {}, soon()))).code).toBe("KeyEmpty");
  });

  test("requests issued in one event-loop turn leave as one batch; answers in any order find their callers", async () => {
    const { peer, batches } = await scriptedPeer((batch, reply) => {
      // Answer in reverse order: matching is by id, not by position.
      reply(
        [...batch.requests].reverse().map((r) => ({
          id: r.id,
          put: {
            version: 1000 + Number(new TextDecoder().decode((r as { put: { key: Uint8Array } }).put.key)),
          },
        })),
      );
    });
    const count = 50;
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) => peer.put(bytes(String(i)), bytes("v"), {}, soon())),
    );
    expect(answers.map((a) => a.version)).toEqual(Array.from({ length: count }, (_, i) => 1000 + i));
    expect(batches.map((b) => b.requests.length)).toEqual([count]);
    // A later turn is a later batch, on the same stream.
    await peer.put(bytes("7"), bytes("v"), {}, soon());
    expect(batches.map((b) => b.requests.length)).toEqual([count, 1]);
  });

  test("a request unanswered by its deadline fails with Timeout (outcome unknown); the others are unaffected", async () => {
    const { kv, peer } = await servedPeer();
    kv.failWith = (op) => (op === "put" ? "hang" : null);
    const started = Date.now();
    const hung = rejection(peer.put(bytes("slow"), bytes("v"), {}, soon(200)));
    expect(await peer.get(bytes("other"), {}, soon())).toBeNull();
    const e = await hung;
    expect(e.code).toBe("Timeout");
    expect(e.message).toContain("unknown");
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(200 + 20 * FORWARD_DEADLINE_SWEEP_MS + 1_000);
  });

  test("a stream that breaks after a write was sent fails it as Timeout, never Unavailable; a read as Unavailable", async () => {
    let received = 0;
    const { peer } = await scriptedPeer((batch, _reply, _call, server) => {
      received += batch.requests.length;
      // The peer dies with the requests in hand: they may have been applied.
      if (received >= 2) server.forceShutdown();
    });
    const write = rejection(peer.put(bytes("a"), bytes("v"), {}, soon()));
    const read = rejection(peer.get(bytes("a"), {}, soon()));
    const [w, r] = await Promise.all([write, read]);
    expect(w.code).toBe("Timeout");
    expect(w.message).toContain("unknown");
    expect(r.code).toBe("Unavailable");
  });

  test("a peer that cannot be reached fails writes with Unavailable: nothing was sent", async () => {
    const peer = new PeerClient(await deadAddress());
    cleanups.push(() => peer.close());
    const e = await rejection(peer.put(bytes("a"), bytes("v"), {}, soon()));
    expect(e.code).toBe("Unavailable");
  });

  test("a peer that accepts connections but never answers fails a write fast as Unavailable, not at its deadline", async () => {
    // A listener that takes the TCP connection and never speaks HTTP/2 (a hung process, a
    // half-open peer): the channel never becomes READY, so nothing can have been sent.
    const blackHole = net.createServer(() => {});
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", () => resolve()));
    const peer = new PeerClient(`127.0.0.1:${(blackHole.address() as net.AddressInfo).port}`);
    cleanups.push(() => {
      peer.close();
      blackHole.close();
    });
    const started = Date.now();
    const e = await rejection(peer.put(bytes("a"), bytes("v"), {}, soon(10_000)));
    expect(e.code).toBe("Unavailable");
    expect(e.message).toMatch(/no connection/);
    expect(Date.now() - started).toBeLessThan(FORWARD_CONNECT_WAIT_MS + 1_000);
  });
});

describe("peer channels come back when the peer does", () => {
  test("reconnect() replaces a channel that is backing off, and leaves a healthy one alone", async () => {
    const clients = new PeerClients();
    cleanups.push(() => clients.close());
    const dead = await deadAddress();
    const failing = clients.get(dead);
    expect((await rejection(failing.put(bytes("a"), bytes("v"), {}, soon()))).code).toBe("Unavailable");
    expect(failing.failing).toBe(true);
    clients.reconnect(dead);
    expect(clients.get(dead)).not.toBe(failing);

    const kv = new FakeKv();
    const server = new grpc.Server();
    registerForwardService(server, kv);
    const live = await listen(server);
    cleanups.push(() => server.forceShutdown());
    const healthy = clients.get(live);
    await healthy.put(bytes("a"), bytes("v"), {}, soon());
    clients.reconnect(live);
    expect(clients.get(live)).toBe(healthy);
  });
});
