// What a request costs when the node it reaches does not lead its shard, against one it leads:
// CPU-µs per request summed over the three nodes (from /proc), HTTP load at one node, keys split
// by whether that node leads their shard. Puts to other shards are forwarded to their leader;
// gets on them are served here as follower reads (ReadIndex from the leader). The cluster's idle
// CPU (measured first, over a quiet window as long as a step) is subtracted: on a busy machine
// the rates are low and the background work would otherwise dominate the per-request figure.
//
//   npx tsx bench/cluster/forward-cost.ts [--seconds 5] [--connections 32] [--rounds 2] [--cpu-prof DIR]
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { StatusJson } from "../../src/api/kv-api.ts";
import { createHasher, ShardRing } from "../../src/ring/index.ts";
import { cpuMeter } from "./cpu.ts";
import { Supervisor } from "./processes.ts";
import { RingkvCluster } from "./ringkv-cluster.ts";
import { benchValue, keyName, request } from "./system.ts";

const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const KEY_SPACE = 5_000;
/** Wait after start before measuring anything. */
const SETTLE_MS = 10_000;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "32" },
    rounds: { type: "string", default: "2" },
    "cpu-prof": { type: "string" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

const supervisor = new Supervisor();
const workDir = mkdtempSync(join(tmpdir(), "ringkv-forward-cost-"));
const profileDir = values["cpu-prof"] === undefined ? undefined : resolve(values["cpu-prof"]);
if (profileDir) mkdirSync(profileDir, { recursive: true });
const cluster = new RingkvCluster({
  repoDir: REPO_DIR,
  workDir,
  supervisor,
  log: () => {},
  ...(profileDir ? { cpuProfileDir: profileDir } : {}),
});
await cluster.start();
const target = cluster.urls()[0]!;
const status = JSON.parse((await request(`${target}/v1/status`, { method: "GET" })).body) as StatusJson;
const ring = new ShardRing(await createHasher(), { shardCount: status.ring!.shardCount });
const leaderOf = new Map(status.shards.map((s) => [s.id, s.leader]));
const keys = { local: [] as string[], remote: [] as string[] };
for (let i = 1; i <= KEY_SPACE; i++) {
  const key = keyName(i);
  (leaderOf.get(ring.shardOfString(key)) === status.node.id ? keys.local : keys.remote).push(key);
}
console.log(
  `target ${status.node.id}: leads ${[...leaderOf.values()].filter((l) => l === status.node.id).length} of ` +
    `${status.shards.length} shards; ${keys.local.length} local keys, ${keys.remote.length} keys led elsewhere`,
);

const agent = new Agent({ keepAlive: true, maxSockets: connections });
const value = benchValue(100);
function call(method: "PUT" | "GET", key: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest(`${target}/v1/kv/${key}`, { method, agent }, (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? 0));
    });
    req.on("error", fail);
    req.end(method === "PUT" ? value : undefined);
  });
}

async function idleCpuPerS(): Promise<number> {
  const meter = cpuMeter();
  for (const m of cluster.members()) meter.watch(m.id, m.pid);
  await new Promise((done) => setTimeout(done, seconds * 1000));
  return Object.values(meter.read().seconds).reduce((a, b) => a + b, 0) / seconds;
}
// Let start-up work (module loading, leader balancing) finish before the quiet window.
await new Promise((done) => setTimeout(done, SETTLE_MS));
const idle = await idleCpuPerS();
console.log(`idle: ${(idle * 100).toFixed(1)}% of a core over the three nodes (subtracted below)`);

async function load(method: "PUT" | "GET", set: readonly string[]): Promise<{ rate: number; cpuUs: number }> {
  const meter = cpuMeter();
  for (const m of cluster.members()) meter.watch(m.id, m.pid);
  let ok = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        // 404 is a served get of a key no put has written yet: an answer like any other.
        const status = await call(method, set[Math.floor(Math.random() * set.length)]!);
        if (status === 200 || (method === "GET" && status === 404)) ok++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = meter.read();
  const cpuS = Object.values(cpu.seconds).reduce((a, b) => a + b, 0) - idle * elapsed;
  return { rate: ok / elapsed, cpuUs: (cpuS * 1e6) / Math.max(1, ok) };
}

try {
  for (let round = 1; round <= rounds; round++) {
    for (const method of ["PUT", "GET"] as const) {
      const local = await load(method, keys.local);
      const remote = await load(method, keys.remote);
      console.log(
        `round ${round} ${method} c=${connections}: led here ${Math.round(local.rate)} req/s ${Math.round(local.cpuUs)} CPU-µs/req; ` +
          `led elsewhere (${method === "PUT" ? "forwarded" : "follower read"}) ${Math.round(remote.rate)} req/s ` +
          `${Math.round(remote.cpuUs)} CPU-µs/req; ratio ${(remote.cpuUs / local.cpuUs).toFixed(2)}×`,
      );
    }
  }
} finally {
  agent.destroy();
  await cluster.stop();
  await supervisor.stopAll(supervisor.running(), 5_000);
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(0);
