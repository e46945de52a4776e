// --advertise-http: a node listens on --http but tells the cluster and its clients another address
// (behind a NAT, a proxy, or listening on 0.0.0.0). A real `ringkv start` from a config file.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RINGKV_NODE_ARGS } from "../support/ringkv-command.ts";
import { httpRequest } from "./http.ts";
import { freePort } from "./ports.ts";
import { waitFor } from "./wait-for.ts";

interface Status {
  readonly node: { readonly http: string };
  readonly members: readonly { readonly id: string; readonly http: string }[];
}

function start(args: readonly string[]): {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, [...RINGKV_NODE_ARGS, "start", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { child, exited, stderr: () => stderr };
}

async function statusOf(http: string): Promise<Status> {
  const reply = await httpRequest(http, { path: "/v1/status", timeoutMs: 2_000 });
  if (reply.status !== 200) throw new Error(`status ${reply.status}`);
  return reply.json as Status;
}

describe("ringkv start --advertise-http", { timeout: 180_000 }, () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "ringkv-advertise-http-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test("the member record, status and status page carry the advertised HTTP address, also after a restart that changes it", async () => {
    const [grpcPort, httpPort] = [await freePort(), await freePort()];
    const http = `127.0.0.1:${httpPort}`;
    const file = join(root, "n1.yaml");
    await writeFile(
      file,
      `id: n1\nlisten: 127.0.0.1:${grpcPort}\nhttp: ${http}\ndata: ${join(root, "n1")}\nbootstrap: true\nshards: 2\nreplicas: 1\nlogLevel: warn\n`,
    );
    const run = async (advertised: string): Promise<void> => {
      const node = start(["--config", file, "--advertise-http", advertised]);
      try {
        // Listening on --http, publishing --advertise-http.
        // On a restart with another address the record is re-proposed: wait for it, not for
        // the first answer (which may still carry the previous life's record).
        const status = await waitFor(
          async () => {
            const s = await statusOf(http);
            return s.members.some((m) => m.http === advertised) ? s : undefined;
          },
          { timeoutMs: 60_000, what: `n1's member record to carry ${advertised}` },
        );
        expect(status.node.http).toBe(advertised);
        expect(status.members.map((m) => [m.id, m.http])).toEqual([["n1", advertised]]);
        const page = await httpRequest(http, { path: "/", timeoutMs: 2_000 });
        expect(page.body.toString()).toContain(`HTTP ${advertised}`);
      } finally {
        node.child.kill("SIGTERM");
      }
      expect([await node.exited, node.stderr()]).toEqual([0, ""]);
    };
    await run("n1.example.net:80");
    // Restarted on the same data with another advertised address: the member record follows.
    await run("n1-moved.example.net:8080");
  });
});
