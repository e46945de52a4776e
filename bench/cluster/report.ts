// The results of a run as data (bench/results/cluster.json) and as a page (cluster.md).
import type { CpuUsage } from "./cpu.ts";
import type { MachineFacts } from "./machine.ts";
import type { Shape } from "./options.ts";
import type { SystemName } from "./system.ts";
import type { LoadResult, Op } from "./wrk.ts";

export interface Settings {
  readonly systems: readonly SystemName[];
  readonly ops: readonly Op[];
  readonly concurrencies: readonly number[];
  readonly shapes: readonly Shape[];
  readonly grpcProcesses: number;
  readonly idleS: number;
  readonly durationS: number;
  readonly warmupS: number;
  readonly keys: number;
  readonly valueBytes: number;
  readonly wrkThreads: number;
  readonly wrkTimeoutS: number;
  readonly cpuProfile: boolean;
}

export interface StepResult extends LoadResult {
  readonly system: SystemName;
  readonly shape: Shape;
  readonly op: Op;
  readonly concurrency: number;
  /** CPU time of all the cluster's processes during the step, per request answered, in µs. */
  readonly cpuUsPerRequest: number;
  /** Leader driven, and the leader asked for again right after the step. */
  readonly leader: string;
  readonly leaderAfter: string;
  /** Rise of the Raft term during the step: elections (0 when leadership held steady). */
  readonly elections: number;
  readonly cpu: CpuUsage;
}

/** A cluster's CPU over a quiet window (no client load): its background work. */
export interface IdleCpu {
  readonly system: SystemName;
  readonly seconds: number;
  /** Per member, % of one core. */
  readonly members: Record<string, number>;
  /** Summed over the members, % of one core. */
  readonly percentOfCore: number;
}

export interface Prefill {
  readonly system: SystemName;
  readonly keys: number;
  readonly seconds: number;
  /** Writes that failed and were retried, and the first such failure's message. */
  readonly retries: number;
  readonly firstFailure: string;
  readonly elections: number;
}

export interface RunReport {
  readonly command: string;
  readonly date: string;
  readonly machine: MachineFacts;
  readonly settings: Settings;
  readonly prefill: readonly Prefill[];
  readonly idle: readonly IdleCpu[];
  readonly steps: readonly StepResult[];
  /** Warnings and errors the members logged during the run, per member. */
  readonly memberLogProblems: Record<string, { readonly count: number; readonly mostFrequent: string }>;
  readonly wallSeconds: number;
  readonly loadAverageAtEnd: readonly number[];
  /** The ringkv code measured: HEAD, and files under src/, cli/ or bin/ that differed from it. */
  readonly code: { readonly commit: string; readonly uncommitted: readonly string[] };
}

export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const rate = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1));

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? "–" : `${(a / b).toFixed(2)}×`;

function find(
  steps: readonly StepResult[],
  system: SystemName,
  shape: Shape,
  op: Op,
  c: number,
): StepResult | undefined {
  return steps.find((s) => s.system === system && s.shape === shape && s.op === op && s.concurrency === c);
}

const SHAPE_TITLES: Readonly<Record<Shape, string>> = {
  one: "wrk at one node (the leader's, or the node leading most shards)",
  spread: "one wrk per member, the connections split (as behind a load balancer)",
  client:
    "ringkv's gRPC client library (shard-aware: straight to each shard's leader); etcd columns are its spread-over-members HTTP figures",
};

/** Errors of a step in one cell: non-2xx, plus socket errors and timeouts when there were any. */
export function errorsCell(s: LoadResult): string {
  const e = s.socketErrors;
  const socket = e.connect + e.read + e.write;
  const parts = [String(s.non2xx)];
  if (e.timeout) parts.push(`${e.timeout} timeouts`);
  if (socket) parts.push(`${socket} socket errors`);
  return parts.join(", ");
}

function mainTable(r: RunReport, shape: Shape): string[] {
  const { systems } = r.settings;
  const both = systems.includes("ringkv") && systems.includes("etcd");
  // The client-library rows compare against etcd spread over its members (its clients' shape).
  const peerShape = (sys: SystemName): Shape => (shape === "client" && sys === "etcd" ? "spread" : shape);
  const header = ["op", "conns"];
  for (const sys of systems)
    header.push(`${sys} req/s`, `${sys} p50 ms`, `${sys} p99 ms`, `${sys} CPU-µs/req`, `${sys} errors`);
  if (both) header.push("ringkv/etcd req/s", "ringkv/etcd p99", "ringkv/etcd CPU-µs");
  const rows = [header, header.map(() => "---")];
  const pairs = r.steps
    .filter((s) => s.shape === shape)
    .map((s) => `${s.op}:${s.concurrency}`)
    .filter((k, i, all) => all.indexOf(k) === i);
  for (const pair of pairs) {
    const [op, cText] = pair.split(":") as [Op, string];
    const c = Number(cText);
    const row = [op, String(c)];
    for (const sys of systems) {
      const s = find(r.steps, sys, peerShape(sys), op, c);
      row.push(
        s ? rate(s.requestsPerS) : "–",
        s ? ms(s.latencyMs.p50) : "–",
        s ? ms(s.latencyMs.p99) : "–",
        s ? String(Math.round(s.cpuUsPerRequest)) : "–",
        s ? errorsCell(s) : "–",
      );
    }
    if (both) {
      const a = find(r.steps, "ringkv", shape, op, c);
      const b = find(r.steps, "etcd", peerShape("etcd"), op, c);
      row.push(
        ratio(a?.requestsPerS, b?.requestsPerS),
        ratio(a?.latencyMs.p99, b?.latencyMs.p99),
        ratio(a?.cpuUsPerRequest, b?.cpuUsPerRequest),
      );
    }
    rows.push(row);
  }
  return rows.map((cells) => `| ${cells.join(" | ")} |`);
}

