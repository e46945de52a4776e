// Gossip convergence and failure-detection benchmark on the deterministic network.
//
//   npx tsx bench/gossip/main.ts [--quick]
//
// Runs clusters of 10, 100 and 1,000 members with the default settings and measures, in probe
// periods ("rounds"): how long one update takes to reach 99.9% and 100% of members; how long
// until a crashed member is first suspected and then dead everywhere; how many running members
// are wrongly declared dead at 0% and 5% loss; and whether a member paused until it is declared
// dead refutes on resume and stays alive. Everything is seeded: the same command prints the
// same numbers (wall-clock times aside). Writes bench/results/gossip.md and gossip.svg.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  GOSSIP_DEFAULTS,
  retransmitLimit,
  suspicionMaxTicks,
  suspicionMinTicks,
} from "../../src/gossip/index.ts";
import { SimulatedCluster } from "../../test/gossip/cluster.ts";
import { Rng } from "../../test/sim/random.ts";
import { renderChart, type Series } from "./chart.ts";

const QUICK = process.argv.includes("--quick");
const SIZES = [10, 100, 1000] as const;
const P = GOSSIP_DEFAULTS.probeIntervalTicks;
/** The node layer's tick; only used to express simulated time in seconds. */
const TICK_MS = 50;
const ROUND_TARGET = 12;
const MAX_ROUNDS = 30;

interface Plan {
  readonly disseminationTrials: number;
  /** Crash rounds, each crashing `crashesPerRound` members at random ticks within one period. */
  readonly crashRounds: number;
  readonly crashesPerRound: number;
  readonly steadyPeriods: number;
}

const PLANS: Readonly<Record<(typeof SIZES)[number], Plan>> = QUICK
  ? {
      10: { disseminationTrials: 5, crashRounds: 3, crashesPerRound: 1, steadyPeriods: 100 },
      100: { disseminationTrials: 3, crashRounds: 2, crashesPerRound: 2, steadyPeriods: 50 },
      1000: { disseminationTrials: 1, crashRounds: 1, crashesPerRound: 3, steadyPeriods: 20 },
    }
  : {
      10: { disseminationTrials: 30, crashRounds: 20, crashesPerRound: 1, steadyPeriods: 1000 },
      100: { disseminationTrials: 10, crashRounds: 6, crashesPerRound: 3, steadyPeriods: 300 },
      1000: { disseminationTrials: 4, crashRounds: 2, crashesPerRound: 10, steadyPeriods: 60 },
    };

// ── measurements ───────────────────────────────────────────────────────────────────────────

interface Dissemination {
  readonly size: number;
  readonly lossRate: number;
  /** Per trial: rounds until 99.9% / 100% of members held the update. */
  readonly rounds999: number[];
  readonly rounds100: number[];
  /** Mean fraction of members holding the update after each tick 0..MAX_ROUNDS·P. */
  readonly curve: number[];
  readonly messagesPerMemberPeriod: number;
  readonly wallMs: number;
}

function measureDissemination(size: number, trials: number, lossRate: number): Dissemination {
  const started = performance.now();
  const rounds999: number[] = [];
  const rounds100: number[] = [];
  const curveSums = new Array<number>(MAX_ROUNDS * P + 1).fill(0);
  let messages = 0;
  let memberPeriods = 0;
  for (let trial = 0; trial < trials; trial++) {
    const sim = new SimulatedCluster({ size, seed: 1000 * size + trial, network: { lossRate } });
    sim.run(2 * P);
    const origin = sim.ids[new Rng(trial).intBelow(size)]!;
    const sentBefore = sim.network.stats.sent;
    const start = sim.now;
    sim.setMetadata(origin, "epoch", { epoch: 1 }, 1);
    const need999 = Math.ceil(0.999 * size);
    /** Members holding the update after each tick; tick 0 is the write. */
    const perTick: number[] = [1];
    let at999: number | undefined;
    while (perTick.length <= MAX_ROUNDS * P && perTick.at(-1)! < size) {
      sim.step();
      const reached = sim.ids.filter((id) => sim.member(id).metadata("epoch") !== undefined).length;
      if (at999 === undefined && reached >= need999) at999 = perTick.length;
      perTick.push(reached);
    }
    const elapsed = sim.now - start;
    const reached = perTick.at(-1)!;
    // Once everyone holds it, later ticks would read the same: fill them in.
    while (perTick.length <= MAX_ROUNDS * P) perTick.push(reached);
    perTick.forEach((count, tick) => {
      curveSums[tick]! += count / size;
    });
    rounds999.push((at999 ?? Number.POSITIVE_INFINITY) / P);
    rounds100.push(reached === size ? elapsed / P : Number.POSITIVE_INFINITY);
    messages += sim.network.stats.sent - sentBefore;
    memberPeriods += (size * elapsed) / P;
  }
  return {
    size,
    lossRate,
    rounds999,
    rounds100,
    curve: curveSums.map((sum) => sum / trials),
    messagesPerMemberPeriod: messages / memberPeriods,
    wallMs: performance.now() - started,
  };
}

