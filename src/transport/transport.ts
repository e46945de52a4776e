// The peer transport of a multi-Raft host: the one side effect through which Raft messages of
// every group leave and enter a node. Two implementations share this interface: GrpcTransport
// (grpc.ts) for real nodes and MemoryTransport (memory.ts) for unit tests and the simulator
// (model: hashicorp/raft transport.go and inmem_transport.go).
//
// The transport is unreliable by contract, as Raft expects of its network: messages may be
// dropped (unreachable peer, full queue, partition) but are never corrupted, and the messages
// from one node to another arrive in the order they were sent (snapshots excepted: they travel
// on their own calls).
import type { Message } from "../raft/types.ts";

/** A Raft message and the group it belongs to. */
export interface GroupMessage {
  readonly group: string;
  readonly message: Message;
}

export interface Transport {
  /**
   * Queue messages (message.to = destination node id). Never blocks or throws for an
   * unreachable peer: messages to it are dropped (Raft retries). Batched per peer and flushed
   * promptly (the gRPC transport once the caller's synchronous work is done, in a microtask),
   * one batch per peer per flush — so heartbeats of all groups to one peer travel together.
   */
  send(messages: readonly GroupMessage[]): void;
  /** The address book: node id → HOST:PORT. Updated by the host as membership changes. */
  setPeer(id: string, addr: string): void;
  removePeer(id: string): void;
  /**
   * The peer is alive again (gossip says so): end a reconnect backoff and connect at once.
   * Optional: a transport without backoff (the in-memory twin) has nothing to cut short.
   */
  reconnect?(id: string): void;
  /** Incoming messages, in arrival order per peer. */
  onReceive(handler: (messages: readonly GroupMessage[]) => void): void;
  close(): Promise<void>;
}

/**
 * How a snapshot send ended, for the host to tell the Raft core (a leader waits on a follower
 * that is receiving a snapshot until it hears the outcome). Both are optional; `to` is the node id.
 */
export interface SnapshotReporter {
  /** The snapshot was not delivered: the peer was unreachable, refused it, or the call failed. */
  readonly onSnapshotFailed?: (group: string, to: string) => void;
  /** The receiver has the whole snapshot and has handed it to its node. */
  readonly onSnapshotSent?: (group: string, to: string) => void;
}

/** Counters since the transport was created, for /metrics and tests. */
export interface TransportStats {
  /** Non-snapshot messages written to a peer. */
  messagesSent: number;
  /** Batches written to peers: at most one per peer per flush. */
  batchesSent: number;
  /** Messages dropped because their peer's queue was full (the oldest go first). */
  droppedOverflow: number;
  /** Messages dropped because their peer was unknown, unreachable, partitioned away or closed. */
  droppedUnreachable: number;
  messagesReceived: number;
  batchesReceived: number;
  /** Received messages not addressed to this node (a stale address book on the sender). */
  droppedMisaddressed: number;
  /** Peer batches or snapshots refused as malformed or oversized. */
  rejectedInputs: number;
  snapshotsSent: number;
  snapshotsFailed: number;
  snapshotsReceived: number;
  snapshotChunksSent: number;
  /** Stream failures followed by a reconnect backoff (always 0 in memory). */
  connectFailures: number;
}

export function emptyTransportStats(): TransportStats {
  return {
    messagesSent: 0,
    batchesSent: 0,
    droppedOverflow: 0,
    droppedUnreachable: 0,
    messagesReceived: 0,
    batchesReceived: 0,
    droppedMisaddressed: 0,
    rejectedInputs: 0,
    snapshotsSent: 0,
    snapshotsFailed: 0,
    snapshotsReceived: 0,
    snapshotChunksSent: 0,
    connectFailures: 0,
  };
}
