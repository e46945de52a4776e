// A load generator built on the shard-aware client library (src/client): C concurrent loops, each
// issuing one request after another on uniformly drawn keys for D seconds, as wrk does over HTTP.
// Runs as its own process (grpc-driver.ts starts one or more), and ends with one line
//   grpc-result {json}
// in the same shape as bench/cluster/load.lua's wrk-result, latency percentiles exact.
//
//   node --import tsx bench/cluster/grpc-load.ts '{"addresses":[…],"op":"put","connections":16,…}'
import { RingkvClient } from "../../src/client/index.ts";
import { benchValue, keyName } from "./system.ts";

interface Spec {
  readonly addresses: readonly string[];
  readonly op: "put" | "get";
  readonly connections: number;
  readonly durationS: number;
  readonly keys: number;
  readonly valueBytes: number;
  /** Per-request deadline in ms (wrk's --timeout). */
  readonly timeoutMs: number;
}

/** Time allowed for the client's first status look-up (the shard map) before the load starts. */
const ROUTES_WARMUP_MS = 5_000;

const spec = JSON.parse(process.argv[2] ?? "{}") as Spec;
const encoder = new TextEncoder();
const value = encoder.encode(benchValue(spec.valueBytes));
const keys = Array.from({ length: spec.keys }, (_, i) => encoder.encode(keyName(i + 1)));
const client = new RingkvClient({
  addresses: spec.addresses,
  deadlineMs: spec.timeoutMs,
  // NotLeader hints are followed (a hop); other failures are counted, not retried.
  retry: { budgetMs: spec.timeoutMs, attemptsMax: 3 },
});

// Learn the shard map and leaders before the clock starts (one status call).
await Promise.race([
  client.get(keys[0]!).catch(() => null),
  new Promise((resolve) => setTimeout(resolve, ROUTES_WARMUP_MS)),
]);

const latenciesUs: number[] = [];
let errors = 0;
let timeouts = 0;
const started = performance.now();
const until = started + spec.durationS * 1000;

async function loop(): Promise<void> {
  while (performance.now() < until) {
    const key = keys[Math.floor(Math.random() * keys.length)]!;
    const t0 = performance.now();
    try {
      if (spec.op === "put") await client.put(key, value);
      else await client.get(key);
      latenciesUs.push((performance.now() - t0) * 1000);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === "Timeout") timeouts++;
      else errors++;
    }
  }
}

await Promise.all(Array.from({ length: spec.connections }, loop));
const durationUs = (performance.now() - started) * 1000;
client.close();
latenciesUs.sort((a, b) => a - b);
const pct = (p: number): number =>
  latenciesUs.length === 0
    ? 0
    : latenciesUs[Math.min(latenciesUs.length - 1, Math.floor((p / 100) * latenciesUs.length))]!;
const mean = latenciesUs.reduce((a, b) => a + b, 0) / Math.max(1, latenciesUs.length);
process.stdout.write(
  `grpc-result ${JSON.stringify({
    requests: latenciesUs.length + errors,
    durationUs: Math.round(durationUs),
    statusErrors: errors,
    connectErrors: 0,
    readErrors: 0,
    writeErrors: 0,
    timeouts,
    p50Us: Math.round(pct(50)),
    p90Us: Math.round(pct(90)),
    p99Us: Math.round(pct(99)),
    maxUs: Math.round(latenciesUs[latenciesUs.length - 1] ?? 0),
    meanUs: mean,
  })}\n`,
);
process.exit(0);
