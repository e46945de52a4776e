// A 3-node ringkv cluster of real processes, started exactly as users start one:
//   node bin/ringkv.mjs start --id n1 --listen … --http … --data … --bootstrap
//   node bin/ringkv.mjs start --id n2 … --join <n1's gRPC address>      (and n3)
// fsync stays on (the node's default). With `cpuProfileDir`, each node runs under
// `node --cpu-prof` and writes its profile there when it stops.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Child, Supervisor } from "./processes.ts";
import { type BenchSystem, freePorts, type Leader, type Member, request, waitFor } from "./system.ts";

const IDS = ["n1", "n2", "n3"] as const;
const READY_TIMEOUT_MS = 120_000;
/** A graceful stop waits up to two election timeouts for a leadership hand-off; give it room. */
const STOP_GRACE_MS = 15_000;

interface StatusShard {
  readonly leader: string;
  readonly term: number;
  readonly replicas: readonly string[];
}
interface Status {
  readonly node: { readonly id: string; readonly http: string };
  readonly shards: readonly StatusShard[];
}

interface NodeSpec {
  readonly id: string;
  readonly grpc: string;
  readonly http: string;
  child: Child | null;
}

export interface RingkvClusterOptions {
  readonly repoDir: string;
  readonly workDir: string;
  readonly supervisor: Supervisor;
  readonly cpuProfileDir?: string;
  /** Passed as `--shards` to the bootstrapping node; the node's default when absent. */
  readonly shards?: number;
  readonly log: (line: string) => void;
}

export class RingkvCluster implements BenchSystem {
  readonly name = "ringkv" as const;
  readonly #o: RingkvClusterOptions;
  readonly #nodes: NodeSpec[] = [];

  constructor(options: RingkvClusterOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {
    const ports = await freePorts(2 * IDS.length);
    IDS.forEach((id, i) => {
      this.#nodes.push({
        id,
        grpc: `127.0.0.1:${ports[i]}`,
        http: `127.0.0.1:${ports[i + IDS.length]}`,
        child: null,
      });
    });
    const [first, ...rest] = this.#nodes;
    const shards = this.#o.shards === undefined ? [] : ["--shards", String(this.#o.shards)];
    this.#spawn(first!, ["--bootstrap", ...shards]);
    await waitFor(
      `ringkv ${first!.id} to lead its one-node cluster`,
      async () => {
        const s = await this.#status(first!.http);
        return s.shards.every((shard) => shard.leader === first!.id) ? true : null;
      },
      READY_TIMEOUT_MS,
    );
    for (const node of rest) this.#spawn(node, ["--join", first!.grpc]);
    await waitFor(
      "ringkv: 3 replicas and one leader seen by every node",
      () => this.#agreedLeader(),
      READY_TIMEOUT_MS,
    );
  }

  #spawn(node: NodeSpec, extra: readonly string[]): void {
    const dataDir = join(this.#o.workDir, node.id);
    mkdirSync(dataDir, { recursive: true });
    const profile =
      this.#o.cpuProfileDir === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${this.#o.cpuProfileDir}`];
    const args = [
      ...profile,
      "bin/ringkv.mjs",
      "start",
      "--id",
      node.id,
      "--listen",
      node.grpc,
      "--http",
      node.http,
      "--data",
      dataDir,
      ...extra,
    ];
    this.#o.log(`  $ node ${args.join(" ")}`);
    node.child = this.#o.supervisor.spawn(`ringkv ${node.id}`, process.execPath, args, {
      cwd: this.#o.repoDir,
      logFile: join(this.#o.workDir, `${node.id}.log`),
    });
  }

  async #status(http: string): Promise<Status> {
    const r = await request(`http://${http}/v1/status`, { method: "GET", timeoutMs: 3_000 });
    if (r.status !== 200) throw new Error(`GET /v1/status on ${http}: HTTP ${r.status}`);
    return JSON.parse(r.body) as Status;
  }

  /**
   * The node that leads the most shards, when every node reports every shard with 3 voting
   * replicas and the same leader; null until then. (Today ringkv has one data shard, so this is
   * simply its leader; with many shards the benchmark drives the busiest leader.)
   */
  async #agreedLeader(): Promise<Leader | null> {
    const statuses = await Promise.all(this.#nodes.map((n) => this.#status(n.http)));
    const reference = statuses[0]!.shards.map((s) => s.leader).join(",");
    for (const s of statuses) {
      if (s.shards.length === 0) return null;
      if (s.shards.some((shard) => shard.replicas.length !== IDS.length || !shard.leader)) return null;
      if (s.shards.map((shard) => shard.leader).join(",") !== reference) return null;
    }
    const counts = new Map<string, number>();
    for (const shard of statuses[0]!.shards) counts.set(shard.leader, (counts.get(shard.leader) ?? 0) + 1);
    const [id] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const http = statuses.find((s) => s.node.id === id)?.node.http;
    const term = statuses[0]!.shards.reduce((sum, shard) => sum + shard.term, 0);
    return http ? { id, url: `http://${http}`, term } : null;
  }

  leader(): Promise<Leader> {
    return waitFor("a ringkv leader", () => this.#agreedLeader(), 30_000);
  }

  async put(leader: Leader, key: string, value: string): Promise<void> {
    const r = await request(`${leader.url}/v1/kv/${encodeURIComponent(key)}`, {
      method: "PUT",
      body: value,
      contentType: "application/octet-stream",
    });
    if (r.status !== 200) throw new Error(`ringkv PUT ${key}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  }

  members(): readonly Member[] {
    return this.#nodes.flatMap((n) => (n.child ? [{ id: n.id, pid: n.child.pid }] : []));
  }

  urls(): readonly string[] {
    return this.#nodes.map((n) => `http://${n.http}`);
  }

  /** Every node's gRPC address, for the client library's load generator. */
  grpcAddresses(): readonly string[] {
    return this.#nodes.map((n) => n.grpc);
  }

  logFiles(): readonly string[] {
    return this.#nodes.map((n) => join(this.#o.workDir, `${n.id}.log`));
  }

  async stop(): Promise<void> {
    const children = this.#nodes.flatMap((n) => (n.child ? [n.child] : []));
    await this.#o.supervisor.stopAll(children, STOP_GRACE_MS);
  }
}
