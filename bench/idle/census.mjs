// What wakes an idle node, and what each wake-up costs: a preload that wraps setTimeout,
// setInterval and setImmediate, and counts each callback's runs, CPU (process.cpuUsage, all
// threads) and wall time by the place that scheduled it (the first frame outside Node itself).
// On SIGUSR2 it writes /tmp/census-<pid>.txt (per second, the most expensive first) and resets.
//
//   node --import ./bench/idle/census.mjs bin/ringkv.mjs start …   (then: kill -USR2 <pid>)
//
// Found the host tick's background rounds and the gossip timer (README, Benchmarks: Idle CPU).
// Not for production: every callback pays for an Error stack at scheduling time.
import { writeFileSync } from "node:fs";

const stats = new Map();
let since = performance.now();

function scheduledFrom() {
  const frames = new Error().stack?.split("\n").slice(3) ?? [];
  const own = frames.find((line) => !line.includes("node:") && !line.includes("census.mjs")) ?? "?";
  return own
    .trim()
    .replace(/^at /, "")
    .replace(/\(?(file:\/\/)?\/.*?\/(dist|node_modules)\//, "$2/")
    .replace(/\)$/, "");
}

function counted(kind, schedule) {
  return function (callback, ...rest) {
    if (typeof callback !== "function") return schedule.call(this, callback, ...rest);
    const key = `${kind} ${scheduledFrom()}`;
    return schedule.call(
      this,
      function (...args) {
        const cpuBefore = process.cpuUsage();
        const wallBefore = performance.now();
        try {
          return callback.apply(this, args);
        } finally {
          const cpu = process.cpuUsage(cpuBefore);
          const entry = stats.get(key) ?? { runs: 0, cpuUs: 0, wallMs: 0 };
          entry.runs++;
          entry.cpuUs += cpu.user + cpu.system;
          entry.wallMs += performance.now() - wallBefore;
          stats.set(key, entry);
        }
      },
      ...rest,
    );
  };
}

globalThis.setTimeout = counted("timeout", globalThis.setTimeout);
globalThis.setInterval = counted("interval", globalThis.setInterval);
globalThis.setImmediate = counted("immediate", globalThis.setImmediate);

process.on("SIGUSR2", () => {
  const seconds = (performance.now() - since) / 1000;
  const rows = [...stats]
    .sort((a, b) => b[1].cpuUs - a[1].cpuUs)
    .map(([key, e]) => {
      const perSecond = (e.runs / seconds).toFixed(1).padStart(7);
      const cpu = (e.cpuUs / seconds / 1000).toFixed(3).padStart(7);
      const wall = (e.wallMs / seconds).toFixed(3).padStart(7);
      return `${perSecond}/s  cpu ${cpu} ms/s  wall ${wall} ms/s  ${key}`;
    });
  writeFileSync(`/tmp/census-${process.pid}.txt`, `${seconds.toFixed(1)} s\n${rows.join("\n")}\n`);
  stats.clear();
  since = performance.now();
});
