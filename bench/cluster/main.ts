// Cluster load benchmark: ringkv against etcd, both as 3-member clusters of real processes on
// this machine, both driven over HTTP by wrk at the leader.
//
//   npx tsx bench/cluster/main.ts [--duration 10] [--concurrency 1,16,64,256] [--systems ringkv,etcd]
//                                 [--ops put,get] [--cpu-prof DIR] …      (--help for all options)
//
// Order of a run: install wrk/etcd if missing → start both clusters and wait for a leader with
// three voters → prefill every key → for each op: a short warm-up per system, then for each
// concurrency one bounded wrk step per system (alternating, so paired numbers are close in time)
// → stop everything → print the table and write bench/results/cluster.{md,json}.
// Data directories and member logs live in a temporary directory, removed after a clean run.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuMeter } from "./cpu.ts";
import { EtcdCluster } from "./etcd-cluster.ts";
import { runGrpcLoad } from "./grpc-driver.ts";
import { machineFacts } from "./machine.ts";
import { type Options, parseOptions, type Shape, USAGE } from "./options.ts";
import { Supervisor } from "./processes.ts";
import { renderProfile, summarizeProfile } from "./profile.ts";
import { markInterrupted, Progress, say } from "./progress.ts";
import {
  errorsCell,
  type IdleCpu,
  ms,
  type Prefill,
  type RunReport,
  renderJson,
  renderMarkdown,
  type StepResult,
} from "./report.ts";
import { RingkvCluster } from "./ringkv-cluster.ts";
import { type BenchSystem, benchValue, keyName, type Leader } from "./system.ts";
import { ensureTools, outputOf } from "./tools.ts";
import { combineLoads, type LoadResult, type LoadSpec, type Op, runWrk, splitConnections } from "./wrk.ts";

const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const RESULTS = join(REPO_DIR, "bench/results");
const PREFILL_CONCURRENCY = 32;
const PREFILL_ATTEMPTS = 20;
const WARMUP_CONNECTIONS = 16;

const supervisor = new Supervisor();
const systems: BenchSystem[] = [];
let workDir = "";
let shuttingDown = false;
let keepData = false;
let shutdownAt = 0;

