// Settings of the gossip protocol. Every limit is named, documented and defaulted (STYLE.md 5),
// and every derived quantity is a function of the cluster size N below, so the formulas live
// in one place and the tests and the benchmark read the same numbers the protocol uses.
//
// N is the number of live members (alive or suspect, this member included) as this member
// sees it. Time is ticks; the defaults assume the node layer ticks every 50 ms, which makes a
// probe period 1 s and the suspicion timeouts those of a LAN deployment of memberlist.
import { GossipError } from "./errors.ts";

export interface GossipConfig {
  /** One probe per period: the failure detector's clock. A "round" in the benchmark. */
  readonly probeIntervalTicks: number;
  /**
   * Wait this long for a direct ack before asking `indirectProbes` others. Must cover a round
   * trip. Leave probeIntervalTicks ≥ 2·probeTimeoutTicks + 2·(one-way latency) so an
   * intermediary's ack or nack returns before the period ends.
   */
  readonly probeTimeoutTicks: number;
  /** k: members asked to probe on our behalf after a missed ack (SWIM's ping-req). */
  readonly indirectProbes: number;
  /**
   * Suspicion lasts at least min = suspicionMultiplier · max(1, log10 N) · probeIntervalTicks,
   * and this many members beyond the first suspector must confirm it before the timeout
   * shrinks all the way to min: K = suspicionMultiplier − 2 (0 when N − 2 < K).
   */
  readonly suspicionMultiplier: number;
  /**
   * A suspicion nobody confirms lasts max = suspicionMaxMultiplier · min. With C independent
   * confirmations (Lifeguard) it lasts max(min, max − (max − min) · log(C + 1) / log(K + 1)).
   */
  readonly suspicionMaxMultiplier: number;
  /**
   * Local health (Lifeguard): a score in [0, awarenessMax − 1] that rises on missed acks and
   * nacks and falls on answered probes; probe interval and timeout are scaled by (score + 1),
   * so a member that is itself slow stops accusing healthy ones.
   */
  readonly awarenessMax: number;
  /** Each update is piggybacked at most retransmitMultiplier · ⌈log10(N + 1)⌉ times. */
  readonly retransmitMultiplier: number;
  /** Every gossipIntervalTicks, pending updates go to `gossipFanout` random live members. */
  readonly gossipIntervalTicks: number;
  /** Members a gossip round sends to (on top of the updates piggybacked on probes and acks). */
  readonly gossipFanout: number;
  /**
   * Full-state exchange with one random member (anti-entropy), every
   * pushPullIntervalTicks · (N ≤ 32 ? 1 : ⌈log2 N − log2 32⌉ + 1) ticks, so its total cost
   * grows like N log N rather than N². A dead member is picked with probability
   * dead / (live + dead), so partitions that outlived the suspicion timeout heal.
   */
  readonly pushPullIntervalTicks: number;
  /**
   * A probe, ack or gossip message stops taking updates past this many bytes (measured in
   * its JSON encoding, which is larger than the protobuf one). Push-pull is not bounded by it:
   * it carries the whole state over the stream transport, bounded by membersMax and
   * metadataEntriesMax instead.
   */
  readonly messageBytesMax: number;
  /** …and past this many updates. */
  readonly piggybackedUpdatesMax: number;
  /** Updates waiting to be piggybacked; past it the most-sent ones are dropped first. */
  readonly broadcastsMax: number;
  /** Distinct member ids held (records of dead and left members included). */
  readonly membersMax: number;
  /** Distinct metadata keys held. */
  readonly metadataEntriesMax: number;
  /** Indirect probes this member runs for others at once; further requests are ignored. */
  readonly indirectRelaysMax: number;
  /** Messages waiting for the host to drain; past it new messages are dropped (counted). */
  readonly outboxMessagesMax: number;
}

export const GOSSIP_DEFAULTS: GossipConfig = {
  probeIntervalTicks: 20,
  probeTimeoutTicks: 6,
  indirectProbes: 3,
  suspicionMultiplier: 4,
  suspicionMaxMultiplier: 6,
  awarenessMax: 8,
  retransmitMultiplier: 4,
  gossipIntervalTicks: 20,
  gossipFanout: 3,
  pushPullIntervalTicks: 600,
  messageBytesMax: 1400,
  piggybackedUpdatesMax: 16,
  broadcastsMax: 4096,
  membersMax: 16_384,
  metadataEntriesMax: 65_536,
  indirectRelaysMax: 256,
  outboxMessagesMax: 4096,
};

/** The defaults overridden by `overrides`, checked. */
export function gossipConfig(overrides: Partial<GossipConfig> = {}): GossipConfig {
  const config: GossipConfig = { ...GOSSIP_DEFAULTS, ...overrides };
  for (const [name, value] of Object.entries(config)) {
    const least = name === "indirectProbes" ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < least) {
      throw new GossipError(
        "InvalidConfig",
        `gossip config: ${name} must be an integer >= ${least}, got ${value}`,
      );
    }
  }
  if (config.probeTimeoutTicks >= config.probeIntervalTicks) {
    throw new GossipError(
      "InvalidConfig",
      "gossip config: probeTimeoutTicks must be below probeIntervalTicks",
    );
  }
  return config;
}

/** max(1, log10 N): the factor by which suspicion and retransmission grow with the cluster. */
function log10AtLeastOne(n: number): number {
  return Math.max(1, Math.log10(Math.max(1, n)));
}

/** min = suspicionMultiplier · max(1, log10 N) · probeIntervalTicks. */
export function suspicionMinTicks(config: GossipConfig, n: number): number {
  return Math.ceil(config.suspicionMultiplier * log10AtLeastOne(n) * config.probeIntervalTicks);
}

/** max = suspicionMaxMultiplier · min. */
export function suspicionMaxTicks(config: GossipConfig, n: number): number {
  return config.suspicionMaxMultiplier * suspicionMinTicks(config, n);
}

/** K = suspicionMultiplier − 2, or 0 when fewer than K other members could confirm. */
export function suspicionConfirmationsExpected(config: GossipConfig, n: number): number {
  const k = Math.max(0, config.suspicionMultiplier - 2);
  return n - 2 < k ? 0 : k;
}

/** retransmitMultiplier · ⌈log10(N + 1)⌉. */
export function retransmitLimit(config: GossipConfig, n: number): number {
  return config.retransmitMultiplier * Math.ceil(Math.log10(Math.max(1, n) + 1));
}

/** pushPullIntervalTicks · (N ≤ 32 ? 1 : ⌈log2 N − log2 32⌉ + 1). */
export function pushPullIntervalTicks(config: GossipConfig, n: number): number {
  const baseline = 32;
  if (n <= baseline) return config.pushPullIntervalTicks;
  return config.pushPullIntervalTicks * (Math.ceil(Math.log2(n) - Math.log2(baseline)) + 1);
}
