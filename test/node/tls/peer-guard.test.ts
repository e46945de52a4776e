// The gRPC port's peer guard, in-process with real TLS handshakes: a peer-only method runs only
// for a caller with a peer-CA certificate; a client certificate, or none, is refused before the
// handler sees the request, and the refusal is reported; other methods serve every TLS caller.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { NodeTls, type PeerRefusal } from "../../../src/node/tls/node-tls.ts";
import { type TlsFiles, writeTlsFiles } from "../../support/tls-files.ts";

const PEER = "/test.Peer/Call";
const OPEN = "/test.Open/Call";
const bytes = (b: Buffer): Buffer => b;

describe("peer guard", () => {
  let dir: string;
  let files: TlsFiles;
  let server: grpc.Server;
  let addr: string;
  const handled = { [PEER]: 0, [OPEN]: 0 };
  const refusals: PeerRefusal[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ringkv-guard-"));
    files = await writeTlsFiles(dir);
    const tls = NodeTls.load({
      cert: files.cert,
      key: files.key,
      ca: files.ca,
      peerCert: files.peerCert,
      peerKey: files.peerKey,
      peerCa: files.peerCa,
    })!;
    server = new grpc.Server();
    for (const path of [PEER, OPEN] as const) {
      server.register(
        path,
        (_call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
          handled[path]++;
          callback(null, Buffer.from("ok"));
        },
        bytes,
        bytes,
        "unary",
      );
    }
    const credentials = tls.serverCredentials(new Set([PEER]), (r) => refusals.push(r));
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", credentials, (e, p) => (e ? reject(e) : resolve(p))),
    );
    addr = `127.0.0.1:${port}`;
  });

  afterAll(() => {
    server.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  function call(path: string, cert?: { cert: string; key: string }): Promise<grpc.ServiceError | null> {
    const credentials = grpc.credentials.createSsl(
      readFileSync(files.ca),
      cert ? readFileSync(cert.key) : null,
      cert ? readFileSync(cert.cert) : null,
    );
    const client = new grpc.Client(addr, credentials);
    return new Promise((resolve) =>
      client.makeUnaryRequest(
        path,
        bytes,
        bytes,
        Buffer.from("x"),
        { deadline: Date.now() + 10_000 },
        (e) => {
          client.close();
          resolve(e);
        },
      ),
    );
  }

  test("a peer certificate may call a peer-only method", async () => {
    const before = handled[PEER];
    expect(await call(PEER, { cert: files.peerCert, key: files.peerKey })).toBeNull();
    expect(handled[PEER]).toBe(before + 1);
  });

  test("a client certificate, or none, is refused before the handler runs, and reported", async () => {
    const before = handled[PEER];
    const seen = refusals.length;
    const withClientCert = await call(PEER, { cert: files.clientCert, key: files.clientKey });
    const anonymous = await call(PEER);
    expect([withClientCert?.code, withClientCert?.details]).toEqual([
      grpc.status.UNAUTHENTICATED,
      "refused: the client certificate is not signed by the peer CA: only nodes may call this (use a node's --peer-cert)",
    ]);
    expect(anonymous?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(handled[PEER]).toBe(before);
    expect(refusals.slice(seen).map((r) => r.method)).toEqual([PEER, PEER]);
    expect(refusals[seen]?.peer).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  test("other methods serve every caller that completes the handshake", async () => {
    expect(await call(OPEN)).toBeNull();
    expect(await call(OPEN, { cert: files.clientCert, key: files.clientKey })).toBeNull();
    expect(handled[OPEN]).toBe(2);
  });
});