interface Detection {
  readonly size: number;
  /** Per crash: periods from the crash to the first suspicion anywhere. */
  readonly firstSuspect: number[];
  /** Per crash: periods from the crash until every running member holds it dead. */
  readonly deadEverywhere: number[];
  /** Per crash: periods from restarting it (incarnation + 1) until alive everywhere again. */
  readonly restartAlive: number[];
  readonly wallMs: number;
}

function measureDetection(size: number, plan: Plan): Detection {
  const started = performance.now();
  const sim = new SimulatedCluster({ size, seed: 2000 + size });
  const rng = new Rng(3000 + size);
  sim.run(2 * P);
  const firstSuspect: number[] = [];
  const deadEverywhere: number[] = [];
  const restartAlive: number[] = [];
  const bound = (2 * size + 1) * P + 2 * suspicionMaxTicks(sim.config, size);
  for (let round = 0; round < plan.crashRounds; round++) {
    const victims = rng.shuffled(sim.ids).slice(0, plan.crashesPerRound);
    const crashedAt = new Map<string, number>();
    const offsets = victims.map(() => rng.intBelow(P)).sort((a, b) => a - b);
    for (let tick = 0; tick < P; tick++) {
      victims.forEach((victim, i) => {
        if (offsets[i] === tick) {
          sim.crash(victim);
          crashedAt.set(victim, sim.now);
        }
      });
      sim.step();
    }
    const allDead = new Map<string, number>();
    sim.runUntil(() => {
      for (const victim of victims) {
        if (!allDead.has(victim) && sim.running().every((id) => sim.stateOf(id, victim) === "dead")) {
          allDead.set(victim, sim.now);
        }
      }
      return allDead.size === victims.length;
    }, bound);
    for (const victim of victims) {
      const crash = crashedAt.get(victim)!;
      const suspected = sim.verdicts(victim, "suspect").find((o) => o.tick >= crash);
      firstSuspect.push(suspected === undefined ? Number.POSITIVE_INFINITY : (suspected.tick - crash) / P);
      const dead = allDead.get(victim);
      deadEverywhere.push(dead === undefined ? Number.POSITIVE_INFINITY : (dead - crash) / P);
    }
    restartAlive.push(...restartAll(sim, victims));
  }
  return { size, firstSuspect, deadEverywhere, restartAlive, wallMs: performance.now() - started };
}

/** Restarts the victims with their incarnation + 1 via a seed; periods until alive everywhere. */
function restartAll(sim: SimulatedCluster, victims: readonly string[]): number[] {
  const start = sim.now;
  const seed = sim.running()[0]!;
  const incarnations = new Map(victims.map((v) => [v, sim.member(seed).member(v)!.incarnation + 1]));
  for (const victim of victims) sim.restart(victim, incarnations.get(victim)!, [seed]);
  const back = new Map<string, number>();
  sim.runUntil(() => {
    for (const victim of victims) {
      if (back.has(victim)) continue;
      const everywhere = sim.ids.every((id) => {
        const record = sim.member(id).member(victim);
        return record?.state === "alive" && record.incarnation >= incarnations.get(victim)!;
      });
      if (everywhere) back.set(victim, sim.now);
    }
    return back.size === victims.length;
  }, MAX_ROUNDS * P);
  return victims.map((v) => {
    const at = back.get(v);
    return at === undefined ? Number.POSITIVE_INFINITY : (at - start) / P;
  });
}

