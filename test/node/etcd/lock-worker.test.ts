// The lock test's worker (test/cluster/etcd-lock-worker.ts), as real processes with the etcd3
// client, against the etcd services over the in-memory twin: every increment lands exactly once.
// The cluster test runs the same workers against real nodes while one is killed.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { within } from "../../cluster/wait-for.ts";
import { type EtcdTestServer, startEtcdTestServer } from "./etcd-server.ts";

const WORKER = fileURLToPath(new URL("../../cluster/etcd-lock-worker.ts", import.meta.url));

let server: EtcdTestServer;
beforeAll(async () => {
  server = await startEtcdTestServer();
});
afterAll(() => server.close());

function runWorker(worker: string, count: number): Promise<{ code: number | null; stderr: string }> {
  const args = { hosts: [server.address], worker, count, lockKey: "lock", counterKey: "counter" };
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(args)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (c: string) => {
    stderr += c;
  });
  return within(new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr }))), {
    timeoutMs: 60_000,
    what: `lock worker ${worker}`,
  });
}

describe("the lock worker", () => {
  it("three contenders add every increment exactly once", { timeout: 90_000 }, async () => {
    const results = await Promise.all(["a", "b", "c"].map((w) => runWorker(w, 8)));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const stored = await server.model.get(new TextEncoder().encode("counter"));
    const ids = JSON.parse(Buffer.from(stored!.value).toString()) as string[];
    const expected = ["a", "b", "c"].flatMap((w) => Array.from({ length: 8 }, (_, i) => `${w}-${i}`));
    expect([...ids].sort()).toEqual(expected.sort());
  });
});
