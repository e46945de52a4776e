// The interceptor and the middleware stop a refused call before any handler runs: the KvApi
// behind them sees nothing of it — no put applied, no body read, no forwarded request served.
import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthGate,
  formatTokenLine,
  generateToken,
  hashToken,
  parseTokenFile,
  TokenStore,
} from "../../../src/node/auth/index.ts";
import { authInterceptor, httpAuthorize } from "../../../src/node/server/auth-interceptor.ts";
import { registerForwardService } from "../../../src/node/server/grpc-forward.ts";
import { registerKvService } from "../../../src/node/server/grpc-kv.ts";
import { encodeKv } from "../../cluster/grpc-raw.ts";
import { FakeKv } from "./fake-kv.ts";
import { request, serveHttp } from "./harness.ts";

const readToken = generateToken();
const gate = AuthGate.of(
  new TokenStore(
    parseTokenFile("t", formatTokenLine({ name: "r", role: "read", hash: hashToken(readToken) })),
  ),
);
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function serveGrpcWithAuth(api: FakeKv): Promise<grpc.Client> {
  const server = new grpc.Server({ interceptors: [authInterceptor(gate, () => null)] });
  registerKvService(server, api);
  registerForwardService(server, api);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  closers.push(() => {
    client.close();
    server.forceShutdown();
  });
  return client;
}

const passThrough = (b: Buffer): Buffer => b;

function put(client: grpc.Client, metadata: grpc.Metadata): Promise<grpc.status> {
  const body = encodeKv("PutRequest", { key: Buffer.from("k"), value: Buffer.from("v") });
  return new Promise((resolve) =>
    client.makeUnaryRequest("/ringkv.kv.KV/Put", passThrough, passThrough, body, metadata, (e) =>
      resolve(e ? e.code : grpc.status.OK),
    ),
  );
}

describe("a refused call reaches no handler", () => {
  it("gRPC: a put without a token, or with a read token, is not applied", async () => {
    const api = new FakeKv();
    const client = await serveGrpcWithAuth(api);
    expect(await put(client, new grpc.Metadata())).toBe(grpc.status.UNAUTHENTICATED);
    const asReader = new grpc.Metadata();
    asReader.set("authorization", `Bearer ${readToken}`);
    expect(await put(client, asReader)).toBe(grpc.status.PERMISSION_DENIED);
    // Claiming to be a forwarded request changes routing, never the check.
    const claimsForwarded = new grpc.Metadata();
    claimsForwarded.set("ringkv-forwarded", "1");
    expect(await put(client, claimsForwarded)).toBe(grpc.status.UNAUTHENTICATED);
    expect(api.calls.put).toBe(0);
  });

  it("gRPC: the Forward stream refuses a read token before serving anything sent on it", async () => {
    const api = new FakeKv();
    const client = await serveGrpcWithAuth(api);
    const metadata = new grpc.Metadata();
    metadata.set("authorization", `Bearer ${readToken}`);
    const { forwardServiceDefinition } = await import("../../../src/node/cluster/forward-wire.ts");
    const method = forwardServiceDefinition()["Stream"]!;
    const stream = client.makeBidiStreamRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      metadata,
    );
    const code = new Promise<grpc.status>((resolve) =>
      stream.on("error", (e: grpc.ServiceError) => resolve(e.code)),
    );
    stream.on("data", () => {});
    stream.write({ requests: [{ id: 1, put: { key: Buffer.from("k"), value: Buffer.from("v") } }] });
    expect(await code).toBe(grpc.status.PERMISSION_DENIED);
    expect(api.calls.put).toBe(0);
  });

  it("HTTP: a refused PUT is answered 401/403 without the put, and the body is not waited for", async () => {
    const api = new FakeKv();
    const served = await serveHttp(api, { authorize: httpAuthorize(gate) });
    closers.push(() => void served.close());
    const anonymous = await request(served.base, { method: "PUT", path: "/v1/kv/k", body: "v" });
    expect([anonymous.status, anonymous.headers["www-authenticate"]]).toEqual([401, 'Bearer realm="ringkv"']);
    const reader = await request(served.base, {
      method: "PUT",
      path: "/v1/kv/k",
      body: "v",
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(reader.status).toBe(403);
    expect(api.calls.put).toBe(0);
    const read = await request(served.base, {
      path: "/v1/kv/k",
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(read.status).toBe(404);
    expect(api.calls.get).toBe(1);
  });
});
