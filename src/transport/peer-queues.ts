// A transport's outgoing side before the wire: one bounded Outbox per destination node, filled
// by send() and emptied by the transport's flush. Shared by both transports so that batching
// and overflow behave the same in tests, in the simulator and on sockets.
import { MessageType } from "../raft/types.ts";
import { Outbox, type OutboxLimits } from "./outbox.ts";
import type { GroupMessage, SnapshotReporter, TransportStats } from "./transport.ts";

export class PeerQueues {
  readonly #limits: OutboxLimits;
  readonly #onOverflow: (dropped: number) => void;
  /** Insertion-ordered, so a flush visits peers in a deterministic order. */
  readonly #outboxes = new Map<string, Outbox>();
  #pending = 0;

  constructor(limits: OutboxLimits, onOverflow: (dropped: number) => void) {
    this.#limits = limits;
    this.#onOverflow = onOverflow;
  }

  /** Messages queued for all peers. */
  get pendingMessages(): number {
    return this.#pending;
  }

  push(messages: readonly GroupMessage[]): void {
    let dropped = 0;
    for (const gm of messages) {
      const peer = gm.message.to;
      let outbox = this.#outboxes.get(peer);
      if (outbox === undefined) {
        outbox = new Outbox(this.#limits);
        this.#outboxes.set(peer, outbox);
      }
      const before = outbox.length;
      dropped += outbox.push(gm);
      this.#pending += outbox.length - before;
    }
    if (dropped > 0) this.#onOverflow(dropped);
  }

  /** Messages queued per peer (for metrics). */
  lengths(): [peer: string, messages: number][] {
    return [...this.#outboxes].map(([peer, outbox]) => [peer, outbox.length]);
  }

  /** Peers with queued messages, in the order they were first sent to. */
  peers(): string[] {
    const peers: string[] = [];
    for (const [peer, outbox] of this.#outboxes) if (outbox.length > 0) peers.push(peer);
    return peers;
  }

  /** Everything queued for `peer`, oldest first; its queue is left empty. */
  take(peer: string): GroupMessage[] {
    const outbox = this.#outboxes.get(peer);
    if (outbox === undefined) return [];
    this.#pending -= outbox.length;
    return outbox.drain();
  }

  /** Take what is queued for `peer` and forget its queue (the peer left the address book). */
  remove(peer: string): GroupMessage[] {
    const messages = this.take(peer);
    this.#outboxes.delete(peer);
    return messages;
  }

  /** Take everything, peer by peer (on close). */
  clear(): GroupMessage[] {
    const all: GroupMessage[] = [];
    for (const peer of [...this.#outboxes.keys()]) all.push(...this.remove(peer));
    return all;
  }
}

/**
 * Count `messages` as dropped for want of a reachable peer, and report the snapshots among
 * them as failed (the leader waits for that report before trying again).
 */
export function dropUnreachable(
  messages: readonly GroupMessage[],
  stats: TransportStats,
  reporter: SnapshotReporter,
): void {
  stats.droppedUnreachable += messages.length;
  for (const gm of messages) {
    if (gm.message.type !== MessageType.Snap) continue;
    stats.snapshotsFailed++;
    reporter.onSnapshotFailed?.(gm.group, gm.message.to);
  }
}
