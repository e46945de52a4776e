// The churn soak (issue 14): real `ringkv start` processes under membership churn, outside
// `npm test`. Five node slots, three members to begin with; a writer keeps one write loop per
// shard going the whole time while a seeded schedule, one fault at a time, joins the 4th and 5th
// node, makes members leave (and later come back with a fresh data directory), SIGKILLs nodes
// while their shards move and restarts them, pauses nodes (SIGSTOP … SIGCONT), and — as root —
// cuts nodes off the network for a while (each node in its own network namespace, packets
// dropped silently both ways: test/cluster/netns.ts), the meta leader or the node leading the
// most shards as often as any other. At the end
// the cluster is healed and settled, and the soak reports, per shard, the longest gap without an
// acknowledged write (worst and median over the shards), checks that every acknowledged write
// reads back, and that no status sample showed a shard at two voters among three or more members.
//
//   npm run soak -- [--seconds 120] [--seed N] [--shards 16] [--partitions|--no-partitions]
//                   [--logs DIR]
//
// Partitions are on by default when the soak runs as root with iproute2; --logs DIR keeps every
// node's output (one file per node) and the fault timeline, to find what a long gap waited on.
//
// Exit code 0 when nothing acknowledged was lost and no two-voter sample was seen; 1 otherwise.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { StatusJson } from "../../src/api/kv-api.ts";
import {
  keysPerShard,
  lostWrites,
  ShardWriter,
  StatusSampler,
  WriteLedger,
  writeAll,
} from "../../test/cluster/formation.ts";
import { Cluster, type NodeProcess, runRingkv } from "../../test/cluster/harness.ts";
import { NetnsFabric, netnsAvailable } from "../../test/cluster/netns.ts";
import { waitFor } from "../../test/cluster/wait-for.ts";
import { Rng } from "../../test/sim/random.ts";

/** Node settings of the soak: fast gossip; a dead member is evicted only after a long outage. */
const SETTINGS = { gossipTickMs: 25, deadMemberTimeoutMs: 20_000 };
/** A killed, paused or cut-off node stays down this long (ms, inclusive range). */
const DOWN_MS: readonly [number, number] = [1_000, 4_000];
/** Between two faults (ms, inclusive range). */
const BETWEEN_MS: readonly [number, number] = [1_500, 4_000];
/** Members never fewer than this: below three, a fault is a quorum loss by design. */
const MEMBERS_MIN = 3;

interface Args {
  readonly seconds: number;
  readonly seed: number;
  readonly shards: number;
  readonly partitions: boolean;
  readonly logs: string | undefined;
}

function parse(argv: readonly string[]): Args {
  const { values } = parseArgs({
    args: [...argv],
    allowNegative: true,
    options: {
      seconds: { type: "string" },
      seed: { type: "string" },
      shards: { type: "string" },
      partitions: { type: "boolean" },
      logs: { type: "string" },
    },
  });
  const partitions = values.partitions ?? netnsAvailable();
  if (partitions && !netnsAvailable()) throw new Error("--partitions needs root and iproute2 (ip, tc)");
  return {
    seconds: Number(values.seconds ?? 120),
    seed: Number(values.seed ?? Math.floor(Math.random() * 2 ** 31)),
    shards: Number(values.shards ?? 16),
    partitions,
    logs: values.logs,
  };
}

/** One fault of the schedule, for attributing a gap to what was going on. */
interface Fault {
  readonly label: string;
  /** performance.now() at its start and once it was over (the node back, or the leave done). */
  readonly from: number;
  to: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Every line the soak printed, for labelling faults and for --logs. */
const logged: string[] = [];
const log = (text: string) => {
  const line = `[soak ${new Date().toISOString().slice(11, 23)}] ${text}`;
  logged.push(line);
  console.log(line);
};

class Soak {
  readonly #c: Cluster;
  readonly #rng: Rng;
  readonly #partitions: boolean;
  readonly members = new Set<string>();
  readonly faults: Fault[] = [];
  /** The latest cluster status a sampler saw (who leads what), for choosing whom to cut off. */
  latest: StatusJson | undefined;

  constructor(cluster: Cluster, rng: Rng, partitions: boolean) {
    this.#c = cluster;
    this.#rng = rng;
    this.#partitions = partitions;
  }

  /** A running member other than `except`, to talk through. */
  via(except?: NodeProcess): NodeProcess {
    const up = this.#c.nodes.filter(
      (n) => this.members.has(n.id) && n.running && !n.paused && !this.#c.isPartitioned(n) && n !== except,
    );
    if (up.length === 0) throw new Error("no running member");
    return up[0]!;
  }

  async join(node: NodeProcess): Promise<void> {
    log(`join ${node.id}`);
    await rm(node.dataDir, { recursive: true, force: true });
    await this.#c.join(node, this.via());
    this.members.add(node.id);
  }

  async leave(node: NodeProcess): Promise<void> {
    log(`leave ${node.id}`);
    const result = await runRingkv(["leave", node.id, "--addr", this.via(node).advertise], 180_000);
    log(
      `leave ${node.id}: exit ${result.code}${result.code === 0 ? "" : ` ${result.stderr.trim().slice(0, 200)}`}`,
    );
    if (node.running) await node.kill("SIGKILL");
    this.members.delete(node.id);
  }

