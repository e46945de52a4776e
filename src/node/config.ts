// Settings of a node. Every limit and cadence is named, documented with its unit and (where it
// derives from others) its formula, and defaulted; crossing one gives a clear error
// (src/api/errors.ts), never a crash or silent truncation. validateNodeSettings() refuses a bad
// value at start, naming the setting.
import { RingkvError } from "../api/errors.ts";

export interface NodeSettings {
  /** Wall-clock length of one Raft tick, in ms. Every other *Ticks setting counts these. */
  readonly tickMs: number;
  /** Election timeout is electionTicks..2·electionTicks ticks (1–2 s with the defaults). */
  readonly electionTicks: number;
  /** A leader heartbeats its followers every this many ticks; below electionTicks. */
  readonly heartbeatTicks: number;
  /**
   * Snapshot a group (and let its log go) once this many entries were applied since the last…
   * Each snapshot serializes the group's whole state, so too small a value costs write latency.
   */
  readonly snapshotEntries: number;
  /** …or once this many bytes of entries were: the log since a snapshot is held in memory. */
  readonly snapshotLogBytes: number;
  /** Largest key, in bytes. Keys are any byte string of 1..maxKeyBytes. */
  readonly maxKeyBytes: number;
  /** Largest value, in bytes. */
  readonly maxValueBytes: number;
  /** Keys + values this node's replicas may hold, in bytes; past it writes get QuotaExceeded. */
  readonly dataQuotaBytes: number;
  /** Writes proposed but not yet applied; past it new writes get Unavailable (back-pressure). */
  readonly maxPendingProposals: number;
  /** A request not answered within this many ms fails with Timeout (outcome unknown for writes). */
  readonly requestTimeoutMs: number;
  /** A follower waits this many ms for a leader to appear before answering Unavailable. */
  readonly leaderWaitMs: number;
  /** A joining node keeps asking the members it was given for this many ms. */
  readonly joinCatchUpMs: number;
  /**
   * Between two rounds of join attempts a joining node waits, in ms,
   * min(joinBackoffMaxMs, joinBackoffMs · 2^round) (round 0, 1, …).
   */
  readonly joinBackoffMs: number;
  /** The ceiling of that wait, in ms; at least joinBackoffMs. */
  readonly joinBackoffMaxMs: number;
  /** Shard moves (learner added → old replica removed) one node drives at once, as leader. */
  readonly maxConcurrentMoves: number;
  /** A leave request waits this many ms for the member's replicas to move off. */
  readonly leaveTimeoutMs: number;
  /** How long, in ms, a status request (and an address or removal check) waits for other members. */
  readonly statusFanOutMs: number;
  /**
   * A member gossip has called dead for this many ms is treated as gone: the meta leader marks it
   * leaving and its shards are re-replicated onto the others.
   */
  readonly deadMemberTimeoutMs: number;
  /** Wall-clock length of one gossip tick, in ms (probe period: 20 ticks; src/gossip/config.ts). */
  readonly gossipTickMs: number;
  /**
   * The background duties (rebalancing, gossip publishing, replica repair, eviction, finishing
   * leaves, learning addresses) run one round every this many ticks: a round every
   * rebalanceEveryTicks · tickMs ms.
   */
  readonly rebalanceEveryTicks: number;
  /**
   * A member not leaving asks one peer whether it was removed unawares every this many ticks
   * (every tick while it is leaving): a check every membershipCheckTicks · tickMs ms.
   */
  readonly membershipCheckTicks: number;
  /** A request tries at most this many nodes (following NotLeader hints) before giving up. */
  readonly routeAttemptsMax: number;
  /**
   * Replicas publish their state digest every this many background rounds: every
   * digestEveryRounds · rebalanceEveryTicks ticks.
   */
  readonly digestEveryRounds: number;
  /**
   * After handing leadership of a group away, its leader waits before the rebalancer may move
   * it again, in ticks: transferCooldownTicks = transferCooldownMult · electionTicks.
   */
  readonly transferCooldownMult: number;
  /**
   * A stopping node waits for its leaderships to move away at most, in ms:
   * handoffWaitMs = handoffWaitMult · electionTicks · tickMs.
   */
  readonly handoffWaitMult: number;
  /**
   * A membership change refused because another is being applied (Unavailable) is retried,
   * one tick apart, at most this many times.
   */
  readonly confChangeRetriesMax: number;
  /** The retry hint (retryAfterMs) of a NotLeader answer: leadership moves within an election. */
  readonly notLeaderRetryAfterMs: number;
  /** The retry hint, in ms, when maxPendingProposals writes are in flight. */
  readonly busyRetryAfterMs: number;
  /** The retry hint, in ms, of a node that has not yet learned the cluster config. */
  readonly noConfigRetryAfterMs: number;
  /** The retry hint, in ms, when no leader of a group could be reached. */
  readonly noLeaderRetryAfterMs: number;
  /**
   * The most keys one range answers (a range with limit 0 or above it is cut here, `more` set):
   * a multi-shard range holds at most rangeMaxKeys keys from each shard in memory at once, so
   * rangeMaxKeys · shardCount records at worst. Larger spans are paged (the HTTP `next` token).
   */
  readonly rangeMaxKeys: number;
  /**
   * The shortest lease TTL, in seconds; a grant asking less gets it (as etcd's minimum). Used as
   * leaseTtlMinEffectiveSeconds = max(leaseTtlMinSeconds, ⌈1.5 · electionTicks · tickMs / 1000⌉),
   * etcd's formula: a lease should outlive the election after a meta leader fails, by which its
   * expiry may be late.
   */
  readonly leaseTtlMinSeconds: number;
  /** The longest lease TTL, in seconds (etcd's MaxLeaseTTL); a longer grant is refused. */
  readonly leaseTtlMaxSeconds: number;
  /** Keys a lease time-to-live lists at most (all shards together); the rest are left out. */
  readonly leaseKeysMax: number;
  /**
   * Revisions the timestamp oracle reserves through the meta log at once (one Raft write per
   * this many revisions handed out); the next window is reserved when half of this is left.
   */
  readonly revisionWindow: number;
  /**
   * How far, in parts per thousand, the rate of any node's clock may stray from real time: the
   * bound the meta leader's revision lease (oracleLeaseMs) trusts. 100 (10%) is far above what
   * NTP-disciplined or even free-running quartz clocks drift (≈ 0.01%); 0 trusts clocks fully.
   * Must be below 1000.
   */
  readonly clockDriftMaxPerMille: number;
  /**
   * A shard write refused at apply for a stale revision (another write with a higher one
   * applied first) is proposed again with a fresh revision at most this many times.
   */
  readonly staleRevisionRetriesMax: number;
  /**
   * A watcher that leaves this many events unread is cut off (Unavailable: it watches again from
   * the revision after the last it read) instead of the node queueing without limit. At ~100
   * bytes of key and value per event, the default holds a few MiB per watch.
   */
  readonly watchBacklogEventsMax: number;
  /** A watch that asked for progress gets a batch with no events after this long without one. */
  readonly watchProgressIntervalMs: number;
  /** A watch opens a shard's source again this long after it ended (replica moved, peer lost). */
  readonly watchReopenDelayMs: number;
  /**
   * A shard whose source ends this many times in a row without delivering anything ends its
   * watch with Unavailable: watchReopenAttemptsMax · watchReopenDelayMs ms (10 s by default).
   */
  readonly watchReopenAttemptsMax: number;
}

