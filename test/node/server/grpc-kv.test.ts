import * as grpc from "@grpc/grpc-js";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ERROR_MAPPINGS, type ErrorCode, RingkvError } from "../../../src/api/errors.ts";
import { RingkvClient } from "../../../src/client/index.ts";
import { FORWARDED_METADATA_KEY, PeerClient } from "../../../src/node/cluster/peer-clients.ts";
import { createHasher, ShardRing } from "../../../src/ring/index.ts";
import { FakeKv } from "./fake-kv.ts";
import { deadAddress, type Served, serveGrpc } from "./harness.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The RingkvError a promise rejected with (fails the test if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<RingkvError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(RingkvError);
    return e as RingkvError;
  }
  throw new Error("expected a rejection");
}

describe("KV gRPC service and RingkvClient over a fake KvApi", () => {
  const kv = new FakeKv();
  let served: Served;
  let client: RingkvClient;

  beforeAll(async () => {
    served = await serveGrpc(kv);
    client = new RingkvClient({ addresses: [served.addr], retry: { attemptsMax: 1 } });
  });
  afterEach(() => {
    kv.failWith = null;
  });
  afterAll(async () => {
    client.close();
    await served.close();
  });

  test("a put value reads back with the version the put returned", async () => {
    const { version } = await client.put(bytes("greeting"), bytes("hello"));
    const got = await client.get(bytes("greeting"));
    expect([got?.bytes, got?.value, got?.string(), got?.version]).toEqual([
      bytes("hello"),
      bytes("hello"),
      "hello",
      version,
    ]);
  });

  test("an absent key reads as null and deletes as deleted: false", async () => {
    expect(await client.get(bytes("never-written"))).toBeNull();
    expect(await client.delete(bytes("never-written"))).toEqual({ deleted: false });
  });

  test("delete removes a key and says it did", async () => {
    await client.put(bytes("doomed"), bytes("x"));
    expect(await client.delete(bytes("doomed"))).toEqual({ deleted: true });
    expect(await client.get(bytes("doomed"))).toBeNull();
  });

  test("binary keys and values, including empty values, survive the trip", async () => {
    const key = Uint8Array.from({ length: 256 }, (_, i) => i);
    await client.put(key, new Uint8Array(0));
    expect((await client.get(key))?.value).toEqual(new Uint8Array(0));
    const value = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
    await client.put(key, value);
    expect((await client.get(key))?.value).toEqual(value);
  });

  test("ifVersion reaches the api: 0 creates only, a stale version is VersionMismatch", async () => {
    const { version } = await client.put(bytes("cas"), bytes("a"), { ifVersion: 0 });
    expect((await rejection(client.put(bytes("cas"), bytes("b"), { ifVersion: 0 }))).code).toBe(
      "VersionMismatch",
    );
    await client.put(bytes("cas"), bytes("c"), { ifVersion: version });
    expect((await client.get(bytes("cas")))?.value).toEqual(bytes("c"));
  });

  test("a delete with ifVersion deletes only at that version; a stale one is VersionMismatch", async () => {
    const first = await client.put(bytes("guarded"), bytes("a"));
    const second = await client.put(bytes("guarded"), bytes("b"));
    const stale = await rejection(client.delete(bytes("guarded"), { ifVersion: first.version }));
    expect(stale.code).toBe("VersionMismatch");
    expect(kv.lastOptions).toMatchObject({ ifVersion: first.version });
    expect((await client.get(bytes("guarded")))?.version).toBe(second.version);
    expect(await client.delete(bytes("guarded"), { ifVersion: second.version })).toEqual({ deleted: true });
    // Without ifVersion the request carries none: the api sees an unconditional delete.
    await client.delete(bytes("guarded"));
    expect(kv.lastOptions).not.toHaveProperty("ifVersion");
  });

  test("a put without ifVersion is unconditional even at version 0", async () => {
    await client.put(bytes("plain"), bytes("a"));
    await client.put(bytes("plain"), bytes("b"));
    expect(kv.lastOptions).not.toHaveProperty("ifVersion");
  });

  test("a stale get asks the api for a stale read; the default is linearizable", async () => {
    await client.get(bytes("greeting"), { consistency: "stale" });
    expect(kv.lastOptions).toMatchObject({ consistency: "stale", forwarded: false });
    await client.get(bytes("greeting"));
    expect(kv.lastOptions).toMatchObject({ consistency: "linearizable" });
  });

  test("status, join and leave round-trip", async () => {
    expect(await client.status()).toEqual(await kv.status());
    const member = { id: "n2", addr: "127.0.0.1:7002", http: "127.0.0.1:8002" };
    const { members } = await client.join(member);
    expect(members).toContainEqual(member);
    await client.leave("n2");
    expect(kv.members.map((m) => m.id)).toEqual(["n1"]);
    expect((await rejection(client.leave("n9"))).code).toBe("NotMember");
  });

  test("every ErrorCode, its message and its leader hint survive the trip from server to client", async () => {
    for (const code of Object.keys(ERROR_MAPPINGS) as ErrorCode[]) {
      kv.failWith = () =>
        new RingkvError(code, `injected ${code}`, { leaderHint: "127.0.0.1:7777", retryAfterMs: 250 });
      const error = await rejection(client.get(bytes("k")));
      expect([error.code, error.message, error.leaderHint, error.retryAfterMs]).toEqual([
        code,
        `injected ${code}`,
        "127.0.0.1:7777",
        250,
      ]);
    }
  });

  test("each error travels as the gRPC status ERROR_MAPPINGS names, with ringkv-code metadata", async () => {
    const raw = new grpc.Client(served.addr, grpc.credentials.createInsecure());
    try {
      for (const code of Object.keys(ERROR_MAPPINGS) as ErrorCode[]) {
        kv.failWith = () => new RingkvError(code, "x");
        const status = await rawCall(raw, "/ringkv.kv.KV/Status", Buffer.alloc(0));
        expect([status.code, status.metadata.get("ringkv-code")]).toEqual([
          ERROR_MAPPINGS[code].grpc,
          [code],
        ]);
      }
    } finally {
      raw.close();
    }
  });

  test("an error that is not a RingkvError reaches the client as Internal", async () => {
    kv.failWith = () => new Error("disk on fire");
    const error = await rejection(client.status());
    expect([error.code, error.message]).toEqual(["Internal", "disk on fire"]);
  });

  test("invalid keys and values are refused before they reach the api", async () => {
    const calls = kv.calls.put + kv.calls.get + kv.calls.delete;
    const refusals: Array<[() => Promise<unknown>, ErrorCode]> = [
      [() => client.put(new Uint8Array(0), bytes("v")), "KeyEmpty"],
      [() => client.get(new Uint8Array(0)), "KeyEmpty"],
      [() => client.delete(new Uint8Array(0)), "KeyEmpty"],
      [() => client.put(new Uint8Array(4097), bytes("v")), "KeyTooLarge"],
      [() => client.get(new Uint8Array(4097)), "KeyTooLarge"],
      [() => client.put(bytes("k"), new Uint8Array(1024 * 1024 + 1)), "ValueTooLarge"],
      [() => client.leave(""), "InvalidArgument"],
      [() => client.join({ id: "n3", addr: "", http: "" }), "InvalidArgument"],
    ];
    for (const [call, code] of refusals) expect((await rejection(call())).code).toBe(code);
    expect(kv.calls.put + kv.calls.get + kv.calls.delete).toBe(calls);
  });

  test("a key of exactly 4096 bytes and a value of exactly 1 MiB are accepted", async () => {
    const key = new Uint8Array(4096).fill(1);
    await client.put(key, new Uint8Array(1024 * 1024).fill(2));
    expect((await client.get(key))?.value.byteLength).toBe(1024 * 1024);
  });

  test("malformed protobuf bytes fail the call with INVALID_ARGUMENT and code InvalidArgument, and the server keeps serving", async () => {
    const raw = new grpc.Client(served.addr, grpc.credentials.createInsecure());
    try {
      const garbage = [
        Buffer.from([0xff, 0xff, 0xff, 0xff]),
        Buffer.from([0x0a, 0x10, 0x01]), // field 1, length 16, one byte present
        Buffer.from([0x0f]), // wire type 7 does not exist
      ];
      for (const bytesSent of garbage) {
        for (const method of ["Put", "Get", "Delete", "Join", "Leave"]) {
          const status = await rawCall(raw, `/ringkv.kv.KV/${method}`, bytesSent);
          expect([status.code, status.metadata.get("ringkv-code")[0]], method).toEqual([
            grpc.status.INVALID_ARGUMENT,
            "InvalidArgument",
          ]);
        }
      }
    } finally {
      raw.close();
    }
    expect((await client.status()).node.id).toBe("n1");
  });

  test("a request over the client limit is refused with RequestTooLarge before it is decoded", async () => {
    const raw = new grpc.Client(served.addr, grpc.credentials.createInsecure());
    const calls = kv.calls.put;
    try {
      // PutRequest { key: "k", value: 3 MiB }: under grpc-js's 4 MiB default, over the client
      // limit (4 KiB key + 1 MiB value + overhead).
      const valueBytes = 3 * 1024 * 1024;
      const header = Buffer.from([0x0a, 0x01, 0x6b, 0x12, ...varint(valueBytes)]);
      const body = Buffer.concat([header, Buffer.alloc(valueBytes, 7)]);
      const status = await rawCall(raw, "/ringkv.kv.KV/Put", body);
      expect([status.code, status.metadata.get("ringkv-code")[0]]).toEqual([
        grpc.status.RESOURCE_EXHAUSTED,
        "RequestTooLarge",
      ]);
    } finally {
      raw.close();
    }
    expect(kv.calls.put).toBe(calls);
    expect((await client.status()).node.id).toBe("n1");
  });

  test("a request marked forwarded reaches the api with forwarded: true", async () => {
    const raw = new grpc.Client(served.addr, grpc.credentials.createInsecure());
    try {
      const metadata = new grpc.Metadata();
      metadata.set(FORWARDED_METADATA_KEY, "1");
      // DeleteRequest { key: "k" }
      const sentAt = Date.now();
      const status = await rawCall(raw, "/ringkv.kv.KV/Delete", Buffer.from([0x0a, 0x01, 0x6b]), metadata);
      expect(status.code).toBe(grpc.status.OK);
      expect(kv.lastOptions).toEqual({ forwarded: true, callerDeadline: expect.any(Number) });
      // The call's gRPC deadline (rawCall: 5 s) reaches the api, so the node can answer before it.
      const { callerDeadline } = kv.lastOptions as { callerDeadline: number };
      expect(callerDeadline - sentAt).toBeGreaterThan(4_000);
      expect(callerDeadline - sentAt).toBeLessThanOrEqual(5_100);
    } finally {
      raw.close();
    }
  });
});

