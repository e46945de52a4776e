// `ringkv dev` as `npm start` users meet it (issue 11, breakage 1): start it, stop it with
// Ctrl-C (SIGINT), start it again on the same data — it must come up, serve, and still hold what
// was written the first time. Its output is not a terminal here, so it is JSON lines, the banner
// one of them.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, test } from "vitest";
import { CLI_MAIN, RINGKV_NODE_ARGS } from "../support/ringkv-command.ts";
import { runRingkv } from "./harness.ts";
import { freePortRun } from "./ports.ts";
import { within } from "./wait-for.ts";

interface BannerNode {
  readonly id: string;
  readonly pid: number;
  readonly addr: string;
  readonly http: string;
  readonly data: string;
  readonly restart: string;
}

/** One `ringkv dev` process, its output lines parsed as they come. */
class Dev {
  readonly child: ChildProcess;
  readonly records: Record<string, unknown>[] = [];
  readonly plain: string[] = [];
  readonly ready: Promise<BannerNode[]>;
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[]) {
    this.child = spawn(process.execPath, [...RINGKV_NODE_ARGS, "dev", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.exited = new Promise((resolve) => this.child.once("close", (code) => resolve(code)));
    this.ready = new Promise((resolve, reject) => {
      createInterface({ input: this.child.stdout! }).on("line", (line) => {
        let record: Record<string, unknown>;
        try {
          record = JSON.parse(line) as Record<string, unknown>;
        } catch {
          this.plain.push(line);
          return;
        }
        this.records.push(record);
        if (record["msg"] === "ringkv dev: cluster ready") resolve(record["nodes"] as BannerNode[]);
      });
      createInterface({ input: this.child.stderr! }).on("line", (line) => this.plain.push(line));
      void this.exited.then((code) =>
        reject(new Error(`ringkv dev exited (${code}) before it was ready:\n${this.tail()}`)),
      );
    });
  }

  tail(): string {
    return [...this.plain.slice(-10), ...this.records.slice(-20).map((r) => JSON.stringify(r))].join("\n");
  }
}

describe("ringkv dev restarts from its data (npm start works twice)", { timeout: 600_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), "ringkv-dev-"));
  const devs: Dev[] = [];
  afterAll(() => {
    for (const dev of devs) dev.child.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  test("start, Ctrl-C, start again: it serves, and keeps what was written", async () => {
    const grpcPort = await freePortRun(3);
    const httpPort = await freePortRun(3);
    const args = ["--data", root, "--grpc-port", String(grpcPort), "--http-port", String(httpPort)];
    const addrs = [0, 1, 2].map((i) => `127.0.0.1:${grpcPort + i}`).join(",");

    const first = new Dev(args);
    devs.push(first);
    const nodes = await within(first.ready, { timeoutMs: 240_000, what: "the first ringkv dev to be ready" });
    // Not a terminal: every line is JSON, and the banner names each node's pid, addresses,
    // data and the exact line that restarts it from its data.
    expect(first.plain.filter((l) => l.trim() !== "")).toEqual([]);
    expect(nodes.map((n) => n.id)).toEqual(["n1", "n2", "n3"]);
    for (const [i, n] of nodes.entries()) {
      expect(n.addr).toBe(`127.0.0.1:${grpcPort + i}`);
      expect(n.http).toBe(`127.0.0.1:${httpPort + i}`);
      expect(n.data).toBe(join(root, n.id));
      expect(() => process.kill(n.pid, 0)).not.toThrow();
      expect(n.restart).toContain(
        `${CLI_MAIN} start --id ${n.id} --listen ${n.addr} --http ${n.http} --data ${n.data}`,
      );
      expect(n.restart).not.toMatch(/--bootstrap|--join/);
    }
    const put = await runRingkv(["put", "first-life", "kept", "--addr", addrs]);
    expect(put.code, put.stderr).toBe(0);
    first.child.kill("SIGINT");
    expect(await within(first.exited, { timeoutMs: 60_000, what: "ringkv dev to stop on SIGINT" })).toBe(0);

    const second = new Dev(args);
    devs.push(second);
    await within(second.ready, {
      timeoutMs: 240_000,
      what: "ringkv dev, started again on the same data, to be ready",
    });
    const get = await runRingkv(["get", "first-life", "--addr", addrs]);
    expect([get.code, get.stdout]).toEqual([0, "kept\n"]);
    const put2 = await runRingkv(["put", "second-life", "v2", "--addr", addrs]);
    expect(put2.code, put2.stderr).toBe(0);
    const get2 = await runRingkv(["get", "second-life", "--addr", addrs]);
    expect([get2.code, get2.stdout]).toEqual([0, "v2\n"]);
    second.child.kill("SIGINT");
    expect(await within(second.exited, { timeoutMs: 60_000, what: "ringkv dev to stop on SIGINT" })).toBe(0);
  });

  test("dev --tls: certificates made once and reused, the cluster serves TLS clients twice on the same data", async () => {
    const grpcPort = await freePortRun(3);
    const httpPort = await freePortRun(3);
    const data = join(root, "tls");
    const args = ["--data", data, "--grpc-port", String(grpcPort), "--http-port", String(httpPort), "--tls"];
    const addrs = [0, 1, 2].map((i) => `127.0.0.1:${grpcPort + i}`).join(",");
    const ca = join(data, "tls", "ca.pem");

    const first = new Dev(args);
    devs.push(first);
    await within(first.ready, { timeoutMs: 240_000, what: "the first ringkv dev --tls to be ready" });
    const ready = first.records.find((r) => r["msg"] === "ringkv dev: cluster ready");
    expect([ready?.["scheme"], ready?.["ca"]]).toEqual(["https", ca]);
    expect(first.records.some((r) => r["msg"] === `generated TLS certificates in ${join(data, "tls")}`)).toBe(
      true,
    );
    const caPem = readFileSync(ca, "utf8");
    const put = await runRingkv(["put", "secure", "kept", "--addr", addrs, "--ca", ca]);
    expect(put.code, put.stderr).toBe(0);
    const plain = await runRingkv(["get", "secure", "--addr", addrs, "--timeout", "2"]);
    expect(plain.code).toBe(3);
    first.child.kill("SIGINT");
    expect(
      await within(first.exited, { timeoutMs: 60_000, what: "ringkv dev --tls to stop on SIGINT" }),
    ).toBe(0);

    const second = new Dev(args);
    devs.push(second);
    await within(second.ready, { timeoutMs: 240_000, what: "ringkv dev --tls, started again, to be ready" });
    expect(second.records.some((r) => r["msg"] === `reusing TLS certificates in ${join(data, "tls")}`)).toBe(
      true,
    );
    expect(readFileSync(ca, "utf8")).toBe(caPem);
    const get = await runRingkv(["get", "secure", "--addr", addrs, "--ca", ca]);
    expect([get.code, get.stdout]).toEqual([0, "kept\n"]);
    second.child.kill("SIGINT");
    expect(
      await within(second.exited, { timeoutMs: 60_000, what: "ringkv dev --tls to stop on SIGINT" }),
    ).toBe(0);
  });

  test("dev --auth prints an admin token; the nodes join with it and refuse callers without it", async () => {
    const grpcPort = await freePortRun(2);
    const httpPort = await freePortRun(2);
    const data = join(root, "auth");
    const dev = new Dev([
      "--auth",
      "--nodes",
      "2",
      "--data",
      data,
      "--grpc-port",
      String(grpcPort),
      "--http-port",
      String(httpPort),
    ]);
    devs.push(dev);
    const nodes = await within(dev.ready, { timeoutMs: 240_000, what: "ringkv dev --auth to be ready" });
    const banner = dev.records.find((r) => r["msg"] === "ringkv dev: cluster ready");
    const token = String(banner?.["token"]);
    expect(token).toMatch(/^rk_/);
    expect(readFileSync(join(data, "tokens"), "utf8")).not.toContain(token);
    for (const n of nodes) expect(n.restart).toMatch(/^RINGKV_PEER_TOKEN=rk_\S+ .* --auth-file /);
    const addrs = nodes.map((n) => n.addr).join(",");
    const denied = await runRingkv(["put", "k", "v", "--addr", addrs]);
    expect([denied.code, denied.stderr]).toEqual([2, expect.stringContaining("error: Unauthenticated:")]);
    const put = await runRingkv(["put", "k", "v", "--addr", addrs, "--token", token]);
    expect(put.code, put.stderr).toBe(0);
    dev.child.kill("SIGINT");
    expect(await within(dev.exited, { timeoutMs: 60_000, what: "ringkv dev to stop on SIGINT" })).toBe(0);
  });

  test("a node of dev that cannot listen ends dev with the node's exit code 4 and the address", async () => {
    const grpcPort = await freePortRun(3);
    const httpPort = await freePortRun(3);
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen({ port: httpPort, host: "127.0.0.1" }, resolve));
    try {
      const dev = new Dev([
        "--data",
        join(root, "busy"),
        "--grpc-port",
        String(grpcPort),
        "--http-port",
        String(httpPort),
      ]);
      devs.push(dev);
      dev.ready.catch(() => {});
      const code = await within(dev.exited, { timeoutMs: 120_000, what: "ringkv dev to give up" });
      expect(code, dev.tail()).toBe(4);
      expect(dev.plain.join("\n")).toContain(
        `cannot listen on 127.0.0.1:${httpPort} (HTTP): address already in use`,
      );
    } finally {
      squatter.close();
    }
  });
});