export const NODE_DEFAULTS: NodeSettings = {
  tickMs: 100,
  electionTicks: 10,
  // Every 200 ms: still 5 to 10 heartbeats per election timeout (CockroachDB and TiKV also beat
  // every 2 ticks). Only the meta group heartbeats while idle (shards quiesce), and at one tick
  // its heartbeats and answers were the largest part of an idle cluster's CPU: 8.0 → 6.6 and
  // 7.65 → 6.3% of a core (`npm run bench:idle`, alternated). Failover is unchanged: it waits
  // for an election timeout either way, and leases are renewed by reads' own rounds.
  heartbeatTicks: 2,
  snapshotEntries: 100_000,
  snapshotLogBytes: 64 * 1024 * 1024,
  maxKeyBytes: 4 * 1024,
  maxValueBytes: 1024 * 1024,
  dataQuotaBytes: 2 * 1024 * 1024 * 1024,
  maxPendingProposals: 10_000,
  requestTimeoutMs: 4_000,
  leaderWaitMs: 2_500,
  joinCatchUpMs: 60_000,
  joinBackoffMs: 200,
  joinBackoffMaxMs: 2_000,
  maxConcurrentMoves: 4,
  leaveTimeoutMs: 120_000,
  statusFanOutMs: 1_000,
  deadMemberTimeoutMs: 60_000,
  gossipTickMs: 50,
  rebalanceEveryTicks: 3,
  membershipCheckTicks: 20,
  routeAttemptsMax: 4,
  digestEveryRounds: 5,
  transferCooldownMult: 3,
  handoffWaitMult: 2,
  confChangeRetriesMax: 50,
  notLeaderRetryAfterMs: 100,
  busyRetryAfterMs: 200,
  noConfigRetryAfterMs: 500,
  noLeaderRetryAfterMs: 1_000,
  leaseTtlMinSeconds: 2,
  leaseTtlMaxSeconds: 9_000_000_000,
  leaseKeysMax: 10_000,
  revisionWindow: 10_000,
  clockDriftMaxPerMille: 100,
  rangeMaxKeys: 10_000,
  staleRevisionRetriesMax: 8,
  watchBacklogEventsMax: 10_000,
  watchProgressIntervalMs: 10_000,
  watchReopenDelayMs: 200,
  watchReopenAttemptsMax: 50,
};

