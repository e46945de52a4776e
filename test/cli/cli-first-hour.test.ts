// Issue 11's command-line breakages, each met the way a user meets it: the real binary, real
// pipes, a real gRPC server (over FakeKv, so no cluster is needed).
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeKv } from "../node/server/fake-kv.ts";
import { type Served, serveGrpc } from "../node/server/harness.ts";
import { RINGKV_NODE_ARGS } from "../support/ringkv-command.ts";
import { ringkv, shell } from "./run-cli.ts";

/**
 * Slack on top of --timeout, counted from the first request the server saw to the process's
 * exit: closing the client and exiting, on a loaded two-core machine. The bug it guards against
 * took 10 s and more (two retry budgets of 10 s each).
 */
const EXIT_ALLOWANCE_MS = 3_000;

/** A gRPC server that accepts every call and never answers, noting when the first arrived. */
async function silentServer(): Promise<Served & { firstCallAt: () => number }> {
  const kv = new FakeKv();
  let first = Number.NaN;
  kv.failWith = () => {
    if (Number.isNaN(first)) first = performance.now();
    return "hang";
  };
  const served = await serveGrpc(kv);
  return { ...served, firstCallAt: () => first };
}

describe("ringkv CLI: the first hour (issue 11)", { timeout: 180_000 }, () => {
  const kv = new FakeKv();
  let served: Served;
  beforeAll(async () => {
    served = await serveGrpc(kv);
    await kv.put(new TextEncoder().encode("greeting"), new TextEncoder().encode("hello"));
  });
  afterAll(async () => {
    await served.close();
  });

  test.concurrent("client flags work before the command as well as after it", async () => {
    const [before, after, jsonFirst, mixed] = await Promise.all([
      ringkv(["--addr", served.addr, "get", "greeting"]),
      ringkv(["get", "greeting", "--addr", served.addr]),
      ringkv(["--json", "status", "--addr", served.addr]),
      ringkv(["--addr", served.addr, "--json", "get", "greeting"]),
    ]);
    expect([before.code, before.stdout, before.stderr]).toEqual([0, "hello\n", ""]);
    expect([after.code, after.stdout]).toEqual([0, "hello\n"]);
    expect(jsonFirst.code, jsonFirst.stderr).toBe(0);
    expect(JSON.parse(jsonFirst.stdout)).toMatchObject({ node: { id: "n1" } });
    expect(JSON.parse(mixed.stdout)).toMatchObject({ value: "hello" });
  });

  test.concurrent("a command's help lists the client flags it accepts", async () => {
    const run = await ringkv(["get", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--addr/);
    expect(run.stdout).toMatch(/--timeout <seconds>/);
  });

  test.concurrent("client flags on a node command are refused, not ignored", async () => {
    const run = await ringkv([
      "--json",
      "start",
      "--id",
      "n1",
      "--listen",
      "127.0.0.1:1",
      "--data",
      "/nonexistent",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--json applies to client commands/);
  });

  test.concurrent("--help into `head -1` prints one line, no stack, exit 0", async () => {
    const run = await shell(`$RINGKV --help | head -1; echo "ringkv exit \${PIPESTATUS[0]}" >&2`);
    expect(run.stdout).toBe("Usage: ringkv [options] [command]\n");
    expect(run.stderr).toBe("ringkv exit 0\n");
  });

  test.concurrent("status into `true` (a reader that never reads): no stack, exit 0", async () => {
    const run = await shell(
      `$RINGKV status --addr ${served.addr} | true; echo "ringkv exit \${PIPESTATUS[0]}" >&2`,
    );
    expect(run.stderr).toBe("ringkv exit 0\n");
  });

  test.concurrent("a reader that closes its end mid-output ends the command quietly", async () => {
    const child = spawn(process.execPath, [...RINGKV_NODE_ARGS, "status", "--addr", served.addr], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // the reading end goes away before anything is written
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect([code, stderr]).toEqual([0, ""]);
  });

  test.concurrent("--log-level verbose is a usage error that lists the valid levels", async () => {
    const run = await ringkv([
      "start",
      "--id",
      "n1",
      "--listen",
      "127.0.0.1:1",
      "--data",
      "/x",
      "--log-level",
      "verbose",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'verbose' is invalid/);
    expect(run.stderr).toMatch(/fatal, error, warn, info, debug, trace, silent/);
    const dev = await ringkv(["dev", "--log-level", "verbose"]);
    expect(dev.code).toBe(2);
  });

  test.concurrent("a cluster that never answers: exit 3 within the default 5 s --timeout", async () => {
    const silent = await silentServer();
    try {
      const run = await ringkv(["get", "greeting", "--addr", silent.addr]);
      const waitedMs = performance.now() - silent.firstCallAt();
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/^error: Timeout: /);
      expect(run.stderr).not.toMatch(/LB pick|remote_addr|Resolution note/);
      expect(waitedMs).toBeLessThan(5_000 + EXIT_ALLOWANCE_MS);
    } finally {
      await silent.close();
    }
  });

  test.concurrent("--timeout 1 gives up after about a second, before or after the command", async () => {
    for (const args of [
      ["--timeout", "1", "status"],
      ["put", "k", "v", "--timeout", "1"],
    ]) {
      const silent = await silentServer();
      try {
        const run = await ringkv([...args, "--addr", silent.addr]);
        const waitedMs = performance.now() - silent.firstCallAt();
        expect(run.code, run.stderr).toBe(3);
        // The client library's own give-up (it ends just before --timeout, so it can say which node
        // did not answer) or the CLI's cut-off, whichever comes first. The message gives the time
        // as measured ("1.0 s", or more when the machine is loaded); the bound is checked below.
        expect(run.stderr).toMatch(/^error: Timeout: .*within \d+(\.\d)? s/);
        expect(waitedMs).toBeLessThan(1_000 + EXIT_ALLOWANCE_MS);
      } finally {
        await silent.close();
      }
    }
    const bad = await ringkv(["--timeout", "0", "status"]);
    expect(bad.code).toBe(2);
  });
});
