// Transport security with real processes and real TLS handshakes on 127.0.0.1 (issue 12): a TLS
// cluster serves clients that trust its CA; a client without the CA, or plaintext on the TLS
// port, gets a clear error promptly; a node with another cluster's peer certificate cannot join,
// and a caller without a peer certificate cannot send Raft or gossip messages (the node logs the
// refusal); plaintext beyond loopback is refused unless --insecure.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RingkvClient } from "../../src/client/index.ts";
import { formatTokenLine, generateToken, hashToken } from "../../src/node/auth/index.ts";
import { gossipServiceDefinition } from "../../src/node/gossip/index.ts";
import { raftServiceDefinition } from "../../src/transport/index.ts";
import { type TlsFiles, writeTlsFiles } from "../support/tls-files.ts";
import { freePort, NodeProcess, runRingkv } from "./harness.ts";
import { waitFor, within } from "./wait-for.ts";

const JOIN_PATH = "/ringkv.kv.KV/Join";

async function node(root: string, id: string, env: Record<string, string>): Promise<NodeProcess> {
  const listen = `127.0.0.1:${await freePort()}`;
  const http = `127.0.0.1:${await freePort()}`;
  const n = new NodeProcess({ id, listen, advertise: listen, http, dataDir: join(root, id) });
  n.env = { ...env, RINGKV_SETTINGS: JSON.stringify({}) };
  return n;
}

/** One call of a peer-only client-streaming method; resolves with the status it ended with. */
function peerCall(
  addr: string,
  credentials: grpc.ChannelCredentials,
  path: string,
): Promise<grpc.ServiceError | null> {
  const client = new grpc.Client(addr, credentials);
  return new Promise((resolve) => {
    const call = client.makeClientStreamRequest(
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      new grpc.Metadata(),
      { deadline: Date.now() + 10_000 },
      (error) => {
        client.close();
        resolve(error);
      },
    );
    call.end();
  });
}

function refusals(n: NodeProcess, method: string): number {
  return n.lines.filter(
    (l) =>
      l.json?.["msg"] === "refused a peer-only call without a peer certificate" &&
      l.json["method"] === method,
  ).length;
}

