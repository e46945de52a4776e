// `npm run mutation`: shows the test suite fails on each classic Raft bug in MUTANTS.
// For each mutant: a scratch copy of the project (node_modules linked), the one edit applied to
// src/raft, then the Raft suites run there; the mutant is caught when they fail, and the first
// failing test is named. The unmutated copy must pass first, or nothing here would mean a thing.
//
//   npm run mutation [-- --only 3] [-- --jobs 2] [-- --suites test/raft,test/sim.test.ts]
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { MUTANTS, type Mutant } from "./mutants.ts";

const ROOT = join(import.meta.dirname, "../..");
const DEFAULT_SUITES = "test/raft,test/raft-scenarios.test.ts,test/sim.test.ts";
let suites: string[] = [];
const MUTANT_TIMEOUT_MS = 4 * 60_000;

interface Outcome {
  readonly caught: boolean;
  readonly by: string;
}

async function scratchCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ringkv-mutant-"));
  // cli/ too: vitest's global setup transpiles src/ and cli/ for the process tests (test-build.ts).
  for (const entry of ["package.json", "tsconfig.json", "vitest.config.ts", "src", "cli", "test", "proto"]) {
    await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

async function applyMutant(dir: string, m: Mutant): Promise<void> {
  const path = join(dir, "src/raft", m.file);
  const source = await readFile(path, "utf8");
  const occurrences = source.split(m.find).length - 1;
  if (occurrences !== 1)
    throw new Error(`mutant "${m.name}": expected 1 match in ${m.file}, found ${occurrences}`);
  await writeFile(path, source.replace(m.find, m.replace));
}

/** Run the Raft suites in `dir`; the first failing test's name, or null if all passed. */
function runSuites(dir: string): Promise<Outcome> {
  const report = join(dir, "report.json");
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, "node_modules/vitest/vitest.mjs"),
        "run",
        ...suites,
        "--bail=1",
        "--reporter=json",
        `--outputFile=${report}`,
      ],
      // Its own process group, so a timeout kills vitest's workers too, not just vitest.
      { cwd: dir, stdio: process.env.MUTATION_VERBOSE ? "inherit" : "ignore", detached: true },
    );
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), MUTANT_TIMEOUT_MS);
    child.on("exit", async (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ caught: false, by: "" });
      resolve({ caught: true, by: await firstFailure(report, code) });
    });
  });
}

async function firstFailure(report: string, code: number | null): Promise<string> {
  try {
    const json = JSON.parse(await readFile(report, "utf8")) as {
      testResults: {
        name: string;
        message?: string;
        assertionResults: { status: string; fullName: string }[];
      }[];
    };
    for (const file of json.testResults) {
      const failed = file.assertionResults.find((a) => a.status === "failed");
      if (failed) return `${failed.fullName} (${file.name.slice(file.name.indexOf("test/"))})`;
    }
    const broken = json.testResults.find((f) => f.message);
    if (broken)
      return `suite error in ${broken.name.slice(broken.name.indexOf("test/"))}: ${broken.message?.split("\n")[0]}`;
  } catch {
    // no report: the run was killed (timeout) or crashed before writing one
  }
  return code === null ? "suite timed out (killed)" : `suite exited ${code} without a report`;
}

async function runMutant(m: Mutant | null): Promise<Outcome> {
  const dir = await scratchCopy();
  try {
    if (m) await applyMutant(dir, m);
    return await runSuites(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      jobs: { type: "string", default: "2" },
      suites: { type: "string", default: DEFAULT_SUITES },
    },
  });
  suites = values.suites.split(",");
  const chosen = values.only ? [MUTANTS[Number(values.only) - 1]!] : MUTANTS;
  console.log("baseline: the unmutated suites must pass…");
  const baseline = await runMutant(null);
  if (baseline.caught) {
    console.log(`baseline FAILED (${baseline.by}); fix the suite before judging mutants`);
    process.exit(2);
  }
  const results: { m: Mutant; outcome: Outcome }[] = [];
  let next = 0;
  const jobs = Math.max(1, Number(values.jobs));
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < chosen.length) {
        const m = chosen[next++]!;
        const outcome = await runMutant(m);
        results.push({ m, outcome });
        console.log(
          `${outcome.caught ? "caught  " : "SURVIVED"}  ${m.name}${outcome.caught ? `\n          by: ${outcome.by}` : ""}`,
        );
      }
    }),
  );
  const survived = results.filter((r) => !r.outcome.caught);
  console.log(
    `mutants: ${results.length}, caught: ${results.length - survived.length}, survived: ${survived.length}`,
  );
  process.exit(survived.length === 0 ? 0 : 1);
}

await main();
