// Runs the client-library load generator (grpc-load.ts) as one or more Node processes, the
// connections split between them: one Node process tops out near one core of client-side gRPC
// work, which on a small machine is less than the cluster can serve.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Supervisor } from "./processes.ts";
import {
  combineLoads,
  type LoadResult,
  type Op,
  splitConnections,
  toLoadResult,
  type WrkReport,
} from "./wrk.ts";

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "grpc-load.ts");
const RESULT_PREFIX = "grpc-result ";

export interface GrpcLoadSpec {
  readonly addresses: readonly string[];
  readonly op: Op;
  readonly connections: number;
  readonly processes: number;
  readonly durationS: number;
  readonly timeoutS: number;
  readonly keys: number;
  readonly valueBytes: number;
}

/** Run the generators to completion; `onStart` gets each one's pid (for CPU accounting). */
export async function runGrpcLoad(
  supervisor: Supervisor,
  spec: GrpcLoadSpec,
  repoDir: string,
  onStart: (label: string, pid: number) => void = () => {},
): Promise<LoadResult> {
  const parts = splitConnections(spec.connections, spec.processes);
  const results = await Promise.all(
    parts.map(async (connections, i) => {
      const args = [
        "--import",
        "tsx",
        SCRIPT,
        JSON.stringify({
          addresses: spec.addresses,
          op: spec.op,
          connections,
          durationS: spec.durationS,
          keys: spec.keys,
          valueBytes: spec.valueBytes,
          timeoutMs: spec.timeoutS * 1000,
        }),
      ];
      const child = supervisor.spawn(`grpc-load ${i + 1}`, process.execPath, args, {
        cwd: repoDir,
        finite: true,
      });
      onStart(`grpc-load ${i + 1}`, child.pid);
      const proc = supervisor.process(child)!;
      let out = "";
      proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
      proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
      const code = await child.exited;
      const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || line === undefined) throw new Error(`grpc-load exited with ${code}:\n${out.trim()}`);
      return toLoadResult(JSON.parse(line.slice(RESULT_PREFIX.length)) as WrkReport);
    }),
  );
  return combineLoads(results);
}
