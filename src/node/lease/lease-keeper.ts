// The lease keeper: runs on the node that leads the meta group and decides when leases expire.
//
// Deadlines live only in memory, here. A lease first seen by this keeper (granted here, or found
// in the table on taking meta leadership, or applied later) gets deadline = now + TTL: never
// earlier than any deadline a previous leader could have held (that one was set at or before a
// keep-alive that completed before now), and later by at most the time it took to elect this
// leader and apply the table — the bound etcd documents. Losing meta leadership drops every
// deadline; the next leader starts again from the table.
//
// An expired (or revoked) lease is retired in three steps, each idempotent, so a new leader simply
// resumes every lease the table marks revoking:
//   1. revokeLease in meta   — from now on it is "revoking": keep-alives fail, no new keys take it;
//   2. revokeLeaseKeys on every shard (LeaseRetirement.revokeKeys): each deletes its keys and
//      remembers the lease as revoked, so a put with it racing the revoke is refused;
//   3. forgetLease in meta.
// A step that fails leaves the lease where it is; the next tick tries again.
//
//   live ──deadline passed / leaseRevoke──▶ revoking ──every shard done──▶ forgotten
import type { Logger } from "pino";
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type { LeaseRecord, LeaseTable } from "./lease-table.ts";

/** How the keeper changes the lease table and the shards (cluster code in production). */
export interface LeaseRetirement {
  /** Propose revokeLease{id} in meta and wait until it applied. */
  markRevoking(id: number): Promise<void>;
  /** Delete the lease's keys on every shard (revokeLeaseKeys); resolves when all are done. */
  revokeKeys(id: number): Promise<void>;
  /** Propose forgetLease{id} in meta and wait until it applied. */
  forget(id: number): Promise<void>;
}

export interface LeaseKeeperOptions {
  /** Milliseconds; only differences matter. */
  readonly now: () => number;
  /** The term in which this node leads the meta group, or null when it does not. */
  readonly leaderTerm: () => number | null;
  readonly table: LeaseTable;
  readonly retirement: LeaseRetirement;
  readonly logger: Pick<Logger, "warn" | "info">;
}

export class LeaseKeeper {
  readonly #options: LeaseKeeperOptions;
  /** The meta term the deadlines were set in; null while this node does not lead meta. */
  #term: number | null = null;
  /** Lease id → when it expires (ms, this process's clock). Only for live leases of #term. */
  readonly #deadlines = new Map<number, number>();
  /** Leases whose retirement is running now, with it (at most one run per lease). */
  readonly #retiring = new Map<number, Promise<void>>();

  constructor(options: LeaseKeeperOptions) {
    this.#options = options;
  }

  /** Whether this node's keeper is serving (leads meta and has taken over the deadlines). */
  get active(): boolean {
    return this.#term !== null;
  }

  /** Leases being retired right now (for tests and status). */
  get retiring(): number {
    return this.#retiring.size;
  }

