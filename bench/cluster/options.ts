// Command-line options of the cluster benchmark.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { SYSTEM_NAMES, type SystemName } from "./system.ts";
import { OPS, type Op } from "./wrk.ts";

export interface Options {
  readonly durationS: number;
  readonly warmupS: number;
  readonly concurrencies: readonly number[];
  readonly systems: readonly SystemName[];
  readonly ops: readonly Op[];
  readonly keys: number;
  readonly valueBytes: number;
  readonly wrkThreads: number;
  readonly wrkTimeoutS: number;
  /** Directory for the ringkv nodes' CPU profiles, or undefined to run them unprofiled. */
  readonly cpuProfileDir?: string;
  /** Keep the data directories and member logs after a successful run. */
  readonly keep: boolean;
  /** Write bench/results/cluster.{md,json}. */
  readonly writeResults: boolean;
}

export const USAGE = `usage: npx tsx bench/cluster/main.ts [options]

Starts a 3-node ringkv cluster and a 3-member etcd cluster on loopback (fsync on), drives each
leader over HTTP with wrk, prints req/s, p50/p99 latency and errors per system, op and
concurrency, and writes bench/results/cluster.md and cluster.json.

  --duration S        seconds per step (default 10)
  --warmup S          unrecorded warm-up per system and op, at 16 connections (default 2; 0 = none)
  --concurrency LIST  wrk connections per step (default 1,16,64,256)
  --systems LIST      ringkv,etcd (default both)
  --ops LIST          put,get (default both)
  --keys N            key space (default 10000)
  --value-bytes N     value size (default 100)
  --wrk-threads N     wrk threads, at most one per connection (default: cores, at most 4)
  --timeout S         wrk's per-request timeout (default 10)
  --cpu-prof DIR      run ringkv nodes under node --cpu-prof, profiles into DIR, summary printed
  --keep              keep data directories and logs (they are kept anyway when a run fails)
  --no-results        do not write bench/results/cluster.*
  -h, --help          this text

Needs wrk (and etcd for --systems etcd); installs them with apt-get when missing and run as root.
Ctrl-C stops every process the run started.`;

export function parseOptions(argv: readonly string[]): Options | "help" {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      concurrency: { type: "string", default: "1,16,64,256" },
      systems: { type: "string", default: SYSTEM_NAMES.join(",") },
      ops: { type: "string", default: OPS.join(",") },
      keys: { type: "string", default: "10000" },
      "value-bytes": { type: "string", default: "100" },
      "wrk-threads": { type: "string", default: String(Math.min(4, availableParallelism())) },
      timeout: { type: "string", default: "10" },
      "cpu-prof": { type: "string" },
      keep: { type: "boolean", default: false },
      "no-results": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  return {
    durationS: positive("--duration", values.duration),
    warmupS: nonNegative("--warmup", values.warmup),
    concurrencies: values.concurrency.split(",").map((c) => positive("--concurrency", c)),
    systems: oneOf("--systems", values.systems, SYSTEM_NAMES),
    ops: oneOf("--ops", values.ops, OPS),
    keys: positive("--keys", values.keys),
    valueBytes: positive("--value-bytes", values["value-bytes"]),
    wrkThreads: positive("--wrk-threads", values["wrk-threads"]),
    wrkTimeoutS: positive("--timeout", values.timeout),
    ...(values["cpu-prof"] === undefined ? {} : { cpuProfileDir: values["cpu-prof"] }),
    keep: values.keep,
    writeResults: !values["no-results"],
  };
}

function nonNegative(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag}: want a whole number, got "${text}"`);
  return n;
}

function positive(flag: string, text: string): number {
  const n = nonNegative(flag, text);
  if (n === 0) throw new Error(`${flag}: must be at least 1`);
  return n;
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const items = text.split(",").filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T))
      throw new Error(`${flag}: "${item}" is not one of ${allowed.join(", ")}`);
  }
  if (items.length === 0) throw new Error(`${flag}: empty`);
  // Keep the canonical order (ringkv before etcd, put before get) whatever order was typed.
  return allowed.filter((a) => items.includes(a));
}
