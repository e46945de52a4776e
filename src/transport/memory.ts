// The in-memory twin of GrpcTransport (model: hashicorp/raft inmem_transport.go): transports of
// one process joined by a MemoryNetwork, with the same per-peer queues, batching and overflow
// as on sockets, plus the faults a test needs — links cut both ways or one way, isolated nodes
// and a per-message drop hook.
//
// Two ways to run it:
//  - autoFlush (default): each transport flushes on the next turn of the event loop (the gRPC
//    transport flushes a little sooner, in a microtask); tests await the handlers.
//  - manual (autoFlush: false): nothing moves until network.flush() or settle(), which visit
//    transports in creation order and peers in first-use order: the same calls give the same
//    deliveries, for the deterministic simulator.
//
// Snapshots travel whole inside the batch (no chunks) but obey the receiver's maxSnapshotBytes,
// and their outcome is reported through the same SnapshotReporter callbacks as on gRPC, during
// the flush that delivers or drops them.
import { MessageType } from "../raft/types.ts";
import { resolveTransportConfig, type TransportConfig } from "./config.ts";
import { dropUnreachable, PeerQueues } from "./peer-queues.ts";
import {
  emptyTransportStats,
  type GroupMessage,
  type SnapshotReporter,
  type Transport,
  type TransportStats,
} from "./transport.ts";

/** Return true to drop the message. Called for every message that crosses an intact link. */
export type DropFilter = (from: string, to: string, gm: GroupMessage) => boolean;

export interface MemoryNetworkOptions {
  /** Flush on the next turn of the event loop (default true); false: only flush()/settle() move messages. */
  readonly autoFlush?: boolean;
}

export interface MemoryTransportOptions extends SnapshotReporter {
  /** Where peers reach this node (their setPeer address); defaults to the node id. */
  readonly addr?: string;
  readonly config?: Partial<TransportConfig>;
}

/** What a MemoryTransport shows the network: capabilities, so its state stays private. */
interface Endpoint {
  readonly id: string;
  readonly addr: string;
  /** Empty every queue now; the returned function delivers what was taken and counts batches. */
  take(): () => number;
  /** Whether this transport takes `gm` (a snapshot within its maxSnapshotBytes); counts refusals. */
  admits(gm: GroupMessage): boolean;
  /** A batch arriving from another transport. */
  receive(messages: readonly GroupMessage[]): void;
  pendingMessages(): number;
}

/** What the network offers a transport. */
interface Fabric {
  readonly autoFlush: boolean;
  attach(endpoint: Endpoint): void;
  detach(endpoint: Endpoint): void;
  /** The open endpoint listening at `addr`, if any. */
  resolve(addr: string): Endpoint | undefined;
  /** Whether `gm` from node `from` reaches node `to` (cuts, isolation, drop filter). */
  passes(from: string, to: string, gm: GroupMessage): boolean;
}

export class MemoryNetwork {
  readonly #endpoints: Endpoint[] = [];
  readonly #byAddr = new Map<string, Endpoint>();
  /** One-way cuts, keyed by `linkKey(from, to)`. */
  readonly #cuts = new Set<string>();
  readonly #isolated = new Set<string>();
  #dropFilter: DropFilter | null = null;
  readonly #fabric: Fabric;

