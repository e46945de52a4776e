import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Run, ringkv } from "./run-cli.ts";

// From the sources (run-cli.ts), not bin/ringkv.mjs: the compiled dist/ may be stale.
function ringkvStart(dataDir: string, settings: string): Promise<Run> {
  return ringkv(["start", "--id", "n1", "--listen", "127.0.0.1:1", "--data", dataDir, "--bootstrap"], {
    RINGKV_SETTINGS: settings,
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
      /^error: InvalidArgument: setting electionTicks must be an integer ≥ 1, got 2\.5 \(electionTicks from env RINGKV_SETTINGS\)$/m,
    );
    expect(await readdir(root)).not.toContain("fractional");
  });

  test.concurrent("settings contradicting each other: exit 2, both named", async () => {
    const run = await ringkvStart(join(root, "heartbeat"), JSON.stringify({ heartbeatTicks: 10 }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("setting heartbeatTicks (10) must be below electionTicks (10)");
  });
});