describe("TLS between clients and nodes, mutual TLS between nodes", { timeout: 300_000 }, () => {
  let root: string;
  let files: TlsFiles;
  let n1: NodeProcess;
  let n2: NodeProcess;
  let client: RingkvClient;
  const started: NodeProcess[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "ringkv-tls-"));
    files = await writeTlsFiles(root);
    n1 = await node(root, "n1", files.nodeEnv);
    n2 = await node(root, "n2", files.nodeEnv);
    started.push(n1, n2);
    await n1.start("bootstrap");
    await n2.start({ join: n1.listen });
    client = new RingkvClient({ addresses: [n1.listen, n2.listen], tls: { ca: readFileSync(files.ca) } });
    await waitFor(
      async () => (await client.status()).members.filter((m) => m.state === "alive").length === 2,
      {
        timeoutMs: 60_000,
        what: "n1 and n2 alive, seen over TLS",
      },
    );
  }, 240_000);

  afterAll(async () => {
    client?.close();
    for (const n of started) if (n.running) await n.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test("the client message limit reads the length prefix on a TLS port too (no node fell back)", async () => {
    const c = new RingkvClient({ addresses: [n1.listen, n2.listen], tls: { ca: readFileSync(files.ca) } });
    try {
      await c.put("limit-probe", "x");
    } finally {
      c.close();
    }
    // The limit's interceptor must run before TLS's peer guard, or it cannot reach the decoder
    // and warns once (grpc-message-limit.ts).
    const fellBack = [n1, n2].filter((n) =>
      n.lines.some((l) => String(l.json?.["msg"] ?? "").startsWith("grpc-js internals changed")),
    );
    expect(fellBack.map((n) => n.id)).toEqual([]);
  });

  test("`ringkv leave` with a client's credentials is refused with the node's reason, not gRPC's", async () => {
    const run = await runRingkv(["leave", "n2", "--addr", n1.listen, "--ca", files.ca, "--timeout", "10"]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: Unauthenticated: .*refused: .*--peer-cert/);
    expect(run.stderr).not.toMatch(/failed in gRPC|UNAUTHENTICATED/);
  });

  test("a client that trusts the cluster's CA writes and reads through either node", async () => {
    const { version } = await client.put("greeting", "hello");
    expect(version).toBeGreaterThan(0);
    const other = new RingkvClient({ addresses: [n2.listen], tls: { ca: readFileSync(files.ca) } });
    try {
      const got = await other.get("greeting");
      expect(got && Buffer.from(got.value).toString()).toBe("hello");
    } finally {
      other.close();
    }
    const cli = await runRingkv(["get", "greeting", "--addr", n2.listen, "--ca", files.ca]);
    expect([cli.code, cli.stdout, cli.stderr]).toEqual([0, "hello\n", ""]);
  });

  test("a client trusting another CA fails at once, naming --ca (exit 2)", async () => {
    const t0 = performance.now();
    const cli = await runRingkv([
      "get",
      "greeting",
      "--addr",
      n1.listen,
      "--ca",
      files.rogueCa,
      "--timeout",
      "20",
    ]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe(
      `error: InvalidArgument: ${n1.listen}: TLS: the node's certificate is not trusted (self-signed certificate in certificate chain): give --ca (RINGKV_CA) the CA that signed the cluster's certificates\n`,
    );
    // Not retried until --timeout: a certificate does not change between attempts.
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  test("a plaintext client on the TLS port gets an error that suggests --ca, within --timeout", async () => {
    const cli = await runRingkv(["get", "greeting", "--addr", n1.listen, "--timeout", "3"], 30_000);
    expect(cli.code).toBe(3);
    expect(cli.stderr).toMatch(/is unreachable; if the cluster runs TLS, give --ca \(RINGKV_CA\)\n$/);
  });

  test("HTTP: https with the CA works; plaintext HTTP on the TLS port is closed at once, not left hanging", async () => {
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get(`https://${n1.http}/v1/kv/greeting`, { ca: readFileSync(files.ca), agent: false }, (res) => {
          let text = "";
          res.setEncoding("utf8").on("data", (c: string) => {
            text += c;
          });
          res.on("end", () => resolve(`${res.statusCode} ${text}`));
        })
        .on("error", reject);
    });
    expect(body).toBe("200 hello");
    const plain = await new Promise<string>((resolve) => {
      const req = http.get(`http://${n1.http}/v1/kv/greeting`, { agent: false, timeout: 10_000 }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on("timeout", () => {
        req.destroy();
        resolve("timeout");
      });
      req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    expect(["ECONNRESET", "EPIPE"]).toContain(plain);
  });

  test("a caller with a client certificate but no peer certificate cannot send Raft or gossip messages", async () => {
    const asClient = grpc.credentials.createSsl(
      readFileSync(files.ca),
      readFileSync(files.clientKey),
      readFileSync(files.clientCert),
    );
    const raftSend = raftServiceDefinition()["Send"]!.path;
    const before = refusals(n1, raftSend);
    const error = await peerCall(n1.listen, asClient, raftSend);
    expect(error?.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error?.details).toBe(
      "refused: the client certificate is not signed by the peer CA: only nodes may call this (use a node's --peer-cert)",
    );
    await n1.waitForLog(
      (l) =>
        l.json?.["msg"] === "refused a peer-only call without a peer certificate" &&
        l.json["method"] === raftSend,
      { timeoutMs: 10_000, what: "n1 to log the refused Raft stream" },
    );
    expect(refusals(n1, raftSend)).toBe(before + 1);
    // Without any certificate (an anonymous TLS client): gossip is refused the same way.
    const deliver = Object.values(gossipServiceDefinition())[0]!.path;
    const anonymous = await new Promise<grpc.ServiceError | null>((resolve) => {
      const c = new grpc.Client(n1.listen, grpc.credentials.createSsl(readFileSync(files.ca)));
      const m = gossipServiceDefinition()[Object.keys(gossipServiceDefinition())[0]!]!;
      const done = (e: grpc.ServiceError | null): void => {
        c.close();
        resolve(e);
      };
      if (m.requestStream) {
        c.makeClientStreamRequest(
          deliver,
          (b: Buffer) => b,
          (b: Buffer) => b,
          new grpc.Metadata(),
          {},
          done,
        ).end();
      } else {
        c.makeUnaryRequest(
          deliver,
          (b: Buffer) => b,
          (b: Buffer) => b,
          Buffer.alloc(0),
          done,
        );
      }
    });
    expect(anonymous?.code).toBe(grpc.status.UNAUTHENTICATED);
  });

  test("a node with another cluster's peer certificate cannot join; the cluster logs the refusal", async () => {
    const rogue = await node(root, "rogue", {
      ...files.nodeEnv,
      RINGKV_PEER_CERT: files.roguePeerCert,
      RINGKV_PEER_KEY: files.roguePeerKey,
      RINGKV_PEER_CA: files.rogueCa,
    });
    started.push(rogue);
    const before = refusals(n1, JOIN_PATH);
    rogue.spawn({ join: n1.listen });
    await n1.waitForLog(
      (l) =>
        l.json?.["msg"] === "refused a peer-only call without a peer certificate" &&
        l.json["method"] === JOIN_PATH,
      { timeoutMs: 60_000, what: "n1 to log the refused Join", from: n1.lines.length - 1 },
    );
    expect(refusals(n1, JOIN_PATH)).toBeGreaterThan(before);
    await rogue.waitForLog((l) => l.json?.["msg"] === "join attempt failed", {
      timeoutMs: 60_000,
      what: "the rogue node to report its failed join",
    });
    if (rogue.running) await rogue.kill();
    const members = (await client.status()).members.map((m) => m.id).sort();
    expect(members).toEqual(["n1", "n2"]);
  });
});

describe("--client-cert-auth", { timeout: 180_000 }, () => {
  let root: string;
  let files: TlsFiles;
  let n: NodeProcess;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "ringkv-mtls-"));
    files = await writeTlsFiles(root);
    n = await node(root, "n1", { ...files.nodeEnv, RINGKV_CLIENT_CERT_AUTH: "true" });
    await n.start("bootstrap");
  }, 120_000);

  afterAll(async () => {
    if (n?.running) await n.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test("a client certificate from the CA is let in; none is refused in the handshake, naming --cert/--key", async () => {
    const withCert = [
      "--addr",
      n.listen,
      "--ca",
      files.ca,
      "--cert",
      files.clientCert,
      "--key",
      files.clientKey,
    ];
    const put = await runRingkv(["put", "k", "v", ...withCert, "--timeout", "30"]);
    expect([put.code, put.stderr]).toEqual([0, ""]);
    const bare = await runRingkv(["get", "k", "--addr", n.listen, "--ca", files.ca]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(
      /TLS: the node refused the handshake \(.*\): it wants a client certificate from its CA: give --cert and --key \(RINGKV_CERT, RINGKV_KEY\)\n$/,
    );
  });

  test("a peer certificate from another CA is refused in the handshake, before any RPC", async () => {
    const rogue = grpc.credentials.createSsl(
      readFileSync(files.ca),
      readFileSync(files.roguePeerKey),
      readFileSync(files.roguePeerCert),
    );
    const error = await peerCall(n.listen, rogue, raftServiceDefinition()["Send"]!.path);
    expect(error?.code).toBe(grpc.status.UNAVAILABLE);
    expect(refusals(n, raftServiceDefinition()["Send"]!.path)).toBe(0);
  });
});

describe("plaintext beyond loopback", { timeout: 120_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), "ringkv-exposed-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("is refused at start in one line (exit 2), and served with --insecure", async () => {
    const port = await freePort();
    const refused = await runRingkv([
      "start",
      "--id",
      "x1",
      "--listen",
      `0.0.0.0:${port}`,
      "--data",
      join(root, "x1"),
      "--bootstrap",
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `error: InvalidArgument: refusing to listen on 0.0.0.0:${port} without TLS: give --cert/--key and --peer-cert/--peer-key/--peer-ca, or --insecure to serve plaintext beyond loopback\n`,
    );
    const n = new NodeProcess({
      id: "x1",
      listen: `0.0.0.0:${port}`,
      advertise: `127.0.0.1:${port}`,
      http: `127.0.0.1:${await freePort()}`,
      dataDir: join(root, "x1"),
    });
    n.env = { RINGKV_INSECURE: "true" };
    try {
      await n.start("bootstrap");
      const c = new RingkvClient({ addresses: [`127.0.0.1:${port}`] });
      try {
        await within(c.put("k", "v"), { timeoutMs: 30_000, what: "a put on the --insecure node" });
      } finally {
        c.close();
      }
    } finally {
      if (n.running) await n.kill();
    }
  });
});

describe("mutual TLS with token authentication: a peer certificate proves a node", {
  timeout: 300_000,
}, () => {
  test("nodes without a peer token join and forward; clients still need a token", async () => {
    const root = mkdtempSync(join(tmpdir(), "ringkv-tls-auth-"));
    const started: NodeProcess[] = [];
    const writer = generateToken();
    try {
      const files = await writeTlsFiles(root);
      const tokens = join(root, "tokens");
      writeFileSync(tokens, formatTokenLine({ name: "app", role: "write", hash: hashToken(writer) }));
      // No RINGKV_PEER_TOKEN: without the certificate as proof, start would refuse the auth file.
      const env = { ...files.nodeEnv, RINGKV_AUTH_FILE: tokens };
      const a = await node(root, "n1", env);
      const b = await node(root, "n2", env);
      started.push(a, b);
      await a.start("bootstrap");
      await b.start({ join: a.listen });
      const ca = readFileSync(files.ca);
      const client = new RingkvClient({ addresses: [a.listen, b.listen], tls: { ca }, token: writer });
      try {
        // Every key through each node: about half of them are forwarded between the nodes.
        for (let i = 0; i < 8; i++) {
          const through = new RingkvClient({
            addresses: [[a, b][i % 2]!.listen],
            tls: { ca },
            token: writer,
            routing: false,
          });
          try {
            await through.put(`k${i}`, `v${i}`);
          } finally {
            through.close();
          }
        }
        for (let i = 0; i < 8; i++) expect((await client.get(`k${i}`))?.string()).toBe(`v${i}`);
      } finally {
        client.close();
      }
      const anonymous = await runRingkv(["get", "k0", "--addr", b.listen, "--ca", files.ca]);
      expect([anonymous.code, anonymous.stderr]).toEqual([2, expect.stringContaining("Unauthenticated")]);
    } finally {
      for (const n of started) if (n.running) await n.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