  async kill(node: NodeProcess): Promise<void> {
    const downMs = this.#rng.intBetween(...DOWN_MS);
    log(`SIGKILL ${node.id} for ${downMs} ms`);
    await node.kill("SIGKILL");
    await sleep(downMs);
    await node.start("restart");
  }

  async pause(node: NodeProcess): Promise<void> {
    const downMs = this.#rng.intBetween(...DOWN_MS);
    log(`SIGSTOP ${node.id} for ${downMs} ms`);
    this.#c.pause(node);
    await sleep(downMs);
    this.#c.resume(node);
  }

  /** Cut `node` off the network (silently, both ways) for a while, then heal. */
  async partition(node: NodeProcess, why: string): Promise<void> {
    const downMs = this.#rng.intBetween(...DOWN_MS);
    log(`partition ${node.id} (${why}) for ${downMs} ms`);
    this.#c.partition(node);
    try {
      await sleep(downMs);
    } finally {
      this.#c.heal(node);
    }
  }

  /** Whom to cut off: the meta leader, the node leading the most shards, or any member. */
  #partitionTarget(running: readonly NodeProcess[]): { node: NodeProcess; why: string } {
    const st = this.latest;
    const kind = this.#rng.intBelow(3);
    const byId = (id: string | undefined) => running.find((n) => n.id === id);
    if (kind === 0 && byId(st?.meta?.leader)) return { node: byId(st?.meta?.leader)!, why: "meta leader" };
    if (kind === 1 && st) {
      const led = new Map<string, number>();
      for (const s of st.shards) led.set(s.leader, (led.get(s.leader) ?? 0) + 1);
      const [top] = [...led].filter(([id]) => byId(id)).sort((a, b) => b[1] - a[1]);
      if (top) return { node: byId(top[0])!, why: `leads ${top[1]} shards` };
    }
    return { node: this.#pick(running), why: "any member" };
  }

