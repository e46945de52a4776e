// The peer transport over gRPC. Outgoing: send() fills one bounded queue per peer; a flush on
// the next turn of the event loop writes each peer's queue as one MessageBatch on that peer's
// long-lived Send stream (peer-link.ts), and each Snap message as its own chunked
// InstallSnapshot call. Incoming: registerRaftService (service.ts) validates what peers send
// and hands it to this transport's deliver(), which passes it to the host's handler.
//
// Use (the host):
//   const transport = new GrpcTransport({ nodeId: "n1", onSnapshotFailed, onSnapshotSent });
//   const server = new grpc.Server(raftServerOptions(transport.config));
//   registerRaftService(server, transport);          // beside the KV service, one port
//   transport.onReceive((messages) => …step each into its group…);
//   transport.setPeer("n2", "127.0.0.1:7002");
import * as grpc from "@grpc/grpc-js";
import { MessageType } from "../raft/types.ts";
import type { MessageBatch } from "./codec.ts";
import { resolveTransportConfig, type TransportConfig } from "./config.ts";
import type { TransportError } from "./errors.ts";
import { type LinkContext, type LinkState, PeerLink } from "./peer-link.ts";
import { dropUnreachable, PeerQueues } from "./peer-queues.ts";
import type { RaftInbound } from "./service.ts";
import {
  emptyTransportStats,
  type GroupMessage,
  type SnapshotReporter,
  type Transport,
  type TransportStats,
} from "./transport.ts";

export { raftChannelOptions } from "./peer-link.ts";
export { type RaftInbound, raftServerOptions, registerRaftService } from "./service.ts";

export interface GrpcTransportOptions extends SnapshotReporter {
  /** This node's id: the `from` of its batches and the `to` it accepts. */
  readonly nodeId: string;
  readonly config?: Partial<TransportConfig>;
  /** Backoff jitter source in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** How to dial peers; default plaintext (node.ts passes TLS credentials when configured). */
  readonly credentials?: grpc.ChannelCredentials;
}

export class GrpcTransport implements Transport, RaftInbound {
  readonly id: string;
  readonly config: TransportConfig;
  readonly #queues: PeerQueues;
  readonly #links = new Map<string, PeerLink>();
  readonly #stats = emptyTransportStats();
  readonly #context: LinkContext;
  #handler: ((messages: readonly GroupMessage[]) => void) | null = null;
  #flushScheduled = false;
  #closed = false;

  constructor(options: GrpcTransportOptions) {
    if (options.nodeId === "") throw new TypeError("a transport needs a node id");
    this.id = options.nodeId;
    this.config = resolveTransportConfig(options.config);
    this.#queues = new PeerQueues(
      { maxMessages: this.config.maxQueueMessages, maxBytes: this.config.maxQueueBytes },
      (dropped) => {
        this.#stats.droppedOverflow += dropped;
      },
    );
    // After close() the host is shutting down: no more snapshot reports reach it.
    const reporter: SnapshotReporter = {
      onSnapshotFailed: (group, to) => {
        if (!this.#closed) options.onSnapshotFailed?.(group, to);
      },
      onSnapshotSent: (group, to) => {
        if (!this.#closed) options.onSnapshotSent?.(group, to);
      },
    };
    this.#context = {
      localId: this.id,
      config: this.config,
      stats: this.#stats,
      reporter,
      random: options.random ?? Math.random,
      credentials: options.credentials ?? grpc.credentials.createInsecure(),
      requestFlush: () => this.#scheduleFlush(),
    };
  }

  get maxSnapshotBytes(): number {
    return this.config.maxSnapshotBytes;
  }

  send(messages: readonly GroupMessage[]): void {
    if (this.#closed) {
      this.#stats.droppedUnreachable += messages.length;
      return;
    }
    this.#queues.push(messages);
    this.#scheduleFlush();
  }

  setPeer(id: string, addr: string): void {
    if (this.#closed) return;
    const link = this.#links.get(id);
    if (link?.addr === addr) return;
    // A new address is a new connection; what the old one had in flight is lost (Raft resends).
    link?.close();
    this.#links.set(id, new PeerLink(id, addr, this.#context));
    this.#scheduleFlush();
  }

  reconnect(id: string): void {
    if (this.#closed) return;
    this.#links.get(id)?.reconnectNow();
  }

  removePeer(id: string): void {
    this.#links.get(id)?.close();
    this.#links.delete(id);
    dropUnreachable(this.#queues.remove(id), this.#stats, this.#context.reporter);
  }

  onReceive(handler: (messages: readonly GroupMessage[]) => void): void {
    this.#handler = handler;
  }

  /** Close every peer connection. The gRPC server belongs to the host, which shuts it down. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const link of this.#links.values()) link.close();
    this.#links.clear();
    this.#stats.droppedUnreachable += this.#queues.clear().length;
  }

  stats(): TransportStats {
    return { ...this.#stats };
  }

  /** Messages queued per peer, not yet written to its stream (for metrics). */
  queueLengths(): [peer: string, messages: number][] {
    return this.#queues.lengths();
  }

  /** The link state of each peer in the address book (for status pages and tests). */
  peerStates(): Map<string, LinkState> {
    return new Map([...this.#links].map(([id, link]) => [id, link.state]));
  }

  // ─── RaftInbound: called by the RaftTransport service ─────────────────────────────────────

  deliver(batch: MessageBatch): void {
    if (this.#closed) return;
    // Addressed to whoever the sender thought lived here: a stale address book.
    const mine = batch.messages.filter((gm) => gm.message.to === this.id);
    this.#stats.droppedMisaddressed += batch.messages.length - mine.length;
    if (mine.length === 0) return;
    this.#stats.batchesReceived++;
    this.#stats.messagesReceived += mine.length;
    for (const gm of mine) if (gm.message.type === MessageType.Snap) this.#stats.snapshotsReceived++;
    this.#handler?.(mine);
  }

  reject(_error: TransportError): void {
    this.#stats.rejectedInputs++;
  }

  // ─── flushing ─────────────────────────────────────────────────────────────────────────────

  /**
   * Flush once the caller's synchronous work is done (a microtask), not on the next turn of the
   * event loop. The host hands over a whole pass's messages in one send(), so waiting for the
   * turn batched nothing more; it only made a leader's appends wait behind every I/O callback of
   * the next poll phase (under load, hundreds of HTTP requests) while its own log write ran.
   */
  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#closed) return;
    this.#flushScheduled = true;
    queueMicrotask(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  /** One batch per ready peer; queues of connecting or draining peers wait, others drop. */
  #flush(): void {
    if (this.#closed) return;
    for (const peer of this.#queues.peers()) {
      const link = this.#links.get(peer);
      if (link === undefined) {
        dropUnreachable(this.#queues.remove(peer), this.#stats, this.#context.reporter);
        continue;
      }
      const readiness = link.readiness();
      if (readiness === "ready") link.write(this.#queues.take(peer));
      else if (readiness === "down")
        dropUnreachable(this.#queues.take(peer), this.#stats, this.#context.reporter);
    }
  }
}