function resultTables(r: RunReport): string[] {
  return r.settings.shapes.flatMap((shape) =>
    r.steps.some((s) => s.shape === shape)
      ? [`### ${SHAPE_TITLES[shape]}`, "", ...mainTable(r, shape), ""]
      : [],
  );
}

function idleLines(r: RunReport): string[] {
  if (r.idle.length === 0) return [];
  return [
    "## Idle CPU",
    "",
    `CPU of each cluster's members over a quiet ${r.settings.idleS} s window after the prefill (no client load), % of one core:`,
    "",
    ...r.idle.map(
      (i) =>
        `- ${i.system}: **${i.percentOfCore.toFixed(1)}%** in all (${Object.entries(i.members)
          .map(([m, p]) => `${m} ${p.toFixed(1)}`)
          .join(", ")})`,
    ),
    "",
  ];
}

function cpuTable(r: RunReport): string[] {
  const rows = [
    "| system | shape | op | conns | leader | elections | members' CPU (% of a core) | leader's wait for a CPU | load generators CPU | machine busy | p90 ms | max ms |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const s of r.steps) {
    const members = Object.entries(s.cpu.processes)
      .filter(([label]) => !label.startsWith("wrk") && !label.startsWith("grpc-load"))
      .map(([label, pct]) => `${label}${label === s.leader ? "*" : ""} ${pct.toFixed(0)}`)
      .join(", ");
    const leader = s.leader === s.leaderAfter ? s.leader : `${s.leader} → ${s.leaderAfter}`;
    rows.push(
      `| ${s.system} | ${s.shape} | ${s.op} | ${s.concurrency} | ${leader} | ${s.elections} | ${members} | ${(s.cpu.runQueueWait[s.leader] ?? 0).toFixed(0)}% | ${loadCpu(s).toFixed(0)} | ` +
        `${s.cpu.machineBusy.toFixed(0)}% | ${ms(s.latencyMs.p90)} | ${ms(s.latencyMs.max)} |`,
    );
  }
  return rows;
}

/** CPU of the load generators of a step (wrk processes or client-library processes), % of a core. */
function loadCpu(s: StepResult): number {
  return Object.entries(s.cpu.processes)
    .filter(([label]) => label.startsWith("wrk") || label.startsWith("grpc-load"))
    .reduce((a, [, p]) => a + p, 0);
}

/** Run-queue wait (% of a step) from which a leader counts as held back by the machine. */
const STARVED_WAIT_PERCENT = 50;

/**
 * A caution, drawn from the run itself, when other work on the machine competed for the CPU: a
 * load average above the core count, or a leader whose threads waited for a CPU for at least
 * STARVED_WAIT_PERCENT of a step.
 */
function loadWarning(r: RunReport): string[] {
  const cores = Number(r.machine.nproc);
  const loads = [r.machine.loadAverageAtStart[0] ?? 0, r.loadAverageAtEnd[0] ?? 0];
  const starved = r.steps.filter((s) => (s.cpu.runQueueWait[s.leader] ?? 0) >= STARVED_WAIT_PERCENT);
  if (!(cores > 0) || (Math.max(...loads) <= cores && starved.length === 0)) return [];
  const rows = starved.map(
    (s) => `${s.system} ${s.op} c=${s.concurrency} (${(s.cpu.runQueueWait[s.leader] ?? 0).toFixed(0)}%)`,
  );
  return [
    `**Caution:** the machine was shared. The 1-minute load average was ${loads[0]} at the start and ` +
      `${loads[1]} at the end, on ${cores} cores` +
      (rows.length
        ? `; in ${rows.length} of ${r.steps.length} steps the leader's threads spent ${STARVED_WAIT_PERCENT}% ` +
          "of the step or more waiting for a CPU: " +
          `${rows.join(", ")}`
        : "") +
      ". Those numbers say as much about the other tenants as about the system; compare rows with care " +
      "and repeat the run on a quiet machine before drawing fine conclusions.",
    "",
  ];
}

