// What the single-purpose benchmarks (bench/idle, bench/memory) share: `--name value` flags, and
// a 3-node ringkv cluster of real processes (n1 bootstraps, n2 and n3 join), started and waited
// for until every shard has three replicas and a leader.
import { join } from "node:path";
import { type Child, Supervisor } from "./processes.ts";
import { freePorts, request, waitFor } from "./system.ts";

const IDS = ["n1", "n2", "n3"] as const;
const STOP_GRACE_MS = 15_000;

/** `--name value` pairs; anything else is refused. */
export function namedArgs(argv: readonly string[]): Map<string, string> {
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === "--") continue;
    if (!flag.startsWith("--")) throw new Error(`unexpected argument ${flag}`);
    named.set(flag.slice(2), argv[++i] ?? "");
  }
  return named;
}

/** A positive number flag, or `fallback`; `integer` also refuses fractions. */
export function positiveArg(
  named: Map<string, string>,
  name: string,
  fallback: number,
  integer = false,
): number {
  const n = Number(named.get(name) ?? fallback);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} needs a positive ${integer ? "integer" : "number"}`);
  }
  return n;
}

export interface ThreeNodeStatus {
  readonly shards: readonly { readonly leader: string; readonly replicas: readonly string[] }[];
}

export async function nodeStatus(http: string): Promise<ThreeNodeStatus> {
  const r = await request(`http://${http}/v1/status`, { method: "GET", timeoutMs: 10_000 });
  if (r.status !== 200) throw new Error(`GET /v1/status on ${http}: HTTP ${r.status}`);
  return JSON.parse(r.body) as ThreeNodeStatus;
}

export interface RunningNode {
  readonly id: string;
  readonly grpc: string;
  readonly http: string;
  readonly child: Child;
}

export interface ThreeNodeOptions {
  readonly shards: number;
  readonly workDir: string;
  /** Run each node under `node --cpu-prof`, profiles into this directory. */
  readonly cpuProfDir?: string | null;
  /** How long every shard may take to reach three replicas with a leader. */
  readonly readyTimeoutMs: number;
}

/** A started 3-node cluster; `stop()` ends every process it started. */
export class ThreeNodeCluster {
  readonly nodes: RunningNode[] = [];
  readonly #supervisor = new Supervisor();

  static async start(options: ThreeNodeOptions): Promise<ThreeNodeCluster> {
    const cluster = new ThreeNodeCluster();
    try {
      await cluster.#start(options);
      return cluster;
    } catch (e) {
      await cluster.stop();
      throw e;
    }
  }

  async #start(options: ThreeNodeOptions): Promise<void> {
    const ports = await freePorts(2 * IDS.length);
    const addresses = IDS.map((id, i) => ({
      id,
      grpc: `127.0.0.1:${ports[i]}`,
      http: `127.0.0.1:${ports[i + IDS.length]}`,
    }));
    const spawn = (n: (typeof addresses)[number], extra: readonly string[]): void => {
      const profile = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
      const argv = [
        ...profile,
        "bin/ringkv.mjs",
        "start",
        "--id",
        n.id,
        "--listen",
        n.grpc,
        "--http",
        n.http,
        "--data",
        join(options.workDir, n.id),
        "--log-level",
        "warn",
        ...extra,
      ];
      const child = this.#supervisor.spawn(`ringkv ${n.id}`, process.execPath, argv, {
        logFile: join(options.workDir, `${n.id}.log`),
      });
      this.nodes.push({ ...n, child });
    };
    const [first, ...rest] = addresses;
    spawn(first!, ["--bootstrap", "--shards", String(options.shards)]);
    await waitFor(
      "n1 up",
      () => nodeStatus(first!.http).then((s) => (s.shards.length > 0 ? true : null)),
      60_000,
    );
    for (const n of rest) spawn(n, ["--join", first!.grpc]);
    await waitFor(
      `every one of ${options.shards} shards on 3 replicas with a leader`,
      async () => {
        const statuses = await Promise.all(addresses.map((n) => nodeStatus(n.http)));
        const ok = statuses.every(
          (s) =>
            s.shards.length >= options.shards &&
            s.shards.every((shard) => shard.leader !== "" && shard.replicas.length === IDS.length),
        );
        return ok ? true : null;
      },
      options.readyTimeoutMs,
      1_000,
    );
  }

  async stop(): Promise<void> {
    await this.#supervisor.stopAll(
      this.nodes.map((n) => n.child),
      STOP_GRACE_MS,
    );
  }
}
