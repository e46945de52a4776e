// Where a put's latency goes at one connection: sequential puts through each node in turn, split
// by how many node-to-node hops the put makes before its shard's leader proposes it — none (the
// node leads the shard and the meta group), one revision round trip (it leads the shard, the
// oracle is elsewhere), the forward (to the meta leader's node), or the forward and then that
// leader's revision round trip — except through the meta leader's node, which sends a revision
// along with what it forwards (its own class). Beside them, the round trip of one forwarded `revisions` call
// from this process to the meta leader, the cost of one hop with nothing else to do.
//
//   npx tsx bench/cluster/hops.ts [--puts 1500] [--rounds 1]
//
// Latency, not throughput: nothing overlaps, so the machine's other tenants move it. Compare the
// classes of one run with each other.
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { StatusJson } from "../../src/api/kv-api.ts";
import { PeerClient } from "../../src/node/cluster/peer-clients.ts";
import { createHasher, ShardRing } from "../../src/ring/index.ts";
import { Supervisor } from "./processes.ts";
import { RingkvCluster } from "./ringkv-cluster.ts";
import { benchValue, keyName, request } from "./system.ts";

const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Puts before each node's measured ones: connections, JIT. */
const WARMUP_PUTS = 100;
const REVISION_CALLS = 2_000;

const { values } = parseArgs({
  options: { puts: { type: "string", default: "1500" }, rounds: { type: "string", default: "1" } },
});
const puts = Number(values.puts);
const rounds = Number(values.rounds);

const supervisor = new Supervisor();
const workDir = mkdtempSync(join(tmpdir(), "ringkv-hops-"));
const cluster = new RingkvCluster({ repoDir: REPO_DIR, workDir, supervisor, log: () => {} });

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `n ${sorted.length}, p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p90 ${percentile(sorted, 0.9).toFixed(2)} ms`;
}

function put(agent: Agent, url: string, key: string, value: string): Promise<void> {
  return new Promise((done, fail) => {
    const req = httpRequest(`${url}/v1/kv/${key}`, { method: "PUT", agent }, (res) => {
      res.resume();
      res.on("end", () =>
        res.statusCode === 200 ? done() : fail(new Error(`PUT ${key}: ${res.statusCode}`)),
      );
    });
    req.on("error", fail);
    req.end(value);
  });
}

try {
  await cluster.start();
  await cluster.leader();
  const value = benchValue(100);
  const byClass = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    // The nodes take turns put by put, so a machine that grows busier mid-run moves every class alike.
    const nodes = await Promise.all(
      cluster.urls().map(async (url) => {
        const status = JSON.parse((await request(`${url}/v1/status`, { method: "GET" })).body) as StatusJson;
        return { url, status, agent: new Agent({ keepAlive: true, maxSockets: 1 }) };
      }),
    );
    const ring = new ShardRing(await createHasher(), { shardCount: nodes[0]!.status.ring!.shardCount });
    for (let i = 0; i < WARMUP_PUTS + puts * nodes.length; i++) {
      const { url, status, agent } = nodes[i % nodes.length]!;
      const key = keyName(1 + ((i * 7_919) % 10_000));
      const leader = status.shards.find((s) => s.id === ring.shardOfString(key))?.leader;
      const started = performance.now();
      await put(agent, url, key, value);
      const ms = performance.now() - started;
      if (i < WARMUP_PUTS) continue;
      const forwarded = leader !== status.node.id;
      const revisionHop = leader !== status.meta?.leader;
      // The meta leader's node sends a revision along with a put it forwards (no hop back for it).
      const carried = forwarded && revisionHop && status.node.id === status.meta?.leader;
      const name = carried
        ? "forwarded by the meta leader's node (revision carried)"
        : `${forwarded ? "forwarded" : "leader here"}, ${revisionHop ? "revision from another node" : "revision on the leader's node"}`;
      const list = byClass.get(name) ?? [];
      list.push(ms);
      byClass.set(name, list);
    }
    for (const { agent } of nodes) agent.destroy();
  }
  console.log(
    `sequential puts (${puts} through each node per round, the nodes in turn, ${rounds} round(s)):`,
  );
  for (const [name, samples] of [...byClass].sort()) console.log(`  ${name.padEnd(52)} ${summary(samples)}`);

  const status = JSON.parse(
    (await request(`${cluster.urls()[0]}/v1/status`, { method: "GET" })).body,
  ) as StatusJson;
  const metaLeader = status.members.find((m) => m.id === status.meta?.leader);
  if (metaLeader) {
    const peer = new PeerClient(metaLeader.addr);
    const samples: number[] = [];
    for (let i = 0; i < REVISION_CALLS; i++) {
      const started = performance.now();
      await peer.revisions(1, 0, Date.now() + 5_000);
      if (i >= WARMUP_PUTS) samples.push(performance.now() - started);
    }
    peer.close();
    console.log(`one forwarded revisions call to the meta leader (${metaLeader.id}): ${summary(samples)}`);
  }
} finally {
  await cluster.stop();
  await supervisor.stopAll(supervisor.running(), 5_000);
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(0);