export function renderMarkdown(r: RunReport): string {
  const m = r.machine;
  const st = r.settings;
  const problems = Object.entries(r.memberLogProblems).filter(([, p]) => p.count > 0);
  return [
    "# Cluster benchmark: ringkv vs etcd over HTTP",
    "",
    `\`${r.command}\``,
    "",
    `Run ${r.date}, ${Math.round(r.wallSeconds)} s wall time, on ringkv commit ${r.code.commit}` +
      (r.code.uncommitted.length
        ? ` plus uncommitted changes to ${r.code.uncommitted.map((f) => `\`${f}\``).join(", ")}.`
        : "."),
    "",
    "## Machine",
    "",
    "| fact | value |",
    "| --- | --- |",
    `| \`nproc\` | ${m.nproc} (${m.cpuModel}) |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| \`uname -r\` | ${m.kernel} |`,
    `| \`node -v\` | ${m.node} |`,
    `| \`etcd --version\` | ${m.etcd} |`,
    `| wrk | ${m.wrk} |`,
    `| data directories on | ${m.dataFilesystem} |`,
    `| load average at start (1, 5, 15 min) | ${m.loadAverageAtStart.join(", ")} |`,
    "",
    ...loadWarning(r),
    "## Method",
    "",
    `Each system runs as a 3-member cluster of real processes on loopback, with its default durability: ` +
      `a write is acknowledged once a quorum has fsynced it, and reads are linearizable (ringkv's default ` +
      `ReadIndex read; etcd's default range). Load arrives in up to three shapes: wrk at **one node** (the ` +
      `leader's, or for ringkv the node leading most shards); **spread**: one wrk per member with the ` +
      `connections split between them, as behind a load balancer (the table's p50 is the request-weighted ` +
      `mean of the three wrk p50s, p99 the worst of their p99s); and for ringkv its **gRPC client library** ` +
      `(src/client, shard-aware: each request goes straight to its shard's leader), run as ` +
      `${st.grpcProcesses} Node process(es) with the connections split, because one Node process cannot ` +
      `saturate the cluster on its own. HTTP requests use each system's API (ringkv: ` +
      `\`PUT/GET /v1/kv/{key}\`; etcd: its JSON gateway, \`POST /v3/kv/put\` and \`/v3/kv/range\` with base64 ` +
      `keys and values), each request on a key drawn uniformly from ${st.keys.toLocaleString("en-US")} keys, ` +
      `values of ${st.valueBytes} bytes. All keys are written once before the steps (prefill), so every get ` +
      `finds its key. Both clusters run for the whole benchmark and the steps alternate between them, step by ` +
      `step, so each pair of numbers in a row was measured minutes apart at most. Each step runs ${st.durationS} s ` +
      `(after a ${st.warmupS} s unrecorded warm-up per system and op) with up to ${st.wrkThreads} wrk threads ` +
      `and a ${st.wrkTimeoutS} s request timeout. wrk, both clusters and anything else on the machine share its ` +
      `${m.nproc} cores. "non-2xx" counts answers with status ≥ 400; timeouts and socket errors are listed ` +
      `beside it when there were any. Ratios are ringkv ÷ etcd: above 1× is better for ringkv in req/s, worse ` +
      `in p99 and CPU. **CPU-µs/req** is the CPU time (utime + stime from /proc/PID/stat) of all three ` +
      `members of the cluster during the step, divided by the requests answered; the load generators are ` +
      `not counted. It moves far less with machine noise than req/s does.` +
      (st.cpuProfile ? " ringkv's nodes ran under `node --cpu-prof`, which slows them somewhat." : ""),
    "",
    "## Results",
    "",
    ...resultTables(r),
    ...idleLines(r),
    "## Where the CPU went, per step",
    "",
    "CPU time of each member during the step in % of one core (`*` marks the leader driven); the time the " +
      "leader's threads were ready to run but waited for a CPU (run-queue wait from /proc/PID/task/*/schedstat, " +
      "in % of the step: high means the machine, not the process, held it back); wrk's own CPU; and the whole " +
      "machine's busy share (all cores, other tenants included).",
    "",
    ...cpuTable(r),
    "",
    "## Prefill",
    "",
    ...r.prefill.map(
      (p) =>
        `- ${p.system}: ${p.keys.toLocaleString("en-US")} keys in ${p.seconds.toFixed(1)} s ` +
        `(${rate(p.keys / p.seconds)} puts/s, 32 concurrent from Node's fetch); ` +
        `${p.retries} writes retried${p.retries ? ` (first failure: ${p.firstFailure})` : ""}, ` +
        `${p.elections} election(s)`,
    ),
    "",
    problems.length
      ? "Members logged warnings or errors during the run: " +
        problems.map(([k, p]) => `${k} ${p.count} (most often: ${p.mostFrequent})`).join("; ") +
        "."
      : "No member logged a warning or an error during the run.",
    "",
  ].join("\n");
}