describe("RingkvClient retries", () => {
  const servers: Served[] = [];
  const clients: RingkvClient[] = [];
  const serve = async (kv: FakeKv): Promise<string> => {
    const served = await serveGrpc(kv);
    servers.push(served);
    return served.addr;
  };
  const connect = (options: ConstructorParameters<typeof RingkvClient>[0]): RingkvClient => {
    // Retry behaviour on its own: no shard routing (its status call would count as an attempt).
    const client = new RingkvClient({ routing: false, ...options });
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.close();
  });

  test("a NotLeader answer sends the next attempt straight to the hinted leader", async () => {
    const leader = new FakeKv();
    const leaderAddr = await serve(leader);
    const follower = new FakeKv();
    follower.failWith = () => new RingkvError("NotLeader", "not the leader", { leaderHint: leaderAddr });
    const bystander = new FakeKv();
    const client = connect({ addresses: [await serve(follower), await serve(bystander)] });

    await client.put(bytes("k"), bytes("v"));
    expect([follower.calls.put, bystander.calls.put, leader.calls.put]).toEqual([1, 0, 1]);
    // The client now prefers the leader: the next call goes there first.
    await client.get(bytes("k"));
    expect([follower.calls.get, leader.calls.get]).toEqual([0, 1]);
  });

  test("a write to an address that refuses connections moves on to the next address", async () => {
    const live = new FakeKv();
    const client = connect({ addresses: [await deadAddress(), await serve(live)] });
    await client.put(bytes("k"), bytes("v"));
    expect(live.calls.put).toBe(1);
  });

  test("dead addresses at the front of the list cost one operation, not every operation", async () => {
    // The churn soak's writer (attemptsMax 2) stalled for 19 s on every shard: the two members
    // listed first had left, every write started at the first and gave up at the second.
    const live = new FakeKv();
    const client = connect({
      addresses: [await deadAddress(), await deadAddress(), await serve(live)],
      retry: { attemptsMax: 2, backoffBaseMs: 1 },
    });
    expect((await rejection(client.put(bytes("k"), bytes("v1")))).code).toBe("Unavailable");
    // The next operations start where nothing failed yet, and stay with the node that answered.
    await client.put(bytes("k"), bytes("v2"));
    await client.put(bytes("k"), bytes("v3"));
    expect(live.calls.put).toBe(2);
  });

  test("with every address dead, an operation fails with Unavailable within its budget", async () => {
    const budgetMs = 1_500;
    const client = connect({
      addresses: [await deadAddress(), await deadAddress()],
      retry: { attemptsMax: 50, budgetMs, backoffBaseMs: 10, backoffMaxMs: 100 },
    });
    const started = performance.now();
    const error = await rejection(client.get(bytes("k")));
    expect(error.code).toBe("Unavailable");
    expect(performance.now() - started).toBeLessThan(budgetMs + 500);
    // Which node did not answer, in the client's words, not grpc-js's (give-up.ts).
    expect(error.message).toMatch(/^node 127\.0\.0\.1:\d+ is unreachable$/);
  });

  test("a read is attempted at most attemptsMax times", async () => {
    const kv = new FakeKv();
    kv.failWith = () => new RingkvError("Unavailable", "no leader");
    const client = connect({ addresses: [await serve(kv)], retry: { attemptsMax: 3, backoffBaseMs: 1 } });
    expect((await rejection(client.get(bytes("k")))).code).toBe("Unavailable");
    expect(kv.calls.get).toBe(3);
  });

  test("a write the node answered with Unavailable is retried: a node's 503 promises nothing was applied", async () => {
    const kv = new FakeKv();
    kv.failWith = () => new RingkvError("Unavailable", "too many writes in flight");
    const client = connect({ addresses: [await serve(kv)], retry: { attemptsMax: 5, backoffBaseMs: 1 } });
    expect((await rejection(client.put(bytes("k"), bytes("v")))).code).toBe("Unavailable");
    expect((await rejection(client.delete(bytes("k")))).code).toBe("Unavailable");
    expect([kv.calls.put, kv.calls.delete]).toEqual([5, 5]);
  });

  test("a write the node answered with Timeout (outcome unknown) is not retried: it may still commit", async () => {
    const kv = new FakeKv();
    kv.failWith = () =>
      new RingkvError("Timeout", "leadership lost mid-proposal; the write's outcome is unknown");
    const client = connect({ addresses: [await serve(kv)], retry: { attemptsMax: 5, backoffBaseMs: 1 } });
    expect((await rejection(client.put(bytes("k"), bytes("v")))).code).toBe("Timeout");
    expect((await rejection(client.delete(bytes("k")))).code).toBe("Timeout");
    expect([kv.calls.put, kv.calls.delete]).toEqual([1, 1]);
  });

  test("a write that times out is not retried, and the error is Timeout", async () => {
    const kv = new FakeKv();
    kv.failWith = (op) => (op === "put" ? "hang" : null);
    const other = new FakeKv();
    const client = connect({ addresses: [await serve(kv), await serve(other)], deadlineMs: 200 });
    expect((await rejection(client.put(bytes("k"), bytes("v")))).code).toBe("Timeout");
    expect([kv.calls.put, other.calls.put]).toEqual([1, 0]);
  });

  test("a read that times out is retried on another address", async () => {
    const stuck = new FakeKv();
    stuck.failWith = () => "hang";
    const healthy = new FakeKv();
    await healthy.put(bytes("k"), bytes("v"));
    const client = connect({ addresses: [await serve(stuck), await serve(healthy)], deadlineMs: 200 });
    expect((await client.get(bytes("k")))?.value).toEqual(bytes("v"));
    expect([stuck.calls.get, healthy.calls.get]).toEqual([1, 1]);
  });

  test("errors that retrying cannot fix are returned at once", async () => {
    const kv = new FakeKv();
    kv.failWith = () => new RingkvError("VersionMismatch", "no");
    const client = connect({ addresses: [await serve(kv)] });
    expect((await rejection(client.put(bytes("k"), bytes("v"), { ifVersion: 3 }))).code).toBe(
      "VersionMismatch",
    );
    expect(kv.calls.put).toBe(1);
  });

  test("a closed client refuses calls with Unavailable", async () => {
    const client = connect({ addresses: [await serve(new FakeKv())] });
    client.close();
    expect((await rejection(client.status())).code).toBe("Unavailable");
  });

  test("a malformed address is refused when the client is made", () => {
    expect(() => new RingkvClient({ addresses: ["localhost"] })).toThrow(RingkvError);
    expect(() => new RingkvClient({ addresses: [] })).toThrow(RingkvError);
  });
});

