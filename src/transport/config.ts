// Every limit and timing of the peer transport, each a named setting with a default. Both the
// gRPC transport and its in-memory twin read the queue limits; the rest only matter on sockets.
import { InvalidConfigError } from "./errors.ts";

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Room left in a gRPC message for what the queue's size estimate does not cover: the batch's
 * `from`, a chunk's Snap header (with its voter list). Generous, because running out means a
 * batch the receiver refuses.
 */
export const FRAME_OVERHEAD_BYTES = 64 * KiB;

export interface TransportConfig {
  /**
   * Messages waiting for one peer (between flushes, or while its stream connects or drains).
   * Past it the oldest non-snapshot message is dropped: Raft resends what matters, and newer
   * messages (a later commit index, a newer heartbeat) supersede older ones.
   */
  readonly maxQueueMessages: number;
  /**
   * Bytes waiting for one peer, counted as an upper bound of each message's encoded size
   * (snapshot data excluded: it travels in chunks). Overflow drops like maxQueueMessages. One
   * flush sends the whole queue as one batch, so this plus FRAME_OVERHEAD_BYTES must fit in
   * maxMessageBytes.
   */
  readonly maxQueueBytes: number;
  /**
   * The largest gRPC message sent or accepted (grpc.max_send/receive_message_length). The
   * server side reads it through raftServerOptions().
   */
  readonly maxMessageBytes: number;
  /** Snapshot data per InstallSnapshot chunk. */
  readonly snapshotChunkBytes: number;
  /**
   * The largest snapshot a receiver reassembles: it is held in memory until complete, so this
   * bounds the memory one peer can make a node spend.
   */
  readonly maxSnapshotBytes: number;
  /** Snapshots being sent to one peer at once; more are refused (reported failed) at once. */
  readonly maxSnapshotsInFlight: number;
  /** Deadline of one InstallSnapshot call, from its first chunk to the receiver's answer. */
  readonly snapshotTimeoutMs: number;
  /**
   * Reconnect backoff after a peer's stream fails: the n-th consecutive failure waits a random
   * time in [d/2, d] for d = min(backoffMaxMs, backoffBaseMs · 2^(n-1)). The jitter spreads the
   * reconnects of many nodes to one restarted peer.
   */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** A stream not established within this time counts as failed (a peer that drops SYNs). */
  readonly connectTimeoutMs: number;
  /**
   * HTTP/2 keepalive: ping an idle connection this often, and drop it if the ping is not
   * answered within keepaliveTimeoutMs. This is how a peer that died without closing its
   * sockets (power loss, partition) is noticed; both ends ping.
   */
  readonly keepaliveTimeMs: number;
  readonly keepaliveTimeoutMs: number;
}

export const TRANSPORT_DEFAULTS: TransportConfig = {
  maxQueueMessages: 8192,
  maxQueueBytes: 16 * MiB,
  maxMessageBytes: 32 * MiB,
  snapshotChunkBytes: 256 * KiB,
  maxSnapshotBytes: 512 * MiB,
  maxSnapshotsInFlight: 2,
  snapshotTimeoutMs: 10 * 60_000,
  // Well under one election timeout (1 s by default): a peer that answers again counts toward
  // its groups' quorums within backoffMaxMs, not after an outage-long backoff.
  backoffBaseMs: 50,
  backoffMaxMs: 300,
  connectTimeoutMs: 5_000,
  keepaliveTimeMs: 10_000,
  keepaliveTimeoutMs: 5_000,
};

/** The defaults overridden by `overrides`, checked: a bad setting fails at startup, not later. */
export function resolveTransportConfig(overrides: Partial<TransportConfig> = {}): TransportConfig {
  const config: TransportConfig = { ...TRANSPORT_DEFAULTS, ...overrides };
  for (const [setting, value] of Object.entries(config)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new InvalidConfigError(setting, `must be a positive integer, got ${value}`);
    }
  }
  if (config.maxQueueBytes + FRAME_OVERHEAD_BYTES > config.maxMessageBytes) {
    throw new InvalidConfigError(
      "maxQueueBytes",
      `a full queue is sent as one batch, so it must be at most maxMessageBytes - ${FRAME_OVERHEAD_BYTES}`,
    );
  }
  if (config.snapshotChunkBytes + FRAME_OVERHEAD_BYTES > config.maxMessageBytes) {
    throw new InvalidConfigError(
      "snapshotChunkBytes",
      `must be at most maxMessageBytes - ${FRAME_OVERHEAD_BYTES}`,
    );
  }
  if (config.backoffBaseMs > config.backoffMaxMs) {
    throw new InvalidConfigError("backoffBaseMs", "must not exceed backoffMaxMs");
  }
  return config;
}
