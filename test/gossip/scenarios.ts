// Whole-cluster scenarios, each returning the promises it saw broken as plain sentences.
// Tests demand an empty list for the real protocol and a non-empty one for planted bugs, so
// the same check is shown to pass and shown able to fail. Every sentence names the seed.
import {
  type GossipConfig,
  type MergeRules,
  pushPullIntervalTicks,
  suspicionMaxTicks,
  suspicionMinTicks,
} from "../../src/gossip/index.ts";
import { SimulatedCluster } from "./cluster.ts";
import type { NetworkOptions } from "./network.ts";

export interface ScenarioOptions {
  readonly size: number;
  readonly seed: number;
  readonly config?: Partial<GossipConfig>;
  readonly network?: Partial<NetworkOptions>;
  readonly rules?: MergeRules;
}

export interface Outcome {
  readonly violations: string[];
  readonly cluster: SimulatedCluster;
}

/** Probe periods before a scenario starts, so every member's timers have fired at least once. */
const WARM_UP_PERIODS = 2;

/**
 * Periods allowed for news to reach every live member once some member holds it. Piggybacking
 * reaches everyone in O(log N) periods with overwhelming probability; this is a generous bound
 * for the small clusters tests run, not a promise about large ones (that is the benchmark's).
 */
export const DISSEMINATION_PERIODS = 10;

function cluster(options: ScenarioOptions): SimulatedCluster {
  const created = new SimulatedCluster({
    size: options.size,
    seed: options.seed,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.network === undefined ? {} : { network: options.network }),
    ...(options.rules === undefined ? {} : { rules: options.rules }),
  });
  created.run(WARM_UP_PERIODS * created.config.probeIntervalTicks);
  return created;
}

/**
 * Ticks within which some member has suspected a crashed one: a given prober reaches every
 * member within two passes of its round-robin (2·(N − 1) periods), plus the period of the
 * failing probe itself.
 */
export function detectionBoundTicks(config: GossipConfig, size: number): number {
  return (2 * (size - 1) + 1) * config.probeIntervalTicks;
}

/**
 * An update set at one member reaches every member. Gossip reaches nearly all of them within
 * DISSEMINATION_PERIODS; one it missed (every transmission to it lost) is repaired by its own
 * next push-pull, which comes within two push-pull intervals of the write.
 */
export function disseminationScenario(options: ScenarioOptions): Outcome & { ticks: number | undefined } {
  const sim = cluster(options);
  const origin = sim.ids[0]!;
  const start = sim.now;
  sim.setMetadata(origin, "epoch", { epoch: 7 }, 7);
  const bound =
    DISSEMINATION_PERIODS * sim.config.probeIntervalTicks +
    2 * pushPullIntervalTicks(sim.config, options.size);
  const reached = sim.runUntil(
    () => sim.ids.every((id) => sim.member(id).metadata("epoch")?.version === 7),
    bound,
  );
  const violations =
    reached === undefined
      ? [`seed ${options.seed}: the update had not reached every member after ${bound} ticks`]
      : [];
  return { violations, cluster: sim, ticks: reached === undefined ? undefined : reached - start };
}

/**
 * A crashed member is suspected first, then declared dead by every other member, within
 * detection + suspicion max + dissemination; nobody declares it dead sooner than suspicion min
 * after the first suspicion.
 */
export function crashScenario(options: ScenarioOptions): Outcome {
  const sim = cluster(options);
  const victim = sim.ids[1]!;
  const others = sim.ids.filter((id) => id !== victim);
  const crashedAt = sim.now;
  sim.crash(victim);
  const { config } = sim;
  const bound =
    detectionBoundTicks(config, options.size) +
    suspicionMaxTicks(config, options.size) +
    DISSEMINATION_PERIODS * config.probeIntervalTicks;
  const done = sim.runUntil(() => others.every((id) => sim.stateOf(id, victim) === "dead"), bound);
  const violations: string[] = [];
  const seed = `seed ${options.seed}`;
  if (done === undefined) {
    violations.push(`${seed}: ${victim} was not dead everywhere ${bound} ticks after crashing`);
  }
  const firstSuspect = sim.verdicts(victim, "suspect")[0];
  const firstDead = sim.verdicts(victim, "dead")[0];
  if (firstSuspect === undefined) {
    violations.push(`${seed}: nobody suspected ${victim} before declaring it dead`);
  } else if (firstSuspect.tick - crashedAt > detectionBoundTicks(config, options.size)) {
    violations.push(`${seed}: first suspicion ${firstSuspect.tick - crashedAt} ticks after the crash`);
  }
  if (firstSuspect !== undefined && firstDead !== undefined) {
    const earliest = firstSuspect.tick + suspicionMinTicks(config, options.size - 1);
    if (firstDead.tick < earliest) {
      violations.push(`${seed}: dead at ${firstDead.tick}, before suspicion min (${earliest})`);
    }
  }
  violations.push(...falseVerdicts(sim, [victim], options.seed));
  return { violations, cluster: sim };
}

