// Outgoing gossip to one peer address: a bounded queue of encoded messages and one long-lived
// Stream call. The messages queued in one turn of the event loop go out as one batch written to
// the stream; while the stream's buffer is full (a slow or paused peer), they wait in the queue,
// whose oldest messages a full queue drops. A stream that fails is opened anew for the next
// batch, and what it carried is not resent: SWIM treats a lost message like any other loss (a
// missed ack, a gossip that did not arrive). A peer without Stream (an older build) gets one
// Deliver call per batch, at most one in flight, as before Stream existed.
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
  /** The stream to the peer, opened at the first batch and again after it fails. */
  #stream: grpc.ClientWritableStream<Buffer> | null = null;
  /** The stream's buffer is full: batches wait for its drain. */
  #waitingForDrain = false;
  #flushScheduled = false;
  /** The peer answered Stream with UNIMPLEMENTED: each batch is a Deliver call. */
  #unaryOnly = false;
  /** The Deliver call in flight (unaryOnly). */
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

  /** Queue one encoded message (within its kind's limit); the turn's messages go out as one batch. */
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
    this.#scheduleFlush();
  }

  /** Cancel the call in flight, drop the queue and close the connection. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stream?.end();
    this.#stream = null;
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

  /** Send at the end of this turn: every message queued meanwhile joins the batch. */
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    queueMicrotask(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    if (this.#closed) return;
    if (this.#unaryOnly) {
      if (this.#call === null) this.#sendNext();
      return;
    }
    if (this.#waitingForDrain) return;
    const { stats, localId } = this.#ctx;
    const stream = this.#stream ?? this.#open();
    while (this.#queuedCount() > 0) {
      const batch = this.#takeBatch();
      stats.batchesSent++;
      stats.messagesSent += batch.length;
      if (!stream.write(encodeGossipBatch(localId, batch))) {
        this.#waitingForDrain = true;
        stream.once("drain", () => {
          if (this.#stream !== stream) return;
          this.#waitingForDrain = false;
          this.#flush();
        });
        return;
      }
    }
  }

  #open(): grpc.ClientWritableStream<Buffer> {
    const method = gossipServiceDefinition()["Stream"]!;
    const stream: grpc.ClientWritableStream<Buffer> = this.#client.makeClientStreamRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      new grpc.Metadata(),
      {},
      (error: grpc.ServiceError | null) => {
        // The stream ended: closed by us, refused by the peer, or the connection failed.
        if (this.#stream === stream) {
          this.#stream = null;
          this.#waitingForDrain = false;
        }
        if (this.#closed || error === null) return;
        this.#ctx.stats.sendFailures++;
        if (error.code === grpc.status.UNIMPLEMENTED) this.#unaryOnly = true;
        if (this.#queuedCount() > 0) this.#scheduleFlush();
      },
    );
    this.#stream = stream;
    return stream;
  }

  /** unaryOnly: one Deliver call with the next batch; the one after it when it ends. */
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