function varint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

function rawCall(
  client: grpc.Client,
  path: string,
  body: Buffer,
  metadata = new grpc.Metadata(),
): Promise<{ code: grpc.status; metadata: grpc.Metadata }> {
  return new Promise((resolve) => {
    const call = client.makeUnaryRequest(
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      metadata,
      { deadline: Date.now() + 5_000 },
      () => {},
    );
    call.on("status", (status: grpc.StatusObject) =>
      resolve({ code: status.code, metadata: status.metadata }),
    );
  });
}

describe("the membership question peers ask (StatusRequest.membership_only)", () => {
  test("answers the node, its epoch and its members without building the whole status", async () => {
    const kv = new FakeKv();
    const served = await serveGrpc(kv);
    const peer = new PeerClient(served.addr);
    try {
      const answer = await peer.membership(Date.now() + 5_000);
      expect(answer).toEqual(kv.membership());
      expect(Object.keys(answer).sort()).toEqual(["epoch", "members", "node"]);
      expect(kv.calls.status).toBe(0);
    } finally {
      peer.close();
      await served.close();
    }
  });

  test("a node that cannot answer it alone (an older build) sends its own whole status, read the same way", async () => {
    const kv = new FakeKv();
    const { node, epoch, members } = kv.membership();
    // As a node without membership(): the handler falls back to the local status.
    Object.defineProperty(kv, "membership", { value: undefined });
    const served = await serveGrpc(kv);
    const peer = new PeerClient(served.addr);
    try {
      const answer = await peer.membership(Date.now() + 5_000);
      expect([answer.node, answer.epoch, answer.members]).toEqual([node, epoch, members]);
      expect(kv.calls.status).toBe(1);
      // Its own replicas only: a peer's question never fans out to the other members.
      expect(kv.lastOptions?.forwarded).toBe(true);
    } finally {
      peer.close();
      await served.close();
    }
  });
});