/** The settings derived from others by the formulas above. */
export function transferCooldownTicks(s: NodeSettings): number {
  return s.transferCooldownMult * s.electionTicks;
}

export function handoffWaitMs(s: NodeSettings): number {
  return s.handoffWaitMult * s.electionTicks * s.tickMs;
}

/** max(leaseTtlMinSeconds, ⌈1.5 · electionTicks · tickMs / 1000⌉): see leaseTtlMinSeconds. */
export function leaseTtlMinEffectiveSeconds(s: NodeSettings): number {
  return Math.max(s.leaseTtlMinSeconds, Math.ceil((1.5 * s.electionTicks * s.tickMs) / 1000));
}

/**
 * How long, in ms on its own clock, a meta leader may hand out revisions without another
 * ReadIndex round after a round begun at time s succeeded:
 *   (electionTicks − 1) · tickMs · (1000 − clockDriftMaxPerMille) / (1000 + clockDriftMaxPerMille).
 * Why: each voter that acknowledged the round heard from the leader after s and refuses every
 * other candidate until it has ticked electionTicks times (CheckQuorum's lease; the first tick
 * may come at once, so at least electionTicks − 1 full ticks), and a successor needs one of
 * them. A voter's clock running fast shortens that time, the leader's running slow lengthens
 * the lease it measures: the fraction covers both at the worst drift allowed (docs/revisions.md).
 */
export function oracleLeaseMs(s: NodeSettings): number {
  const drift = s.clockDriftMaxPerMille;
  return Math.floor(((s.electionTicks - 1) * s.tickMs * (1000 - drift)) / (1000 + drift));
}

type Rule = "count" | "countOrZero" | "ms";

