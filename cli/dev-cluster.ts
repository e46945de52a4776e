// The local cluster behind `ringkv dev`: N real `ringkv start` child processes on 127.0.0.1
// (gRPC 7001.., HTTP 8001..), each with a data directory under one root. A node whose
// directory already holds data is restarted as is; a new n1 bootstraps; any other new node
// joins the cluster. Children's log lines go to a LogRelay (log-relay.ts).
//
// Start order: every node that needs no one else (a restart, or n1's bootstrap) starts at once,
// and only then does the cluster as a whole get waited for — a restarted node alone cannot
// elect leaders for shards whose other replicas are not up yet. New nodes join after that,
// one at a time, each through the running cluster.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { RingkvError } from "../src/api/errors.ts";
import type { StatusJson } from "../src/api/kv-api.ts";
import { RingkvClient } from "../src/client/index.ts";
import { type DevTlsFiles, devTlsArgs } from "./dev-tls.ts";
import { withoutStartEnv } from "./start-config.ts";

/**
 * How to run `ringkv` again: this process's own entry point under its own Node flags, so the
 * children run the same code as the parent — the compiled CLI when started through
 * bin/ringkv.mjs, the sources when the tests start `node --import tsx cli/main.ts dev`.
 */
export function ringkvArgs(): string[] {
  return [
    ...process.execArgv,
    process.argv[1] ?? fileURLToPath(new URL("../bin/ringkv.mjs", import.meta.url)),
  ];
}
export const GRPC_PORT_FIRST_DEFAULT = 7001;
export const HTTP_PORT_FIRST_DEFAULT = 8001;
/** How long the cluster may take to come up (recover, elect; or a node to join and catch up). */
const READY_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 200;
/** Graceful stop first; a child still running after this is killed. */
const STOP_TIMEOUT_MS = 20_000;
/** A child's last stderr lines kept, to say why it exited while starting. */
const STDERR_TAIL_LINES = 3;

export interface DevNode {
  readonly id: string;
  readonly addr: string;
  readonly http: string;
  /** Absolute, so the printed restart line works from any directory. */
  readonly dataDir: string;
  /** True when the data directory held nothing: the node bootstraps or joins. */
  readonly fresh: boolean;
}

export interface DevPorts {
  readonly grpcPortFirst: number;
  readonly httpPortFirst: number;
}

/** Receives the children's output, one line at a time. */
export interface LineSink {
  line(node: string, text: string, stream: "stdout" | "stderr"): void;
}

export function devNodes(
  count: number,
  dataRoot: string,
  ports: DevPorts = { grpcPortFirst: GRPC_PORT_FIRST_DEFAULT, httpPortFirst: HTTP_PORT_FIRST_DEFAULT },
): DevNode[] {
  return Array.from({ length: count }, (_, i) => {
    const dataDir = resolve(join(dataRoot, `n${i + 1}`));
    return {
      id: `n${i + 1}`,
      addr: `127.0.0.1:${ports.grpcPortFirst + i}`,
      http: `127.0.0.1:${ports.httpPortFirst + i}`,
      dataDir,
      fresh: !existsSync(dataDir) || readdirSync(dataDir).length === 0,
    };
  });
}

/** The exact `ringkv start` line that restarts `node` from its data (no --bootstrap/--join). */
export function restartCommand(node: DevNode, logLevel = "info", tls: DevTlsFiles | null = null): string[] {
  const args = ["start", "--id", node.id, "--listen", node.addr, "--http", node.http, "--data", node.dataDir];
  if (tls) args.push(...devTlsArgs(tls));
  return logLevel === "info" ? args : [...args, "--log-level", logLevel];
}

/** A node exited while the cluster was starting; `exitCode` is its own (cli/exit-codes.ts). */
export class NodeExitedError extends Error {
  readonly exitCode: number | null;

  constructor(message: string, exitCode: number | null) {
    super(message);
    this.name = "NodeExitedError";
    this.exitCode = exitCode;
  }
}

interface Child {
  readonly child: ChildProcess;
  exited: Promise<void>;
  readonly stderrTail: string[];
}

/** `ringkv dev --auth`: the token file every node reads, and the admin token they present. */
export interface DevAuth {
  readonly file: string;
  readonly token: string;
}

export class DevCluster {
  readonly nodes: readonly DevNode[];
  readonly #auth: DevAuth | undefined;
  readonly #children = new Map<string, Child>();
  /** Why each node that exited did: its exit code or signal and last stderr lines. */
  readonly #exits = new Map<string, { code: number | null; why: string }>();
  readonly #sink: LineSink;
  readonly #logLevel: string;
  /** The nodes' TLS files (`dev --tls`), or null for plaintext. */
  readonly #tls: DevTlsFiles | null;
  #stopping = false;

