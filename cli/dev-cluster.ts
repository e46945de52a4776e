// The local cluster behind `ringkv dev`: N real `ringkv start` child processes on 127.0.0.1
// (gRPC 7001.., HTTP 8001..), each with a data directory under one root. A node whose
// directory already holds data is restarted as is; a new n1 bootstraps; any other new node
// joins n1. Children's log lines are relayed with a name prefix.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { RingkvError } from "../src/api/errors.ts";
import { RingkvClient } from "../src/client/index.ts";

/**
 * How to run `ringkv` again: this process's own entry point under its own Node flags, so the
 * children run the same code as the parent — the compiled CLI when started through
 * bin/ringkv.mjs, the sources when the tests start `node --import tsx cli/main.ts dev`.
 */
function ringkvArgs(): string[] {
  return [
    ...process.execArgv,
    process.argv[1] ?? fileURLToPath(new URL("../bin/ringkv.mjs", import.meta.url)),
  ];
}
const GRPC_BASE_PORT = 7000;
const HTTP_BASE_PORT = 8000;
/** How long one node may take to come up (recover, or join and catch up). */
const READY_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 200;
/** Graceful stop first; a child still running after this is killed. */
const STOP_TIMEOUT_MS = 20_000;

export interface DevNode {
  readonly id: string;
  readonly addr: string;
  readonly http: string;
  readonly dataDir: string;
  /** True when the data directory held nothing: the node bootstraps or joins. */
  readonly fresh: boolean;
}

export function devNodes(count: number, dataRoot: string): DevNode[] {
  return Array.from({ length: count }, (_, i) => {
    const dataDir = join(dataRoot, `n${i + 1}`);
    return {
      id: `n${i + 1}`,
      addr: `127.0.0.1:${GRPC_BASE_PORT + i + 1}`,
      http: `127.0.0.1:${HTTP_BASE_PORT + i + 1}`,
      dataDir,
      fresh: !existsSync(dataDir) || readdirSync(dataDir).length === 0,
    };
  });
}

export class DevCluster {
  readonly nodes: readonly DevNode[];
  readonly #children = new Map<string, { child: ChildProcess; exited: Promise<void> }>();
  #stopping = false;

  constructor(nodes: readonly DevNode[]) {
    const [first] = nodes;
    if (first?.fresh && nodes.some((n) => !n.fresh)) {
      throw new RingkvError(
        "InvalidArgument",
        `${first.dataDir} is empty but other nodes have data: remove the data directory to start over`,
      );
    }
    this.nodes = nodes;
  }

  /** Start the nodes one by one, each ready before the next (so joins happen in order). */
  async start(): Promise<void> {
    const seed = this.nodes[0]?.addr ?? "";
    for (const [i, node] of this.nodes.entries()) {
      const role = !node.fresh ? [] : i === 0 ? ["--bootstrap"] : ["--join", seed];
      this.#spawn(node, role);
      await this.#awaitReady(node);
    }
  }

  /** SIGTERM every child and wait for all to exit; SIGKILL those that overstay STOP_TIMEOUT_MS. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    this.#stopping = true;
    const all = [...this.#children.values()];
    for (const { child } of all) child.kill(signal);
    const killer = setTimeout(() => {
      for (const { child } of all) child.kill("SIGKILL");
    }, STOP_TIMEOUT_MS);
    await Promise.all(all.map((c) => c.exited));
    clearTimeout(killer);
  }

  #spawn(node: DevNode, role: readonly string[]): void {
    const args = [
      ...ringkvArgs(),
      "start",
      "--id",
      node.id,
      "--listen",
      node.addr,
      "--http",
      node.http,
      "--data",
      node.dataDir,
    ];
    const child = spawn(process.execPath, [...args, ...role], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<void>((resolve) => {
      child.once("exit", (code, signal) => {
        this.#children.delete(node.id);
        if (!this.#stopping) process.stderr.write(`${node.id} exited (${signal ?? `code ${code}`})\n`);
        resolve();
      });
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => process.stdout.write(`${node.id} | ${line}\n`));
    }
    this.#children.set(node.id, { child, exited });
  }

  /** Poll the node until it lists itself as a member and every shard has a leader. */
  async #awaitReady(node: DevNode): Promise<void> {
    const client = new RingkvClient({ addresses: [node.addr], deadlineMs: 1_000, retry: { attemptsMax: 1 } });
    const until = Date.now() + READY_TIMEOUT_MS;
    try {
      while (Date.now() < until) {
        if (!this.#children.has(node.id))
          throw new RingkvError("Unavailable", `${node.id} exited while starting`);
        const status = await client.status().catch(() => null);
        const ready =
          status?.members.some((m) => m.id === node.id) && status.shards.every((s) => s.leader !== "");
        if (ready) return;
        await delay(READY_POLL_MS);
      }
      throw new RingkvError("Timeout", `${node.id} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
    } finally {
      client.close();
    }
  }
}
