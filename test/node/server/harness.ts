// Real servers on loopback port 0 for the API tests: the KV gRPC service and the HTTP server over
// any KvApi, a port nothing listens on, and a small HTTP request helper with a keep-alive agent.
import * as http from "node:http";
import * as net from "node:net";
import * as grpc from "@grpc/grpc-js";
import type { KvApi } from "../../../src/api/kv-api.ts";
import { type KvServiceOptions, registerKvService } from "../../../src/node/server/grpc-kv.ts";
import { createHttpServer, type HttpServerOptions } from "../../../src/node/server/http-server.ts";

export interface Served {
  readonly addr: string;
  close(): Promise<void>;
}

export async function serveGrpc(api: KvApi, options: KvServiceOptions = {}): Promise<Served> {
  const server = new grpc.Server();
  registerKvService(server, api, options);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    addr: `127.0.0.1:${port}`,
    close: async () => {
      server.forceShutdown();
    },
  };
}

export interface ServedHttp extends Served {
  /** http://127.0.0.1:PORT */
  readonly base: string;
  readonly server: http.Server;
}

export async function serveHttp(api: KvApi, options: HttpServerOptions = {}): Promise<ServedHttp> {
  const server = createHttpServer(api, options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    addr: `127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An address that refuses connections: a port that was just free. */
export async function deadAddress(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `127.0.0.1:${port}`;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body parsed as JSON (undefined if it is not JSON). */
  readonly json: unknown;
}

export interface RequestSpec {
  readonly method?: string;
  /** Sent as is: no normalisation, so tests control every percent-escape. */
  readonly path: string;
  readonly headers?: http.OutgoingHttpHeaders;
  readonly body?: Uint8Array | string;
  /** false: a fresh connection (no pooled socket outliving a killed server). */
  readonly agent?: http.Agent | false;
  /** Give up (reject) after this long; default: wait as long as the socket lives. */
  readonly timeoutMs?: number;
}

export function request(base: string, spec: RequestSpec): Promise<HttpResult> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: spec.method ?? "GET",
        path: spec.path,
        headers: spec.headers,
        agent: spec.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => resolve(result(res, Buffer.concat(chunks))));
      },
    );
    if (spec.timeoutMs !== undefined) {
      const ms = spec.timeoutMs;
      req.setTimeout(ms, () => req.destroy(new Error(`HTTP ${spec.path} to ${base}: no answer in ${ms} ms`)));
    }
    req.on("error", reject);
    req.end(spec.body);
  });
}

export function result(res: http.IncomingMessage, body: Buffer): HttpResult {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    json = undefined;
  }
  return { status: res.statusCode ?? 0, headers: res.headers, body, json };
}

/** The `{"error": {"code"}}` of an error reply. */
export function errorCode(reply: HttpResult): unknown {
  const body = reply.json as { error?: { code?: unknown } } | undefined;
  return body?.error?.code;
}

/** Percent-encode every byte, so any byte string is a valid path segment. */
export function encodeKey(key: Uint8Array): string {
  return [...key].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("");
}
