// The churn soak (issue 14): real `ringkv start` processes under membership churn, outside
// `npm test`. Five node slots, three members to begin with; a writer keeps one write loop per
// shard going the whole time while a seeded schedule, one fault at a time, joins the 4th and 5th
// node, makes members leave (and later come back with a fresh data directory), SIGKILLs nodes
// while their shards move and restarts them, and pauses nodes (SIGSTOP … SIGCONT). At the end
// the cluster is healed and settled, and the soak reports, per shard, the longest gap without an
// acknowledged write (worst and median over the shards), checks that every acknowledged write
// reads back, and that no status sample showed a shard at two voters among three or more members.
//
//   npm run soak -- [--seconds 120] [--seed N] [--shards 16]
//
// Exit code 0 when nothing acknowledged was lost and no two-voter sample was seen; 1 otherwise.
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  keysPerShard,
  lostWrites,
  ShardWriter,
  StatusSampler,
  WriteLedger,
  writeAll,
} from "../../test/cluster/formation.ts";
import { Cluster, type NodeProcess, runRingkv } from "../../test/cluster/harness.ts";
import { waitFor } from "../../test/cluster/wait-for.ts";
import { Rng } from "../../test/sim/random.ts";

/** Node settings of the soak: fast gossip; a dead member is evicted only after a long outage. */
const SETTINGS = { gossipTickMs: 25, deadMemberTimeoutMs: 20_000 };
/** A killed or paused node stays down this long (ms, inclusive range). */
const DOWN_MS: readonly [number, number] = [1_000, 4_000];
/** Between two faults (ms, inclusive range). */
const BETWEEN_MS: readonly [number, number] = [1_500, 4_000];
/** Members never fewer than this: below three, a fault is a quorum loss by design. */
const MEMBERS_MIN = 3;

interface Args {
  readonly seconds: number;
  readonly seed: number;
  readonly shards: number;
}

function parse(argv: readonly string[]): Args {
  const { values } = parseArgs({
    args: [...argv],
    options: { seconds: { type: "string" }, seed: { type: "string" }, shards: { type: "string" } },
  });
  return {
    seconds: Number(values.seconds ?? 120),
    seed: Number(values.seed ?? Math.floor(Math.random() * 2 ** 31)),
    shards: Number(values.shards ?? 16),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${text}`);

class Soak {
  readonly #c: Cluster;
  readonly #rng: Rng;
  readonly members = new Set<string>();
  readonly faults: string[] = [];

  constructor(cluster: Cluster, rng: Rng) {
    this.#c = cluster;
    this.#rng = rng;
  }

  /** A running member other than `except`, to talk through. */
  via(except?: NodeProcess): NodeProcess {
    const up = this.#c.nodes.filter((n) => this.members.has(n.id) && n.running && !n.paused && n !== except);
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
    const fault = this.#pick(choices);
    await fault();
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

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  log(`seed ${args.seed}, ${args.seconds} s, ${args.shards} shards`);
  const c = await Cluster.create({ name: "soak", size: 5, shards: args.shards, settings: SETTINGS });
  try {
    const soak = new Soak(c, new Rng(args.seed));
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
    const writer = new ShardWriter({ addresses, keys, ledger, tag: "soak" });
    const started = performance.now();
    for (let round = 0; performance.now() - started < args.seconds * 1000 && round < 10_000; round++) {
      await soak.step();
      await sleep(new Rng(args.seed + round).intBetween(...BETWEEN_MS));
    }
    log("faults over: healing and settling");
    await settle(() => soak.via(), args.shards, 180_000);
    const worstGaps = writer.worstGaps();
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
    const worstShard = gaps.indexOf(worst);
    const began = new Date(Date.now() - (performance.now() - worstGaps[worstShard]!.from));
    log(
      `worst ${Math.round(worst)} ms (shard ${worstShard}, from ${began.toISOString().slice(11, 19)}), ` +
        `median ${Math.round(median(gaps))} ms`,
    );
    log(`status samples: ${sampler.samples.length}; two-voter samples: ${sampler.problems.length}`);
    for (const p of sampler.problems.slice(0, 5)) log(`  ${p}`);
    log(`lost acknowledged writes: ${lost.length}`);
    for (const l of lost) log(`  ${l}`);
    return lost.length === 0 && sampler.problems.length === 0 ? 0 : 1;
  } finally {
    await c.teardown();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
