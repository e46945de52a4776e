// ReadIndex (Raft thesis §6.4): a leader serves a linearizable read at its commit index once a
// quorum has confirmed, after the read arrived, that it is still the leader. Reads that arrive
// while a confirmation round is in flight wait and share the next round, so a burst of reads
// costs one heartbeat round, not one each.
import type { NodeId } from "./types.ts";

export interface ReadRequest {
  /** Who asked: the leader itself, or a follower that forwarded the read. */
  readonly from: NodeId;
  readonly context: string;
}

interface Round {
  readonly id: number;
  /** The commit index when the round started; every read in it is served at this index. */
  readonly index: number;
  readonly requests: readonly ReadRequest[];
  readonly acks: Set<NodeId>;
}

export interface ReleasedRead extends ReadRequest {
  readonly index: number;
}

export class ReadOnly {
  #waiting: ReadRequest[] = [];
  #rounds: Round[] = [];
  #nextRoundId = 1;

  add(request: ReadRequest): void {
    this.#waiting.push(request);
  }

  hasWaiting(): boolean {
    return this.#waiting.length > 0;
  }

  roundInFlight(): boolean {
    return this.#rounds.length > 0;
  }

  /** Move the waiting reads into a new round at `commitIndex`; returns its id (the heartbeat context). */
  startRound(commitIndex: number, self: NodeId): string {
    const round: Round = {
      id: this.#nextRoundId++,
      index: commitIndex,
      requests: this.#waiting,
      acks: new Set([self]),
    };
    this.#waiting = [];
    this.#rounds.push(round);
    return String(round.id);
  }

  /** The newest unconfirmed round's id, to repeat on heartbeats in case its acks were lost. */
  latestRound(): string {
    const last = this.#rounds[this.#rounds.length - 1];
    return last ? String(last.id) : "";
  }

  /**
   * A heartbeat response for round `context` from `from`. Answering a later round also vouches
   * for every earlier one (it confirms leadership at an even later moment). Returns the reads
   * released by the highest round that reached a quorum, in arrival order.
   */
  ack(context: string, from: NodeId, hasQuorum: (acks: ReadonlySet<NodeId>) => boolean): ReleasedRead[] {
    const id = Number(context);
    if (!Number.isSafeInteger(id)) return [];
    let confirmed = -1;
    for (let i = 0; i < this.#rounds.length; i++) {
      const round = this.#rounds[i]!;
      if (round.id > id) break;
      round.acks.add(from);
      if (hasQuorum(round.acks)) confirmed = i;
    }
    if (confirmed < 0) return [];
    const released = this.#rounds.slice(0, confirmed + 1);
    this.#rounds = this.#rounds.slice(confirmed + 1);
    return released.flatMap((r) => r.requests.map((q) => ({ ...q, index: r.index })));
  }

  /** Leadership lost: every read in flight is abandoned (clients retry elsewhere). */
  reset(): void {
    this.#waiting = [];
    this.#rounds = [];
  }
}
