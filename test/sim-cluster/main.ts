// The cluster simulator's command line.
//
//   npm run sim:cluster -- --seeds 50             run seeds 1..50
//   npm run sim:cluster -- --seeds 50 --first 900 run seeds 900..949
//   npm run sim:cluster -- --seed 42              replay one seed and print what happened
//   add --gossip 1 to give the nodes gossip (its in-memory twin)
//   add --faults shardCut,heal,crash to draw only those faults (each as often as listed)
//
// Ends with `seeds: N, violations: V`; exits non-zero if any seed broke a property, printing
// each such seed, what broke, and the command that replays it.
import { FAULT_KINDS, type FaultKind, runClusterSim } from "./cluster-sim.ts";

const USAGE =
  "usage: sim:cluster [--seeds N] [--first S] [--seed S] [--duration MS] [--gossip 0|1] [--faults KIND,…]";

interface Args {
  seeds: number;
  first: number;
  one: number | null;
  duration?: number;
  gossip?: boolean;
  faults?: FaultKind[];
}

function parse(argv: readonly string[]): Args {
  const out: Args = {
    seeds: 20,
    first: 1,
    one: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--faults") {
      out.faults = (argv[++i] ?? "").split(",").map((kind) => {
        if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
          throw new Error(
            `--faults: unknown fault "${kind}" (known: ${[...new Set(FAULT_KINDS)].join(", ")})`,
          );
        }
        return kind as FaultKind;
      });
      continue;
    }
    const n = Number(argv[++i]);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer\n${USAGE}`);
    if (flag === "--seeds") out.seeds = n;
    else if (flag === "--first") out.first = n;
    else if (flag === "--seed") out.one = n;
    else if (flag === "--duration") out.duration = n;
    else if (flag === "--gossip") out.gossip = n > 0;
    else throw new Error(`unknown flag ${flag}\n${USAGE}`);
  }
  return out;
}

const args = parse(process.argv.slice(2));
const seeds = args.one === null ? Array.from({ length: args.seeds }, (_, i) => args.first + i) : [args.one];
const started = performance.now();
let violations = 0;
let followerReads = 0;
let leaseReads = 0;
let fromLease = 0;
let afterRound = 0;
let operations = 0;
for (const seed of seeds) {
  const result = await runClusterSim({
    seed,
    ...(args.duration ? { durationMs: args.duration } : {}),
    ...(args.gossip ? { gossip: true } : {}),
    ...(args.faults ? { faultKinds: args.faults } : {}),
  });
  followerReads += result.followerReads;
  leaseReads += result.leaseReads;
  fromLease += result.revisionBatches.fromLease;
  afterRound += result.revisionBatches.afterRound;
  operations += result.operations;
  if (args.one !== null || result.violations.length > 0) {
    console.log(
      `seed ${seed}: ${result.operations} operations, ${result.events} events, ${result.nodesStarted} nodes, ` +
        `faults ${JSON.stringify(result.faults)}, trace ${result.trace}`,
    );
  }
  if (args.one !== null) for (const note of result.notes) console.log(`  ${note}`);
  if (result.violations.length > 0) {
    violations++;
    for (const v of result.violations) console.log(`  ${v}`);
    console.log(`  replay: npm run sim:cluster -- --seed ${seed}`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `seeds: ${seeds.length}, violations: ${violations} (${seconds.toFixed(1)} s, ${(seeds.length / seconds).toFixed(2)} seeds/s); ` +
    `${operations} operations, ${followerReads} linearizable gets served by followers, ` +
    `${leaseReads} reads answered from leader leases, ` +
    `revision batches: ${fromLease} from the meta lease, ${afterRound} after a ReadIndex round`,
);
process.exitCode = violations > 0 ? 1 : 0;
