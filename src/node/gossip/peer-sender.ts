// Outgoing gossip to one peer address: a bounded queue of encoded messages and at most one
// Deliver call in flight. Whatever queues up while a call is in flight goes out as the next
// batch as soon as it ends, so a slow peer gets fewer, larger calls instead of a pile of
// concurrent ones; a full queue drops its oldest messages. Failed calls are not retried:
// SWIM treats a lost message like any other loss (a missed ack, a gossip that did not arrive).
import * as grpc from "@grpc/grpc-js";
import { encodeGossipBatch } from "./codec.ts";
import { BATCH_OVERHEAD_BYTES, type GossipAgentSettings } from "./config.ts";
import { gossipServiceDefinition } from "./service.ts";
import type { GossipAgentStats } from "./stats.ts";

/** What the senders of one agent share. */
export interface SenderContext {
  readonly localId: string;
  readonly settings: GossipAgentSettings;
  readonly stats: GossipAgentStats;
  /** How to dial peers: TLS with this node's peer certificate, or plaintext. */
  readonly credentials: grpc.ChannelCredentials;
}

/**
 * Channel options of a gossip connection: room for a full batch, grpc-js's reconnect backoff
 * short enough that a restarted peer is reachable again within a probe period or two, and no
 * grpc-js retries (a retried probe would arrive after its timeout). Gossip gets a connection of
 * its own rather than sharing the Raft stream's, so a large snapshot transfer does not delay
 * probes and make a busy peer look dead.
 */
export function gossipChannelOptions(settings: GossipAgentSettings): grpc.ChannelOptions {
  return {
    "grpc.max_send_message_length": settings.batchBytesMax,
    "grpc.initial_reconnect_backoff_ms": settings.reconnectBackoffBaseMs,
    "grpc.min_reconnect_backoff_ms": settings.reconnectBackoffBaseMs,
    "grpc.max_reconnect_backoff_ms": settings.reconnectBackoffMaxMs,
    "grpc.enable_retries": 0,
    // Not shared through grpc-js's process-wide pool: close() then really closes the connection.
    "grpc.use_local_subchannel_pool": 1,
  };
}

export class PeerSender {
  readonly addr: string;
  readonly #ctx: SenderContext;
  readonly #client: grpc.Client;
  /** Encoded messages, oldest first; #head is the first one not yet taken. */
  #queue: Uint8Array[] = [];
  #head = 0;
  #queuedBytes = 0;
  #call: grpc.ClientUnaryCall | null = null;
  /** performance.now() of the last enqueue: idle senders are closed by the agent. */
  #lastUsedMs = performance.now();
  #closed = false;

  constructor(addr: string, ctx: SenderContext) {
    this.addr = addr;
    this.#ctx = ctx;
    this.#client = new grpc.Client(addr, ctx.credentials, gossipChannelOptions(ctx.settings));
  }

  /** Nothing queued or in flight. */
  get idle(): boolean {
    return this.#call === null && this.#queuedCount() === 0;
  }

  idleForMs(now: number): number {
    return this.idle ? now - this.#lastUsedMs : 0;
  }

  /** Queue one encoded message (within its kind's limit) and send when no call is in flight. */
  enqueue(message: Uint8Array): void {
    if (this.#closed) return;
    this.#lastUsedMs = performance.now();
    this.#queue.push(message);
    this.#queuedBytes += message.byteLength;
    const { peerQueueMessagesMax, peerQueueBytesMax } = this.#ctx.settings;
    while (this.#queuedCount() > peerQueueMessagesMax || this.#queuedBytes > peerQueueBytesMax) {
      this.#queuedBytes -= this.#queue[this.#head]!.byteLength;
      this.#head++;
      this.#ctx.stats.messagesDroppedQueueFull++;
    }
    if (this.#call === null) this.#sendNext();
  }

  /** Cancel the call in flight, drop the queue and close the connection. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#call?.cancel();
    this.#call = null;
    this.#queue = [];
    this.#head = 0;
    this.#queuedBytes = 0;
    this.#client.close();
  }

  #queuedCount(): number {
    return this.#queue.length - this.#head;
  }

  #sendNext(): void {
    const batch = this.#takeBatch();
    if (batch.length === 0) return;
    const { settings, stats, localId } = this.#ctx;
    const method = gossipServiceDefinition()["Deliver"]!;
    stats.batchesSent++;
    stats.messagesSent += batch.length;
    this.#call = this.#client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      encodeGossipBatch(localId, batch),
      new grpc.Metadata(),
      { deadline: Date.now() + settings.sendDeadlineMs },
      (error: grpc.ServiceError | null) => {
        if (this.#closed) return;
        this.#call = null;
        if (error !== null) stats.sendFailures++;
        this.#sendNext();
      },
    );
  }

  /** The oldest queued messages that fit one batch (at least one: each fits on its own). */
  #takeBatch(): Uint8Array[] {
    const { batchMessagesMax, batchBytesMax } = this.#ctx.settings;
    const batch: Uint8Array[] = [];
    let bytes = BATCH_OVERHEAD_BYTES;
    while (this.#queuedCount() > 0 && batch.length < batchMessagesMax) {
      const next = this.#queue[this.#head]!;
      if (batch.length > 0 && bytes + next.byteLength > batchBytesMax) break;
      batch.push(next);
      bytes += next.byteLength;
      this.#queuedBytes -= next.byteLength;
      this.#head++;
    }
    // Compact once the taken prefix dominates, so the array does not grow without bound.
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else if (this.#head > 64 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    return batch;
  }
}
