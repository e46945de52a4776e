// Issue 11 §8: HTTP preconditions on DELETE and PUT, HEAD wherever GET works, unknown query
// parameters refused, and the /health and /ready probes — over a fake KvApi.
import * as http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StatusJson } from "../../../src/api/kv-api.ts";
import { FakeKv } from "./fake-kv.ts";
import { errorCode, type HttpResult, request, type ServedHttp, serveHttp } from "./harness.ts";

describe("HTTP preconditions, HEAD, query parameters and probes", () => {
  const kv = new FakeKv();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let served: ServedHttp;
  const call = (spec: Parameters<typeof request>[1]): Promise<HttpResult> =>
    request(served.base, { agent, ...spec });
  const put = async (key: string, body: string): Promise<number> =>
    ((await call({ method: "PUT", path: `/v1/kv/${key}`, body })).json as { version: number }).version;

  beforeAll(async () => {
    served = await serveHttp(kv);
  });
  afterAll(async () => {
    agent.destroy();
    await served.close();
  });

  test("DELETE with If-Match: N deletes only at version N; a stale version is 412 and the key stays", async () => {
    const first = await put("guarded", "v1");
    const second = await put("guarded", "v2");
    const stale = await call({
      method: "DELETE",
      path: "/v1/kv/guarded",
      headers: { "if-match": String(first) },
    });
    expect(stale.status).toBe(412);
    expect(errorCode(stale)).toBe("VersionMismatch");
    expect(kv.lastOptions).toMatchObject({ ifVersion: first });
    expect((await call({ path: "/v1/kv/guarded" })).body.toString()).toBe("v2");
    const fresh = await call({
      method: "DELETE",
      path: "/v1/kv/guarded",
      headers: { "if-match": `"${second}"` },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.json).toEqual({ deleted: true });
    expect((await call({ path: "/v1/kv/guarded" })).status).toBe(404);
  });

  test("DELETE with a malformed If-Match is 400 and deletes nothing", async () => {
    await put("kept", "x");
    const reply = await call({ method: "DELETE", path: "/v1/kv/kept", headers: { "if-match": "*" } });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe("InvalidArgument");
    expect((await call({ path: "/v1/kv/kept" })).status).toBe(200);
  });

  test("PUT with If-None-Match: * creates only: 412 on an existing key, which keeps its value", async () => {
    const created = await call({
      method: "PUT",
      path: "/v1/kv/once",
      body: "a",
      headers: { "if-none-match": "*" },
    });
    expect(created.status).toBe(200);
    expect(kv.lastOptions).toMatchObject({ ifVersion: 0 });
    const again = await call({
      method: "PUT",
      path: "/v1/kv/once",
      body: "b",
      headers: { "if-none-match": "*" },
    });
    expect(again.status).toBe(412);
    expect(errorCode(again)).toBe("VersionMismatch");
    expect((await call({ path: "/v1/kv/once" })).body.toString()).toBe("a");
  });

  test.each([
    { headers: { "if-none-match": '"7"' }, why: "an entity tag: versions are not etags" },
    { headers: { "if-none-match": "*", "if-match": "3" }, why: "create-only contradicts If-Match: 3" },
  ])("PUT with $why is 400", async ({ headers }) => {
    const puts = kv.calls.put;
    const reply = await call({ method: "PUT", path: "/v1/kv/x", body: "b", headers });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe("InvalidArgument");
    expect(kv.calls.put).toBe(puts);
  });

  test("HEAD of a key: GET's status and headers, Content-Length of the value, no body", async () => {
    const version = await put("headed", "twelve bytes");
    const head = await call({ method: "HEAD", path: "/v1/kv/headed" });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe("12");
    expect(head.headers["x-version"]).toBe(String(version));
    expect(head.body.byteLength).toBe(0);
    const absent = await call({ method: "HEAD", path: "/v1/kv/not-there" });
    expect(absent.status).toBe(404);
    expect(absent.body.byteLength).toBe(0);
    // The keep-alive connection is still in step: the next answer is whole.
    expect((await call({ path: "/v1/kv/headed" })).body.toString()).toBe("twelve bytes");
  });

  test.each(["/", "/v1/status", "/v1/ring", "/metrics", "/health", "/ready"])(
    "HEAD %s answers like GET, without the body",
    async (path) => {
      const get = await call({ path });
      const head = await call({ method: "HEAD", path });
      expect(head.status).toBe(get.status);
      expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
      expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
      expect(head.body.byteLength).toBe(0);
    },
  );

  test.each([
    { path: "/v1/kv/k?recurse", name: "recurse" },
    { path: "/v1/kv/k?consistency=stale&limit=3", name: "limit" },
    { path: "/v1/status?scope=local&verbose=1", name: "verbose" },
    { path: "/metrics?format=json", name: "format" },
    { path: "/health?full", name: "full" },
  ])("GET $path is 400 naming the unknown parameter $name", async ({ path, name }) => {
    const gets = kv.calls.get;
    const reply = await call({ path });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe("InvalidArgument");
    expect((reply.json as { error: { message: string } }).error.message).toContain(`"${name}"`);
    expect(kv.calls.get).toBe(gets);
  });

  test("a parameter known to GET is unknown to PUT and DELETE", async () => {
    const putReply = await call({ method: "PUT", path: "/v1/kv/k?consistency=stale", body: "x" });
    expect(putReply.status).toBe(400);
    expect((putReply.json as { error: { message: string } }).error.message).toContain('"consistency"');
    expect((await call({ method: "DELETE", path: "/v1/kv/k?consistency=stale" })).status).toBe(400);
  });

  test("GET /health is 200 JSON while the node is a member", async () => {
    const reply = await call({ path: "/health" });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      ok: true,
      node: "n1",
      checks: { process: true, storage: true, member: true },
    });
  });

  test("GET /health is 503 with the reason once the node is no longer a member", async () => {
    const self = kv.members.shift();
    try {
      const reply = await call({ path: "/health" });
      expect(reply.status).toBe(503);
      const body = reply.json as { ok: boolean; reason: string; checks: { member: boolean } };
      expect(body.ok).toBe(false);
      expect(body.checks.member).toBe(false);
      expect(body.reason).toContain("n1 is not (yet) a member");
    } finally {
      if (self) kv.members.unshift(self);
    }
  });

  test("GET /ready is 200 while every shard has a leader, 503 listing the leaderless ones", async () => {
    expect((await call({ path: "/ready" })).json).toEqual({ ready: true, shards: 2, leaderless: [] });
    const base = await kv.status();
    const shards = base.shards.map((s) => (s.id === 1 ? { ...s, leader: "" } : s));
    kv.statusJson = { ...base, shards } satisfies StatusJson;
    try {
      const reply = await call({ path: "/ready" });
      expect(reply.status).toBe(503);
      expect(reply.json).toMatchObject({ ready: false, shards: 2, leaderless: [1] });
      expect((reply.json as { reason: string }).reason).toContain("1 of 2 shard(s) have no leader: 1");
    } finally {
      kv.statusJson = null;
    }
  });
});

describe("GET /health with the node's own checks", () => {
  test("closed storage makes the node unhealthy, and says so", async () => {
    const kv = new FakeKv();
    const { localHealth } = await import("../../../src/node/server/health.ts");
    const served = await serveHttp(kv, { health: async () => localHealth(await kv.status(), false) });
    try {
      const reply = await request(served.base, { path: "/health", agent: false });
      expect(reply.status).toBe(503);
      expect(reply.json).toMatchObject({
        ok: false,
        checks: { storage: false },
        reason: "storage is closed",
      });
    } finally {
      await served.close();
    }
  });
});