  constructor(options: MemoryNetworkOptions = {}) {
    this.#fabric = {
      autoFlush: options.autoFlush ?? true,
      attach: (endpoint) => {
        if (this.#byAddr.has(endpoint.addr)) throw new Error(`address ${endpoint.addr} is in use`);
        this.#byAddr.set(endpoint.addr, endpoint);
        this.#endpoints.push(endpoint);
      },
      detach: (endpoint) => {
        if (this.#byAddr.get(endpoint.addr) === endpoint) this.#byAddr.delete(endpoint.addr);
        const i = this.#endpoints.indexOf(endpoint);
        if (i >= 0) this.#endpoints.splice(i, 1);
      },
      resolve: (addr) => this.#byAddr.get(addr),
      passes: (from, to, gm) =>
        !this.#isolated.has(from) &&
        !this.#isolated.has(to) &&
        !this.#cuts.has(linkKey(from, to)) &&
        !(this.#dropFilter?.(from, to, gm) ?? false),
    };
  }

  /** A transport for node `id`, reachable at `options.addr` (default: the id) until closed. */
  transport(id: string, options: MemoryTransportOptions = {}): MemoryTransport {
    return new MemoryTransport(this.#fabric, id, options);
  }

  /** Cut both directions between nodes `a` and `b`. */
  disconnect(a: string, b: string): void {
    this.cut(a, b);
    this.cut(b, a);
  }

  /** Restore both directions between `a` and `b` (isolation is lifted separately). */
  connect(a: string, b: string): void {
    this.mend(a, b);
    this.mend(b, a);
  }

  /** One-way partition: messages from `from` to `to` are dropped; the other way still works. */
  cut(from: string, to: string): void {
    this.#cuts.add(linkKey(from, to));
  }

  mend(from: string, to: string): void {
    this.#cuts.delete(linkKey(from, to));
  }

  /** Cut `id` off from every node, including nodes created later. */
  isolate(id: string): void {
    this.#isolated.add(id);
  }

  /** Remove every cut, every isolation and the drop filter. */
  heal(): void {
    this.#cuts.clear();
    this.#isolated.clear();
    this.#dropFilter = null;
  }

  setDropFilter(filter: DropFilter | null): void {
    this.#dropFilter = filter;
  }

  /** Messages queued in all transports, not yet flushed. */
  get pendingMessages(): number {
    return this.#endpoints.reduce((sum, e) => sum + e.pendingMessages(), 0);
  }

  /**
   * One round: empty every transport's queues, then deliver what was taken. Messages sent by
   * handlers during the round wait for the next one. Returns the batches delivered.
   */
  flush(): number {
    const deliveries = [...this.#endpoints].map((e) => e.take());
    let batches = 0;
    for (const deliver of deliveries) batches += deliver();
    return batches;
  }

  /** Flush rounds until nothing is queued; returns the rounds run. */
  settle(maxRounds = 10_000): number {
    let rounds = 0;
    while (this.pendingMessages > 0) {
      if (rounds === maxRounds) throw new Error(`network did not settle within ${maxRounds} rounds`);
      this.flush();
      rounds++;
    }
    return rounds;
  }
}

export class MemoryTransport implements Transport {
  readonly id: string;
  readonly #fabric: Fabric;
  readonly #endpoint: Endpoint;
  readonly #reporter: SnapshotReporter;
  readonly #queues: PeerQueues;
  readonly #peers = new Map<string, string>();
  readonly #stats = emptyTransportStats();
  #handler: ((messages: readonly GroupMessage[]) => void) | null = null;
  #flushScheduled = false;
  #closed = false;

  /** Use MemoryNetwork.transport(). */
  constructor(fabric: Fabric, id: string, options: MemoryTransportOptions) {
    const config = resolveTransportConfig(options.config);
    this.id = id;
    this.#fabric = fabric;
    this.#reporter = options;
    this.#queues = new PeerQueues(
      { maxMessages: config.maxQueueMessages, maxBytes: config.maxQueueBytes },
      (dropped) => {
        this.#stats.droppedOverflow += dropped;
      },
    );
    this.#endpoint = {
      id,
      addr: options.addr ?? id,
      take: () => this.#take(),
      admits: (gm) => this.#admits(gm, config.maxSnapshotBytes),
      receive: (messages) => this.#receive(messages),
      pendingMessages: () => this.#queues.pendingMessages,
    };
    fabric.attach(this.#endpoint);
  }

  send(messages: readonly GroupMessage[]): void {
    if (this.#closed) {
      this.#stats.droppedUnreachable += messages.length;
      return;
    }
    this.#queues.push(messages);
    if (this.#fabric.autoFlush && !this.#flushScheduled && this.#queues.pendingMessages > 0) {
      this.#flushScheduled = true;
      setImmediate(() => {
        this.#flushScheduled = false;
        this.#take()();
      });
    }
  }

  setPeer(id: string, addr: string): void {
    this.#peers.set(id, addr);
  }

  removePeer(id: string): void {
    this.#peers.delete(id);
  }

  onReceive(handler: (messages: readonly GroupMessage[]) => void): void {
    this.#handler = handler;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#fabric.detach(this.#endpoint);
    this.#drop(this.#queues.clear());
  }

  stats(): TransportStats {
    return { ...this.#stats };
  }

  #take(): () => number {
    const taken = this.#queues.peers().map((peer) => [peer, this.#queues.take(peer)] as const);
    return () => {
      let batches = 0;
      for (const [peer, messages] of taken) if (this.#deliver(peer, messages)) batches++;
      return batches;
    };
  }

  /** Hand one peer's batch to the transport at its address; true if anything arrived. */
  #deliver(peer: string, messages: readonly GroupMessage[]): boolean {
    const addr = this.#peers.get(peer);
    const target = addr === undefined || this.#closed ? undefined : this.#fabric.resolve(addr);
    if (target === undefined) {
      this.#drop(messages);
      return false;
    }
    const passed: GroupMessage[] = [];
    for (const gm of messages) {
      if (!this.#fabric.passes(this.id, target.id, gm)) this.#drop([gm]);
      else if (target.admits(gm)) passed.push(gm);
      else {
        this.#stats.snapshotsFailed++;
        this.#reporter.onSnapshotFailed?.(gm.group, gm.message.to);
      }
    }
    if (passed.length === 0) return false;
    this.#stats.batchesSent++;
    target.receive(passed);
    for (const gm of passed) {
      if (gm.message.type !== MessageType.Snap) {
        this.#stats.messagesSent++;
        continue;
      }
      this.#stats.snapshotsSent++;
      this.#reporter.onSnapshotSent?.(gm.group, gm.message.to);
    }
    return true;
  }

  #drop(messages: readonly GroupMessage[]): void {
    dropUnreachable(messages, this.#stats, this.#reporter);
  }

  #admits(gm: GroupMessage, maxSnapshotBytes: number): boolean {
    const snapshot = gm.message.snapshot;
    if (snapshot === null || snapshot.data.byteLength <= maxSnapshotBytes) return true;
    this.#stats.rejectedInputs++;
    return false;
  }

  #receive(messages: readonly GroupMessage[]): void {
    // Addressed to whoever the sender thought lived here: a stale address book.
    const mine = messages.filter((gm) => gm.message.to === this.id);
    this.#stats.droppedMisaddressed += messages.length - mine.length;
    if (mine.length === 0) return;
    this.#stats.batchesReceived++;
    this.#stats.messagesReceived += mine.length;
    for (const gm of mine) if (gm.message.type === MessageType.Snap) this.#stats.snapshotsReceived++;
    this.#handler?.(mine);
  }
}

function linkKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
