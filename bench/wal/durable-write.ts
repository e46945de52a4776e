// What one durable log write costs on this disk, the way the write-ahead log makes it (an O_DSYNC
// write of one batch) against the same write into a file whose blocks were written with zeros
// beforehand. Appending grows the file, so every durable write also commits the file system's
// journal (the new size, the new blocks); overwriting written blocks changes no metadata. The
// WAL appends today; this measures what preallocating segments with zeros would win.
//
//   npx tsx bench/wal/durable-write.ts [--writes 3000] [--bytes 3072] [--rounds 2] [--dir DIR]
//
// Each round runs both, alternated. Prints per-write latency (p50, p90), wall time and CPU time
// (user + system of this process, which includes the thread pool doing the write).
import { constants, mkdtempSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    writes: { type: "string", default: "3000" },
    bytes: { type: "string", default: "3072" },
    rounds: { type: "string", default: "2" },
    // On the disk the data directories use: the default is under the current directory.
    dir: { type: "string", default: "." },
  },
});
const writes = Number(values.writes);
const bytes = Number(values.bytes);
const rounds = Number(values.rounds);
const ZERO_CHUNK = 1 << 20;

type Mode = "append" | "overwrite pre-zeroed";

async function run(dir: string, mode: Mode): Promise<string> {
  const path = join(dir, mode === "append" ? "append.log" : "prezeroed.log");
  const handle = await open(
    path,
    constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | constants.O_DSYNC,
  );
  try {
    if (mode !== "append") {
      const zeros = Buffer.alloc(ZERO_CHUNK);
      for (let at = 0; at < writes * bytes; at += ZERO_CHUNK) await handle.write(zeros, 0, ZERO_CHUNK, at);
    }
    const batch = Buffer.alloc(bytes, 0x5a);
    const latencies: number[] = [];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < writes; i++) {
      const t = performance.now();
      await handle.write(batch, 0, bytes, i * bytes);
      latencies.push(performance.now() - t);
    }
    const wallUs = ((performance.now() - started) * 1000) / writes;
    const cpu = process.cpuUsage(cpuBefore);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(writes - 1, Math.floor(writes * q))]!.toFixed(3);
    return (
      `${mode.padEnd(21)} p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, ` +
      `${wallUs.toFixed(0)} µs wall and ${((cpu.user + cpu.system) / writes).toFixed(0)} µs CPU per write`
    );
  } finally {
    await handle.close();
  }
}

const dir = mkdtempSync(join(values.dir, "ringkv-durable-write-"));
try {
  console.log(`${writes} O_DSYNC writes of ${bytes} bytes each, ${rounds} round(s), in ${dir}`);
  for (let r = 0; r < rounds; r++) {
    const order: Mode[] =
      r % 2 === 0 ? ["append", "overwrite pre-zeroed"] : ["overwrite pre-zeroed", "append"];
    for (const mode of order) console.log(await run(dir, mode));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