describe("RingkvClient shard routing", () => {
  const servers: Served[] = [];
  const clients: RingkvClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.close();
  });

  test("a key request goes straight to its shard's leader, as the cluster status names it", async () => {
    const [a, b] = [new FakeKv(), new FakeKv()];
    for (const kv of [a, b]) servers.push(await serveGrpc(kv));
    const [addrA, addrB] = servers.map((s) => s.addr) as [string, string];
    const members = [
      { id: "a", addr: addrA, http: "", state: "alive" as const, incarnation: 0 },
      { id: "b", addr: addrB, http: "", state: "alive" as const, incarnation: 0 },
    ];
    const shard = (id: number, leader: string) => ({
      id,
      leader,
      term: 1,
      replicas: ["a", "b"],
      learners: [],
      commitIndex: 1,
      appliedIndex: 1,
      keys: 0,
    });
    a.statusJson = {
      node: { id: "a", addr: addrA, http: "" },
      epoch: 1,
      members,
      ring: { shardCount: 2, replicationFactor: 2, shares: [0.5, 0.5] },
      shards: [shard(0, "a"), shard(1, "b")],
    };
    const ring = new ShardRing(await createHasher(), { shardCount: 2 });
    const keys = Array.from({ length: 40 }, (_, i) => bytes(`key-${i}`));
    const expected = { a: keys.filter((k) => ring.shardOfBytes(k) === 0).length, b: 0 };
    expected.b = keys.length - expected.a;
    expect(Math.min(expected.a, expected.b)).toBeGreaterThan(0);

    const client = new RingkvClient({ addresses: [addrA] });
    clients.push(client);
    for (const key of keys) await client.put(key, bytes("v"));
    expect([a.calls.put, b.calls.put]).toEqual([expected.a, expected.b]);
    // A planted mistake must show: routing off sends everything to the one address given.
    const unrouted = new RingkvClient({ addresses: [addrA], routing: false });
    clients.push(unrouted);
    for (const key of keys) await unrouted.put(key, bytes("v"));
    expect([a.calls.put, b.calls.put]).toEqual([expected.a + keys.length, expected.b]);
  });
});

describe("KV gRPC request metrics", () => {
  test("calls are counted and timed by method and gRPC status code name, as go-grpc-prometheus does", async () => {
    const { Metrics } = await import("../../../src/node/metrics.ts");
    const metrics = new Metrics({ processMetrics: false });
    const kv = new FakeKv();
    const served = await serveGrpc(kv, { metrics });
    const client = new RingkvClient({ addresses: [served.addr], retry: { attemptsMax: 1 } });
    try {
      await client.put(bytes("k"), bytes("v"));
      await client.put(bytes("k"), bytes("w"));
      await rejection(client.leave("not-a-member"));
      const text = await metrics.text();
      const labels = (method: string, code: string): string =>
        `{grpc_service="ringkv.kv.KV",grpc_method="${method}",grpc_code="${code}",grpc_type="unary"}`;
      expect(text).toContain(`ringkv_grpc_server_handled_total${labels("Put", "OK")} 2`);
      expect(text).toContain(`ringkv_grpc_server_handled_total${labels("Leave", "FAILED_PRECONDITION")} 1`);
      expect(text).toContain(`ringkv_grpc_server_handling_seconds_count${labels("Put", "OK")} 2`);
    } finally {
      client.close();
      await served.close();
    }
  });
});