/** What each setting must be: a count (integer ≥ 1, also bytes and ticks), or a duration > 0. */
const RULES: Readonly<Record<keyof NodeSettings, Rule>> = {
  tickMs: "ms",
  electionTicks: "count",
  heartbeatTicks: "count",
  snapshotEntries: "count",
  snapshotLogBytes: "count",
  maxKeyBytes: "count",
  maxValueBytes: "count",
  dataQuotaBytes: "count",
  maxPendingProposals: "count",
  requestTimeoutMs: "ms",
  leaderWaitMs: "ms",
  joinCatchUpMs: "ms",
  joinBackoffMs: "ms",
  joinBackoffMaxMs: "ms",
  maxConcurrentMoves: "count",
  leaveTimeoutMs: "ms",
  statusFanOutMs: "ms",
  deadMemberTimeoutMs: "ms",
  gossipTickMs: "ms",
  rebalanceEveryTicks: "count",
  membershipCheckTicks: "count",
  routeAttemptsMax: "count",
  digestEveryRounds: "count",
  transferCooldownMult: "count",
  handoffWaitMult: "count",
  confChangeRetriesMax: "countOrZero",
  notLeaderRetryAfterMs: "ms",
  busyRetryAfterMs: "ms",
  noConfigRetryAfterMs: "ms",
  noLeaderRetryAfterMs: "ms",
  leaseTtlMinSeconds: "count",
  leaseTtlMaxSeconds: "count",
  leaseKeysMax: "count",
  revisionWindow: "count",
  clockDriftMaxPerMille: "countOrZero",
  rangeMaxKeys: "count",
  staleRevisionRetriesMax: "count",
  watchBacklogEventsMax: "count",
  watchProgressIntervalMs: "ms",
  watchReopenDelayMs: "ms",
  watchReopenAttemptsMax: "count",
};

const WANT: Readonly<Record<Rule, string>> = {
  count: "an integer ≥ 1",
  countOrZero: "an integer ≥ 0",
  ms: "a finite number of ms > 0",
};

function obeys(rule: Rule, value: unknown): boolean {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (rule === "ms") return value > 0;
  return Number.isSafeInteger(value) && value >= (rule === "count" ? 1 : 0);
}

/**
 * Refuse settings a node cannot run with, naming the first bad one (InvalidArgument: exit 2 from
 * the CLI). Called once at start; everything after trusts the settings.
 */
export function validateNodeSettings(s: NodeSettings): NodeSettings {
  for (const [name, rule] of Object.entries(RULES) as [keyof NodeSettings, Rule][]) {
    const value: unknown = s[name];
    if (!obeys(rule, value)) {
      throw new RingkvError(
        "InvalidArgument",
        `setting ${name} must be ${WANT[rule]}, got ${JSON.stringify(value) ?? "nothing"}`,
      );
    }
  }
  if (s.heartbeatTicks >= s.electionTicks) {
    throw new RingkvError(
      "InvalidArgument",
      `setting heartbeatTicks (${s.heartbeatTicks}) must be below electionTicks (${s.electionTicks})`,
    );
  }
  if (s.joinBackoffMaxMs < s.joinBackoffMs) {
    throw new RingkvError(
      "InvalidArgument",
      `setting joinBackoffMaxMs (${s.joinBackoffMaxMs}) must be at least joinBackoffMs (${s.joinBackoffMs})`,
    );
  }
  if (s.clockDriftMaxPerMille >= 1000) {
    throw new RingkvError(
      "InvalidArgument",
      `setting clockDriftMaxPerMille (${s.clockDriftMaxPerMille}) must be below 1000`,
    );
  }
  if (s.leaseTtlMaxSeconds < s.leaseTtlMinSeconds) {
    throw new RingkvError(
      "InvalidArgument",
      `setting leaseTtlMaxSeconds (${s.leaseTtlMaxSeconds}) must be at least leaseTtlMinSeconds (${s.leaseTtlMinSeconds})`,
    );
  }
  return s;
}
