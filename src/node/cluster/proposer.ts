// Proposing on a replica led here, with the node's back-pressure: at most maxPendingProposals
// writes in flight, membership changes one at a time (retried while another is applied), and the
// node's data quota checked before a put grows the state.
import { RingkvError } from "../../api/errors.ts";
import { ConfChangeType } from "../../raft/index.ts";
import type { NodeSettings } from "../config.ts";
import { type Clock, sleep } from "../host/clock.ts";
import { withDeadline } from "../host/deadline.ts";
import type { MultiRaftHost } from "../host/host.ts";
import type { Replica } from "../host/replica.ts";
import type { Command } from "../kv/command.ts";
import type { ApplyResult } from "../kv/state-machine.ts";
import type { MemberChange } from "../placement/rebalancer.ts";

export class Proposer {
  readonly #host: MultiRaftHost;
  readonly #settings: NodeSettings;
  readonly #clock: Clock;
  /** Proposals not yet applied. Invariant: 0 <= #pending <= settings.maxPendingProposals. */
  #pending = 0;

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
   * One configuration change of several members; until the core takes joint changes they go
   * one at a time, voters added before any is removed.
   */
  async changeMembers(replica: Replica, changes: readonly MemberChange[]): Promise<void> {
    const order = (c: MemberChange) => (c.type === ConfChangeType.RemoveNode ? 1 : 0);
    for (const change of [...changes].sort((a, b) => order(a) - order(b))) {
      // A demotion (AddLearner on a voter) needs a joint change: until then, remove and re-add.
      if (change.type === ConfChangeType.AddLearner && replica.raw.confState().voters.includes(change.nodeId))
        await this.#changeOne(replica, ConfChangeType.RemoveNode, change.nodeId);
      await this.#changeOne(replica, change.type, change.nodeId);
    }
  }

  async #changeOne(replica: Replica, type: ConfChangeType, nodeId: string): Promise<void> {
    // One membership change at a time: wait out one that is still being applied.
    for (let attempt = 0; ; attempt++) {
      try {
        const applied = replica.proposeConfChange({ type, nodeId });
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