  /** One fault, chosen by the seed among those the current membership allows. */
  async step(): Promise<void> {
    const running = this.#c.nodes.filter((n) => this.members.has(n.id) && n.running);
    const outside = this.#c.nodes.filter((n) => !this.members.has(n.id));
    const choices: (() => Promise<void>)[] = [];
    if (outside.length > 0) choices.push(() => this.join(this.#pick(outside)));
    if (this.members.size > MEMBERS_MIN) choices.push(() => this.leave(this.#pick(running)));
    choices.push(
      () => this.kill(this.#pick(running)),
      () => this.pause(this.#pick(running)),
    );
    if (this.#partitions) {
      const { node, why } = this.#partitionTarget(running);
      choices.push(() => this.partition(node, why));
    }
    const fault = this.#pick(choices);
    const record: Fault = { label: "", from: performance.now(), to: Number.POSITIVE_INFINITY };
    this.faults.push(record);
    const lines = logged.length;
    try {
      await fault();
    } finally {
      record.to = performance.now();
      (record as { label: string }).label = logged.slice(lines).join("; ").slice(0, 200);
    }
  }

  #pick<T>(items: readonly T[]): T {
    return items[this.#rng.intBelow(items.length)]!;
  }
}

async function settle(via: () => NodeProcess, shards: number, timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const st = await via().status(3000, "cluster");
      const bad = st.shards.find((s) => s.leader === "" || s.moving);
      if (bad || st.shards.length !== shards) throw new Error(bad ? `shard ${bad.id} unsettled` : "shards");
      return true;
    },
    { timeoutMs, what: "every shard settled", intervalMs: 250 },
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Elections as the nodes logged them: terms someone campaigned in, and those with two or more
 * candidates (a split vote: nobody wins, and the group waits out another election timeout).
 */
function elections(c: Cluster): { terms: number; split: number } {
  const candidates = new Map<string, Set<string>>();
  for (const n of c.nodes) {
    for (const l of n.lines) {
      const r = l.json;
      if (r?.["msg"] !== "raft role" || r["role"] !== "candidate") continue;
      const term = `${String(r["group"])}@${String(r["term"])}`;
      candidates.set(term, (candidates.get(term) ?? new Set()).add(n.id));
    }
  }
  return { terms: candidates.size, split: [...candidates.values()].filter((s) => s.size >= 2).length };
}

/** The machine's load: gaps stretch with it (timers and messages wait for a CPU). */
function load(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`;
}

/** The faults that overlapped [from, from + ms] (or, if none, the last one before it). */
function faultsDuring(faults: readonly Fault[], from: number, ms: number): string {
  const overlapping = faults.filter((f) => f.from <= from + ms && f.to >= from);
  const before = faults.filter((f) => f.from <= from).at(-1);
  const shown = overlapping.length > 0 ? overlapping : before ? [before] : [];
  return shown.map((f) => f.label).join(" | ") || "no fault";
}

/** Clock time of a performance.now() instant, for matching the nodes' log lines. */
function clockOf(at: number): string {
  return new Date(Date.now() - (performance.now() - at)).toISOString().slice(11, 23);
}

async function keepLogs(dir: string, c: Cluster): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "soak.log"), `${logged.join("\n")}\n`);
  for (const n of c.nodes) {
    const text = n.lines.map((l) => `${new Date(l.at).toISOString().slice(11, 23)} #${l.life} ${l.text}`);
    await writeFile(join(dir, `${n.id}.log`), `${text.join("\n")}\n`);
  }
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  log(
    `seed ${args.seed}, ${args.seconds} s, ${args.shards} shards, partitions ${args.partitions ? "on (netns)" : "off"}; ${load()}`,
  );
  const fabric = args.partitions ? NetnsFabric.create(5) : undefined;
  const c = await Cluster.create({
    name: "soak",
    size: 5,
    shards: args.shards,
    settings: SETTINGS,
    ...(fabric ? { netns: fabric } : {}),
  });
  try {
    return await soak(c, args);
  } finally {
    if (args.logs) await keepLogs(args.logs, c).catch((e: unknown) => log(`could not keep the logs: ${e}`));
    await c.teardown();
    fabric?.destroy();
  }
}

async function soak(c: Cluster, args: Args): Promise<number> {
  const soak = new Soak(c, new Rng(args.seed), args.partitions);
  const [n1, n2, n3] = c.nodes as [NodeProcess, NodeProcess, NodeProcess];
  await n1.start("bootstrap");
  soak.members.add(n1.id);
  await soak.join(n2);
  await soak.join(n3);
  await settle(() => soak.via(), args.shards, 120_000);
  const ledger = new WriteLedger();
  const keys = await keysPerShard(args.shards, 16, "soak");
  await writeAll([n1.advertise], keys.flat(), "preload", ledger);

  const addresses = c.nodes.map((n) => n.advertise);
  const sampler = new StatusSampler(() => soak.via(), 250);
  sampler.onSample((st) => {
    soak.latest = st;
  });
  // The soak's own event loop: on a starved machine the writer's timers fire late too, and a gap
  // then includes time the writer itself could not run.
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  const writer = new ShardWriter({ addresses, keys, ledger, tag: "soak" });
  const started = performance.now();
  for (let round = 0; performance.now() - started < args.seconds * 1000 && round < 10_000; round++) {
    await soak.step();
    await sleep(new Rng(args.seed + round).intBetween(...BETWEEN_MS));
  }
  log("faults over: healing and settling");
  await settle(() => soak.via(), args.shards, 180_000);
  const worstGaps = writer.worstGaps();
  lag.disable();
  const gaps = worstGaps.map((g) => g.ms);
  await writer.stop();
  await sampler.stop();
  const lost = await lostWrites(
    c.nodes.filter((n) => soak.members.has(n.id) && n.running).map((n) => n.advertise),
    ledger,
  );
  const worst = Math.max(...gaps);
  const acks = writer.acks.reduce((sum, a) => sum + a.length, 0);
  log(
    `acknowledged writes: ${acks}; failed attempts: ${JSON.stringify(Object.fromEntries(writer.failures))}`,
  );
  log(
    `longest gap without an acknowledged write per shard (ms): ${gaps.map((g) => Math.round(g)).join(" ")}`,
  );
  // The five longest, each with what was going on, so a long gap can be looked up in the logs.
  const ranked = worstGaps.map((g, shard) => ({ ...g, shard })).sort((a, b) => b.ms - a.ms);
  for (const g of ranked.slice(0, 5)) {
    log(
      `  shard ${g.shard}: ${Math.round(g.ms)} ms from ${clockOf(g.from)} during ${faultsDuring(soak.faults, g.from, g.ms)}`,
    );
  }
  for (const g of ranked.slice(0, 3)) {
    // What the writer was told meanwhile: each distinct answer once, with when and how long.
    const during = writer.failed[g.shard]!.filter((f) => f.at >= g.from - 1 && f.at <= g.from + g.ms);
    const seen = new Set<string>();
    log(`  shard ${g.shard}'s failed writes during its gap: ${during.length}`);
    for (const f of during) {
      const said = f.said.replace(/\d+(\.\d+)?\s?m?s\b/g, "…");
      if (seen.has(said) || seen.size >= 8) continue;
      seen.add(said);
      log(`    ${clockOf(f.at)} (${Math.round(f.ms)} ms) ${f.said}`);
    }
  }
  log(`worst ${Math.round(worst)} ms (shard ${ranked[0]?.shard}), median ${Math.round(median(gaps))} ms`);
  const e = elections(c);
  log(`elections: ${e.terms} terms campaigned in, ${e.split} with two or more candidates (split votes)`);
  log(
    `the soak's own event-loop delay: p99 ${Math.round(lag.percentile(99) / 1e6)} ms, max ${Math.round(lag.max / 1e6)} ms`,
  );
  log(`status samples: ${sampler.samples.length}; two-voter samples: ${sampler.problems.length}`);
  for (const p of sampler.problems.slice(0, 5)) log(`  ${p}`);
  log(`lost acknowledged writes: ${lost.length}; ${load()}`);
  for (const l of lost) log(`  ${l}`);
  return lost.length === 0 && sampler.problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
