// Runs one bounded wrk load against a leader with bench/cluster/load.lua and returns what its
// done() hook reported.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Supervisor } from "./processes.ts";
import type { SystemName } from "./system.ts";

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "load.lua");

export type Op = "put" | "get";
export const OPS: readonly Op[] = ["put", "get"];

export interface LoadSpec {
  readonly system: SystemName;
  readonly op: Op;
  readonly url: string;
  readonly connections: number;
  readonly threads: number;
  readonly durationS: number;
  /** wrk's per-request timeout: slower answers count as timeouts and leave the histogram. */
  readonly timeoutS: number;
  readonly keys: number;
  readonly valueBytes: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly durationS: number;
  readonly requestsPerS: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
    readonly mean: number;
  };
  /** Answers with status >= 400 (wrk's "Non-2xx or 3xx responses"). */
  readonly non2xx: number;
  readonly socketErrors: {
    readonly connect: number;
    readonly read: number;
    readonly write: number;
    readonly timeout: number;
  };
}

/** What load.lua's done() and grpc-load.ts print after their prefix. */
export interface WrkReport {
  requests: number;
  durationUs: number;
  statusErrors: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  maxUs: number;
  meanUs: number;
}

export function wrkArgs(spec: LoadSpec): string[] {
  const threads = Math.max(1, Math.min(spec.threads, spec.connections));
  return [
    `-t${threads}`,
    `-c${spec.connections}`,
    `-d${spec.durationS}s`,
    `--timeout`,
    `${spec.timeoutS}s`,
    "--latency",
    "-s",
    SCRIPT,
    spec.url,
    "--",
    spec.system,
    spec.op,
    String(spec.keys),
    String(spec.valueBytes),
  ];
}

export function toLoadResult(r: WrkReport): LoadResult {
  const durationS = r.durationUs / 1e6;
  return {
    requests: r.requests,
    durationS,
    requestsPerS: r.requests / durationS,
    latencyMs: {
      p50: r.p50Us / 1e3,
      p90: r.p90Us / 1e3,
      p99: r.p99Us / 1e3,
      max: r.maxUs / 1e3,
      mean: r.meanUs / 1e3,
    },
    non2xx: r.statusErrors,
    socketErrors: { connect: r.connectErrors, read: r.readErrors, write: r.writeErrors, timeout: r.timeouts },
  };
}

/** Run wrk to completion; `onStart` gets its pid (for CPU accounting). */
export async function runWrk(
  supervisor: Supervisor,
  spec: LoadSpec,
  onStart: (pid: number) => void = () => {},
): Promise<LoadResult> {
  const child = supervisor.spawn("wrk", "wrk", wrkArgs(spec), { finite: true });
  onStart(child.pid);
  const proc = supervisor.process(child)!;
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const code = await child.exited;
  const line = out.split("\n").find((l) => l.startsWith("wrk-result "));
  if (code !== 0 || line === undefined) throw new Error(`wrk exited with ${code}:\n${out.trim()}`);
  return toLoadResult(JSON.parse(line.slice("wrk-result ".length)) as WrkReport);
}

/**
 * Several load generators' results as one: requests and rates add up; p50 and mean are the
 * request-weighted means of theirs, and p90, p99 and max the worst of theirs (exact percentiles
 * of the union would need the histograms; the worst is the honest bound).
 */
export function combineLoads(results: readonly LoadResult[]): LoadResult {
  const requests = results.reduce((a, r) => a + r.requests, 0);
  const weighted = (f: (r: LoadResult) => number): number =>
    requests === 0 ? 0 : results.reduce((a, r) => a + f(r) * r.requests, 0) / requests;
  const worst = (f: (r: LoadResult) => number): number => Math.max(0, ...results.map(f));
  const sum = (f: (r: LoadResult) => number): number => results.reduce((a, r) => a + f(r), 0);
  return {
    requests,
    durationS: worst((r) => r.durationS),
    requestsPerS: sum((r) => r.requestsPerS),
    latencyMs: {
      p50: weighted((r) => r.latencyMs.p50),
      p90: worst((r) => r.latencyMs.p90),
      p99: worst((r) => r.latencyMs.p99),
      max: worst((r) => r.latencyMs.max),
      mean: weighted((r) => r.latencyMs.mean),
    },
    non2xx: sum((r) => r.non2xx),
    socketErrors: {
      connect: sum((r) => r.socketErrors.connect),
      read: sum((r) => r.socketErrors.read),
      write: sum((r) => r.socketErrors.write),
      timeout: sum((r) => r.socketErrors.timeout),
    },
  };
}

/** `total` connections split over `parts` generators as evenly as can be (zeros dropped). */
export function splitConnections(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0),
  ).filter((c) => c > 0);
}
