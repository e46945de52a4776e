// Real ringkv clusters for the process tests: `ringkv start` processes (the CLI's sources under
// this Node: test/support/ringkv-command.ts), free loopback ports, temporary data directories, every output line kept (and shown when
// a test fails), and the faults the tests inject: SIGKILL/SIGTERM, SIGSTOP/SIGCONT, restarts,
// and network partitions, either through a fault proxy in front of each node (proxy.ts: the
// proxy closes connections) or, as root, with every node in its own network namespace (netns.ts:
// packets dropped silently, as on a real split).
//
// Nothing is left behind: teardown() kills every process and removes the directories, and a
// process-exit hook kills whatever a crashed test run did not get to.
import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { StatusJson } from "../../src/api/kv-api.ts";
import { replicationFactorDefault } from "../../src/ring/settings.ts";
import { RINGKV_NODE_ARGS } from "../support/ringkv-command.ts";
import { httpRequest } from "./http.ts";
import type { NetnsFabric } from "./netns.ts";
import { socketOrigin } from "./origin.ts";
import { freePort } from "./ports.ts";
import { FaultProxy } from "./proxy.ts";
import { WaitTimeoutError, waitFor, within } from "./wait-for.ts";

export const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** The node's defaults (src/node/config.ts): tickMs 100 × electionTicks 10. */
export const ELECTION_TIMEOUT_MIN_MS = 1000;

/** Lines kept per node; older ones are dropped (a long test must not grow without bound). */
const LINES_KEPT_MAX = 20_000;

// ─── every child of this process, killed when it exits ─────────────────────────────────────

const liveChildren = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of liveChildren) child.kill("SIGKILL");
});

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface LogLine {
  /** Date.now() when the test process read it. */
  readonly at: number;
  readonly stream: "stdout" | "stderr";
  /** Which start of the node printed it (1 = first). */
  readonly life: number;
  readonly text: string;
  /** The pino record, when the line is one. */
  readonly json: Readonly<Record<string, unknown>> | null;
}

