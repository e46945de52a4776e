// Command-line options of the cluster benchmark.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { SYSTEM_NAMES, type SystemName } from "./system.ts";
import { OPS, type Op } from "./wrk.ts";

/** How load reaches a cluster: wrk at the leader's node, one wrk per member with the
 * connections split (as behind a load balancer), or the gRPC client library (ringkv only). */
export type Shape = "one" | "spread" | "client";
export const SHAPES: readonly Shape[] = ["one", "spread", "client"];

export interface Step {
  readonly op: Op;
  readonly concurrency: number;
}

export interface Options {
  readonly durationS: number;
  /** Every (op, concurrency) measured, in order: --steps, or --ops × --concurrency. */
  readonly steps: readonly Step[];
  readonly shapes: readonly Shape[];
  /** Node processes the gRPC client load is split over. */
  readonly grpcProcesses: number;
  /** Seconds of the quiet window in which each cluster's idle CPU is measured (0: skip). */
  readonly idleS: number;
  readonly warmupS: number;
  readonly concurrencies: readonly number[];
  readonly systems: readonly SystemName[];
  readonly ops: readonly Op[];
  readonly keys: number;
  readonly valueBytes: number;
  readonly wrkThreads: number;
  readonly wrkTimeoutS: number;
  /** Shards of the ringkv cluster (`--shards` at bootstrap), or undefined for the node's default. */
  readonly shards?: number;
  /** Directory for the ringkv nodes' CPU profiles, or undefined to run them unprofiled. */
  readonly cpuProfileDir?: string;
  /** Keep the data directories and member logs after a successful run. */
  readonly keep: boolean;
  /** Write bench/results/cluster.{md,json}. */
  readonly writeResults: boolean;
}

export const USAGE = `usage: npx tsx bench/cluster/main.ts [options]

Starts a 3-node ringkv cluster and a 3-member etcd cluster on loopback (fsync on), drives them
over HTTP with wrk (at the leader's node, and spread over all members) and ringkv with its gRPC
client library, prints req/s, p50/p99 latency, errors and CPU-µs per request (all cluster
processes, from /proc) per system, shape, op and concurrency, measures each cluster's idle CPU,
and writes bench/results/cluster.md and cluster.json.  Quick run: --seconds 5 --steps put:64,get:64

  --duration S        seconds per step (default 10; --seconds is the same)
  --steps LIST        op:conns pairs, e.g. put:64,get:64 (default: every --ops × --concurrency)
  --shapes LIST       one,spread,client (default all): wrk at the leader's node; one wrk per member
                      with the connections split; the gRPC client library (ringkv only)
  --grpc-procs N      Node processes the client-library load is split over (default 2)
  --idle S            quiet window for each cluster's idle CPU, after the prefill (default 5; 0 = skip)
  --warmup S          unrecorded warm-up per system and op, at 16 connections (default 2; 0 = none)
  --concurrency LIST  wrk connections per step (default 1,16,64,256)
  --systems LIST      ringkv,etcd (default both)
  --ops LIST          put,get (default both)
  --keys N            key space (default 10000)
  --value-bytes N     value size (default 100)
  --wrk-threads N     wrk threads, at most one per connection (default: cores, at most 4)
  --timeout S         wrk's per-request timeout (default 10)
  --shards N          ringkv's shard count at bootstrap (default: the node's default, 16)
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
      duration: { type: "string" },
      seconds: { type: "string" },
      steps: { type: "string" },
      shapes: { type: "string", default: SHAPES.join(",") },
      "grpc-procs": { type: "string", default: "2" },
      idle: { type: "string", default: "5" },
      warmup: { type: "string", default: "2" },
      concurrency: { type: "string", default: "1,16,64,256" },
      systems: { type: "string", default: SYSTEM_NAMES.join(",") },
      ops: { type: "string", default: OPS.join(",") },
      keys: { type: "string", default: "10000" },
      "value-bytes": { type: "string", default: "100" },
      "wrk-threads": { type: "string", default: String(Math.min(4, availableParallelism())) },
      timeout: { type: "string", default: "10" },
      "cpu-prof": { type: "string" },
      shards: { type: "string" },
      keep: { type: "boolean", default: false },
      "no-results": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  const ops = oneOf("--ops", values.ops, OPS);
  const concurrencies = values.concurrency.split(",").map((c) => positive("--concurrency", c));
  const steps =
    values.steps === undefined
      ? ops.flatMap((op) => concurrencies.map((concurrency) => ({ op, concurrency })))
      : values.steps.split(",").map((pair) => {
          const [op, c] = pair.split(":");
          if (!OPS.includes(op as Op) || c === undefined)
            throw new Error(`--steps: want op:conns like put:64, got "${pair}"`);
          return { op: op as Op, concurrency: positive("--steps", c) };
        });
  return {
    durationS: positive("--duration", values.seconds ?? values.duration ?? "10"),
    steps,
    shapes: oneOf("--shapes", values.shapes, SHAPES),
    grpcProcesses: positive("--grpc-procs", values["grpc-procs"]),
    idleS: nonNegative("--idle", values.idle),
    warmupS: nonNegative("--warmup", values.warmup),
    concurrencies: [...new Set(steps.map((s) => s.concurrency))],
    systems: oneOf("--systems", values.systems, SYSTEM_NAMES),
    ops: [...new Set(steps.map((s) => s.op))],
    keys: positive("--keys", values.keys),
    valueBytes: positive("--value-bytes", values["value-bytes"]),
    wrkThreads: positive("--wrk-threads", values["wrk-threads"]),
    wrkTimeoutS: positive("--timeout", values.timeout),
    ...(values["cpu-prof"] === undefined ? {} : { cpuProfileDir: values["cpu-prof"] }),
    ...(values.shards === undefined ? {} : { shards: positive("--shards", values.shards) }),
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
