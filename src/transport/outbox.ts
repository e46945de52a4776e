// The bounded queue of messages waiting for one peer. Both transports keep one per peer and
// empty it into one batch per flush. Bounded in messages and in bytes: when full, the oldest
// non-snapshot message goes first, because for Raft a newer message (a later commit index, a
// newer heartbeat, a fresher append) makes an older one of the same kind redundant, and a
// dropped append is resent. Snap messages are never dropped here: a leader sends one and then
// waits for its outcome, so losing it silently would stall the follower.
import { MessageType } from "../raft/types.ts";
import { wireSizeBytes } from "./codec.ts";
import type { GroupMessage } from "./transport.ts";

export interface OutboxLimits {
  readonly maxMessages: number;
  /** Measured with wireSizeBytes (snapshot data excluded). */
  readonly maxBytes: number;
}

export class Outbox {
  readonly #limits: OutboxLimits;
  #messages: GroupMessage[] = [];
  #sizes: number[] = [];
  #bytes = 0;

  constructor(limits: OutboxLimits) {
    this.#limits = limits;
  }

  get length(): number {
    return this.#messages.length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Append `gm`, then drop the oldest non-snapshot messages while over a limit. Returns how
   * many were dropped. A message larger than maxBytes on its own is dropped at once, without
   * evicting others for nothing. Only queued snapshots can keep the queue over its limits.
   */
  push(gm: GroupMessage): number {
    const size = wireSizeBytes(gm);
    if (size > this.#limits.maxBytes && gm.message.type !== MessageType.Snap) return 1;
    this.#messages.push(gm);
    this.#sizes.push(size);
    this.#bytes += size;
    let dropped = 0;
    while (this.#messages.length > this.#limits.maxMessages || this.#bytes > this.#limits.maxBytes) {
      if (!this.#dropOldest()) break;
      dropped++;
    }
    return dropped;
  }

  /** Everything queued, oldest first; the queue is left empty. */
  drain(): GroupMessage[] {
    const messages = this.#messages;
    this.#messages = [];
    this.#sizes = [];
    this.#bytes = 0;
    return messages;
  }

  #dropOldest(): boolean {
    // Almost always the head; snapshots ahead of it are rare and few.
    const i = this.#messages.findIndex((gm) => gm.message.type !== MessageType.Snap);
    if (i < 0) return false;
    this.#messages.splice(i, 1);
    this.#bytes -= this.#sizes.splice(i, 1)[0]!;
    return true;
  }
}
