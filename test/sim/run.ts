// One simulation run: a seed fully determines the cluster shape, the fault schedule, the
// client workload and every random choice of the Raft cores, so `runSeed(seed)` replays a run
// exactly. A run has a fault phase (clients and the nemesis both active), then a quiet phase
// in which faults stop and the group must recover: elect a leader, answer every new request,
// and bring every member up to date (liveness).

import { isJoint } from "../../src/raft/index.ts";
import type { Operation } from "../support/history.ts";
import { HistoryRecorder } from "../support/history.ts";
import { checkLinearizable, describeCheckResult } from "../support/linearizability.ts";
import type { PlantedBugs } from "./bugs.ts";
import { SafetyChecker } from "./checkers.ts";
import type { ClientSettings } from "./clients.ts";
import { Clients } from "./clients.ts";
import { Cluster } from "./cluster.ts";
import type { NemesisSettings } from "./faults.ts";
import { FAULT_KINDS, FaultKind, Nemesis, WEATHER } from "./faults.ts";
import { Rng } from "./random.ts";
import type { RaftSettings } from "./replica.ts";
import { Trace } from "./trace.ts";

export interface RunOptions {
  /** Ticks with faults. */
  readonly faultTicks: number;
  /**
   * Once faults stopped and a leader settled, clients keep going this many ticks, and every
   * request they make must be answered (liveness).
   */
  readonly quietTicks: number;
  /** Check Log Matching every this many ticks (it reads every disk). */
  readonly logCheckEveryTicks: number;
  /** Receives trace lines when set (the CLI's --seed mode). */
  readonly log?: ((line: string) => void) | null;
  /** Planted bugs (tests only; see bugs.ts). */
  readonly bugs?: PlantedBugs;
  /** Joiners start from an empty disk (reproduces a known hazard; see cluster.ts). */
  readonly emptyJoinerDisks?: boolean;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  faultTicks: 1500,
  quietTicks: 200,
  logCheckEveryTicks: 50,
};

export interface RunStats {
  ticks: number;
  voters: number;
  opsInvoked: number;
  opsOk: number;
  opsUnknown: number;
  opsUnavailable: number;
  redirects: number;
  committedEntries: number;
  terms: number;
  /** Terms whose leader was seen leading a joint configuration. */
  jointTerms: number;
  crashes: number;
  messagesSent: number;
  messagesDropped: number;
  messagesDuplicated: number;
  faults: Partial<Record<FaultKind, number>>;
  /** Crash points hit, snapshots taken and installed, conf changes applied. */
  events: Record<string, number>;
  membersAtEnd: string;
  traceHash: string;
  traceEvents: number;
}

export interface RunResult {
  readonly seed: number;
  readonly violations: string[];
  readonly stats: RunStats;
  readonly history: Operation[];
}

/** A seed's shape of the world: cluster size, timing, workload and fault mix. */
interface Scenario {
  readonly voters: number;
  readonly raft: RaftSettings;
  readonly snapshotEveryEntries: number;
  readonly keepEntriesAfterSnapshot: number;
  readonly livenessLagTicks: number;
  readonly clients: ClientSettings;
  readonly nemesis: NemesisSettings;
}

/**
 * Quiescence is drawn from its own stream (`quiet`), so adding it left every other choice of
 * every seed as it was. It needs CheckQuorum (RaftConfig.quiesce).
 */