interface Steady {
  readonly size: number;
  readonly lossRate: number;
  readonly periods: number;
  /** Suspicions of running members (they refute). */
  readonly suspicions: number;
  /** Dead verdicts about running members: the failures that matter. */
  readonly falseDead: number;
  readonly refutations: number;
  readonly wallMs: number;
}

function measureSteady(size: number, lossRate: number, periods: number): Steady {
  const started = performance.now();
  const sim = new SimulatedCluster({ size, seed: 4000 + size, network: { lossRate } });
  sim.run(periods * P);
  let suspicions = 0;
  let falseDead = 0;
  for (const { event } of sim.observations) {
    if (event.type !== "member-changed") continue;
    if (event.member.state === "suspect") suspicions++;
    if (event.member.state === "dead") falseDead++;
  }
  const refutations = sim.ids.reduce((sum, id) => sum + sim.member(id).stats.refutations, 0);
  return { size, lossRate, periods, suspicions, falseDead, refutations, wallMs: performance.now() - started };
}

interface Pause {
  readonly size: number;
  /** Periods paused: until every other member held it dead. */
  readonly pausedPeriods: number;
  /** Periods from resuming until every member holds it alive at a higher incarnation. */
  readonly refutedPeriods: number;
  /** Accusations after refuting, over the watch window. */
  readonly relapses: number;
  readonly watchPeriods: number;
  readonly stayedAlive: boolean;
  readonly wallMs: number;
}

function measurePause(size: number): Pause {
  const started = performance.now();
  const sim = new SimulatedCluster({ size, seed: 5000 + size });
  sim.run(2 * P);
  const subject = sim.ids[1]!;
  const others = sim.ids.filter((id) => id !== subject);
  const before = sim.member(subject).incarnation;
  const pausedAt = sim.now;
  sim.pause(subject);
  const bound = (2 * size + 1) * P + 2 * suspicionMaxTicks(sim.config, size);
  sim.runUntil(() => others.every((id) => sim.stateOf(id, subject) === "dead"), bound);
  const resumedAt = sim.now;
  sim.resume(subject);
  const alive = () =>
    others.every((id) => {
      const record = sim.member(id).member(subject);
      return record?.state === "alive" && record.incarnation > before;
    });
  const refuted = sim.runUntil(alive, MAX_ROUNDS * P);
  const refutedAt = sim.now;
  const watchPeriods = Math.ceil((2 * suspicionMinTicks(sim.config, size)) / P);
  sim.run(watchPeriods * P);
  const relapses = [...sim.verdicts(subject, "suspect"), ...sim.verdicts(subject, "dead")].filter(
    (o) => o.tick > refutedAt,
  ).length;
  return {
    size,
    pausedPeriods: (resumedAt - pausedAt) / P,
    refutedPeriods: refuted === undefined ? Number.POSITIVE_INFINITY : (refuted - resumedAt) / P,
    relapses,
    watchPeriods,
    stayedAlive: refuted !== undefined && alive(),
    wallMs: performance.now() - started,
  };
}

// ── reporting ──────────────────────────────────────────────────────────────────────────────

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : "never");
const seconds = (rounds: number): string => fmt((rounds * P * TICK_MS) / 1000, 1);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function main(): void {
  const started = performance.now();
  const dissemination: Dissemination[] = [];
  const detection: Detection[] = [];
  const steady: Steady[] = [];
  const pauses: Pause[] = [];
  for (const size of SIZES) {
    const plan = PLANS[size];
    for (const loss of [0, 0.05]) {
      const trials = loss === 0 ? plan.disseminationTrials : Math.ceil(plan.disseminationTrials / 2);
      dissemination.push(measureDissemination(size, trials, loss));
      log(`dissemination N=${size} loss=${loss}`, dissemination.at(-1)!.wallMs);
    }
    detection.push(measureDetection(size, plan));
    log(`detection N=${size}`, detection.at(-1)!.wallMs);
    for (const loss of [0, 0.05]) {
      steady.push(measureSteady(size, loss, plan.steadyPeriods));
      log(`steady N=${size} loss=${loss}`, steady.at(-1)!.wallMs);
    }
    pauses.push(measurePause(size));
    log(`pause N=${size}`, pauses.at(-1)!.wallMs);
  }
  const report = renderReport(dissemination, detection, steady, pauses, performance.now() - started);
  console.log(`\n${report}`);
  const results = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "gossip.md"), report);
  writeFileSync(
    join(results, "gossip.svg"),
    renderChart(chartSeries(dissemination), MAX_ROUNDS, ROUND_TARGET),
  );
  console.log(`wrote ${join(results, "gossip.md")} and gossip.svg`);
}

