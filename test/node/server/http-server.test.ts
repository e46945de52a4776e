import * as http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ERROR_MAPPINGS, type ErrorCode, RingkvError } from "../../../src/api/errors.ts";
import { FakeKv } from "./fake-kv.ts";
import {
  encodeKey,
  errorCode,
  type HttpResult,
  request,
  result,
  type ServedHttp,
  serveHttp,
} from "./harness.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("HTTP API (DESIGN §5) over a fake KvApi", () => {
  const kv = new FakeKv();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let served: ServedHttp;
  const call = (spec: Parameters<typeof request>[1]): Promise<HttpResult> =>
    request(served.base, { agent, ...spec });

  beforeAll(async () => {
    served = await serveHttp(kv);
  });
  afterAll(async () => {
    agent.destroy();
    await served.close();
  });

  test("a PUT value reads back byte for byte with its version in X-Version", async () => {
    const put = await call({ method: "PUT", path: "/v1/kv/greeting", body: "hello" });
    expect(put.status).toBe(200);
    const { version } = put.json as { version: number };
    expect(version).toBeGreaterThan(0);
    const get = await call({ path: "/v1/kv/greeting" });
    expect(get.status).toBe(200);
    expect(get.body.toString()).toBe("hello");
    expect(get.headers["x-version"]).toBe(String(version));
    expect(get.headers["content-length"]).toBe("5");
    expect(get.headers["connection"]).toBe("keep-alive");
  });

  test("an empty body stores an empty value", async () => {
    await call({ method: "PUT", path: "/v1/kv/empty", body: "" });
    const get = await call({ path: "/v1/kv/empty" });
    expect(get.status).toBe(200);
    expect(get.body.byteLength).toBe(0);
  });

  test("GET of an absent key is 404 with code NotFound", async () => {
    const get = await call({ path: "/v1/kv/never-written" });
    expect(get.status).toBe(404);
    expect(errorCode(get)).toBe("NotFound");
  });

  test("DELETE reports whether the key existed", async () => {
    await call({ method: "PUT", path: "/v1/kv/doomed", body: "x" });
    expect((await call({ method: "DELETE", path: "/v1/kv/doomed" })).json).toEqual({ deleted: true });
    expect((await call({ method: "DELETE", path: "/v1/kv/doomed" })).json).toEqual({ deleted: false });
    expect((await call({ path: "/v1/kv/doomed" })).status).toBe(404);
  });

  test("If-Match: 0 creates only, If-Match: N succeeds only at version N, a mismatch is 412", async () => {
    const created = await call({
      method: "PUT",
      path: "/v1/kv/cas",
      body: "a",
      headers: { "if-match": "0" },
    });
    expect(created.status).toBe(200);
    const again = await call({ method: "PUT", path: "/v1/kv/cas", body: "b", headers: { "if-match": "0" } });
    expect(again.status).toBe(412);
    expect(errorCode(again)).toBe("VersionMismatch");
    const { version } = created.json as { version: number };
    const updated = await call({
      method: "PUT",
      path: "/v1/kv/cas",
      body: "c",
      headers: { "if-match": `${version}` },
    });
    expect(updated.status).toBe(200);
    const stale = await call({
      method: "PUT",
      path: "/v1/kv/cas",
      body: "d",
      headers: { "if-match": `"${version}"` },
    });
    expect(stale.status).toBe(412);
    expect((await call({ path: "/v1/kv/cas" })).body.toString()).toBe("c");
  });

  test("consistency=stale and =linearizable reach the api; the default is linearizable", async () => {
    await call({ path: "/v1/kv/greeting?consistency=stale" });
    expect(kv.lastOptions).toMatchObject({ consistency: "stale" });
    await call({ path: "/v1/kv/greeting?consistency=linearizable" });
    expect(kv.lastOptions).toMatchObject({ consistency: "linearizable" });
    await call({ path: "/v1/kv/greeting" });
    expect(kv.lastOptions).toMatchObject({ consistency: "linearizable" });
  });

  test("every byte string is a key: all 256 byte values round-trip through percent-encoding", async () => {
    const key = Uint8Array.from({ length: 256 }, (_, i) => i);
    const value = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    const put = await call({ method: "PUT", path: `/v1/kv/${encodeKey(key)}`, body: value });
    expect(put.status).toBe(200);
    expect((await kv.get(key))?.value).toEqual(value);
    const get = await call({ path: `/v1/kv/${encodeKey(key)}` });
    expect(new Uint8Array(get.body)).toEqual(value);
  });

  test("unescaped '/', '+' and lower-case escapes are taken literally in a key", async () => {
    await call({ method: "PUT", path: "/v1/kv/a/b+c%2fd", body: "v" });
    expect((await kv.get(utf8("a/b+c/d")))?.value).toEqual(utf8("v"));
  });

  test("GET /v1/status returns the api's status document", async () => {
    const reply = await call({ path: "/v1/status" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(reply.json).toEqual(JSON.parse(JSON.stringify(await kv.status())));
  });

  test("GET /v1/ring lists every shard's replicas and each node's share", async () => {
    const reply = await call({ path: "/v1/ring" });
    expect(reply.status).toBe(200);
    const ring = reply.json as {
      shardCount: number;
      shards: unknown[];
      nodes: Array<{ id: string; replicaShare: number }>;
    };
    expect(ring.shardCount).toBe(2);
    expect(ring.shards).toHaveLength(2);
    expect(ring.nodes.map((n) => [n.id, n.replicaShare])).toEqual([["n1", 1]]);
  });

  test("GET /metrics is Prometheus text with request counts by route template and process metrics", async () => {
    await call({ path: "/v1/kv/greeting" });
    const reply = await call({ path: "/metrics" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toContain("text/plain");
    const text = reply.body.toString();
    expect(text).toMatch(
      /ringkv_http_requests_total\{route="\/v1\/kv\/\{key\}",method="GET",code="200"\} \d+/,
    );
    expect(text).toContain("ringkv_http_request_duration_seconds_bucket");
    // Node's process metrics keep their standard names, so stock dashboards find them.
    expect(text).toMatch(/^process_cpu_user_seconds_total[ {]/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes[ {]/m);
    expect(text).not.toContain("ringkv_process_");
    expect(text).not.toContain("greeting");
  });

  test("GET / is an HTML status page with member ids escaped", async () => {
    kv.members.push({ id: "<img src=x>", addr: "127.0.0.1:7009", http: "" });
    try {
      const reply = await call({ path: "/" });
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
      const html = reply.body.toString();
      expect(html).toContain("&lt;img src=x&gt;");
      expect(html).not.toContain("<img");
      expect(html).toContain("127.0.0.1:7009");
    } finally {
      kv.members.pop();
    }
  });

  const badRequests: ReadonlyArray<{
    readonly name: string;
    readonly spec: Parameters<typeof request>[1];
    readonly status: number;
    readonly code: ErrorCode;
  }> = [
    { name: "empty key", spec: { path: "/v1/kv/" }, status: 400, code: "KeyEmpty" },
    {
      name: "no key segment",
      spec: { method: "PUT", path: "/v1/kv", body: "x" },
      status: 400,
      code: "KeyEmpty",
    },
    {
      name: "key over 4096 bytes",
      spec: { path: `/v1/kv/${"k".repeat(4097)}` },
      status: 400,
      code: "KeyTooLarge",
    },
    {
      name: "escaped key over 4096 bytes",
      spec: { method: "DELETE", path: `/v1/kv/${"%00".repeat(4097)}` },
      status: 400,
      code: "KeyTooLarge",
    },
    { name: "bad escape %zz", spec: { path: "/v1/kv/a%zzb" }, status: 400, code: "InvalidArgument" },
    { name: "truncated escape", spec: { path: "/v1/kv/ab%4" }, status: 400, code: "InvalidArgument" },
    {
      name: "bare %",
      spec: { method: "PUT", path: "/v1/kv/%", body: "x" },
      status: 400,
      code: "InvalidArgument",
    },
    {
      name: "consistency=eventual",
      spec: { path: "/v1/kv/k?consistency=eventual" },
      status: 400,
      code: "InvalidArgument",
    },
    {
      name: "empty consistency",
      spec: { path: "/v1/kv/k?consistency=" },
      status: 400,
      code: "InvalidArgument",
    },
    ...["abc", "-1", "1.5", "1e3", "", "*", "1, 2", "99999999999999999999"].map((ifMatch) => ({
      name: `If-Match: ${JSON.stringify(ifMatch)}`,
      spec: { method: "PUT", path: "/v1/kv/k", body: "x", headers: { "if-match": ifMatch } },
      status: 400,
      code: "InvalidArgument" as const,
    })),
    {
      name: "value over 1 MiB",
      spec: { method: "PUT", path: "/v1/kv/k", body: Buffer.alloc(1024 * 1024 + 1) },
      status: 413,
      code: "ValueTooLarge",
    },
    { name: "unknown route", spec: { path: "/v2/kv/k" }, status: 404, code: "NotFound" },
    { name: "unknown route under /v1", spec: { path: "/v1/statusx" }, status: 404, code: "NotFound" },
    {
      name: "POST on a key",
      spec: { method: "POST", path: "/v1/kv/k", body: "x" },
      status: 405,
      code: "InvalidArgument",
    },
    {
      name: "PUT on /v1/status",
      spec: { method: "PUT", path: "/v1/status", body: "x" },
      status: 405,
      code: "InvalidArgument",
    },
  ];

  test.each(badRequests)("$name is refused with $status $code, and the server keeps serving", async (bad) => {
    const calls = kv.calls.put + kv.calls.get + kv.calls.delete;
    const reply = await call(bad.spec);
    expect(reply.status).toBe(bad.status);
    expect(errorCode(reply)).toBe(bad.code);
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(typeof (reply.json as { error: { message: unknown } }).error.message).toBe("string");
    // Refused at the edge: the api never saw it.
    expect(kv.calls.put + kv.calls.get + kv.calls.delete).toBe(calls);
    expect((await call({ path: "/v1/status" })).status).toBe(200);
  });

  test("405 names the allowed methods in Allow", async () => {
    const reply = await call({ method: "PATCH", path: "/v1/kv/k" });
    expect(reply.headers["allow"]).toBe("GET, HEAD, PUT, DELETE");
    expect((await call({ method: "POST", path: "/metrics" })).headers["allow"]).toBe("GET, HEAD");
  });

  test("every error code answers with its ERROR_MAPPINGS status and code", async () => {
    for (const code of Object.keys(ERROR_MAPPINGS) as ErrorCode[]) {
      kv.failWith = () => new RingkvError(code, `injected ${code}`);
      try {
        const reply = await call({ path: "/v1/kv/k" });
        expect(reply.status, code).toBe(ERROR_MAPPINGS[code].http);
        expect(reply.json).toEqual({ error: { code, message: `injected ${code}` } });
      } finally {
        kv.failWith = null;
      }
    }
  });

  test("503 carries Retry-After in whole seconds, at least 1", async () => {
    const cases: Array<[ErrorCode, number, string]> = [
      ["Unavailable", 0, "1"],
      ["Unavailable", 200, "1"],
      ["NotLeader", 2500, "3"],
    ];
    for (const [code, retryAfterMs, expected] of cases) {
      kv.failWith = () => new RingkvError(code, "busy", { retryAfterMs });
      try {
        const reply = await call({ method: "PUT", path: "/v1/kv/k", body: "x" });
        expect(reply.status).toBe(503);
        expect(reply.headers["retry-after"]).toBe(expected);
      } finally {
        kv.failWith = null;
      }
    }
  });

  test("a non-RingkvError thrown by the api is a 500 Internal, and the server keeps serving", async () => {
    kv.failWith = () => new TypeError("boom");
    try {
      const reply = await call({ path: "/v1/status" });
      expect(reply.status).toBe(500);
      expect(errorCode(reply)).toBe("Internal");
    } finally {
      kv.failWith = null;
    }
    expect((await call({ path: "/v1/status" })).status).toBe(200);
  });
});

describe("HTTP request body limit", () => {
  const kv = new FakeKv();
  let served: ServedHttp;
  beforeAll(async () => {
    served = await serveHttp(kv, { maxValueBytes: 64, bodyBytesMax: 128 });
  });
  afterAll(async () => {
    await served.close();
  });

  test("a body between maxValueBytes and bodyBytesMax is read and refused with 413 ValueTooLarge", async () => {
    const reply = await request(served.base, { method: "PUT", path: "/v1/kv/k", body: Buffer.alloc(100) });
    expect(reply.status).toBe(413);
    expect(errorCode(reply)).toBe("ValueTooLarge");
  });

  test("a declared Content-Length over the limit is refused with 413 before the body is sent", async () => {
    const reply = await new Promise<HttpResult>((resolve, reject) => {
      const url = new URL(served.base);
      const req = http.request({
        host: url.hostname,
        port: url.port,
        method: "PUT",
        path: "/v1/kv/k",
        headers: { "content-length": String(10 * 1024 * 1024), expect: "100-continue" },
      });
      req.on("continue", () => reject(new Error("the server asked for the body")));
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res
          .on("data", (c: Buffer) => chunks.push(c))
          .on("end", () => resolve(result(res, Buffer.concat(chunks))));
      });
      req.on("error", () => {});
      req.flushHeaders();
    });
    expect(reply.status).toBe(413);
    expect(errorCode(reply)).toBe("RequestTooLarge");
    expect(kv.calls.put).toBe(0);
    expect((await request(served.base, { path: "/v1/status" })).status).toBe(200);
  });

  test("a chunked body that grows past the limit is cut off with 413 and the connection closed", async () => {
    const reply = await new Promise<HttpResult>((resolve, reject) => {
      const url = new URL(served.base);
      const req = http.request({ host: url.hostname, port: url.port, method: "PUT", path: "/v1/kv/k" });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res
          .on("data", (c: Buffer) => chunks.push(c))
          .on("end", () => resolve(result(res, Buffer.concat(chunks))));
      });
      req.on("error", reject);
      // More than the limit, without ending the request: the server must answer anyway.
      req.write(Buffer.alloc(200));
    });
    expect(reply.status).toBe(413);
    expect(errorCode(reply)).toBe("RequestTooLarge");
    expect(reply.headers["connection"]).toBe("close");
    expect(kv.calls.put).toBe(0);
    const after = await request(served.base, { method: "PUT", path: "/v1/kv/k", body: "fits" });
    expect(after.status).toBe(200);
  });

  test("a client that keeps sending megabytes after the 413 cannot take the server down", async () => {
    const url = new URL(served.base);
    const puts = kv.calls.put;
    await new Promise<void>((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, method: "PUT", path: "/v1/kv/k" });
      // Either a 413 or a reset is a fine outcome for this client; the server's health is the point.
      req.on("response", (res) =>
        res
          .resume()
          .on("end", resolve)
          .on("error", () => resolve()),
      );
      req.on("error", () => resolve());
      const chunk = Buffer.alloc(64 * 1024);
      for (let i = 0; i < 64; i++) req.write(chunk);
      req.end();
    });
    expect(kv.calls.put).toBe(puts);
    expect((await request(served.base, { path: "/v1/status" })).status).toBe(200);
  });
});
