// Real grpc-js failures, produced on real sockets (refused port, unresolvable name, a server that
// never answers, one that dies mid-call, a connection reset or closed mid-call, a listener that
// accepts and never speaks HTTP/2), fed through the one mapping (src/api/grpc-status.ts): the
// message a user reads carries none of grpc-js's internals, and the code is honest — Unavailable
// only when the call never left this process, Timeout ("outcome unknown") once it may have.
import * as net from "node:net";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ERROR_MAPPINGS, NOT_APPLIED_CODES } from "../../src/api/errors.ts";
import { fromGrpcStatus, GRPC_INTERNALS, isUnsentFailure } from "../../src/api/grpc-status.ts";
import { kvServiceDefinition } from "../../src/api/kv-wire.ts";

const Stub = grpc.makeGenericClientConstructor(kvServiceDefinition(), "KV");
type GetCall = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null) => void,
) => void;

/** One Get to `address`, resolved with the status it failed with. */
function failedCall(address: string, deadlineMs: number): Promise<grpc.ServiceError> {
  const client = new Stub(address, grpc.credentials.createInsecure());
  const get = (client as unknown as { Get: GetCall }).Get.bind(client);
  return new Promise((resolve, reject) =>
    get({ key: Buffer.from("k") }, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (error) => {
      client.close();
      if (error) resolve(error);
      else reject(new Error("the call succeeded"));
    }),
  );
}

const closers: (() => void)[] = [];

async function listening(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  closers.push(() => server.close());
  return (server.address() as net.AddressInfo).port;
}

/** A KV server whose every handler runs `onCall` (and never answers unless it does). */
async function kvServer(onCall: (server: grpc.Server) => void): Promise<string> {
  const server = new grpc.Server();
  const handler = (): void => onCall(server);
  const methods = ["Get", "Put", "Delete", "Join", "Leave", "Status"];
  server.addService(kvServiceDefinition(), Object.fromEntries(methods.map((m) => [m, handler])));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  closers.push(() => server.forceShutdown());
  return `127.0.0.1:${port}`;
}

/** A TCP proxy to `target` that breaks each connection `afterMs` after it opens. */
async function breakingProxy(target: string, afterMs: number, how: "reset" | "close"): Promise<string> {
  const [host, port] = target.split(":");
  const proxy = net.createServer((client) => {
    const upstream = net.connect(Number(port), host);
    client
      .on("error", () => {})
      .pipe(upstream.on("error", () => {}))
      .pipe(client);
    setTimeout(() => {
      if (how === "reset") client.resetAndDestroy();
      else client.destroy();
      upstream.destroy();
    }, afterMs);
  });
  return `127.0.0.1:${await listening(proxy)}`;
}

interface Case {
  readonly name: string;
  readonly status: grpc.ServiceError;
  readonly sent: boolean;
}
const cases: Case[] = [];

beforeAll(async () => {
  const free = net.createServer();
  const deadPort = await listening(free);
  free.close();
  const silent = await kvServer(() => {});
  const dying = await kvServer((server) => setTimeout(() => server.forceShutdown(), 50));
  const blackHole = await listening(net.createServer(() => {}));
  const runs: [string, Promise<grpc.ServiceError>, boolean][] = [
    ["connection refused", failedCall(`127.0.0.1:${deadPort}`, 2_000), false],
    ["name does not resolve", failedCall("nonexistent.invalid:1", 5_000), false],
    ["listener never speaks HTTP/2", failedCall(`127.0.0.1:${blackHole}`, 500), false],
    ["server never answers", failedCall(silent, 300), true],
    ["server dies mid-call", failedCall(dying, 2_000), true],
    ["connection reset mid-call", failedCall(await breakingProxy(silent, 150, "reset"), 2_000), true],
    ["connection closed mid-call", failedCall(await breakingProxy(silent, 150, "close"), 2_000), true],
  ];
  for (const [name, status, sent] of runs) cases.push({ name, status: await status, sent });
}, 20_000);

afterAll(() => {
  for (const close of closers.splice(0)) close();
});

describe("real grpc-js failures, as a user reads them", () => {
  test("the raw texts do carry grpc-js internals (the checker has something to catch)", () => {
    const leaking = cases.filter((c) => GRPC_INTERNALS.test(c.status.details));
    // At least the refusal, the resolver failure and both deadlines: if grpc-js ever stops saying
    // these, the translation below is tested against nothing.
    expect(leaking.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "connection refused",
        "name does not resolve",
        "listener never speaks HTTP/2",
        "server never answers",
        "connection reset mid-call",
      ]),
    );
  });

  test("no translated message carries them, and each names the address and the cause", () => {
    for (const c of cases) {
      const error = fromGrpcStatus(c.status, "127.0.0.1:7002");
      expect(error.message, `${c.name}: ${c.status.details}`).not.toMatch(GRPC_INTERNALS);
      expect(error.message, c.name).toMatch(
        /^127\.0\.0\.1:7002: (no connection|no answer|the connection broke)/,
      );
    }
  });

  test("Unavailable only when the call never left; a call that may have arrived is Timeout, outcome unknown", () => {
    for (const c of cases) {
      const error = fromGrpcStatus(c.status);
      expect(isUnsentFailure(c.status), c.name).toBe(!c.sent);
      if (c.sent) {
        expect([c.name, error.code]).toEqual([c.name, "Timeout"]);
        expect(error.message, c.name).toMatch(/the outcome is unknown$/);
        expect(NOT_APPLIED_CODES.has(error.code)).toBe(false);
      } else {
        expect([c.name, error.code]).toEqual([c.name, "Unavailable"]);
        expect(error.retryAfterMs).toBeGreaterThan(0);
      }
    }
  });
});

describe("the error table", () => {
  test("NoQuorum is a 503 over HTTP, UNAVAILABLE over gRPC, exit 3, and promises nothing was applied", () => {
    expect(ERROR_MAPPINGS.NoQuorum).toEqual({ grpc: grpc.status.UNAVAILABLE, http: 503, exit: 3 });
    expect([...NOT_APPLIED_CODES].sort()).toEqual(["NoQuorum", "NotLeader", "Unavailable"]);
  });

  test("every code that answers 503 is one that promises nothing was applied; unknown outcomes are 504", () => {
    for (const [code, mapping] of Object.entries(ERROR_MAPPINGS)) {
      expect([code, mapping.http === 503]).toEqual([code, NOT_APPLIED_CODES.has(code as never)]);
    }
    expect(ERROR_MAPPINGS.Timeout).toMatchObject({ http: 504, grpc: grpc.status.DEADLINE_EXCEEDED });
  });
});
