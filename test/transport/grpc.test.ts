import { createServer } from "node:net";
import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, it } from "vitest";
import { encodeMessage, wire } from "../../src/api/proto.ts";
import {
  encodeBatch,
  GrpcTransport,
  InvalidConfigError,
  raftServerOptions,
  raftServiceDefinition,
  registerRaftService,
  type TransportConfig,
} from "../../src/transport/index.ts";
import {
  describeTransportConformance,
  type HarnessNode,
  type NodeOptions,
  type TransportHarness,
} from "./conformance.ts";
import { contexts, deferred, heartbeat, Inbox, patternBytes, snap, summarized } from "./fixtures.ts";

/** Small backoffs, so reconnect tests take milliseconds; everything else at its default. */
const FAST: Partial<TransportConfig> = { backoffBaseMs: 5, backoffMaxMs: 50, connectTimeoutMs: 2_000 };

function bind(server: grpc.Server, addr: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    );
  });
}

/** Resolves once `condition` holds, polled every 5 ms for at most 5 s. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let waitedMs = 0; !condition(); waitedMs += 5) {
    if (waitedMs > 5_000) throw new Error("condition not reached within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A port nothing listens on: bound by the OS, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface GrpcNode extends HarnessNode {
  readonly transport: GrpcTransport;
  readonly server: grpc.Server;
  readonly port: number;
  stop(): Promise<void>;
}

function grpcHarness() {
  const nodes: GrpcNode[] = [];
  const harness = {
    async start(id: string, options: NodeOptions & { port?: number } = {}): Promise<GrpcNode> {
      const transport = new GrpcTransport({
        nodeId: id,
        config: { ...FAST, ...options.config },
        ...options.reporter,
      });
      const server = new grpc.Server(raftServerOptions(transport.config));
      registerRaftService(server, transport);
      const port = await bind(server, `127.0.0.1:${options.port ?? 0}`);
      const inbox = new Inbox(transport);
      const stop = async () => {
        server.forceShutdown();
        await transport.close();
      };
      const node: GrpcNode = { id, addr: `127.0.0.1:${port}`, transport, inbox, server, port, stop };
      nodes.push(node);
      return node;
    },
    async deadAddress() {
      return `127.0.0.1:${await freePort()}`;
    },
    async close() {
      await Promise.all(nodes.splice(0).map((n) => n.stop()));
    },
  } satisfies TransportHarness;
  return harness;
}

describeTransportConformance("GrpcTransport", grpcHarness);

describe("GrpcTransport over loopback", () => {
  let harness = grpcHarness();
  afterEach(async () => {
    await harness.close();
    harness = grpcHarness();
  });

  it("a 3 MiB snapshot arrives intact in 256 KiB chunks", async () => {
    const sent = deferred<string>();
    const a = await harness.start("a", {
      reporter: { onSnapshotSent: (g, to) => sent.resolve(`${g}→${to}`) },
    });
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    const gm = snap("shard-3", "a", "b", patternBytes(3 * 1024 * 1024));
    a.transport.send([gm, heartbeat("meta", "a", "b", "beside")]);
    const received = await b.inbox.waitFor(2);
    const arrived = received.find((m) => m.group === "shard-3");
    expect(Buffer.from(arrived?.message.snapshot?.data ?? []).equals(patternBytes(3 * 1024 * 1024))).toBe(
      true,
    );
    expect(summarized(arrived)).toEqual(summarized(gm));
    expect(await sent.promise).toBe("shard-3→b");
    expect(a.transport.stats().snapshotChunksSent).toBe(12);
  });

  it("messages handed over by one send() are written before the next turn of the event loop", async () => {
    const a = await harness.start("a");
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    a.transport.send([heartbeat("g", "a", "b", "connect")]);
    await b.inbox.waitFor(1);
    const before = a.transport.stats().batchesSent;
    // A leader's appends are written while its own log write runs, not after the next poll
    // phase's I/O callbacks: by the end of this task's microtasks, before any setImmediate.
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    a.transport.send([heartbeat("g", "a", "b", "1"), heartbeat("h", "a", "b", "2")]);
    await Promise.resolve();
    expect(turned).toBe(false);
    expect(a.transport.stats().batchesSent).toBe(before + 1);
    expect(contexts(await b.inbox.waitFor(3)).slice(1)).toEqual(["g/1", "h/2"]);
  });

  it("after a peer restarts on the same port, the sender reconnects and later messages arrive in order", async () => {
    const a = await harness.start("a");
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    a.transport.send([heartbeat("g", "a", "b", "before")]);
    await b.inbox.waitFor(1);

    await b.stop();
    const restarted = await harness.start("b", { port: b.port });
    // Raft ticks keep sending; messages sent while the peer is down or the link backs off are
    // dropped, so keep sending until one gets through.
    const firstThrough = restarted.inbox.waitFor(1);
    let tick = 0;
    const ticker = setInterval(() => a.transport.send([heartbeat("g", "a", "b", `tick-${tick++}`)]), 2);
    await firstThrough;
    clearInterval(ticker);
    a.transport.send(["x", "y", "z"].map((c) => heartbeat("g", "a", "b", c)));
    const received = await restarted.inbox.waitFor(restarted.inbox.messages.length + 3);
    expect(contexts(received.slice(-3))).toEqual(["g/x", "g/y", "g/z"]);
    expect(a.transport.stats().connectFailures).toBeGreaterThanOrEqual(1);
    expect(a.transport.peerStates().get("b")).toBe("open");
  });

  it("reconnect() ends a long backoff at once: a peer back from the dead gets messages without waiting it out", async () => {
    // A backoff far longer than the test: only reconnect() can bring the link back in time.
    const a = await harness.start("a", { config: { backoffBaseMs: 60_000, backoffMaxMs: 60_000 } });
    const port = await freePort();
    a.transport.setPeer("b", `127.0.0.1:${port}`);
    a.transport.send([heartbeat("g", "a", "b", "into the void")]);
    await waitUntil(() => a.transport.peerStates().get("b") === "backoff");
    const b = await harness.start("b", { port });
    const arrived = b.inbox.waitFor(1);
    a.transport.reconnect("b");
    expect(a.transport.peerStates().get("b")).not.toBe("backoff");
    let tick = 0;
    const ticker = setInterval(() => a.transport.send([heartbeat("g", "a", "b", `tick-${tick++}`)]), 5);
    try {
      await arrived;
    } finally {
      clearInterval(ticker);
    }
    expect(a.transport.peerStates().get("b")).toBe("open");
  });

  it("snapshots beyond maxSnapshotsInFlight are refused at once, without holding back the others", async () => {
    const failed: string[] = [];
    const sent = deferred<string>();
    const reporter = {
      onSnapshotFailed: (g: string) => failed.push(g),
      onSnapshotSent: (g: string) => sent.resolve(g),
    };
    const a = await harness.start("a", { config: { maxSnapshotsInFlight: 1 }, reporter });
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    a.transport.send([
      snap("shard-1", "a", "b", patternBytes(1000)),
      snap("shard-2", "a", "b", patternBytes(1000)),
    ]);
    expect(await sent.promise).toBe("shard-1");
    expect(failed).toEqual(["shard-2"]);
  });

  it("a batch that fails validation ends only the offending stream; the node keeps serving others", async () => {
    const a = await harness.start("a");
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    const method = raftServiceDefinition()["Send"]!;
    const rogue = new grpc.Client(b.addr, grpc.credentials.createInsecure());
    const status = deferred<grpc.status>();
    const call = rogue.makeClientStreamRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      (error: grpc.ServiceError | null) => status.resolve(error?.code ?? grpc.status.OK),
    );
    const bad = encodeBatch("evil", [heartbeat("g", "evil", "b", "x")]);
    call.write({
      ...bad,
      messages: [{ ...bad.messages[0], message: { ...bad.messages[0]!.message, type: 0 } }],
    });
    expect(await status.promise).toBe(grpc.status.INVALID_ARGUMENT);
    expect(b.transport.stats().rejectedInputs).toBe(1);
    rogue.close();

    a.transport.send([heartbeat("g", "a", "b", "fine")]);
    expect(contexts(await b.inbox.waitFor(1))).toEqual(["g/fine"]);
  });

  it("bytes that are not a MessageBatch at all fail the call, not the node", async () => {
    const a = await harness.start("a");
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    const method = raftServiceDefinition()["Send"]!;
    const rogue = new grpc.Client(b.addr, grpc.credentials.createInsecure());
    const status = deferred<grpc.status>();
    const call = rogue.makeClientStreamRequest(
      method.path,
      (bytes: Buffer) => bytes,
      method.responseDeserialize,
      (error: grpc.ServiceError | null) => status.resolve(error?.code ?? grpc.status.OK),
    );
    call.write(Buffer.from([0x12, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(await status.promise).not.toBe(grpc.status.OK);
    rogue.close();

    a.transport.send([heartbeat("g", "a", "b", "fine")]);
    expect(contexts(await b.inbox.waitFor(1))).toEqual(["g/fine"]);
  });

  it("a queue that overflows while the peer is connecting keeps the newest messages", async () => {
    const a = await harness.start("a", { config: { maxQueueMessages: 3 } });
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    for (let i = 0; i < 5; i++) a.transport.send([heartbeat(`g${i % 2}`, "a", "b", `${i}`)]);
    expect(a.transport.stats().droppedOverflow).toBe(2);
    expect(contexts(await b.inbox.waitFor(3))).toEqual(["g0/2", "g1/3", "g0/4"]);
    expect(b.inbox.batches).toHaveLength(1);
  });

  it("the server accepts batches over grpc-js's 4 MiB default when given raftServerOptions", async () => {
    const a = await harness.start("a");
    const b = await harness.start("b");
    a.transport.setPeer("b", b.addr);
    const big = heartbeat("g", "a", "b", "big");
    const entry = { term: 1, index: 1, type: 0, data: patternBytes(5 * 1024 * 1024) };
    a.transport.send([{ ...big, message: { ...big.message, entries: [entry] } }]);
    const [received] = await b.inbox.waitFor(1);
    expect(received?.message.entries[0]?.data.byteLength).toBe(5 * 1024 * 1024);
  });

  it("a configuration whose full queue would not fit in one gRPC message is refused", () => {
    expect(() => new GrpcTransport({ nodeId: "a", config: { maxQueueBytes: 64 << 20 } })).toThrow(
      InvalidConfigError,
    );
    expect(() => new GrpcTransport({ nodeId: "a", config: { backoffBaseMs: 0 } })).toThrow(
      InvalidConfigError,
    );
  });

  it("the encoder's output passes protobufjs verification for every message type", () => {
    const type = wire.raft.MessageBatch;
    expect(encodeMessage(type, encodeBatch("a", [heartbeat("g", "a", "b", "c")])).byteLength).toBeGreaterThan(
      0,
    );
  });
});
