// The native lease surfaces over a fake lease model: the client library through the gRPC service,
// and the HTTP routes, carry ids (decimal and hex), TTLs, keys and LeaseNotFound unchanged.
import * as http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatLeaseId, parseLeaseId } from "../../../src/api/lease-id.ts";
import { RingkvClient } from "../../../src/client/index.ts";
import { FakeKv } from "./fake-kv.ts";
import { FakeLeases } from "./fake-leases.ts";
import {
  errorCode,
  type HttpResult,
  request,
  type Served,
  type ServedHttp,
  serveGrpc,
  serveHttp,
} from "./harness.ts";

describe("lease ids as people type them", () => {
  test("decimal, 0x-hex and etcdctl's bare hex all name the same lease", () => {
    expect(parseLeaseId("7587")).toBe(7587);
    expect(parseLeaseId("0x1da3")).toBe(0x1da3);
    expect(parseLeaseId("1a2b3c4d5e6f")).toBe(0x1a2b3c4d5e6f);
    expect(formatLeaseId(255)).toBe("255 (0xff)");
  });

  test("zero, negatives, words and ids beyond 2^53-1 are refused, never rounded", () => {
    for (const bad of ["0", "-3", "lease", "", "0x20000000000000", "9007199254740993"]) {
      expect(() => parseLeaseId(bad), bad).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    }
  });
});

describe("leases through the gRPC service and the client library", () => {
  const leases = new FakeLeases();
  let served: Served;
  let client: RingkvClient;
  beforeAll(async () => {
    served = await serveGrpc(new FakeKv(), { model: leases });
    client = new RingkvClient({ addresses: [served.addr], retry: { attemptsMax: 1 } });
  });
  afterAll(async () => {
    client.close();
    await served.close();
  });

  test("grant, keep-alive, time-to-live with keys, list and revoke reach the model and answer", async () => {
    const granted = await client.leaseGrant(2, 4242);
    expect(granted).toEqual({ id: 4242, ttlSeconds: 5 });
    leases.leasesById.get(4242)?.keys.push(new TextEncoder().encode("held"));
    expect(await client.leaseKeepAlive(4242)).toEqual({ id: 4242, ttlSeconds: 5 });
    const left = await client.leaseTimeToLive(4242, { keys: true });
    expect({ ...left, keys: left.keys.map((k) => new TextDecoder().decode(k)) }).toEqual({
      id: 4242,
      ttlSeconds: 4,
      grantedTtlSeconds: 5,
      keys: ["held"],
    });
    expect(await client.leases()).toContain(4242);
    await client.leaseRevoke(4242);
    expect((await client.leaseTimeToLive(4242)).ttlSeconds).toBe(-1);
    await expect(client.leaseKeepAlive(4242)).rejects.toMatchObject({ code: "LeaseNotFound" });
  });

  test("an id the server could not hold is refused before it is sent", async () => {
    await expect(client.leaseRevoke(0)).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(client.leaseGrant(0)).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("leases over HTTP", () => {
  const leases = new FakeLeases();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let served: ServedHttp;
  const call = (spec: Parameters<typeof request>[1]): Promise<HttpResult> =>
    request(served.base, { agent, ...spec });
  beforeAll(async () => {
    served = await serveHttp(new FakeKv(), { model: leases });
  });
  afterAll(async () => {
    agent.destroy();
    await served.close();
  });

  test("POST /v1/lease grants and answers the id in decimal and hex", async () => {
    const reply = await call({
      method: "POST",
      path: "/v1/lease",
      body: JSON.stringify({ ttl: 30, id: 255 }),
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ id: 255, hex: "ff", ttl: 30 });
  });

  test("keep-alive, time-to-live (with keys in base64), list and revoke, by decimal or hex id", async () => {
    await call({ method: "POST", path: "/v1/lease", body: JSON.stringify({ ttl: 30, id: 4096 }) });
    const put = await call({ method: "PUT", path: "/v1/kv/session?lease=0x1000", body: "alive" });
    expect(put.status).toBe(200);
    expect(leases.calls).toContain("put session lease=4096");
    expect((await call({ method: "POST", path: "/v1/lease/4096/keepalive" })).json).toEqual({
      id: 4096,
      hex: "1000",
      ttl: 30,
    });
    const ttl = await call({ path: "/v1/lease/0x1000?keys=1" });
    expect(ttl.json).toEqual({
      id: 4096,
      hex: "1000",
      ttl: 29,
      grantedTtl: 30,
      keys: [Buffer.from("session").toString("base64")],
    });
    expect((await call({ path: "/v1/lease" })).json).toMatchObject({
      leases: expect.arrayContaining([{ id: 4096, hex: "1000" }]),
    });
    const revoked = await call({ method: "DELETE", path: "/v1/lease/0x1000" });
    expect(revoked.json).toEqual({ revoked: true, id: 4096, hex: "1000" });
    const gone = await call({ path: "/v1/lease/4096" });
    expect([gone.status, errorCode(gone)]).toEqual([404, "LeaseNotFound"]);
  });

  test("a malformed grant body, an unknown lease query or a bad id is a 400 naming the problem", async () => {
    const cases: [string, string, string?][] = [
      ["POST", "/v1/lease", "{}"],
      ["POST", "/v1/lease", '{"ttl": 5, "idd": 3}'],
      ["POST", "/v1/lease", "not json"],
      ["GET", "/v1/lease/zz"],
      ["GET", "/v1/lease/12?keys=yes"],
      ["PUT", "/v1/kv/k?lease=0"],
    ];
    for (const [method, path, body] of cases) {
      const reply = await call({ method, path, ...(body === undefined ? {} : { body }) });
      expect([method, path, reply.status, errorCode(reply)]).toEqual([method, path, 400, "InvalidArgument"]);
    }
  });
});
