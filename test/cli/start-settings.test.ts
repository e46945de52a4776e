import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/ringkv.mjs", import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

function ringkvStart(dataDir: string, settings: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [BIN, "start", "--id", "n1", "--listen", "127.0.0.1:1", "--data", dataDir, "--bootstrap"],
      { env: { ...process.env, RINGKV_SETTINGS: settings }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

// Real processes (tsx compiles the CLI on start-up): slow on a loaded machine. Port 1 is never
// bound: settings are refused before anything listens.
describe("ringkv start refuses bad settings (RINGKV_SETTINGS)", { timeout: 120_000 }, () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "ringkv-settings-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test.concurrent("a setting breaking a rule: exit 2, named, and no data directory created", async () => {
    const dataDir = join(root, "fractional");
    const run = await ringkvStart(dataDir, JSON.stringify({ electionTicks: 2.5 }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: InvalidArgument: setting electionTicks must be an integer ≥ 1, got 2\.5$/m,
    );
    expect(await readdir(root)).not.toContain("fractional");
  });

  test.concurrent("settings contradicting each other: exit 2, both named", async () => {
    const run = await ringkvStart(join(root, "heartbeat"), JSON.stringify({ heartbeatTicks: 10 }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("setting heartbeatTicks (10) must be below electionTicks (10)");
  });
});
