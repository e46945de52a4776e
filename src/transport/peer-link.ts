// The connection from this node to one peer: a lazily opened Send stream that carries every
// batch for that peer, and the InstallSnapshot calls of snapshots sent to it.
//
//            first flush with messages
//   idle ───────────────────────────────▶ connecting ──(server headers)──▶ open
//    ▲                                        │ fails / connectTimeoutMs       │ fails / ends
//    │ backoff delay over                     ▼                                │
//    └─────────────────────────────────── backoff ◀────────────────────────────┘
//
// Messages wait in the transport's bounded queue while the link connects or the stream's
// buffer drains, and are dropped while it backs off — so a dead peer costs bounded memory and
// no blocking. Reconnecting is lazy: after the backoff the link idles until there is something
// to send (Raft's heartbeats make that soon).
import * as grpc from "@grpc/grpc-js";
import { invariant } from "../invariant.ts";
import { MessageType } from "../raft/types.ts";
import { Backoff } from "./backoff.ts";
import { encodeBatch, type MessageBatchWire } from "./codec.ts";
import type { TransportConfig } from "./config.ts";
import { raftServiceDefinition } from "./service.ts";
import { sendSnapshot } from "./snapshot-sender.ts";
import type { GroupMessage, SnapshotReporter, TransportStats } from "./transport.ts";

export type LinkState = "idle" | "connecting" | "open" | "backoff";

/** What a flush may do with a peer's queue: write it, keep it, or drop it. */
export type Readiness = "ready" | "wait" | "down";

/** What a link shares with its transport. */
export interface LinkContext {
  readonly localId: string;
  readonly config: TransportConfig;
  readonly stats: TransportStats;
  readonly reporter: SnapshotReporter;
  readonly random: () => number;
  /** How links dial their peers: TLS with this node's peer certificate, or plaintext. */
  readonly credentials: grpc.ChannelCredentials;
  /** The link's readiness changed: flush soon. */
  requestFlush(): void;
}

/**
 * Channel options of a peer connection: message limits matching the server's, HTTP/2
 * keepalive so a dead peer is noticed even on a quiet stream, grpc-js's own reconnect backoff
 * aligned with ours, and no grpc-js retries (they would buffer a copy of the stream's messages;
 * Raft does its own retrying).
 */
export function raftChannelOptions(config: TransportConfig): grpc.ChannelOptions {
  return {
    "grpc.max_send_message_length": config.maxMessageBytes,
    "grpc.max_receive_message_length": config.maxMessageBytes,
    "grpc.keepalive_time_ms": config.keepaliveTimeMs,
    "grpc.keepalive_timeout_ms": config.keepaliveTimeoutMs,
    "grpc.keepalive_permit_without_calls": 1,
    "grpc.initial_reconnect_backoff_ms": config.backoffBaseMs,
    "grpc.max_reconnect_backoff_ms": config.backoffMaxMs,
    "grpc.enable_retries": 0,
    // One connection per link, not shared through grpc-js's process-wide pool: closing a link
    // (peer removed or moved) then really closes its connection.
    "grpc.use_local_subchannel_pool": 1,
  };
}

export class PeerLink {
  readonly peer: string;
  readonly addr: string;
  readonly #ctx: LinkContext;
  readonly #backoff: Backoff;
  #state: LinkState = "idle";
  #client: grpc.Client | null = null;
  #call: grpc.ClientWritableStream<MessageBatchWire> | null = null;
  /** Identifies the current stream, so events of a stream already given up are ignored. */
  #generation = 0;
  /** The stream's buffer is full: wait for 'drain' before writing the next batch. */
  #draining = false;
  /** The connect timeout while connecting, the backoff delay while backing off. */
  #timer: NodeJS.Timeout | null = null;
  readonly #snapshots = new Set<AbortController>();
  #closed = false;