/** `ringkv …` run to completion (CLI commands), with its output. */
export interface CommandResult extends ExitInfo {
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `ringkv args…` and wait (bounded) for it to exit. */
export async function runRingkv(args: readonly string[], timeoutMs = 60_000): Promise<CommandResult> {
  const child = spawnTracked(args);
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = exitOf(child);
  try {
    const { code, signal } = await within(exit, { timeoutMs, what: `ringkv ${args.join(" ")} to exit` });
    return { code, signal, stdout, stderr };
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
}

function spawnTracked(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  prefix: readonly string[] = [],
): ChildProcess {
  // A prefix (`ip netns exec NS`) execs the program in place, so the child's pid stays the node's.
  const [command, ...rest] = [...prefix, process.execPath, ...RINGKV_NODE_ARGS, ...args];
  const child = spawn(command!, rest, {
    cwd: REPO_DIR,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  liveChildren.add(child);
  child.once("exit", () => liveChildren.delete(child));
  return child;
}

/**
 * The child's exit, reported on "close" rather than "exit": "close" comes after its output
 * streams ended, so every line it printed has been read by then. Call it right after spawn.
 */
function exitOf(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
}

/** A loopback port no other test will take (ports.ts). */
export { freePort };

// ─── one node ──────────────────────────────────────────────────────────────────────────────

export type StartMode = "bootstrap" | "restart" | { readonly join: string };

export interface NodeAddresses {
  readonly id: string;
  /** Where the node's gRPC server listens. */
  readonly listen: string;
  /** What peers and clients are told (the proxy's address when there is one). */
  readonly advertise: string;
  readonly http: string;
  readonly dataDir: string;
}

export class NodeProcess {
  readonly id: string;
  readonly listen: string;
  readonly advertise: string;
  readonly http: string;
  readonly dataDir: string;
  readonly proxy: FaultProxy | null;
  /** Extra `start --bootstrap` flags (--shards…). */
  bootstrapArgs: string[] = [];
  /** Extra environment of the node's process (RINGKV_SETTINGS…). */
  env: Record<string, string> = {};
  /** Extra flags of every start (`--insecure` for a node listening beyond loopback). */
  startFlags: string[] = [];
  /** What runs the node's process (`ip netns exec NS` for a node in its own namespace). */
  commandPrefix: readonly string[] = [];
  /** Headers of the harness's own HTTP requests (status): a token when auth is on. */
  httpHeaders: Record<string, string> = {};
  readonly lines: LogLine[] = [];
  #child: ChildProcess | null = null;
  #exit: Promise<ExitInfo> = Promise.resolve({ code: null, signal: null });
  #life = 0;
  /** The last life whose process exited and whose output was read to the end. */
  #closed = 0;
  #paused = false;
  readonly #events = new EventEmitter();

  constructor(addresses: NodeAddresses, proxy: FaultProxy | null = null) {
    this.id = addresses.id;
    this.listen = addresses.listen;
    this.advertise = addresses.advertise;
    this.http = addresses.http;
    this.dataDir = addresses.dataDir;
    this.proxy = proxy;
    this.#events.setMaxListeners(100);
  }

  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  /** Started and not exited (it may be paused). */
  get running(): boolean {
    const child = this.#child;
    return child !== null && child.exitCode === null && child.signalCode === null;
  }

  get paused(): boolean {
    return this.#paused;
  }

  get life(): number {
    return this.#life;
  }

  /** The `ringkv start` arguments for `mode`. */
  startArgs(mode: StartMode): string[] {
    const args = [
      "start",
      "--id",
      this.id,
      "--listen",
      this.listen,
      "--http",
      this.http,
      "--data",
      this.dataDir,
    ];
    if (this.advertise !== this.listen) args.push("--advertise", this.advertise);
    args.push(...this.startFlags);
    if (mode === "bootstrap") args.push("--bootstrap", ...this.bootstrapArgs);
    else if (mode !== "restart") args.push("--join", mode.join);
    return args;
  }

  /** Spawn the process; resolves at once (see started()). */
  spawn(mode: StartMode): void {
    if (this.running) throw new Error(`${this.id} is already running (pid ${this.pid})`);
    const child = spawnTracked(this.startArgs(mode), this.env, this.commandPrefix);
    this.#life++;
    this.#paused = false;
    this.#child = child;
    this.#exit = exitOf(child);
    const life = this.#life;
    this.#capture(child, "stdout", life);
    this.#capture(child, "stderr", life);
    this.#exit.then((exit) => {
      this.#record("stderr", life, `[harness] ${this.id} exited: code ${exit.code}, signal ${exit.signal}`);
      this.#closed = life;
      this.#events.emit("exit", exit);
    });
  }

  /** Spawn and wait for the "listening" line; rejects if the process exits first. */
  async start(mode: StartMode, timeoutMs = 60_000): Promise<void> {
    this.spawn(mode);
    await this.waitForLog((line) => line.json?.["msg"] === "listening", {
      timeoutMs,
      what: `${this.id} to log "listening"`,
    });
  }

  /** The current life's exit. */
  exited(): Promise<ExitInfo> {
    return this.#exit;
  }

  /** Send `signal`; for SIGSTOP/SIGCONT the node is marked paused/resumed. */
  signal(signal: NodeJS.Signals): void {
    const child = this.#child;
    if (!child || !this.running) throw new Error(`${this.id} is not running`);
    child.kill(signal);
    if (signal === "SIGSTOP") this.#paused = true;
    if (signal === "SIGCONT") this.#paused = false;
  }

  /** Send `signal` and wait (bounded) for the process to exit. */
  async kill(signal: NodeJS.Signals = "SIGKILL", timeoutMs = 30_000): Promise<ExitInfo> {
    this.signal(signal);
    const exit = await within(this.exited(), { timeoutMs, what: `${this.id} to exit after ${signal}` });
    this.#paused = false;
    return exit;
  }

  /**
   * The first line (from index `from`, default the start of the current life) that satisfies
   * `predicate`: an event, awaited with a deadline. Rejects early if the process exits first.
   */
  waitForLog(
    predicate: (line: LogLine) => boolean,
    options: { timeoutMs: number; what: string; from?: number },
  ): Promise<LogLine> {
    const from = options.from ?? this.#lifeStart();
    const seen = this.lines.slice(from).find(predicate);
    if (seen) return Promise.resolve(seen);
    if (this.#closed === this.#life) {
      return Promise.reject(
        new Error(`${this.id} has exited; it never logged what was awaited: ${options.what}`),
      );
    }
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#events.off("line", onLine);
        this.#events.off("exit", onExit);
      };
      const onLine = (line: LogLine): void => {
        if (!predicate(line)) return;
        cleanup();
        resolve(line);
      };
      const onExit = (exit: ExitInfo): void => {
        cleanup();
        reject(
          new Error(`${this.id} exited (code ${exit.code}, signal ${exit.signal}) before ${options.what}`),
        );
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new WaitTimeoutError(options.what, options.timeoutMs, ""));
      }, options.timeoutMs);
      this.#events.on("line", onLine);
      this.#events.on("exit", onExit);
    });
  }

  /** Lines of the current life that are pino records with this `msg`. */
  logs(msg: string, life = this.#life): LogLine[] {
    return this.lines.filter((l) => l.life === life && l.json?.["msg"] === msg);
  }

  /**
   * The node's status over HTTP: by default its own replicas as it sees them (`?scope=local`);
   * `cluster` asks it for the cluster-wide view (every shard as its leader reports it).
   */
  async status(timeoutMs = 3000, scope: "local" | "cluster" = "local"): Promise<StatusJson> {
    const reply = await httpRequest(this.http, {
      path: `/v1/status?scope=${scope}`,
      timeoutMs,
      headers: this.httpHeaders,
    });
    if (reply.status !== 200)
      throw new Error(`${this.id} status: HTTP ${reply.status} ${reply.body.toString()}`);
    return reply.json as StatusJson;
  }

  /** The last `count` lines, for failure reports. */
  tail(count: number): string {
    return this.lines
      .slice(-count)
      .map((l) => `  ${this.id}#${l.life} ${l.stream === "stderr" ? "! " : ""}${l.text.slice(0, 400)}`)
      .join("\n");
  }

  #lifeStart(): number {
    const index = this.lines.findIndex((l) => l.life === this.#life);
    return index < 0 ? this.lines.length : index;
  }

  #capture(child: ChildProcess, stream: "stdout" | "stderr", life: number): void {
    const source = child[stream];
    if (!source) return;
    createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (text) =>
      this.#record(stream, life, text),
    );
  }

  #record(stream: "stdout" | "stderr", life: number, text: string): void {
    const line: LogLine = { at: Date.now(), stream, life, text, json: parseRecord(text) };
    this.lines.push(line);
    if (this.lines.length > LINES_KEPT_MAX) this.lines.splice(0, this.lines.length - LINES_KEPT_MAX);
    this.#events.emit("line", line);
  }
}

