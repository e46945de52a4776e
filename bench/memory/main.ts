// Memory per key of a 3-node ringkv cluster: start it (16 shards, three replicas each, so every
// node holds every key), read each node's memory, write N keys of 16 bytes with 100-byte values
// through the client library, let the nodes settle, read their memory again, and report bytes
// per key against the raw size of a key and its value.
//
//   npm run bench:memory -- [--keys 1000000] [--shards 16] [--concurrency 256] [--max-s 1200]
//
// Memory is read from /proc (VmRSS: what the machine pays) and from each node's /metrics (V8
// heap used and external/array-buffer memory, sampled over a settle window and the minimum kept,
// so a garbage collection that has not run yet does not count as memory held). The Raft log
// since each group's last snapshot is held in memory too (snapshotEntries, snapshotLogBytes in
// src/node/config.ts) and is part of what is measured: that is what a node costs at this size.
//
// Prints a table and one JSON line. Every loop is bounded: the load stops at --max-s.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RingkvClient } from "../../src/client/index.ts";
import { request } from "../cluster/system.ts";
import { namedArgs, positiveArg, ThreeNodeCluster } from "../cluster/three-nodes.ts";

const KEY_BYTES = 16;
const VALUE_BYTES = 100;
const READY_TIMEOUT_MS = 120_000;
const SETTLE_SAMPLES = 10;
const SETTLE_SAMPLE_INTERVAL_MS = 1_000;

interface Args {
  readonly keys: number;
  readonly shards: number;
  readonly concurrency: number;
  readonly maxS: number;
}

function parseArgs(argv: readonly string[]): Args {
  const named = namedArgs(argv);
  return {
    keys: positiveArg(named, "keys", 1_000_000, true),
    shards: positiveArg(named, "shards", 16, true),
    concurrency: positiveArg(named, "concurrency", 256, true),
    maxS: positiveArg(named, "max-s", 1_200, true),
  };
}

/** A 16-byte key: "m" and the index in 15 digits. */
function memoryKey(i: number): string {
  return `m${String(i).padStart(KEY_BYTES - 1, "0")}`;
}

interface Memory {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly externalBytes: number;
}

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text);
  if (!match) throw new Error(`no ${name} in /metrics`);
  return Number(match[1]);
}

async function memoryOf(pid: number, http: string): Promise<Memory> {
  const r = await request(`http://${http}/metrics`, { method: "GET", timeoutMs: 10_000 });
  if (r.status !== 200) throw new Error(`GET /metrics on ${http}: HTTP ${r.status}`);
  return {
    rssBytes: rssBytes(pid),
    heapUsedBytes: metric(r.body, "nodejs_heap_size_used_bytes"),
    externalBytes: metric(r.body, "nodejs_external_memory_bytes"),
  };
}

/** The least memory seen over a settle window: garbage not yet collected is not memory held. */
async function settledMemory(pid: number, http: string): Promise<Memory> {
  let least: Memory | null = null;
  for (let i = 0; i < SETTLE_SAMPLES; i++) {
    const m = await memoryOf(pid, http);
    least =
      least === null
        ? m
        : {
            rssBytes: Math.min(least.rssBytes, m.rssBytes),
            heapUsedBytes: Math.min(least.heapUsedBytes, m.heapUsedBytes),
            externalBytes: Math.min(least.externalBytes, m.externalBytes),
          };
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SAMPLE_INTERVAL_MS));
  }
  return least!;
}

/** Writes keys 1..count with `concurrency` loops; returns how many were acknowledged. */
async function writeKeys(client: RingkvClient, args: Args): Promise<{ written: number; seconds: number }> {
  const value = "v".repeat(VALUE_BYTES);
  const startedMs = Date.now();
  const stopAtMs = startedMs + args.maxS * 1000;
  let next = 1;
  let written = 0;
  let lastReportMs = startedMs;
  const loop = async (): Promise<void> => {
    while (next <= args.keys && Date.now() < stopAtMs) {
      const i = next++;
      await client.put(memoryKey(i), value);
      written++;
      if (Date.now() - lastReportMs > 10_000) {
        lastReportMs = Date.now();
        const rate = Math.round(written / ((lastReportMs - startedMs) / 1000));
        process.stderr.write(`  ${written} keys written (${rate}/s)\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, loop));
  return { written, seconds: (Date.now() - startedMs) / 1000 };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), "ringkv-memory-"));
  let cluster: ThreeNodeCluster | null = null;
  let client: RingkvClient | null = null;
  try {
    cluster = await ThreeNodeCluster.start({
      shards: args.shards,
      workDir,
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    const nodes = cluster.nodes;
    const before = await Promise.all(nodes.map((n) => settledMemory(n.child.pid, n.http)));
    client = new RingkvClient({ addresses: nodes.map((n) => n.grpc), deadlineMs: 30_000 });
    process.stderr.write(
      `writing ${args.keys} keys with ${args.concurrency} loops (at most ${args.maxS} s)\n`,
    );
    const { written, seconds } = await writeKeys(client, args);
    const after = await Promise.all(nodes.map((n) => settledMemory(n.child.pid, n.http)));
    const rawPerKey = KEY_BYTES + VALUE_BYTES;
    const perKey = (a: number, b: number) => Math.round((a - b) / written);
    const rows = nodes.map((n, i) => {
      const b = before[i]!;
      const a = after[i]!;
      return {
        node: n.id,
        rssPerKey: perKey(a.rssBytes, b.rssBytes),
        heapPerKey: perKey(a.heapUsedBytes, b.heapUsedBytes),
        externalPerKey: perKey(a.externalBytes, b.externalBytes),
        rssMiB: Math.round(a.rssBytes / 2 ** 20),
      };
    });
    console.log(
      `\n${written} keys (${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values: ${rawPerKey} raw bytes each), written in ${seconds.toFixed(0)} s`,
    );
    console.log("NODE  RSS/KEY  ×RAW  HEAP/KEY  EXTERNAL/KEY  RSS MiB");
    for (const r of rows) {
      const ratio = (r.rssPerKey / rawPerKey).toFixed(2);
      console.log(
        `${r.node.padEnd(6)}${String(r.rssPerKey).padStart(7)}  ${ratio.padStart(4)}  ${String(r.heapPerKey).padStart(8)}  ${String(r.externalPerKey).padStart(12)}  ${String(r.rssMiB).padStart(7)}`,
      );
    }
    console.log(
      JSON.stringify({ keys: written, shards: args.shards, rawBytesPerKey: rawPerKey, nodes: rows }),
    );
  } finally {
    client?.close();
    await cluster?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