async function main(o: Options): Promise<void> {
  const startedAt = Date.now();
  const command = commandLine();
  say(`ringkv cluster benchmark: ${command}`);
  ensureTools(o.systems.includes("etcd"), say);
  workDir = mkdtempSync(join(tmpdir(), "ringkv-bench-cluster-"));
  keepData = o.keep;
  if (o.cpuProfileDir) mkdirSync(o.cpuProfileDir, { recursive: true });
  const machine = machineFacts(workDir, o.systems.includes("etcd"));
  const code = codeVersion();
  say(
    `machine: ${machine.nproc} cores, kernel ${machine.kernel}, node ${machine.node}, ${machine.etcd}, ` +
      `load average ${machine.loadAverageAtStart.join(" ")}; data under ${workDir} (${machine.dataFilesystem})`,
  );
  supervisor.onUnexpectedExit = (child, code) => {
    const what = `${child.name} (pid ${child.pid}) exited unexpectedly (${code})`;
    if (shuttingDown) say(`${what} while the run was stopping`);
    else void shutdown(1, `${what}; logs kept in ${workDir}`);
  };

  for (const name of o.systems) {
    const dir = join(workDir, name);
    mkdirSync(dir);
    systems.push(
      name === "ringkv"
        ? new RingkvCluster({
            repoDir: REPO_DIR,
            workDir: dir,
            supervisor,
            log: say,
            ...(o.cpuProfileDir === undefined ? {} : { cpuProfileDir: resolve(o.cpuProfileDir) }),
            ...(o.shards === undefined ? {} : { shards: o.shards }),
          })
        : new EtcdCluster({ workDir: dir, supervisor, log: say }),
    );
  }

  const warmups = o.warmupS > 0 ? o.ops.length * systems.length : 0;
  const runs = plannedRuns(o);
  const progress = new Progress(
    2 * systems.length + (o.idleS > 0 ? systems.length : 0) + warmups + o.steps.length * runs.length,
  );
  for (const sys of systems) {
    await progress.step(
      `start ${sys.name} (3 members)`,
      async () => {
        await sys.start();
        return sys.leader();
      },
      (l) => `ready, leader ${l.id} at ${l.url}`,
    );
  }
  const prefill: Prefill[] = [];
  for (const sys of systems) {
    const p = await progress.step(
      `prefill ${sys.name}: ${o.keys} keys × ${o.valueBytes} B`,
      () => prefillKeys(sys, o),
      (p) =>
        `${p.seconds.toFixed(1)} s (${Math.round(p.keys / p.seconds)} puts/s)` +
        (p.retries ? `, ${p.retries} retried writes (first: ${p.firstFailure})` : "") +
        (p.elections ? `, ${p.elections} election(s)` : ""),
    );
    prefill.push(p);
  }

  const idle: IdleCpu[] = [];
  if (o.idleS > 0) {
    for (const sys of systems) {
      idle.push(
        await progress.step(
          `idle ${sys.name}: CPU over a quiet ${o.idleS} s`,
          () => measureIdle(sys, o.idleS),
          (i) =>
            `${i.percentOfCore.toFixed(1)}% of a core (${Object.entries(i.members)
              .map(([m, p]) => `${m} ${p.toFixed(1)}`)
              .join(", ")})`,
        ),
      );
    }
  }

  const steps: StepResult[] = [];
  const warmed = new Set<string>();
  for (const step of o.steps) {
    if (o.warmupS > 0 && !warmed.has(step.op)) {
      warmed.add(step.op);
      for (const sys of systems) {
        await progress.step(
          `warm-up ${sys.name} ${step.op} c=${WARMUP_CONNECTIONS} ${o.warmupS} s`,
          () => measure(sys, "one", step.op, WARMUP_CONNECTIONS, o.warmupS, o),
          (s) => summary(s),
        );
      }
    }
    for (const { sys, shape } of runs) {
      const c = step.concurrency;
      const label = `${sys.name.padEnd(6)} ${shape.padEnd(6)} ${step.op} c=${String(c).padEnd(3)} ${o.durationS} s`;
      steps.push(
        await progress.step(
          label,
          () => measure(sys, shape, step.op, c, o.durationS, o),
          (s) => summary(s),
        ),
      );
    }
  }

  say("stopping the clusters …");
  await stopEverything();
  const report: RunReport = {
    command,
    date: new Date(startedAt).toISOString(),
    machine,
    settings: {
      systems: o.systems,
      ops: o.ops,
      concurrencies: o.concurrencies,
      shapes: o.shapes,
      grpcProcesses: o.grpcProcesses,
      idleS: o.idleS,
      durationS: o.durationS,
      warmupS: o.warmupS,
      keys: o.keys,
      valueBytes: o.valueBytes,
      wrkThreads: o.wrkThreads,
      wrkTimeoutS: o.wrkTimeoutS,
      cpuProfile: o.cpuProfileDir !== undefined,
    },
    prefill,
    idle,
    steps,
    memberLogProblems: logProblems(),
    wallSeconds: (Date.now() - startedAt) / 1000,
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
    code,
  };
  const markdown = renderMarkdown(report);
  say("");
  say(markdown.slice(markdown.indexOf("## Results")).split("\n## Prefill")[0]!.trim());
  if (o.writeResults) {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, "cluster.md"), markdown);
    writeFileSync(join(RESULTS, "cluster.json"), renderJson(report));
    say(`\nwrote ${relative(process.cwd(), join(RESULTS, "cluster.md"))} and cluster.json`);
  }
  if (o.cpuProfileDir) printProfiles(o.cpuProfileDir, steps);
  if (o.keep) say(`data and logs kept in ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}

/** Which (system, shape) pairs each step runs, alternating so paired numbers are close in time. */
function plannedRuns(o: Options): { sys: BenchSystem; shape: Shape }[] {
  return o.shapes.flatMap((shape) =>
    systems
      .filter((sys) => shape !== "client" || sys instanceof RingkvCluster)
      .map((sys) => ({ sys, shape })),
  );
}

/**
 * One bounded load step with CPU accounting: wrk at the leader's node ("one"), one wrk per member
 * with the connections split ("spread"), or the client library's generators ("client").
 */
async function measure(
  sys: BenchSystem,
  shape: Shape,
  op: Op,
  connections: number,
  durationS: number,
  o: Options,
): Promise<StepResult> {
  const leader = await sys.leader();
  const spec = (url: string, c: number): LoadSpec => ({
    system: sys.name,
    op,
    url,
    connections: c,
    threads: o.wrkThreads,
    durationS,
    timeoutS: o.wrkTimeoutS,
    keys: o.keys,
    valueBytes: o.valueBytes,
  });
  const meter = cpuMeter();
  for (const m of sys.members()) meter.watch(m.id, m.pid);
  let result: LoadResult;
  if (shape === "one") {
    result = await runWrk(supervisor, spec(leader.url, connections), (pid) => meter.watch("wrk", pid));
  } else if (shape === "spread") {
    const urls = sys.urls();
    const parts = splitConnections(connections, urls.length);
    const results = await Promise.all(
      parts.map((c, i) => runWrk(supervisor, spec(urls[i]!, c), (pid) => meter.watch(`wrk ${i + 1}`, pid))),
    );
    result = combineLoads(results);
  } else {
    if (!(sys instanceof RingkvCluster)) throw new Error("the client-library load runs against ringkv only");
    result = await runGrpcLoad(
      supervisor,
      {
        addresses: sys.grpcAddresses(),
        op,
        connections,
        processes: o.grpcProcesses,
        durationS,
        timeoutS: o.wrkTimeoutS,
        keys: o.keys,
        valueBytes: o.valueBytes,
      },
      REPO_DIR,
      (label, pid) => meter.watch(label, pid),
    );
  }
  const cpu = meter.read();
  const after = await sys.leader();
  const memberIds = new Set(sys.members().map((m) => m.id));
  const clusterCpuS = Object.entries(cpu.seconds)
    .filter(([label]) => memberIds.has(label))
    .reduce((a, [, v]) => a + v, 0);
  return {
    ...result,
    system: sys.name,
    shape,
    op,
    concurrency: connections,
    leader: leader.id,
    leaderAfter: after.id,
    elections: after.term - leader.term,
    cpu,
    cpuUsPerRequest: result.requests > 0 ? (clusterCpuS * 1e6) / result.requests : 0,
  };
}

/** CPU of each member over a quiet window with no client load (background work only). */
async function measureIdle(sys: BenchSystem, seconds: number): Promise<IdleCpu> {
  const meter = cpuMeter();
  for (const m of sys.members()) meter.watch(m.id, m.pid);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const cpu = meter.read();
  const members: Record<string, number> = {};
  for (const m of sys.members()) members[m.id] = cpu.processes[m.id] ?? 0;
  const percentOfCore = Object.values(members).reduce((a, b) => a + b, 0);
  return { system: sys.name, seconds, members, percentOfCore };
}

function summary(s: StepResult): string {
  const leaderCpu = s.cpu.processes[s.leader] ?? 0;
  const leaderWait = s.cpu.runQueueWait[s.leader] ?? 0;
  const moved =
    (s.leader === s.leaderAfter ? "" : `  LEADER MOVED ${s.leader}→${s.leaderAfter}`) +
    (s.elections > 0 ? `  ${s.elections} ELECTION(S)` : "");
  return (
    `${Math.round(s.requestsPerS).toLocaleString("en-US")} req/s  p50 ${ms(s.latencyMs.p50)} ms  ` +
    `p99 ${ms(s.latencyMs.p99)} ms  ${Math.round(s.cpuUsPerRequest)} CPU-µs/req  non-2xx ${errorsCell(s)}  (leader ${s.leader} CPU ${leaderCpu.toFixed(0)}%, waited for CPU ${leaderWait.toFixed(0)}%)${moved}`
  );
}

/**
 * Write every key once through the leader, PREFILL_CONCURRENCY at a time. A failed write is
 * retried (up to PREFILL_ATTEMPTS times, asking for the leader again): the prefill only sets the
 * stage, but every retry and election is counted and reported.
 */
async function prefillKeys(sys: BenchSystem, o: Options): Promise<Prefill> {
  let leader: Leader = await sys.leader();
  const firstTerm = leader.term;
  const value = benchValue(o.valueBytes);
  const started = performance.now();
  const failures: string[] = [];
  let next = 1;
  const putWithRetry = async (key: string): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await sys.put(leader, key, value);
        return;
      } catch (e) {
        if (attempt >= PREFILL_ATTEMPTS) throw e;
        failures.push(e instanceof Error ? e.message : String(e));
        await new Promise((resolve) => setTimeout(resolve, 200));
        leader = await sys.leader();
      }
    }
  };
  const worker = async (): Promise<void> => {
    while (next <= o.keys) await putWithRetry(keyName(next++));
  };
  await Promise.all(Array.from({ length: Math.min(PREFILL_CONCURRENCY, o.keys) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const after = await sys.leader();
  return {
    system: sys.name,
    keys: o.keys,
    seconds,
    retries: failures.length,
    firstFailure: failures[0] ?? "",
    elections: after.term - firstTerm,
  };
}

/** Stop wrk first (if a step was cut short), then every cluster at once; report how each ended. */
async function stopEverything(): Promise<void> {
  await supervisor.stopAll(
    supervisor.running().filter((c) => c.name === "wrk"),
    2_000,
  );
  await Promise.all(systems.map((sys) => sys.stop()));
  await supervisor.stopAll(supervisor.running(), 5_000);
  const ends = supervisor.stopped
    .filter((s) => s.name !== "wrk")
    .map((s) => `${s.name} ${s.killed ? "KILLED after" : `exit ${s.result} in`} ${s.seconds.toFixed(1)} s`);
  if (ends.length) say(`stopped: ${ends.join(", ")}`);
}

/**
 * Lines at level warn or above in each member's log (ringkv: pino JSON; etcd: zap JSON), and
 * the most frequent message among them.
 */
function logProblems(): RunReport["memberLogProblems"] {
  const problems: RunReport["memberLogProblems"] = {};
  for (const sys of systems) {
    for (const file of sys.logFiles()) {
      const member = `${sys.name} ${basename(file, ".log")}`;
      let text = "";
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      const byMessage = new Map<string, number>();
      let count = 0;
      for (const line of text.split("\n")) {
        if (!/"level":(?:[4-6]\d|"(?:warn|error|fatal|panic|dpanic)")/.test(line)) continue;
        count++;
        const msg = /"msg":"((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? line.slice(0, 80);
        byMessage.set(msg, (byMessage.get(msg) ?? 0) + 1);
      }
      const top = [...byMessage.entries()].sort((a, b) => b[1] - a[1])[0];
      problems[member] = { count, mostFrequent: top ? `${top[0]} (${top[1]}×)` : "" };
    }
  }
  return problems;
}

/**
 * Summaries of the ringkv nodes' CPU profiles, the driven leader's first. Only each process's
 * main thread (the event loop, thread 0 in the file name CPU.<date>.<time>.<pid>.<thread>.<n>);
 * the other profiles are tsx's module-loader thread, idle once the node has started.
 */
function printProfiles(dir: string, steps: readonly StepResult[]): void {
  const pidToId = new Map<number, string>();
  for (const sys of systems) for (const m of sys.members()) pidToId.set(m.pid, m.id);
  const leaders = steps.filter((s) => s.system === "ringkv").map((s) => s.leader);
  const labelled = readdirSync(dir).flatMap((f) => {
    const [, , , pid, thread] = f.split(".");
    const id = pidToId.get(Number(pid));
    return f.endsWith(".cpuprofile") && thread === "0" && id ? [{ file: join(dir, f), id }] : [];
  });
  labelled.sort((a, b) => Number(leaders.includes(b.id)) - Number(leaders.includes(a.id)));
  const text = labelled
    .map(({ file, id }) =>
      renderProfile(
        `ringkv ${id}${leaders.includes(id) ? " (leader)" : ""}, main thread — ${file}`,
        summarizeProfile(file, REPO_DIR),
      ),
    )
    .join("\n\n");
  say(`\nCPU profiles:\n${text}`);
  writeFileSync(join(dir, "summary.txt"), `${text}\n`);
}

/** HEAD and the uncommitted files the nodes will run (taken before they start). */
function codeVersion(): RunReport["code"] {
  const commit = outputOf("git", ["-C", REPO_DIR, "rev-parse", "--short", "HEAD"]);
  const status = outputOf("git", ["-C", REPO_DIR, "status", "--porcelain", "--", "src", "cli", "bin"]);
  const uncommitted =
    status === "unknown"
      ? []
      : status
          .split("\n")
          .filter(Boolean)
          // Porcelain lines are "XY path"; outputOf trimmed the first line's leading blank.
          .map((l) => l.trim().replace(/^\S+\s+/, ""));
  return { commit, uncommitted };
}

function commandLine(): string {
  const args = process.argv.slice(2).join(" ");
  // `npx` sets npm_lifecycle_event too; only an `npm run` script is worth naming.
  const npmScript = process.env["npm_lifecycle_event"];
  if (npmScript && npmScript !== "npx") return `npm run ${npmScript}${args ? ` -- ${args}` : ""}`;
  return `npx tsx ${relative(process.cwd(), fileURLToPath(import.meta.url))}${args ? ` ${args}` : ""}`;
}

/** Stop every process this run started, then exit. A second call (second Ctrl-C) kills at once. */
async function shutdown(code: number, message: string): Promise<void> {
  if (shuttingDown) {
    // One Ctrl-C can arrive twice: from the terminal and relayed by npm/tsx. Only a later one forces.
    if (Date.now() - shutdownAt < 2_000) return;
    say("second interrupt: killing every process this run started");
    supervisor.killAllNow();
    process.exit(code);
  }
  shuttingDown = true;
  shutdownAt = Date.now();
  if (code !== 1) markInterrupted();
  say(message);
  try {
    await stopEverything();
    say("all benchmark processes stopped");
  } finally {
    supervisor.killAllNow();
    if ((code === 130 || code === 143) && workDir && !keepData)
      rmSync(workDir, { recursive: true, force: true });
    process.exit(code);
  }
}

process.on("SIGINT", () => void shutdown(130, "interrupted: stopping every process this run started …"));
process.on("SIGTERM", () => void shutdown(143, "terminated: stopping every process this run started …"));

let options: Options | "help";
try {
  options = parseOptions(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
  process.exit(2);
}
if (options === "help") {
  say(USAGE);
} else {
  main(options).then(
    () => process.exit(0),
    (e: unknown) => {
      if (shuttingDown) return;
      const logs = workDir ? `; data and logs kept in ${workDir}` : "";
      void shutdown(1, `failed: ${e instanceof Error ? e.message : String(e)}${logs}`);
    },
  );
}