  constructor(
    nodes: readonly DevNode[],
    sink: LineSink,
    logLevel = "info",
    tls: DevTlsFiles | null = null,
    auth?: DevAuth,
  ) {
    const [first] = nodes;
    if (first?.fresh && nodes.some((n) => !n.fresh)) {
      throw new RingkvError(
        "InvalidArgument",
        `${first.dataDir} is empty but other nodes have data: remove the data directory to start over`,
      );
    }
    this.nodes = nodes;
    this.#sink = sink;
    this.#logLevel = logLevel;
    this.#tls = tls;
    this.#auth = auth;
  }

  /** The process id of each running node. */
  pid(id: string): number | undefined {
    return this.#children.get(id)?.child.pid;
  }

  /** Start every node and resolve once all are members and every shard has a leader. */
  async start(): Promise<void> {
    const seed = this.nodes[0];
    if (!seed) return;
    const independent = this.nodes.filter((n) => !n.fresh || n === seed);
    for (const node of independent) this.#spawn(node, node.fresh ? ["--bootstrap"] : []);
    await this.#awaitReady(independent);
    const joined = [...independent];
    for (const node of this.nodes.filter((n) => !joined.includes(n))) {
      this.#spawn(node, ["--join", joined.map((n) => n.addr).join(",")]);
      joined.push(node);
      await this.#awaitReady(joined);
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
    const auth = this.#auth ? ["--auth-file", this.#auth.file] : [];
    const args = [...ringkvArgs(), ...restartCommand(node, this.#logLevel, this.#tls), ...auth, ...role];
    const env = withoutStartEnv(process.env);
    // The token by the environment, not a flag: flags show in `ps`.
    if (this.#auth) env["RINGKV_PEER_TOKEN"] = this.#auth.token;
    const child = spawn(process.execPath, args, {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const entry: Child = { child, exited: Promise.resolve(), stderrTail: [] };
    entry.exited = new Promise<void>((resolve) => {
      child.once("close", (code, signal) => {
        const exit = signal ? `killed by ${signal}` : `exit code ${code}`;
        this.#exits.set(node.id, { code, why: [exit, ...entry.stderrTail].join("; ") });
        this.#children.delete(node.id);
        if (!this.#stopping) this.#sink.line(node.id, `${node.id} exited (${exit})`, "stderr");
        resolve();
      });
    });
    createInterface({ input: child.stdout }).on("line", (line) => this.#sink.line(node.id, line, "stdout"));
    createInterface({ input: child.stderr }).on("line", (line) => {
      entry.stderrTail.push(line);
      if (entry.stderrTail.length > STDERR_TAIL_LINES) entry.stderrTail.shift();
      this.#sink.line(node.id, line, "stderr");
    });
    this.#children.set(node.id, entry);
  }

  /** Poll until every one of `nodes` is a member and every shard has a leader. */
  async #awaitReady(nodes: readonly DevNode[]): Promise<void> {
    const client = new RingkvClient({
      addresses: nodes.map((n) => n.addr),
      deadlineMs: 1_000,
      retry: { attemptsMax: 1 },
      ...(this.#tls ? { tls: { ca: readFileSync(this.#tls.ca) } } : {}),
      ...(this.#auth ? { token: this.#auth.token } : {}),
    });
    const until = Date.now() + READY_TIMEOUT_MS;
    let last = "no node answered yet";
    try {
      while (Date.now() < until) {
        for (const node of nodes) this.#assertRunning(node);
        const status = await client.status().catch((e: unknown) => {
          last = e instanceof Error ? e.message : String(e);
          return null;
        });
        if (status) {
          last = notReady(status, nodes);
          if (last === "") return;
        }
        await delay(READY_POLL_MS);
      }
      throw new RingkvError(
        "Timeout",
        `the cluster was not ready within ${READY_TIMEOUT_MS / 1000} s: ${last}`,
      );
    } finally {
      client.close();
    }
  }

  #assertRunning(node: DevNode): void {
    if (this.#children.has(node.id)) return;
    const exit = this.#exits.get(node.id);
    throw new NodeExitedError(`${node.id} exited while starting: ${exit?.why ?? "?"}`, exit?.code ?? null);
  }
}

/** Why `status` does not show a ready cluster of `nodes` yet ("" once it does). */
export function notReady(status: StatusJson, nodes: readonly DevNode[]): string {
  const missing = nodes.filter((n) => !status.members.some((m) => m.id === n.id)).map((n) => n.id);
  if (missing.length > 0) return `not yet members: ${missing.join(", ")}`;
  const leaderless = status.shards.filter((s) => s.leader === "").map((s) => s.id);
  if (leaderless.length > 0) return `shards without a leader: ${leaderless.join(", ")}`;
  return "";
}
