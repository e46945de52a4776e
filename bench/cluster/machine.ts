// Facts about the machine a run happened on, recorded beside its numbers.
import { readFileSync } from "node:fs";
import { loadavg, totalmem } from "node:os";
import { outputOf, versionOf } from "./tools.ts";

export interface MachineFacts {
  readonly nproc: string;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly kernel: string;
  readonly node: string;
  readonly etcd: string;
  readonly wrk: string;
  /** Filesystem type under the data directories (fsync cost depends on it). */
  readonly dataFilesystem: string;
  /** 1-, 5- and 15-minute load averages when the run started: other work on the machine. */
  readonly loadAverageAtStart: readonly number[];
}

export function machineFacts(dataDir: string, withEtcd: boolean): MachineFacts {
  const cpuinfo = safeRead("/proc/cpuinfo");
  const df = outputOf("df", ["-T", dataDir]).split("\n")[1]?.trim().split(/\s+/) ?? [];
  return {
    nproc: outputOf("nproc", []),
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: outputOf("uname", ["-r"]),
    node: outputOf(process.execPath, ["-v"]),
    etcd: withEtcd ? versionOf("etcd", ["--version"]) : "not run",
    // `wrk -v` prints its version and exits non-zero; versionOf reads it either way.
    wrk: versionOf("wrk", ["-v"]).replace(/\s*Copyright.*$/, ""),
    dataFilesystem: df.length > 1 ? `${df[1]} (${df[0]})` : "unknown",
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