function log(what: string, wallMs: number): void {
  console.error(`  ${what}: ${(wallMs / 1000).toFixed(1)} s`);
}

function chartSeries(dissemination: readonly Dissemination[]): Series[] {
  return dissemination
    .filter((d) => d.lossRate === 0)
    .map((d) => ({
      label: `N = ${d.size}`,
      points: d.curve.map((fraction, tick) => [tick / P, fraction * 100] as const),
    }));
}

function renderReport(
  dissemination: readonly Dissemination[],
  detection: readonly Detection[],
  steady: readonly Steady[],
  pauses: readonly Pause[],
  totalMs: number,
): string {
  const d1000 = dissemination.find((d) => d.size === 1000 && d.lossRate === 0)!;
  const worst1000 = Math.max(...d1000.rounds100);
  const medianDetection = Math.max(...detection.map((d) => median(d.firstSuspect)));
  const falseDeadNoLoss = steady.filter((s) => s.lossRate === 0).reduce((sum, s) => sum + s.falseDead, 0);
  const pausesOk = pauses.every((p) => p.stayedAlive && p.relapses === 0);
  const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");
  const config = GOSSIP_DEFAULTS;
  return `# Gossip benchmark

\`npx tsx bench/gossip/main.ts\` — deterministic simulation (seeded network: latency 1 tick + jitter 0–1 tick;
default settings: probe period ${config.probeIntervalTicks} ticks, probe timeout ${config.probeTimeoutTicks} ticks,
k = ${config.indirectProbes} indirect probes, gossip fanout ${config.gossipFanout} every ${config.gossipIntervalTicks} ticks,
retransmit limit ${config.retransmitMultiplier}·⌈log10(N+1)⌉ (${SIZES.map((n) => `${retransmitLimit(config, n)} at N=${n}`).join(", ")}),
suspicion ${config.suspicionMultiplier}·max(1, log10 N) periods … ×${config.suspicionMaxMultiplier}).
A round is one probe period; seconds assume the node layer's ${TICK_MS} ms tick (1 period = ${(P * TICK_MS) / 1000} s).
Total run time ${(totalMs / 1000).toFixed(1)} s${QUICK ? " (--quick)" : ""}.

## Targets

| target | result | |
|---|---|---|
| 1,000 members: 100% reached in ≤ ${ROUND_TARGET} rounds (fanout 3) | worst of ${d1000.rounds100.length} trials: ${fmt(worst1000)} rounds | ${verdict(worst1000 <= ROUND_TARGET)} |
| median detection ≤ 3 probe periods | worst median over N: ${fmt(medianDetection)} periods | ${verdict(medianDetection <= 3)} |
| no false \`dead\` without loss | ${falseDeadNoLoss} false dead verdicts | ${verdict(falseDeadNoLoss === 0)} |
| a resumed member refutes and stays alive | ${pauses.map((p) => `N=${p.size}: ${p.stayedAlive && p.relapses === 0 ? "yes" : "no"}`).join(", ")} | ${verdict(pausesOk)} |

## What "fanout 3" means here

Each probe period every member (a) sends its probe and answers the probes it receives (about one per
period), each carrying pending updates; (b) every gossip interval (= one probe period by default) sends
pending updates to \`gossipFanout\` = 3 random live members. Updates go least-sent first, each at most
\`retransmitLimit\` times per member, within ${config.messageBytesMax} bytes and ${config.piggybackedUpdatesMax} updates per message.
So an informed member pushes an update to about 3 + 2 others per period until its retransmit budget
is spent; the curve below is the mean over trials of the fraction of members holding the update.
Full-state push-pull (every ${config.pushPullIntervalTicks} ticks, stretched for N > 32) repairs what gossip misses; it is too
slow to matter in these numbers. The chart shows the loss-free runs.

## Dissemination of one update

${table(
  [
    "N",
    "loss",
    "trials",
    "rounds to 99.9% (median / max)",
    "rounds to 100% (median / max)",
    "time to 100% (median, s)",
    "msgs / member / period",
    "wall (s)",
  ],
  dissemination.map((d) => [
    String(d.size),
    `${d.lossRate * 100}%`,
    String(d.rounds100.length),
    `${fmt(median(d.rounds999))} / ${fmt(Math.max(...d.rounds999))}`,
    `${fmt(median(d.rounds100))} / ${fmt(Math.max(...d.rounds100))}`,
    seconds(median(d.rounds100)),
    fmt(d.messagesPerMemberPeriod, 1),
    fmt(d.wallMs / 1000, 1),
  ]),
)}

![members reached per round](gossip.svg)

## Failure detection (crash)

Crashes at random ticks; "first suspicion" is the first member anywhere marking it suspect, "dead
everywhere" is when the last running member holds it dead (suspicion min ${SIZES.map((n) => `${suspicionMinTicks(config, n) / P}`).join(" / ")}
periods for N = ${SIZES.join(" / ")}, shrinking from ×${config.suspicionMaxMultiplier} with confirmations). Each crashed member is then
restarted with incarnation + 1 via one seed.

${table(
  [
    "N",
    "crashes",
    "first suspicion, periods (median / max)",
    "dead everywhere, periods (median / max)",
    "restart: alive everywhere, periods (median / max)",
    "wall (s)",
  ],
  detection.map((d) => [
    String(d.size),
    String(d.firstSuspect.length),
    `${fmt(median(d.firstSuspect))} / ${fmt(Math.max(...d.firstSuspect))}`,
    `${fmt(median(d.deadEverywhere))} / ${fmt(Math.max(...d.deadEverywhere))}`,
    `${fmt(median(d.restartAlive))} / ${fmt(Math.max(...d.restartAlive))}`,
    fmt(d.wallMs / 1000, 1),
  ]),
)}

## False verdicts without failures

No member crashes; counts are over all observers (one suspicion seen by 100 members counts 100).

${table(
  ["N", "loss", "periods", "suspicions of running members", "refutations", "false dead", "wall (s)"],
  steady.map((s) => [
    String(s.size),
    `${s.lossRate * 100}%`,
    String(s.periods),
    String(s.suspicions),
    String(s.refutations),
    String(s.falseDead),
    fmt(s.wallMs / 1000, 1),
  ]),
)}

## Pause and resume

A member is paused (no ticks, messages held as in a stopped process's socket buffer) until every
other member holds it dead, then resumed; it must refute (incarnation + 1) and stay alive while
watched for twice the suspicion min.

${table(
  [
    "N",
    "paused (periods)",
    "refuted everywhere after (periods)",
    "accusations after refuting",
    "watched (periods)",
    "stays alive",
  ],
  pauses.map((p) => [
    String(p.size),
    fmt(p.pausedPeriods, 1),
    fmt(p.refutedPeriods),
    String(p.relapses),
    String(p.watchPeriods),
    p.stayedAlive && p.relapses === 0 ? "yes" : "no",
  ]),
)}

## Caveats

- The network is simulated: one-way latency of 1–2 ticks, independent loss, no bandwidth limit or
  CPU cost. Rounds are the meaningful unit; wall-clock seconds only say what the simulator costs.
- Dissemination is fast (≈ 3 rounds for 1,000 members) because every member's gossip and probe
  timers run at random phases, so an update takes several hops within one period. With gossip
  aligned to period boundaries it would need more rounds.
- Under 5% loss roughly 0.07% of probes fail both directly and through all k = 3 helpers, and each
  such probe raises a suspicion that the whole cluster hears and the suspect then refutes. There is
  no TCP-style fallback probe (memberlist has one), which would cut these suspicions further.
- "First suspicion" includes the whole failing probe period: a probe is only given up at the end of
  its period, after the indirect probes have had their time.
- Crashes at N = 1,000 happen 10 at a time, so some indirect probes go to crashed helpers; the worst
  first-suspicion times come from that.
`;
}

main();
