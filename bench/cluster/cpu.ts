// CPU accounting from /proc: how busy each cluster member (and wrk) was during a step, and how
// busy the whole machine was, so a result can be read together with what limited it.
// Percentages are of one core: 100% means a process kept one core busy for the whole step.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_S = clockTicks();

function clockTicks(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a process, in clock ticks; null once it is gone. */
function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at field 3, the state.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Nanoseconds the process's threads spent runnable but waiting for a CPU (the scheduler's run
 * queue), summed over its threads: high when the machine, not the process, is the bottleneck.
 */
function runQueueWaitNs(pid: number): number | null {
  try {
    let sum = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        sum += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[1]);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return sum;
  } catch {
    return null;
  }
}

/** Busy and total ticks summed over all cores. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

export interface CpuUsage {
  /** Per labelled process, % of one core. */
  readonly processes: Record<string, number>;
  /** Per labelled process, CPU seconds (utime + stime) used during the measurement. */
  readonly seconds: Record<string, number>;
  /** Per labelled process, time its threads waited for a CPU, in % of the step's wall time. */
  readonly runQueueWait: Record<string, number>;
  /** Whole machine, % of all cores (other tenants of the machine included). */
  readonly machineBusy: number;
}

export interface CpuMeter {
  watch(label: string, pid: number): void;
  /** Usage since the meter started; stops it. */
  read(): CpuUsage;
}

/**
 * Start measuring. Processes are sampled every `sampleMs` as well as at the end, so one that
 * exits first (wrk) is still accounted for, to within one sample period.
 */
export function cpuMeter(sampleMs = 200): CpuMeter {
  const started = performance.now();
  const machineStart = machineTicks();
  const watched = new Map<
    string,
    { pid: number; start: number; last: number; waitStart: number; waitLast: number }
  >();
  const refresh = (): void => {
    for (const w of watched.values()) {
      w.last = processTicks(w.pid) ?? w.last;
      w.waitLast = runQueueWaitNs(w.pid) ?? w.waitLast;
    }
  };
  const timer = setInterval(refresh, sampleMs);
  return {
    watch(label, pid) {
      const start = processTicks(pid);
      const waitStart = runQueueWaitNs(pid) ?? 0;
      if (start !== null) watched.set(label, { pid, start, last: start, waitStart, waitLast: waitStart });
    },
    read() {
      clearInterval(timer);
      refresh();
      const seconds = (performance.now() - started) / 1000;
      const processes: Record<string, number> = {};
      const cpuSeconds: Record<string, number> = {};
      const runQueueWait: Record<string, number> = {};
      for (const [label, w] of watched) {
        cpuSeconds[label] = (w.last - w.start) / TICKS_PER_S;
        processes[label] = (100 * cpuSeconds[label]) / seconds;
        runQueueWait[label] = (100 * (w.waitLast - w.waitStart)) / 1e9 / seconds;
      }
      const machineEnd = machineTicks();
      const machineBusy =
        (100 * (machineEnd.busy - machineStart.busy)) / Math.max(1, machineEnd.total - machineStart.total);
      return { processes, seconds: cpuSeconds, runQueueWait, machineBusy };
    },
  };
}