/** No member that is running is ever declared dead (and, without loss, never even suspected). */
export function steadyScenario(options: ScenarioOptions & { periods: number }): Outcome {
  const sim = cluster(options);
  sim.run(options.periods * sim.config.probeIntervalTicks);
  const violations = falseVerdicts(sim, [], options.seed);
  if ((options.network?.lossRate ?? 0) === 0) {
    const suspects = sim.observations.filter(
      (o) => o.event.type === "member-changed" && o.event.member.state === "suspect",
    );
    if (suspects.length > 0) {
      violations.push(`seed ${options.seed}: ${suspects.length} suspicions without any loss`);
    }
  }
  return { violations, cluster: sim };
}

/**
 * A member paused until every other member holds it `until` (suspect or dead) refutes when it
 * resumes: every member sees it alive at a higher incarnation, and it stays alive after.
 */
export function pauseScenario(options: ScenarioOptions & { until: "suspect" | "dead" }): Outcome {
  const sim = cluster(options);
  const subject = sim.ids[2]!;
  const others = sim.ids.filter((id) => id !== subject);
  const before = sim.member(subject).incarnation;
  const { config } = sim;
  const seed = `seed ${options.seed}`;
  sim.pause(subject);
  const wanted = options.until === "dead" ? ["dead"] : ["suspect", "dead"];
  const pauseBound = detectionBoundTicks(config, options.size) + suspicionMaxTicks(config, options.size) * 2;
  const held = sim.runUntil(
    () => others.some((id) => wanted.includes(sim.stateOf(id, subject) ?? "")),
    pauseBound,
  );
  const violations: string[] = [];
  if (held === undefined) {
    violations.push(`${seed}: nobody held ${subject} ${options.until} while it was paused`);
  }
  if (options.until === "dead") {
    sim.runUntil(() => others.every((id) => sim.stateOf(id, subject) === "dead"), pauseBound);
  }
  sim.resume(subject);
  const resumedAt = sim.now;
  const refuted = () =>
    others.every((id) => {
      const record = sim.member(id).member(subject);
      return record?.state === "alive" && record.incarnation > before;
    });
  const bound = DISSEMINATION_PERIODS * config.probeIntervalTicks + config.pushPullIntervalTicks;
  if (sim.runUntil(refuted, bound) === undefined) {
    violations.push(`${seed}: ${subject} was not seen alive again everywhere ${bound} ticks after resuming`);
  }
  const refutedAt = sim.now;
  sim.run(2 * suspicionMaxTicks(config, options.size));
  const relapses = [...sim.verdicts(subject, "suspect"), ...sim.verdicts(subject, "dead")].filter(
    (o) => o.tick > refutedAt,
  );
  if (relapses.length > 0) {
    violations.push(`${seed}: ${subject} was accused again after refuting (${relapses.length}×)`);
  }
  if (!refuted()) violations.push(`${seed}: ${subject} did not stay alive after resuming at ${resumedAt}`);
  if (options.until === "suspect" && sim.verdicts(subject, "dead").length > 0) {
    violations.push(
      `${seed}: ${subject} was declared dead during a pause shorter than the suspicion timeout`,
    );
  }
  return { violations, cluster: sim };
}

/**
 * Two members cut off from three for long enough that each side declares the other dead, with
 * metadata written on both sides; after healing, push-pull reconnects the sides and every
 * member converges on one view with all five alive and the higher metadata version.
 */
export function partitionScenario(options: ScenarioOptions): Outcome {
  const sim = cluster({ ...options, size: 5 });
  const [a, b, c, d, e] = sim.ids as [string, string, string, string, string];
  const seed = `seed ${options.seed}`;
  const { config } = sim;
  sim.partition([a, b], [c, d, e]);
  sim.setMetadata(a, "epoch", 3, 3);
  sim.setMetadata(c, "epoch", 4, 4);
  sim.setMetadata(b, "leader/0", { term: 2, leader: b }, 2);
  const split = () =>
    [a, b].every((x) => [c, d, e].every((y) => sim.stateOf(x, y) === "dead" && sim.stateOf(y, x) === "dead"));
  const splitBound = detectionBoundTicks(config, 5) + suspicionMaxTicks(config, 5) * 2;
  const violations: string[] = [];
  if (sim.runUntil(split, splitBound) === undefined) {
    violations.push(`${seed}: the sides never declared each other dead`);
  }
  sim.heal();
  const healed = () =>
    sim.converged() && sim.ids.every((x) => sim.ids.every((y) => sim.stateOf(x, y) === "alive"));
  const healBound = 20 * config.pushPullIntervalTicks;
  if (sim.runUntil(healed, healBound) === undefined) {
    violations.push(`${seed}: views had not converged with everyone alive ${healBound} ticks after healing`);
  }
  for (const id of sim.ids) {
    const epoch = sim.member(id).metadata("epoch");
    if (epoch?.version !== 4) {
      violations.push(`${seed}: ${id} holds epoch v${epoch?.version}, not the higher v4`);
    }
    if (sim.member(id).metadata("leader/0") === undefined) violations.push(`${seed}: ${id} lacks leader/0`);
  }
  return { violations, cluster: sim };
}

/** Dead verdicts about members that never crashed. */
function falseVerdicts(sim: SimulatedCluster, crashed: readonly string[], seed: number): string[] {
  const wrong: string[] = [];
  for (const { tick, observer, event } of sim.observations) {
    if (event.type !== "member-changed" || event.member.state !== "dead") continue;
    if (crashed.includes(event.member.id)) continue;
    wrong.push(`seed ${seed}: ${observer} declared the running ${event.member.id} dead at tick ${tick}`);
  }
  return wrong;
}
