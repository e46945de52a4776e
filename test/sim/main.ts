// The simulator's command line.
//
//   npm run sim -- --seeds 500            run seeds 1..500
//   npm run sim -- --seeds 500 --first 9000   run seeds 9000..9499
//   npm run sim -- --seed 42              replay one seed, printing its trace
//   options: --ticks T (fault-phase length), --history (print the client history with --seed),
//            --empty-joiners (joiners start from an empty disk: reproduces a known hazard)
//
// Ends with `seeds: N, violations: V`; exits non-zero if any seed broke a property, after
// printing each such seed, what broke, and the command that replays it.
import { formatHistory } from "../support/history.ts";
import type { RunOptions } from "./run.ts";
import { runSeed } from "./run.ts";

interface Args {
  readonly seeds: number;
  readonly first: number;
  readonly one: number | null;
  readonly faultTicks: number | null;
  readonly history: boolean;
  readonly emptyJoiners: boolean;
}

const USAGE = "usage: sim [--seeds N] [--first S] [--seed S] [--ticks T] [--history] [--empty-joiners]";

function parseArgs(argv: readonly string[]): Args {
  let seeds = 100;
  let first = 1;
  let one: number | null = null;
  let faultTicks: number | null = null;
  let history = false;
  let emptyJoiners = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isSafeInteger(n) || n < 0)
        throw new Error(`${flag} needs a non-negative integer\n${USAGE}`);
      return n;
    };
    switch (flag) {
      case "--seeds":
        seeds = value();
        break;
      case "--first":
        first = value();
        break;
      case "--seed":
        one = value();
        break;
      case "--ticks":
        faultTicks = value();
        break;
      case "--history":
        history = true;
        break;
      case "--empty-joiners":
        emptyJoiners = true;
        break;
      case "--":
        break;
      default:
        throw new Error(`unknown argument ${flag}\n${USAGE}`);
    }
  }
  return { seeds, first, one, faultTicks, history, emptyJoiners };
}

/** The flags that change what a seed means, so a replay command reproduces the run. */
function runFlags(args: Args): string {
  return (
    (args.faultTicks === null ? "" : ` --ticks ${args.faultTicks}`) +
    (args.emptyJoiners ? " --empty-joiners" : "")
  );
}

function replayCommand(seed: number, args: Args): string {
  return `npm run sim -- --seed ${seed}${runFlags(args)}`;
}

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const base: Partial<RunOptions> = {
    ...(args.faultTicks === null ? {} : { faultTicks: args.faultTicks }),
    emptyJoinerDisks: args.emptyJoiners,
  };
  if (args.one !== null) return replayOne(args.one, base, args);

  const started = performance.now();
  let failed = 0;
  const last = args.first + args.seeds - 1;
  for (let seed = args.first; seed <= last; seed++) {
    const result = runSeed(seed, base);
    if (result.violations.length > 0) {
      failed++;
      console.log(`seed ${seed}: ${result.violations.length} violation(s)`);
      for (const v of result.violations) console.log(`  ${v.split("\n").join("\n  ")}`);
      console.log(`  replay: ${replayCommand(seed, args)}`);
    }
    const done = seed - args.first + 1;
    if (done % 50 === 0 && done < args.seeds) {
      console.log(`… ${done}/${args.seeds} seeds, ${failed} with violations`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${(args.seeds / seconds).toFixed(1)} seeds/s (${seconds.toFixed(1)} s)`);
  console.log(`seeds: ${args.seeds}, violations: ${failed}`);
  return failed > 0 ? 1 : 0;
}

function replayOne(seed: number, base: Partial<RunOptions>, args: Args): number {
  const started = performance.now();
  const result = runSeed(seed, { ...base, log: (line) => console.log(line) });
  const ms = performance.now() - started;
  if (args.history) console.log(`history:\n${formatHistory(result.history)}`);
  console.log(`stats: ${JSON.stringify(result.stats)}`);
  console.log(`${ms.toFixed(0)} ms`);
  for (const v of result.violations) console.log(`VIOLATION ${v}`);
  if (result.violations.length > 0) console.log(`replay: ${replayCommand(seed, args)}`);
  console.log(`seeds: 1, violations: ${result.violations.length > 0 ? 1 : 0}`);
  return result.violations.length > 0 ? 1 : 0;
}

process.exitCode = main();