function parseRecord(text: string): Record<string, unknown> | null {
  if (!text.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// ─── a cluster ─────────────────────────────────────────────────────────────────────────────

export interface ClusterOptions {
  /** Names the temp directory, for a human looking at /tmp. */
  readonly name: string;
  /** Nodes; default 3. */
  readonly size?: number;
  /** Put a FaultProxy in front of every node's advertised address. */
  readonly proxies?: boolean;
  /** Run node i (1-based) in namespace i of this fabric (netns.ts); not with `proxies`. */
  readonly netns?: NetnsFabric;
  /** `--shards` of the bootstrap (default: the node's default). */
  readonly shards?: number;
  /** Node settings to override (RINGKV_SETTINGS, src/node/config.ts). */
  readonly settings?: Readonly<Record<string, number>>;
  /** Authentication on: every node reads `file` and presents `token` (admin) to its peers and
   * the harness's status requests. */
  readonly auth?: { readonly file: string; readonly token: string };
}

export class Cluster {
  readonly nodes: readonly NodeProcess[];
  readonly root: string;
  readonly #proxies: FaultProxy[];
  readonly #netns: NetnsFabric | undefined;
  #tornDown = false;

  private constructor(root: string, nodes: NodeProcess[], proxies: FaultProxy[], netns?: NetnsFabric) {
    this.root = root;
    this.nodes = nodes;
    this.#proxies = proxies;
    this.#netns = netns;
  }

  /**
   * A running cluster: the first node bootstraps, the others join through it; resolves once
   * every node is a voter, one leader is agreed on and every node applied the leader's commit.
   */
  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = await Cluster.create(options);
    try {
      const [first, ...rest] = cluster.nodes;
      if (!first) throw new Error("a cluster needs at least one node");
      await first.start("bootstrap");
      await cluster.waitForLeader({ timeoutMs: 30_000 });
      // Joins go one at a time: the leader runs one membership change at a time anyway.
      for (const node of rest) await cluster.join(node, first);
      // Generous: five nodes settling their placement on a loaded 2-core machine take a while.
      await cluster.waitForHealthy(120_000);
      return cluster;
    } catch (e) {
      const report = cluster.logTail();
      await cluster.teardown();
      throw new Error(
        `cluster ${options.name} did not start: ${e instanceof Error ? e.message : e}\n${report}`,
      );
    }
  }

  /**
   * A cluster whose nodes exist (ports, directories, proxies) but are not started, for tests
   * that grow a cluster themselves. nodes[0] bootstraps with `options.shards`.
   */
  static async create(options: ClusterOptions): Promise<Cluster> {
    const root = await mkdtemp(join(tmpdir(), `ringkv-${options.name}-`));
    const nodes: NodeProcess[] = [];
    const proxies: FaultProxy[] = [];
    if (options.netns && options.proxies)
      throw new Error("a cluster partitions by proxies or by netns, not both");
    const cluster = new Cluster(root, nodes, proxies, options.netns);
    try {
      for (let i = 1; i <= (options.size ?? 3); i++) {
        const id = `n${i}`;
        // In its own namespace a node has every port to itself; a free loopback one will do.
        const host = options.netns?.host(i) ?? "127.0.0.1";
        const listen = `${host}:${await freePort()}`;
        const proxy = options.proxies
          ? await FaultProxy.start({
              target: listen,
              originOf: (socket) => socketOrigin(socket, cluster.#pids()),
            })
          : null;
        if (proxy) proxies.push(proxy);
        const http = `${host}:${await freePort()}`;
        const advertise = proxy?.address ?? listen;
        const node = new NodeProcess({ id, listen, advertise, http, dataDir: join(root, id) }, proxy);
        if (options.netns) {
          node.commandPrefix = options.netns.command(i);
          // Plaintext beyond loopback, on a bridge only this machine sees (exposure.ts).
          node.startFlags = ["--insecure"];
        }
        nodes.push(node);
      }
      if (options.shards !== undefined) nodes[0]!.bootstrapArgs = ["--shards", String(options.shards)];
      if (options.settings)
        for (const n of nodes) n.env = { RINGKV_SETTINGS: JSON.stringify(options.settings) };
      if (options.auth) {
        const { file, token } = options.auth;
        for (const n of nodes) {
          n.env = { ...n.env, RINGKV_AUTH_FILE: file, RINGKV_PEER_TOKEN: token };
          n.httpHeaders = { authorization: `Bearer ${token}` };
        }
      }
      return cluster;
    } catch (e) {
      await cluster.teardown();
      throw e;
    }
  }

  /** Start `node` with `--join` through `via`, and wait until it says it joined. */
  async join(node: NodeProcess, via: NodeProcess): Promise<void> {
    await node.start({ join: via.advertise });
    await node.waitForLog((l) => l.json?.["msg"] === "joined the cluster", {
      timeoutMs: 60_000,
      what: `${node.id} to join`,
    });
  }

  node(id: string): NodeProcess {
    const node = this.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id}`);
    return node;
  }

  /** Nodes that are running and not paused. */
  get reachable(): NodeProcess[] {
    return this.nodes.filter((n) => n.running && !n.paused);
  }

  others(...excluded: NodeProcess[]): NodeProcess[] {
    return this.nodes.filter((n) => !excluded.includes(n));
  }

  /**
   * The leader that every node of `among` (default: all running, unpaused nodes) names, once the
   * leader itself is among them and names itself.
   */
  async waitForLeader(
    options: { among?: readonly NodeProcess[]; timeoutMs?: number } = {},
  ): Promise<NodeProcess> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const among = (): readonly NodeProcess[] => options.among ?? this.reachable;
    const id = await waitFor(
      async () => {
        const statuses = await Promise.all(among().map((n) => n.status(2000)));
        // Only shard 0's current replicas have a say: nodes that never held it, or hold a stale
        // copy it moved off, do not (a replica lists itself among its group's members).
        const holders = statuses.filter((s) => {
          const own = shard0(s);
          return own !== undefined && [...own.replicas, ...own.learners].includes(s.node.id);
        });
        if (holders.length === 0) return null;
        const leaders = new Set(holders.map((s) => shard0(s)?.leader ?? ""));
        const [leader] = leaders;
        if (leaders.size !== 1 || !leader || !among().some((n) => n.id === leader)) {
          // Thrown, not returned: a timeout then shows who named whom.
          throw new Error(
            holders.map((s) => `${s.node.id} names ${shard0(s)?.leader || "nobody"}`).join(", "),
          );
        }
        return leader;
      },
      {
        timeoutMs,
        what: `one leader agreed on by ${among()
          .map((n) => n.id)
          .join(", ")}`,
        intervalMs: 50,
      },
    );
    return this.node(id);
  }

  /**
   * Every node running and settled: in the cluster's view every shard has its full replica set
   * on its placement, no learner, no move under way, and shard 0 is led by its preferred leader
   * (so the rebalancer moves nothing later); then every holder of shard 0 applied its leader's
   * commit index. Returns shard 0's leader.
   */
  async waitForHealthy(timeoutMs = 60_000): Promise<NodeProcess> {
    const started = performance.now();
    await this.waitForLeader({ among: this.nodes, timeoutMs });
    // Voters per shard once placed: an even count below the replication factor is cut by one
    // (rebalance-step.ts plannedConf), so two nodes at factor 3 give one voter and one learner.
    const placed = Math.min(replicationFactorDefault, this.nodes.length);
    const replicas = placed % 2 === 0 && placed < replicationFactorDefault ? placed - 1 : placed;
    const settled = await waitFor(
      async () => {
        const st = await this.nodes[0]!.status(3000, "cluster");
        const unsettled = st.shards.find(
          (s) => s.replicas.length !== replicas || s.moving || s.leader === "",
        );
        if (unsettled) throw new Error(`shard ${unsettled.id}: ${unsettled.replicas} → ${unsettled.target}`);
        const s = shard0(st);
        return s && s.leader === s.target?.[0] ? s.leader : null;
      },
      {
        timeoutMs: remaining(started, timeoutMs),
        what: "every shard placed, shard 0 led by its preferred leader",
      },
    );
    await this.waitForConvergence({ timeoutMs: remaining(started, timeoutMs) });
    return this.node(settled);
  }

  /**
   * Every node of `nodes` (default all) has applied exactly the leader's commit index, which
   * is stable meanwhile (call it when no writes are running). Returns that index.
   */
  async waitForConvergence(
    options: { nodes?: readonly NodeProcess[]; timeoutMs?: number } = {},
  ): Promise<number> {
    const nodes = options.nodes ?? this.nodes;
    const timeoutMs = options.timeoutMs ?? 60_000;
    return waitFor(
      async () => {
        const leader = await this.waitForLeader({ among: nodes, timeoutMs: 5000 });
        const s = shard0(await leader.status());
        const goal = s?.commitIndex ?? -1;
        // Only shard 0's replicas are compared (a node it moved off keeps a stale copy).
        const holders = new Set([...(s?.replicas ?? []), ...(s?.learners ?? [])]);
        const applied = await Promise.all(
          nodes.map(async (n) => (holders.has(n.id) ? shard0(await n.status())?.appliedIndex : goal)),
        );
        if (applied.every((a) => a === goal)) return goal;
        // Thrown, not returned: waitFor reports the last error, so a timeout shows the numbers.
        const shown = nodes.map((n, i) => `${n.id} applied ${applied[i]}`).join(", ");
        throw new Error(`leader ${leader.id} commit ${goal}; ${shown}`);
      },
      {
        timeoutMs,
        what: `${nodes.map((n) => n.id).join(", ")} to apply the leader's commit index`,
        intervalMs: 100,
      },
    );
  }

  /**
   * Resume paused nodes and restart stopped ones, then wait until healthy: the start of every
   * test that shares a cluster, so one failed test does not take the next ones down with it.
   */
  async reviveAll(timeoutMs = 60_000): Promise<NodeProcess> {
    for (const node of this.nodes) {
      if (node.paused) this.resume(node);
      if (!node.running) await this.restart(node);
      this.heal(node);
    }
    return this.waitForHealthy(timeoutMs);
  }

  /** Restart a stopped node from its data directory and wait until it listens. */
  async restart(node: NodeProcess): Promise<void> {
    await node.start("restart");
  }

  pause(node: NodeProcess): void {
    node.signal("SIGSTOP");
  }

  resume(node: NodeProcess): void {
    node.signal("SIGCONT");
  }

  /**
   * Cut `node` off in both directions: its own proxy drops every connection (nobody reaches
   * it), and every other proxy drops the connections the node opens (it reaches nobody).
   */
  partition(node: NodeProcess): void {
    if (this.#netns) {
      this.#netns.cut(this.#index(node));
      return;
    }
    if (!node.proxy) throw new Error("partition() needs a cluster started with proxies: true or netns");
    node.proxy.cut();
    for (const other of this.others(node)) other.proxy?.block(node.id);
  }

  /** Whether `node` is cut off by partition() now. */
  isPartitioned(node: NodeProcess): boolean {
    return this.#netns?.isCut(this.#index(node)) ?? node.proxy?.mode === "drop";
  }

  heal(node: NodeProcess): void {
    if (this.#netns) {
      this.#netns.heal(this.#index(node));
      return;
    }
    node.proxy?.heal();
    for (const other of this.others(node)) other.proxy?.unblock(node.id);
  }

  /** The last lines of every node's output, for a failure report. */
  logTail(count = 40): string {
    return this.nodes
      .map((n) => `── ${n.id} (pid ${n.pid ?? "-"}) last ${count} lines:\n${n.tail(count)}`)
      .join("\n");
  }

  /** Kill every process, close the proxies, remove the data. Safe to call twice. */
  async teardown(): Promise<void> {
    if (this.#tornDown) return;
    this.#tornDown = true;
    await Promise.all(
      this.nodes.filter((n) => n.running).map((n) => n.kill("SIGKILL").catch(() => undefined)),
    );
    await Promise.all(this.#proxies.map((p) => p.close()));
    await rm(this.root, { recursive: true, force: true });
  }

  /** `node`'s 1-based position, as its netns fabric counts. */
  #index(node: NodeProcess): number {
    const i = this.nodes.indexOf(node);
    if (i < 0) throw new Error(`${node.id} is not a node of this cluster`);
    return i + 1;
  }

  #pids(): Map<string, number> {
    const pids = new Map<string, number>();
    for (const n of this.nodes) if (n.running && n.pid !== null) pids.set(n.id, n.pid);
    return pids;
  }
}

