// What a member piggybacks on the messages it sends: the corrections the recipient needs first
// (our own record if it accused us after our refutation, what we believe about it if we hold it
// suspect or dead, so it can refute at once), then queued news, least-sent first, up to a
// retransmit limit ∝ log N — all within messageBytesMax and piggybackedUpdatesMax.
import { BroadcastQueue } from "./broadcast-queue.ts";
import type { ClusterState } from "./cluster-state.ts";
import { type GossipConfig, retransmitLimit } from "./config.ts";
import type { MemberRecord } from "./member-record.ts";
import { messageBytes, type PiggybackMessage, type Update, updateBytes, updateKey } from "./message.ts";

export class Piggyback {
  readonly #config: GossipConfig;
  readonly #state: ClusterState;
  readonly #broadcasts: BroadcastQueue<Update>;
  /** Members that accused us after we had refuted; our next message to each carries our record. */
  readonly #staleAccusers = new Set<string>();

  constructor(config: GossipConfig, state: ClusterState) {
    this.#config = config;
    this.#state = state;
    this.#broadcasts = new BroadcastQueue(config.broadcastsMax);
  }

  /** News waiting to be sent. */
  get queued(): number {
    return this.#broadcasts.size;
  }

  enqueue(update: Update): void {
    this.#broadcasts.enqueue(updateKey(update), update, updateBytes(update));
  }

  /**
   * `via` accused us after we had refuted (it missed the refutation, which gossip sends only a
   * bounded number of times): our next message to it carries our record. Bounded by membersMax.
   */
  noteStaleAccuser(via: string): void {
    if (this.#staleAccusers.size < this.#config.membersMax) this.#staleAccusers.add(via);
  }

  /** `message` with its updates filled: corrections for its recipient first, then news. */
  fill<M extends PiggybackMessage>(message: M, own: MemberRecord): M {
    let bytesLeft = this.#config.messageBytesMax - messageBytes({ ...message, updates: [] });
    let countLeft = this.#config.piggybackedUpdatesMax;
    const updates: Update[] = [];
    for (const update of this.#correctionsFor(message.to, own)) {
      const bytes = updateBytes(update);
      if (bytes > bytesLeft || countLeft === 0) continue;
      updates.push(update);
      bytesLeft -= bytes + 1; // the comma before whatever follows
      countLeft--;
    }
    const taken = this.#broadcasts.take({
      countMax: countLeft,
      bytesMax: bytesLeft,
      separatorBytes: 1,
      transmitLimit: retransmitLimit(this.#config, this.#state.liveCount),
    });
    updates.push(...taken);
    return { ...message, updates };
  }

  /** Records `to` holds stale versions of, as far as we know: first in anything we send it. */
  #correctionsFor(to: string, own: MemberRecord): Update[] {
    const corrections: Update[] = [];
    if (this.#staleAccusers.delete(to)) {
      corrections.push({ kind: "member", record: own, from: own.id });
    }
    const about = this.#state.member(to);
    if (about !== undefined && (about.state === "suspect" || about.state === "dead")) {
      corrections.push({ kind: "member", record: about, from: own.id });
    }
    return corrections;
  }
}

/** The fields every piggybacking message shares, with no updates yet. */
export function envelope<T extends PiggybackMessage["type"]>(
  from: string,
  to: string,
  type: T,
): { type: T; from: string; to: string; updates: readonly Update[] } {
  return { type, from, to, updates: [] };
}
