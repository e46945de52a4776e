// Idle CPU of a 3-node ringkv cluster: start it with `--shards N`, wait until every shard has
// three replicas and a leader, let it settle, then read each node's CPU time from /proc over a
// quiet window. Nothing is sent to the cluster while measuring except one status read at the end.
//
//   npm run bench:idle -- --shards 16 [--settle-s 60] [--measure-s 20] [--cpu-prof DIR]
//
// The settle is long on purpose: a new cluster does more in its first minute or two (16 shards,
// 2026-12-07: 5.45–6.0% of a core 15 s after the shards were ready, 4.85–5.8% after 90 s), so a
// short one measures start-up, not idle. Compare builds with the same settle, alternated.
//
// Prints one JSON line: shards, per-node % of a core, and the cluster's sum.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuMeter } from "../cluster/cpu.ts";
import { namedArgs, positiveArg, ThreeNodeCluster } from "../cluster/three-nodes.ts";

/** 256 shards need every replica created and caught up on two joiners: allow minutes. */
const READY_TIMEOUT_MS = 300_000;

interface Args {
  readonly shards: number;
  readonly settleS: number;
  readonly measureS: number;
  readonly cpuProfDir: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const named = namedArgs(argv);
  return {
    shards: positiveArg(named, "shards", 16),
    settleS: positiveArg(named, "settle-s", 60),
    measureS: positiveArg(named, "measure-s", 20),
    cpuProfDir: named.get("cpu-prof") ?? null,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), "ringkv-idle-"));
  let cluster: ThreeNodeCluster | null = null;
  try {
    cluster = await ThreeNodeCluster.start({
      shards: args.shards,
      workDir,
      cpuProfDir: args.cpuProfDir,
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    await new Promise((resolve) => setTimeout(resolve, args.settleS * 1000));
    const meter = cpuMeter();
    for (const n of cluster.nodes) meter.watch(n.id, n.child.pid);
    await new Promise((resolve) => setTimeout(resolve, args.measureS * 1000));
    const usage = meter.read();
    const perNode = usage.processes;
    const total = Object.values(perNode).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        shards: args.shards,
        measureS: args.measureS,
        cpuPercentOfCore: { ...perNode, cluster: Math.round(total * 100) / 100 },
        machineBusyPercent: usage.machineBusy,
      }),
    );
  } finally {
    await cluster?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
