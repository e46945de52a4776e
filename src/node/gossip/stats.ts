// Counters of the node's gossip shell, for status pages, metrics and tests. The protocol's own
// counters (probes failed, refutations, …) are GossipMember.stats.

export interface GossipAgentStats {
  /** Batches sent (written to a peer's stream, or Deliver calls to a peer without one), and their messages. */
  batchesSent: number;
  messagesSent: number;
  /** Streams or Deliver calls that failed (peer down, deadline, refused): what they carried is lost. */
  sendFailures: number;
  /** Oldest messages dropped from a full peer queue. */
  messagesDroppedQueueFull: number;
  /** Messages over their kind's byte limit, never sent. */
  messagesDroppedTooLarge: number;
  /** Messages to a member whose address is unknown. */
  messagesDroppedNoAddress: number;
  /** Batches accepted from peers, and the messages in them. */
  batchesReceived: number;
  messagesReceived: number;
  /** Batches refused as malformed or too large (the peer's call fails with their status). */
  batchesRejected: number;
  /** Messages addressed to another member (a stale address book at the sender). */
  messagesMisaddressed: number;
}

export function emptyGossipAgentStats(): GossipAgentStats {
  return {
    batchesSent: 0,
    messagesSent: 0,
    sendFailures: 0,
    messagesDroppedQueueFull: 0,
    messagesDroppedTooLarge: 0,
    messagesDroppedNoAddress: 0,
    batchesReceived: 0,
    messagesReceived: 0,
    batchesRejected: 0,
    messagesMisaddressed: 0,
  };
}