/** Shard 0 as a status reports it (a node's own replicas, or the cluster's view). */
export function shard0(status: StatusJson): StatusJson["shards"][number] | undefined {
  return status.shards.find((s) => s.id === 0);
}

function remaining(started: number, timeoutMs: number): number {
  return Math.max(1, timeoutMs - (performance.now() - started));
}

/**
 * Print the last lines of every node's output when a test of the calling file fails. Call it
 * at the top of a describe (or file); `cluster` is read when a test fails.
 */
export function showLogsOnFailure(cluster: () => Cluster | undefined, count = 40): void {
  beforeEach((context) => {
    context.onTestFailed(() => {
      // An it.fails test fails by design; its logs are no news.
      if (context.task.fails) return;
      const c = cluster();
      if (c) console.error(`node output at the failure:\n${c.logTail(count)}`);
    });
  });
}

/**
 * One cluster shared by a test file: started before its tests, torn down after, its nodes' logs
 * shown when a test fails. Returns the accessor the tests use.
 */
export function useCluster(options: Parameters<typeof Cluster.start>[0], timeoutMs: number): () => Cluster {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await Cluster.start(options);
  }, timeoutMs);
  afterAll(async () => {
    await cluster?.teardown();
  }, timeoutMs);
  showLogsOnFailure(() => cluster);
  return () => {
    if (!cluster) throw new Error("the cluster did not start");
    return cluster;
  };
}
