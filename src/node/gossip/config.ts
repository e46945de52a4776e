// Every limit and timing of the node's gossip shell, each a named setting with a default. The
// protocol's own settings (probe interval, suspicion, fanout… in ticks) are GossipConfig in
// src/gossip/config.ts; these are the wall-clock and wire ones around it.
import type { GossipConfig } from "../../gossip/index.ts";
import { GossipAgentError } from "./errors.ts";

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Room in a batch for what is not a message: the sender's id and the framing of each message
 * (a tag and a length prefix). Generous, because running out means a batch the receiver refuses.
 */
export const BATCH_OVERHEAD_BYTES = 4 * KiB;

export interface GossipAgentSettings {
  /**
   * The largest encoded probe, ack, indirect probe or gossip message sent or accepted. The
   * protocol fills these up to GossipConfig.messageBytesMax measured in JSON (1,400 bytes by
   * default), which is larger than the protobuf encoding, so this only stops a peer that does
   * not play by its own limits.
   */
  readonly messageBytesMax: number;
  /** The largest encoded push-pull (the whole view), sent or accepted. */
  readonly pushPullBytesMax: number;
  /** Messages in one Deliver call. */
  readonly batchMessagesMax: number;
  /**
   * Bytes of one Deliver call; at least pushPullBytesMax + BATCH_OVERHEAD_BYTES so a full
   * push-pull always fits. Also the channel's grpc.max_send_message_length. The receiving
   * server's grpc.max_receive_message_length must admit it (grpc-js's default is 4 MiB).
   */
  readonly batchBytesMax: number;
  /**
   * Messages waiting for one peer address while a call to it is in flight. Past it (or past
   * peerQueueBytesMax) the oldest are dropped: an old probe is useless by now, and SWIM
   * tolerates loss.
   */
  readonly peerQueueMessagesMax: number;
  readonly peerQueueBytesMax: number;
  /** Deadline of one Deliver call. Short: a probe answered later than its timeout is lost anyway. */
  readonly sendDeadlineMs: number;
  /**
   * grpc-js reconnect backoff towards a peer address (its defaults go up to 120 s, which would
   * hide a restarted peer from our probes for that long).
   */
  readonly reconnectBackoffBaseMs: number;
  readonly reconnectBackoffMaxMs: number;
  /**
   * After leave(), keep ticking for this many gossip rounds (GossipConfig.gossipIntervalTicks
   * each) so the `left` record spreads before the agent stops.
   */
  readonly leaveRounds: number;
  /** A peer address nothing was sent to for this long loses its client (and connection). */
  readonly clientIdleMs: number;
}

export const GOSSIP_AGENT_DEFAULTS: GossipAgentSettings = {
  messageBytesMax: 64 * KiB,
  pushPullBytesMax: 1 * MiB,
  batchMessagesMax: 64,
  batchBytesMax: 2 * MiB,
  peerQueueMessagesMax: 256,
  peerQueueBytesMax: 4 * MiB,
  sendDeadlineMs: 500,
  reconnectBackoffBaseMs: 100,
  reconnectBackoffMaxMs: 1_000,
  leaveRounds: 3,
  clientIdleMs: 60_000,
};

/** The defaults overridden by `overrides`, checked against each other and the protocol's. */
export function resolveGossipAgentSettings(
  overrides: Partial<GossipAgentSettings>,
  protocol: GossipConfig,
): GossipAgentSettings {
  const settings: GossipAgentSettings = { ...GOSSIP_AGENT_DEFAULTS, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isSafeInteger(value) || value <= 0) invalid(name, `must be a positive integer, got ${value}`);
  }
  if (settings.messageBytesMax > settings.pushPullBytesMax) {
    invalid("messageBytesMax", "must not exceed pushPullBytesMax");
  }
  if (settings.pushPullBytesMax + BATCH_OVERHEAD_BYTES > settings.batchBytesMax) {
    invalid("batchBytesMax", `must be at least pushPullBytesMax + ${BATCH_OVERHEAD_BYTES}`);
  }
  if (settings.peerQueueBytesMax < settings.pushPullBytesMax) {
    invalid("peerQueueBytesMax", "must hold at least one push-pull (pushPullBytesMax)");
  }
  if (settings.reconnectBackoffBaseMs > settings.reconnectBackoffMaxMs) {
    invalid("reconnectBackoffBaseMs", "must not exceed reconnectBackoffMaxMs");
  }
  if (protocol.messageBytesMax > settings.messageBytesMax) {
    invalid(
      "messageBytesMax",
      `must be at least the protocol's messageBytesMax (${protocol.messageBytesMax})`,
    );
  }
  return settings;
}

function invalid(name: string, reason: string): never {
  throw new GossipAgentError("InvalidConfig", `gossip agent setting ${name}: ${reason}`);
}