  constructor(peer: string, addr: string, ctx: LinkContext) {
    this.peer = peer;
    this.addr = addr;
    this.#ctx = ctx;
    this.#backoff = new Backoff({
      baseMs: ctx.config.backoffBaseMs,
      maxMs: ctx.config.backoffMaxMs,
      random: ctx.random,
    });
  }

  get state(): LinkState {
    return this.#state;
  }

  /** Whether a flush may write to the peer now. An idle link starts connecting. */
  readiness(): Readiness {
    switch (this.#state) {
      case "idle":
        this.#connect();
        return "wait";
      case "connecting":
        return "wait";
      case "open":
        return this.#draining ? "wait" : "ready";
      case "backoff":
        return "down";
    }
  }

  /** Send one flush's messages (only when readiness() is "ready"): one batch, plus snapshots. */
  write(messages: readonly GroupMessage[]): void {
    const batch: GroupMessage[] = [];
    for (const gm of messages) {
      if (gm.message.type === MessageType.Snap) this.#sendSnapshot(gm);
      else batch.push(gm);
    }
    if (batch.length === 0) return;
    const call = this.#call;
    invariant(
      this.#state === "open" && call !== null,
      () => `write to the link to ${this.peer} while ${this.#state}`,
    );
    this.#ctx.stats.batchesSent++;
    this.#ctx.stats.messagesSent += batch.length;
    if (!call.write(encodeBatch(this.#ctx.localId, batch))) this.#draining = true;
  }

  /** Give up the link: cancel its stream and snapshot calls and close its connection. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearTimer();
    this.#call?.cancel();
    this.#call = null;
    for (const abort of this.#snapshots) abort.abort();
    this.#client?.close();
  }

  #connect(): void {
    this.#state = "connecting";
    const generation = ++this.#generation;
    this.#client ??= new grpc.Client(this.addr, this.#ctx.credentials, raftChannelOptions(this.#ctx.config));
    const method = raftServiceDefinition()["Send"]!;
    const call: grpc.ClientWritableStream<MessageBatchWire> = this.#client.makeClientStreamRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      new grpc.Metadata(),
      {},
      () => this.#onStreamEnd(generation),
    );
    this.#call = call;
    call.on("metadata", () => this.#onStreamOpen(generation));
    call.on("drain", () => {
      if (generation !== this.#generation || !this.#draining) return;
      this.#draining = false;
      this.#ctx.requestFlush();
    });
    this.#timer = setTimeout(() => {
      if (generation === this.#generation && this.#state === "connecting") call.cancel();
    }, this.#ctx.config.connectTimeoutMs);
    this.#timer.unref();
  }

  #onStreamOpen(generation: number): void {
    if (generation !== this.#generation || this.#closed || this.#state !== "connecting") return;
    this.#clearTimer();
    this.#state = "open";
    this.#backoff.reset();
    this.#ctx.requestFlush();
  }

  /** The stream ended (any status: even a clean end means the peer stopped listening). */
  #onStreamEnd(generation: number): void {
    if (generation !== this.#generation || this.#closed) return;
    this.#clearTimer();
    this.#call = null;
    this.#draining = false;
    this.#state = "backoff";
    this.#ctx.stats.connectFailures++;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#state = "idle";
      this.#ctx.requestFlush();
    }, this.#backoff.nextDelayMs());
    this.#timer.unref();
    // Whatever waits in the queue is now dropped by the next flush.
    this.#ctx.requestFlush();
  }

  #sendSnapshot(gm: GroupMessage): void {
    const { stats, reporter, config } = this.#ctx;
    const { group } = gm;
    const to = gm.message.to;
    if (this.#snapshots.size >= config.maxSnapshotsInFlight || this.#client === null) {
      stats.snapshotsFailed++;
      reporter.onSnapshotFailed?.(group, to);
      return;
    }
    const abort = new AbortController();
    this.#snapshots.add(abort);
    sendSnapshot(this.#client, gm, config, stats, abort.signal).then(
      () => {
        this.#snapshots.delete(abort);
        stats.snapshotsSent++;
        reporter.onSnapshotSent?.(group, to);
      },
      () => {
        this.#snapshots.delete(abort);
        stats.snapshotsFailed++;
        reporter.onSnapshotFailed?.(group, to);
      },
    );
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