function scenario(random: Rng, quiet: Rng): Scenario {
  const voters = random.chance(0.6) ? 3 : 5;
  const electionTicks = random.pick([8, 10, 12]);
  const weights = {} as Record<FaultKind, number>;
  for (const k of FAULT_KINDS) weights[k] = random.pick([1, 2, 3]);
  // Heal often enough that faults come and go rather than pile up.
  weights[FaultKind.Heal] += 2;
  // Membership churn (joint changes above all) under every other fault: issue 14.
  weights[FaultKind.Membership] += 2;
  const checkQuorum = random.chance(0.8);
  const raft = {
    electionTicks,
    heartbeatTicks: random.pick([1, 2]),
    preVote: random.chance(0.8),
    checkQuorum,
    // Small messages and windows exercise batching limits and flow control.
    maxMsgBytes: random.pick([256, 4096, 1 << 20]),
    maxInflightMsgs: random.pick([1, 4, 64]),
  };
  return {
    voters,
    raft: { ...raft, quiesce: checkQuorum && quiet.chance(0.7) },
    snapshotEveryEntries: random.intBetween(10, 60),
    keepEntriesAfterSnapshot: random.intBetween(0, 10),
    livenessLagTicks: quiet.intBetween(0, 3 * electionTicks),
    clients: {
      clientCount: random.intBetween(2, 5),
      keys: ["a", "b", "c", "d"].slice(0, random.intBetween(2, 4)),
      requestRate: random.pick([0.1, 0.3, 0.6]),
      deadlineTicks: electionTicks * 6,
      readRetryTicks: electionTicks * 2,
      weights: { put: 3, get: 4, cas: 2, del: 1 },
    },
    nemesis: {
      actRate: random.pick([0.01, 0.02, 0.04]),
      weights,
      downTicksMax: random.pick([20, 100, 300]),
      votersMin: 3,
      membersMax: voters + 2,
    },
  };
}

