// A change side by side with the build before it: runs the cluster benchmark's ringkv steps
// (wrk at one node, or with --shape spread one wrk per member) from two checkouts in turn, in both orders — base, this, this, base, … — so a
// machine growing busier during the run moves both alike, and prints each step's medians: req/s,
// p50 and CPU-µs per request (all three nodes), with this tree ÷ base. On this project's shared
// machines one pair of runs says little; the CPU per request moves least with the noise.
//
//   npx tsx bench/cluster/ab.ts --base DIR [--steps put:1,put:64,get:64] [--rounds 4] [--seconds 5]
//                               [--shape one|spread]
//
// DIR: another checkout of ringkv, built (`npm run build`), with its dependencies installed — for
// example `git worktree add ../base HEAD~1 && ln -s "$PWD/node_modules" ../base/node_modules &&
// (cd ../base && npm run build)`. Each run uses its own checkout's bench/cluster/main.ts and dist/.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

const THIS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** One benchmark run, with its two clusters' start and prefill, takes about a minute per step. */
const RUN_TIMEOUT_MS = 900_000;

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    steps: { type: "string", default: "put:1,put:64,get:64" },
    rounds: { type: "string", default: "4" },
    seconds: { type: "string", default: "5" },
    shape: { type: "string", default: "one" },
  },
});
if (values.base === undefined || !["one", "spread"].includes(values.shape)) {
  console.error(
    "usage: npx tsx bench/cluster/ab.ts --base DIR [--steps put:1,put:64] [--rounds 4] [--seconds 5] [--shape one|spread]",
  );
  process.exit(2);
}
const baseDir = resolve(values.base);
if (!existsSync(join(baseDir, "dist", "src"))) {
  console.error(`${baseDir} has no dist/: build it first (npm run build there)`);
  process.exit(2);
}
const rounds = Number(values.rounds);

interface Sample {
  readonly rate: number;
  readonly p50Ms: number;
  readonly cpuUs: number;
}

type Tree = "base" | "this";
const samples = new Map<string, Sample[]>();

/** One run of the benchmark from `dir`; its table rows as samples under `tree`. */
async function runOnce(tree: Tree, dir: string): Promise<void> {
  const args = [
    "tsx",
    "bench/cluster/main.ts",
    "--seconds",
    values.seconds,
    "--warmup",
    "2",
    "--steps",
    values.steps,
    "--shapes",
    values.shape,
    "--systems",
    "ringkv",
    "--no-results",
    "--idle",
    "0",
  ];
  const { stdout } = await promisify(execFile)("npx", args, {
    cwd: dir,
    timeout: RUN_TIMEOUT_MS,
    maxBuffer: 64 << 20,
  });
  // | put | 64 | 1,927 | 28.3 | 162 | 855 | 0 |
  const row = /^\| (put|get) \| (\d+) \| ([\d,]+) \| ([\d.]+) \| [\d.]+ \| (\d+) \|/;
  for (const line of stdout.split("\n")) {
    const m = row.exec(line);
    if (!m) continue;
    const key = `${tree} ${m[1]}:${m[2]}`;
    const sample = { rate: Number(m[3]!.replaceAll(",", "")), p50Ms: Number(m[4]), cpuUs: Number(m[5]) };
    const list = samples.get(key) ?? [];
    list.push(sample);
    samples.set(key, list);
    console.log(
      `${tree} ${m[1]} c=${m[2]}: ${sample.rate} req/s, p50 ${sample.p50Ms} ms, ${sample.cpuUs} CPU-µs/req`,
    );
  }
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

for (let round = 0; round < rounds; round++) {
  const order: Tree[] = round % 2 === 0 ? ["base", "this"] : ["this", "base"];
  for (const tree of order) await runOnce(tree, tree === "base" ? baseDir : THIS_DIR);
}

console.log(`\n${rounds} rounds, medians (base: ${baseDir}):`);
console.log(
  "| step | base req/s | this req/s | ratio | base p50 ms | this p50 ms | base CPU-µs | this CPU-µs | ratio |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const step of values.steps.split(",")) {
  const base = samples.get(`base ${step}`) ?? [];
  const mine = samples.get(`this ${step}`) ?? [];
  if (base.length === 0 || mine.length === 0) {
    console.log(`| ${step} | no result from ${base.length === 0 ? "base" : "this tree"} | | | | | | | |`);
    continue;
  }
  const of = (xs: readonly Sample[], f: (s: Sample) => number) => median(xs.map(f));
  const [br, tr] = [of(base, (s) => s.rate), of(mine, (s) => s.rate)];
  const [bc, tc] = [of(base, (s) => s.cpuUs), of(mine, (s) => s.cpuUs)];
  console.log(
    `| ${step} | ${Math.round(br)} | ${Math.round(tr)} | ${(tr / br).toFixed(2)}× | ${of(base, (s) => s.p50Ms).toFixed(2)} | ` +
      `${of(mine, (s) => s.p50Ms).toFixed(2)} | ${Math.round(bc)} | ${Math.round(tc)} | ${(tc / bc).toFixed(2)}× |`,
  );
}
