// The suspicions one member holds, by suspect: started when a member turns suspect, confirmed
// by others' independent suspicions at the same incarnation, dropped when the suspect's state
// changes, and expired (the suspect declared dead by the caller) when their timeout runs out.
import {
  type GossipConfig,
  suspicionConfirmationsExpected,
  suspicionMaxTicks,
  suspicionMinTicks,
} from "./config.ts";
import type { MemberRecord } from "./member-record.ts";
import { Suspicion } from "./suspicion.ts";

export class Suspicions {
  readonly #config: GossipConfig;
  readonly #bySuspect = new Map<string, Suspicion>();

  constructor(config: GossipConfig) {
    this.#config = config;
  }

  get size(): number {
    return this.#bySuspect.size;
  }

  /** `record` turned suspect (by `suspectedBy`) at tick `now`, with `liveCount` live members. */
  start(record: MemberRecord, suspectedBy: string, now: number, liveCount: number): void {
    const suspicion = new Suspicion({
      incarnation: record.incarnation,
      startTick: now,
      minTicks: suspicionMinTicks(this.#config, liveCount),
      maxTicks: suspicionMaxTicks(this.#config, liveCount),
      confirmationsExpected: suspicionConfirmationsExpected(this.#config, liveCount),
      suspectedBy,
    });
    this.#bySuspect.set(record.id, suspicion);
  }

  /** `from` suspects `record` too, at the incarnation held: true if that confirmation is new. */
  confirm(record: MemberRecord, from: string): boolean {
    const suspicion = this.#bySuspect.get(record.id);
    return suspicion?.incarnation === record.incarnation && suspicion.confirm(from);
  }

  delete(suspect: string): void {
    this.#bySuspect.delete(suspect);
  }

  /** The suspicions whose timeout ran out by `now`, removed, in the order they started. */
  expire(now: number): { readonly suspect: string; readonly incarnation: number }[] {
    const expired: { suspect: string; incarnation: number }[] = [];
    for (const [suspect, suspicion] of this.#bySuspect) {
      if (!suspicion.expired(now)) continue;
      this.#bySuspect.delete(suspect);
      expired.push({ suspect, incarnation: suspicion.incarnation });
    }
    return expired;
  }
}