export function runSeed(seed: number, options: Partial<RunOptions> = {}): RunResult {
  const o: RunOptions = { ...DEFAULT_RUN_OPTIONS, ...options };
  const root = new Rng(seed);
  const s = scenario(root.fork("scenario"), root.fork("quiet"));
  const trace = new Trace(o.log ?? null);
  const checker = new SafetyChecker();
  const cluster = new Cluster({
    random: root.fork("cluster"),
    checker,
    trace,
    voterCount: s.voters,
    raft: s.raft,
    network: WEATHER["jittery"]!,
    snapshotEveryEntries: s.snapshotEveryEntries,
    keepEntriesAfterSnapshot: s.keepEntriesAfterSnapshot,
    bugs: o.bugs ?? {},
    emptyJoinerDisks: o.emptyJoinerDisks ?? false,
    livenessLagTicks: s.livenessLagTicks,
  });
  trace.event(
    0,
    () => `seed ${seed}: ${JSON.stringify({ ...s, nemesis: { ...s.nemesis, weights: undefined } })}`,
  );
  const history = new HistoryRecorder(() => cluster.now());
  const clients = new Clients(cluster, history, s.clients, root.fork("clients"));
  const nemesis = new Nemesis(cluster, s.nemesis, root.fork("nemesis"));
  const step = (): void => {
    nemesis.tick();
    clients.tick();
    cluster.handleReadies();
    cluster.tick();
    if (cluster.now() % o.logCheckEveryTicks === 0) cluster.checkLogMatching();
  };

  try {
    while (cluster.now() < o.faultTicks && checker.violations.length === 0) step();
    if (checker.violations.length === 0) {
      nemesis.stop();
      checkLiveness(cluster, clients, s, o, step);
      if (checker.violations.length === 0 && s.raft.quiesce) checkQuiescentFailover(cluster, s, step);
    }
    cluster.checkLogMatching();
  } catch (e) {
    // A thrown invariant (in the core or the harness) is a finding, reported with its seed.
    checker.violate(`exception: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  clients.abandonAll();
  let ops = history.operations();
  if (o.bugs?.tamperHistory) ops = o.bugs.tamperHistory(ops);
  const lin = checkLinearizable(ops);
  if (lin.ok !== true) {
    checker.violate(
      `linearizability (${lin.ok === false ? "violated" : "undecided"}): ${describeCheckResult(lin)}`,
    );
  }
  return {
    seed,
    violations: checker.violations,
    stats: stats(cluster, clients, nemesis, s, trace),
    history: ops,
  };
}

/**
 * After faults stop, within bounds: a leader that every live member follows; every request
 * issued after that completes; and, once clients go quiet, every member applies everything.
 */
function checkLiveness(
  cluster: Cluster,
  clients: Clients,
  s: Scenario,
  o: RunOptions,
  step: () => void,
): void {
  const checker = cluster.checker;
  const start = cluster.now();
  // Down replicas restart from disk, a leader must get elected (a few election rounds with
  // randomized timeouts), and it must reach followers that were far behind. Without PreVote a
  // member that campaigned alone behind a partition comes back with an inflated term and deposes
  // whoever leads, again for each such member (Raft thesis §9.6, the reason PreVote exists and
  // nodes run with it): twice the rounds. Seed 2030845 (4 voters, no PreVote) was still deposing
  // and re-electing 10 timeouts after the faults stopped, and settled 2 ticks later.
  const electionBound = (s.raft.preVote ? 10 : 20) * s.raft.electionTicks;
  // Settled means it stays settled for an election timeout: a leader cut off just before the
  // faults stopped still looks followed until CheckQuorum makes it step down.
  const stableTicks = s.raft.electionTicks;
  let settledSince: number | null = null;
  while (cluster.now() - start < electionBound + stableTicks) {
    if (!settledLeader(cluster)) settledSince = null;
    else settledSince ??= cluster.now();
    if (settledSince !== null && cluster.now() - settledSince >= stableTicks) break;
    step();
  }
  if (settledSince === null || cluster.now() - settledSince < stableTicks) {
    checker.violate(
      `liveness: no leader followed by all members ${electionBound} ticks after faults stopped`,
    );
    return;
  }
  // Requests invoked from now on must all be answered, none may time out.
  const settledAt = cluster.now();
  while (cluster.now() - settledAt < o.quietTicks) step();
  clients.active = false;
  const drainBound = 2 * s.clients.deadlineTicks;
  while (clients.inFlight > 0 && cluster.now() - settledAt < o.quietTicks + drainBound) step();
  const stuck = clients.unanswered.filter((u) => u.startTick >= settledAt);
  if (stuck.length > 0) {
    checker.violate(
      `liveness: ${stuck.length} request(s) issued after the leader settled at tick ${settledAt} got no ` +
        `answer, first one started at ${stuck[0]!.startTick}: ${stuck[0]!.why}`,
    );
  }
  const convergeBound = 4 * s.raft.electionTicks;
  const convergeStart = cluster.now();
  while (!converged(cluster) && cluster.now() - convergeStart < convergeBound) step();
  if (!converged(cluster)) {
    const leader = cluster.leader();
    const lagging = cluster
      .members()
      .map((id) => `${id}@${cluster.replica(id).appliedIndex}`)
      .join(" ");
    checker.violate(
      `liveness: members did not converge within ${convergeBound} quiet ticks: leader ` +
        `${leader?.id ?? "-"} commit ${leader?.node?.status().commit ?? "-"}, applied ${lagging}`,
    );
  }
}

/**
 * With quiescence on, after the quiet phase: the idle group must go quiet (leader and every
 * member), and when its leader's process then dies for good, the survivors must notice through
 * the liveness model, wake, and elect a leader they all follow — a quiet group must not wait
 * for a message that will never come. The old leader then restarts and everyone converges.
 */
function checkQuiescentFailover(cluster: Cluster, s: Scenario, step: () => void): void {
  const checker = cluster.checker;
  const quietBound = 10 * s.raft.electionTicks;
  const start = cluster.now();
  const allQuiet = (): boolean =>
    cluster.members().every((id) => cluster.replicas.get(id)?.node?.quiescent === true);
  while (!allQuiet() && cluster.now() - start < quietBound) step();
  const leader = cluster.leader();
  if (!allQuiet() || leader === null) {
    const states = cluster
      .members()
      .map((id) => `${id}:${cluster.replicas.get(id)?.node?.quiescent ?? "down"}`)
      .join(" ");
    checker.violate(`quiescence: the idle group did not go quiet within ${quietBound} ticks (${states})`);
    return;
  }
  const old = leader.id;
  const oldTerm = leader.node?.status().term ?? 0;
  cluster.trace.event(cluster.now(), `quiescent group: killing its leader ${old}`);
  cluster.crash(old, "quiescent leader killed");
  // Twice the quiet phase's bound: with four voters, the three survivors must be unanimous, and
  // without PreVote their candidacies split the vote round after round (seed 17).
  const electionBound = s.livenessLagTicks + 20 * s.raft.electionTicks;
  const killedAt = cluster.now();
  const survivorsFollow = (): boolean => {
    const next = cluster.leader();
    const status = next?.node?.status();
    if (!next || !status || status.term <= oldTerm) return false;
    return cluster
      .members()
      .filter((id) => id !== old)
      .every((id) => {
        const st = cluster.replicas.get(id)?.node?.status();
        return st !== undefined && st.term === status.term && st.leader === next.id;
      });
  };
  while (!survivorsFollow() && cluster.now() - killedAt < electionBound) step();
  if (!survivorsFollow()) {
    checker.violate(
      `liveness: no new leader followed by the survivors ${electionBound} ticks after the quiescent ` +
        `leader ${old} died (liveness lag ${s.livenessLagTicks} ticks)`,
    );
    return;
  }
  cluster.count("quiescent leader replaced");
  cluster.restart(old);
  const convergeBound = 10 * s.raft.electionTicks;
  const convergeStart = cluster.now();
  while (!converged(cluster) && cluster.now() - convergeStart < convergeBound) step();
  if (!converged(cluster)) checker.violate(`liveness: ${old} did not catch up after restarting`);
}

/**
 * One leader, every member (voter or learner) up and following it in its term, and the last
 * membership change applied (a member it removes stops, and its clients lose their answers).
 */
function settledLeader(cluster: Cluster): boolean {
  const leader = cluster.leader();
  const status = leader?.node?.status();
  if (!leader || !status) return false;
  // The last proposed membership change must be applied — unless it was lost with its leader
  // (no entry at its index yet), which nothing will ever apply: seed 1666.
  if (leader.appliedIndex < Math.min(cluster.lastConfChangeIndex, status.lastIndex)) return false;
  // A joint change with auto-leave is one membership change in two entries, and the second (the
  // leave) is appended by the leader itself, so lastConfChangeIndex never sees it. Until it is
  // applied the change is under way, and the leave may remove the leader: seed 2045691 counted
  // leader n1 settled in joint(AddNode n4, RemoveNode n1) with its leave still uncommitted; n1
  // took a write 2 ticks later, applied the leave, stopped (removed), and the write was lost.
  const cs = leader.node?.confState();
  if (cs === undefined || (isJoint(cs) && cs.autoLeave)) return false;
  // Removed servers the operator shuts down once faults stop must be down: one left running can
  // only forward reads at a stale term, which nobody answers (seed 427; Cluster.#decommissionReady).
  if (cluster.awaitingDecommission) return false;
  return cluster.members().every((id) => {
    const s = cluster.replicas.get(id)?.node?.status();
    return s !== undefined && s.term === status.term && s.leader === leader.id;
  });
}

/** Every member has applied the leader's whole commit index, and holds the same state. */
function converged(cluster: Cluster): boolean {
  const leader = cluster.leader();
  const commit = leader?.node?.status().commit;
  if (!leader || commit === undefined) return false;
  const digest = leader.stateDigest;
  return cluster.members().every((id) => {
    const r = cluster.replicas.get(id);
    return r?.up === true && r.appliedIndex === commit && r.stateDigest === digest;
  });
}

function stats(cluster: Cluster, clients: Clients, nemesis: Nemesis, s: Scenario, trace: Trace): RunStats {
  const net = cluster.network.stats;
  const cs = cluster.membership;
  let crashes = 0;
  for (const r of cluster.replicas.values()) crashes += r.crashes;
  return {
    ticks: cluster.now(),
    voters: s.voters,
    opsInvoked: clients.stats.invoked,
    opsOk: clients.stats.ok,
    opsUnknown: clients.stats.unknown,
    opsUnavailable: clients.stats.unavailable,
    redirects: clients.stats.redirects,
    committedEntries: cluster.checker.committedCount,
    terms: cluster.checker.leaders.size,
    jointTerms: cluster.checker.jointTermCount,
    crashes,
    messagesSent: net.sent,
    messagesDropped: net.dropped + net.cut,
    messagesDuplicated: net.duplicated,
    faults: Object.fromEntries(nemesis.counts),
    events: Object.fromEntries([...cluster.counters].sort(([a], [b]) => (a < b ? -1 : 1))),
    membersAtEnd:
      `voters ${cs.voters.join(",")}${cs.learners.length ? ` learners ${cs.learners.join(",")}` : ""}` +
      (cs.votersOutgoing.length ? ` outgoing ${cs.votersOutgoing.join(",")}` : ""),
    traceHash: trace.hash,
    traceEvents: trace.events,
  };
}
