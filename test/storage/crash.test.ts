// A node killed with SIGKILL loses nothing it acknowledged. A real child process writes and
// syncs in a loop, printing each index only after its sync resolved; the test kills it after a
// number of acknowledgements (counted from its output, no sleeps), reopens the directory, and
// checks every acknowledged entry is there, intact, for several kill/restart rounds.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CRASH_GROUPS, crashEntry, crashSnapshot } from "./fixtures/crash-data.ts";
import { openStore, tempDir } from "./support.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const writer = fileURLToPath(new URL("./fixtures/crash-writer.ts", import.meta.url));

interface Run {
  /** Highest acknowledged index per group. */
  readonly acked: Map<string, number>;
  readonly signal: NodeJS.Signals | null;
}

/** Run the writer until it has acknowledged `ackTarget` entries in all, then SIGKILL it. */
function runAndKill(dir: string, ackTarget: number): Promise<Run> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", writer, dir], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acked = new Map<string, number>();
  let acks = 0;
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const [group, index] = line.split(" ");
    acked.set(group!, Math.max(acked.get(group!) ?? 0, Number(index)));
    if (++acks === ackTarget) child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") resolve({ acked, signal });
      else reject(new Error(`writer exited on its own (code ${_code}) after ${acks} acks:\n${stderr}`));
    });
  });
}

describe("crash safety", () => {
  it("every entry acknowledged before a SIGKILL is recovered, over repeated kill/restart rounds", async () => {
    expect(existsSync(`${repoRoot}node_modules/.bin/tsx`)).toBe(true);
    const dir = await tempDir();
    const everAcked = new Map<string, number>();
    for (const ackTarget of [150, 230, 310]) {
      const run = await runAndKill(dir, ackTarget);
      for (const [group, index] of run.acked)
        everAcked.set(group, Math.max(everAcked.get(group) ?? 0, index));

      const store = await openStore(dir);
      for (const group of CRASH_GROUPS) {
        const storage = store.group(group);
        expect(storage.lastIndex()).toBeGreaterThanOrEqual(everAcked.get(group) ?? 0);
        const snap = storage.snapshot();
        if (snap.meta.index > 0) expect(snap).toEqual(crashSnapshot(group, snap.meta.index));
        const recovered = storage.entries(
          storage.firstIndex(),
          storage.lastIndex() + 1,
          Number.POSITIVE_INFINITY,
        );
        expect(recovered).toEqual(recovered.map((e) => crashEntry(group, e.index)));
        expect(storage.hardState().commit).toBe(storage.lastIndex());
      }
      await store.close();
    }
    expect(Math.min(...CRASH_GROUPS.map((g) => everAcked.get(g) ?? 0))).toBeGreaterThan(40);
  });
});
