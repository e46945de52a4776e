// `ringkv watch` as users run it, its own process against a real gRPC server (a fake shard
// history behind it): one line per event as it happens, Ctrl-C and a closed pipe exit 0,
// Compacted exits 1.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../cluster/wait-for.ts";
import { del, FakeHistory, put } from "../node/watch/fake-history.ts";
import { type FakeWatchServer, startFakeWatchServer } from "../node/watch/fake-watch-server.ts";
import { RINGKV_NODE_ARGS } from "../support/ringkv-command.ts";
import { ringkv, shell } from "./run-cli.ts";

const servers: FakeWatchServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(history: FakeHistory): Promise<FakeWatchServer> {
  const server = await startFakeWatchServer(history);
  servers.push(server);
  return server;
}

describe("ringkv watch", () => {
  it("prints each event as it happens, one line each, and exits 0 on Ctrl-C", async () => {
    const h = new FakeHistory();
    h.apply([put("app/a", "1", 1)]);
    const server = await serve(h);
    const child = spawn(
      process.execPath,
      [...RINGKV_NODE_ARGS, "watch", "app/", "--prefix", "--rev", "1", "--addr", server.addr],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    await waitFor(() => stdout.includes("PUT app/a 1\n"), {
      timeoutMs: 20_000,
      what: "the replayed event printed",
    });
    // Live events are printed as they happen, before the watch ends.
    h.apply([put("app/b", "2", 2)]);
    h.apply([put("zzz", "no", 3)]);
    h.apply([del("app/a", 4)]);
    await waitFor(() => stdout.includes("DELETE app/a\n"), {
      timeoutMs: 10_000,
      what: "the live events printed",
    });
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toBe("PUT app/a 1\nPUT app/b 2\nDELETE app/a\n");
    await waitFor(() => server.hub.activeCount === 0, {
      timeoutMs: 5000,
      what: "the watch ended on the server",
    });
  });

  it("--json prints one JSON object per event with prev_kv when asked", async () => {
    const h = new FakeHistory();
    h.apply([put("k", "new", 7, "old")]);
    const server = await serve(h);
    // Later events meet the pipe head closed: the watch ends there.
    let revision = 7;
    const producer = setInterval(() => h.apply([put("k", "later", ++revision)]), 20);
    const { code, stdout } = await shell(
      `$RINGKV watch k --rev 7 --prev-kv --json --addr ${server.addr} | head -1; exit \${PIPESTATUS[0]}`,
    ).finally(() => clearInterval(producer));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      type: "PUT",
      key: "k",
      value: "new",
      modRevision: 7,
      prevKv: { value: "old" },
    });
  });

  it("exits 0 when its reader goes away (| head -2) while events keep coming", async () => {
    const h = new FakeHistory();
    for (let r = 1; r <= 3; r++) h.apply([put("k", String(r), r)]);
    const server = await serve(h);
    // Events keep arriving after head has gone, so the next write meets the closed pipe.
    let revision = 3;
    const producer = setInterval(() => h.apply([put("k", String(++revision), revision)]), 20);
    try {
      const { code, stdout } = await shell(
        `$RINGKV watch k --rev 1 --addr ${server.addr} | head -2; exit \${PIPESTATUS[0]}`,
      );
      expect(stdout).toBe("PUT k 1\nPUT k 2\n");
      expect(code).toBe(0);
    } finally {
      clearInterval(producer);
    }
  });

  it("a revision older than the history exits 1 with Compacted", async () => {
    const h = new FakeHistory();
    for (let r = 1; r <= 3; r++) h.apply([put("k", String(r), r)]);
    h.compact(2);
    const server = await serve(h);
    const { code, stderr } = await ringkv(["watch", "k", "--rev", "1", "--addr", server.addr]);
    expect(stderr).toMatch(/^error: Compacted: required revision 1 has been compacted/);
    expect(code).toBe(1);
  });
});