  /** One round, on every host tick: follow leadership, set new deadlines, retire expired leases. */
  tick(): void {
    if (!this.#followLeadership()) return;
    const now = this.#options.now();
    const seen = new Set<number>();
    for (const lease of this.#options.table.leases()) {
      seen.add(lease.id);
      if (lease.revoking) {
        this.#deadlines.delete(lease.id);
        void this.#retire(lease.id, true);
        continue;
      }
      const deadline = this.#deadlineOf(lease, now);
      if (now >= deadline && !this.#retiring.has(lease.id)) {
        this.#options.logger.info(
          { lease: lease.id, ttlSeconds: lease.ttlSeconds, lateMs: now - deadline },
          "lease expired",
        );
        void this.#retire(lease.id, false);
      }
    }
    // Forgotten (or never applied) leases need no deadline.
    for (const id of this.#deadlines.keys()) if (!seen.has(id)) this.#deadlines.delete(id);
  }

  /**
   * A lease granted through this keeper: its deadline starts now. A keeper deposed meanwhile does
   * nothing (the grant is applied; the next leader's keeper gives it a full TTL on first sight).
   */
  granted(lease: LeaseRecord): void {
    if (!this.#followLeadership()) return;
    this.#deadlines.set(lease.id, this.#options.now() + lease.ttlSeconds * 1000);
  }

  /** Renew `id`: its deadline becomes now + TTL. LeaseNotFound when it is gone or being revoked. */
  keepAlive(id: number): LeaseRecord {
    this.#requireActive();
    const lease = this.#live(id);
    this.#deadlines.set(id, this.#options.now() + lease.ttlSeconds * 1000);
    return lease;
  }

  /** Seconds left before `id` expires (rounded up, as etcd), or -1 when it does not exist. */
  remainingSeconds(id: number): number {
    this.#requireActive();
    const lease = this.#options.table.lease(id);
    if (lease === undefined || lease.revoking) return -1;
    const now = this.#options.now();
    const left = this.#deadlineOf(lease, now) - now;
    return Math.max(0, Math.ceil(left / 1000));
  }

  /** Revoke `id` now (leaseRevoke): resolves once its keys are gone from every shard. */
  async revoke(id: number): Promise<void> {
    this.#requireActive();
    // Racing its own expiry: the retirement already running finishes the job.
    const running = this.#retiring.get(id);
    if (running) return running;
    this.#live(id);
    this.#deadlines.delete(id);
    return this.#retire(id, false);
  }

  #followLeadership(): boolean {
    const term = this.#options.leaderTerm();
    if (term === this.#term) return term !== null;
    if (this.#term !== null) this.#options.logger.info({ term: this.#term }, "lease keeper stopped");
    // A new term (or no leadership): every deadline of the old one is void.
    this.#deadlines.clear();
    this.#term = term;
    if (term !== null) this.#options.logger.info({ term }, "lease keeper started");
    return term !== null;
  }

  #deadlineOf(lease: LeaseRecord, now: number): number {
    let deadline = this.#deadlines.get(lease.id);
    if (deadline === undefined) {
      deadline = now + lease.ttlSeconds * 1000;
      this.#deadlines.set(lease.id, deadline);
    }
    return deadline;
  }

  #live(id: number): LeaseRecord {
    const lease = this.#options.table.lease(id);
    if (lease === undefined || lease.revoking) {
      throw new RingkvError("LeaseNotFound", `lease ${formatLeaseIdForLog(id)} not found`);
    }
    return lease;
  }

  #requireActive(): void {
    // Callers reach the keeper only on the meta leader (routed there); one that lost leadership
    // since answers NotLeader, which the router follows.
    if (!this.#followLeadership()) {
      throw new RingkvError("NotLeader", "this node no longer leads the meta group (lease keeper)");
    }
  }

  /** Retire `id` unless that already runs; the tick's caller ignores the outcome (logged). */
  #retire(id: number, alreadyRevoking: boolean): Promise<void> {
    const running = this.#retiring.get(id);
    if (running) return running;
    const run = this.#retirement(id, alreadyRevoking).finally(() => this.#retiring.delete(id));
    this.#retiring.set(id, run);
    run.catch((e: unknown) => {
      this.#options.logger.warn(
        { lease: id, err: toRingkvError(e).message },
        "retiring a lease failed; retried next tick",
      );
    });
    return run;
  }

  async #retirement(id: number, alreadyRevoking: boolean): Promise<void> {
    const term = this.#term;
    if (!alreadyRevoking) await this.#options.retirement.markRevoking(id);
    this.#stillLeading(term);
    await this.#options.retirement.revokeKeys(id);
    this.#stillLeading(term);
    await this.#options.retirement.forget(id);
  }

  /** A retirement begun in one term stops when leadership moved: the new leader resumes it. */
  #stillLeading(term: number | null): void {
    if (this.#options.leaderTerm() !== term) {
      throw new RingkvError("NotLeader", "meta leadership moved while retiring a lease");
    }
  }
}

function formatLeaseIdForLog(id: number): string {
  return `${id} (0x${id.toString(16)})`;
}
