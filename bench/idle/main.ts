// Idle CPU of a 3-node ringkv cluster: start it with `--shards N`, wait until every shard has
// three replicas and a leader, let it settle, then read each node's CPU time from /proc over a
// quiet window. Nothing is sent to the cluster while measuring except one status read at the end.
//
//   npm run bench:idle -- --shards 16 [--settle-s 10] [--measure-s 20] [--cpu-prof DIR]
//
// Prints one JSON line: shards, per-node % of a core, and the cluster's sum.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuMeter } from "../cluster/cpu.ts";
import { Supervisor } from "../cluster/processes.ts";
import { freePorts, request, waitFor } from "../cluster/system.ts";

const IDS = ["n1", "n2", "n3"] as const;
/** 256 shards need every replica created and caught up on two joiners: allow minutes. */
const READY_TIMEOUT_MS = 300_000;
const STOP_GRACE_MS = 15_000;

interface Args {
  readonly shards: number;
  readonly settleS: number;
  readonly measureS: number;
  readonly cpuProfDir: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === "--") continue;
    if (!flag.startsWith("--")) throw new Error(`unexpected argument ${flag}`);
    named.set(flag.slice(2), argv[++i] ?? "");
  }
  const num = (name: string, fallback: number): number => {
    const n = Number(named.get(name) ?? fallback);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  return {
    shards: num("shards", 16),
    settleS: num("settle-s", 10),
    measureS: num("measure-s", 20),
    cpuProfDir: named.get("cpu-prof") ?? null,
  };
}

interface Status {
  readonly shards: readonly { readonly leader: string; readonly replicas: readonly string[] }[];
}

async function status(http: string): Promise<Status> {
  const r = await request(`http://${http}/v1/status`, { method: "GET", timeoutMs: 5_000 });
  if (r.status !== 200) throw new Error(`GET /v1/status on ${http}: HTTP ${r.status}`);
  return JSON.parse(r.body) as Status;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), "ringkv-idle-"));
  const supervisor = new Supervisor();
  const ports = await freePorts(2 * IDS.length);
  const nodes = IDS.map((id, i) => ({
    id,
    grpc: `127.0.0.1:${ports[i]}`,
    http: `127.0.0.1:${ports[i + IDS.length]}`,
  }));
  const spawn = (n: (typeof nodes)[number], extra: readonly string[]) => {
    const profile = args.cpuProfDir === null ? [] : ["--cpu-prof", `--cpu-prof-dir=${args.cpuProfDir}`];
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
      join(workDir, n.id),
      "--log-level",
      "warn",
      ...extra,
    ];
    return supervisor.spawn(`ringkv ${n.id}`, process.execPath, argv, {
      logFile: join(workDir, `${n.id}.log`),
    });
  };
  const children = [spawn(nodes[0]!, ["--bootstrap", "--shards", String(args.shards)])];
  try {
    await waitFor(
      "n1 up",
      () => status(nodes[0]!.http).then((s) => (s.shards.length > 0 ? true : null)),
      60_000,
    );
    for (const n of nodes.slice(1)) children.push(spawn(n, ["--join", nodes[0]!.grpc]));
    await waitFor(
      `every one of ${args.shards} shards on 3 replicas with a leader`,
      async () => {
        const statuses = await Promise.all(nodes.map((n) => status(n.http)));
        const ok = statuses.every(
          (s) =>
            s.shards.length >= args.shards &&
            s.shards.every((shard) => shard.leader !== "" && shard.replicas.length === IDS.length),
        );
        return ok ? true : null;
      },
      READY_TIMEOUT_MS,
      1_000,
    );
    await new Promise((resolve) => setTimeout(resolve, args.settleS * 1000));
    const meter = cpuMeter();
    for (const [i, c] of children.entries()) meter.watch(IDS[i]!, c.pid);
    await new Promise((resolve) => setTimeout(resolve, args.measureS * 1000));
    const usage = meter.read();
    const perNode = usage.processes;
    const cluster = Object.values(perNode).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        shards: args.shards,
        measureS: args.measureS,
        cpuPercentOfCore: { ...perNode, cluster: Math.round(cluster * 100) / 100 },
        machineBusyPercent: usage.machineBusy,
      }),
    );
  } finally {
    await supervisor.stopAll(children, STOP_GRACE_MS);
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
