// Proposing on a replica led here, with the node's back-pressure: at most maxPendingProposals
// writes in flight, membership changes one at a time (each of any number of members, atomic
// through joint consensus; retried while another is applied), and the node's data quota checked
// before a put grows the state.
import { RingkvError } from "../../api/errors.ts";
import { type ConfChangeSingle, ConfChangeTransition, type ConfChangeType } from "../../raft/index.ts";
import type { NodeSettings } from "../config.ts";
import { type Clock, sleep } from "../host/clock.ts";
import { withDeadline } from "../host/deadline.ts";
import type { MultiRaftHost } from "../host/host.ts";
import type { Replica } from "../host/replica.ts";
import type { Command } from "../kv/command.ts";
import type { ApplyResult } from "../kv/state-machine.ts";
import type { RevisionSource } from "./revision-source.ts";

export class Proposer {
  readonly #host: MultiRaftHost;
  readonly #settings: NodeSettings;
  readonly #clock: Clock;
  /** Proposals not yet applied. Invariant: 0 <= #pending <= settings.maxPendingProposals. */
  #pending = 0;
  /** Writes proposed again because the shard had applied a higher revision (for metrics). */
  #staleRevisionRetries = 0;

  constructor(host: MultiRaftHost, settings: NodeSettings, clock: Clock) {
    this.#host = host;
    this.#settings = settings;
    this.#clock = clock;
  }

  async propose(replica: Replica, command: Command): Promise<ApplyResult> {
    if (this.#pending >= this.#settings.maxPendingProposals) {
      throw new RingkvError("Unavailable", "too many writes in flight", {
        retryAfterMs: this.#settings.busyRetryAfterMs,
      });
    }
    this.#pending++;
    try {
      const result = replica.propose(command);
      this.#host.kick();
      return await result;
    } finally {
      this.#pending--;
    }
  }

  /**
   * Propose a shard write at a fresh cluster-wide revision: `command(revision)` with a revision
   * from `revisions`, asked just before proposing (so a write that began after another completed
   * gets a higher one). A write refused at apply because the shard already applied a higher
   * revision (staleRevision) is proposed again with one above that floor, at most
   * staleRevisionRetriesMax times; then Unavailable, which is true: it was never applied.
   * `first`: the revision of the first attempt, given by the caller (a range delete proposes
   * one revision to every shard it touches, range-ops.ts).
   */
  async proposeWrite(
    replica: Replica,
    command: (revision: number) => Command,
    revisions: RevisionSource,
    first?: number,
  ): Promise<ApplyResult> {
    let atLeast = 0;
    for (let attempt = 0; attempt <= this.#settings.staleRevisionRetriesMax; attempt++) {
      const revision = attempt === 0 && first !== undefined ? first : await revisions.next(atLeast);
      const result = await this.propose(replica, command(revision));
      if (result.kind !== "staleRevision") return result;
      this.#staleRevisionRetries++;
      atLeast = result.floor + 1;
    }
    throw new RingkvError(
      "Unavailable",
      `${replica.group}: the write met a higher revision at apply ${this.#settings.staleRevisionRetriesMax + 1} times; it was not applied`,
      { retryAfterMs: this.#settings.busyRetryAfterMs },
    );
  }

  /** Writes proposed again at a higher revision since the node started. */
  get staleRevisionRetries(): number {
    return this.#staleRevisionRetries;
  }

  /** Refuse a put of `key` → `value` on `replica` if it would take the node past its quota. */
  checkQuota(replica: Replica, key: Uint8Array, value: Uint8Array): void {
    const current = replica.sm.get(key);
    const growth =
      key.byteLength + value.byteLength - (current ? key.byteLength + current.value.byteLength : 0);
    let held = 0;
    for (const r of this.#host.replicas()) held += r.sm.sizeBytes;
    if (held + growth > this.#settings.dataQuotaBytes) {
      throw new RingkvError(
        "QuotaExceeded",
        `the node's data quota of ${this.#settings.dataQuotaBytes} bytes is full`,
      );
    }
  }

  /** One member's change (a simple configuration change). */
  changeConf(replica: Replica, type: ConfChangeType, nodeId: string): Promise<void> {
    return this.changeMembers(replica, [{ type, nodeId }]);
  }

  /**
   * One configuration change of any number of members, applied atomically: the core applies it
   * simply when it alters at most one voter and through a joint configuration otherwise (Auto),
   * and leaves the joint configuration on its own once it is applied. No changes: leave it now.
   * Resolves once the change is applied here; retried while another change is still pending
   * (the core refuses a second one with Unavailable).
   */
  async changeMembers(replica: Replica, changes: readonly ConfChangeSingle[]): Promise<void> {
    // One membership change at a time: wait out one that is still being applied.
    for (let attempt = 0; ; attempt++) {
      try {
        const applied = replica.proposeConfChange({ transition: ConfChangeTransition.Auto, changes });
        this.#host.kick();
        await withDeadline(applied, this.#settings.requestTimeoutMs, "membership change", this.#clock);
        return;
      } catch (e) {
        const busy = e instanceof RingkvError && e.code === "Unavailable";
        if (!busy || attempt > this.#settings.confChangeRetriesMax) throw e;
        await sleep(this.#clock, this.#settings.tickMs);
      }
    }
  }
}
