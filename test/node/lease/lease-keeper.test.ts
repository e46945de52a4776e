import { describe, expect, it } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { LeaseKeeper, type LeaseRetirement } from "../../../src/node/lease/lease-keeper.ts";
import type { LeaseRecord, LeaseTable } from "../../../src/node/lease/lease-table.ts";

/** The meta table as a map, and a retirement that applies to it and records every step. */
class World implements LeaseTable, LeaseRetirement {
  nowMs = 0;
  term: number | null = 1;
  readonly table = new Map<number, LeaseRecord>();
  readonly steps: string[] = [];
  /** Shard fan-outs that fail before one succeeds (as a shard leader that is down). */
  keyFailures = 0;
  readonly silent = { warn: () => {}, info: () => {} };

  leases(): Iterable<LeaseRecord> {
    return [...this.table.values()];
  }
  lease(id: number): LeaseRecord | undefined {
    return this.table.get(id);
  }
  grant(id: number, ttlSeconds: number): LeaseRecord {
    const lease = { id, ttlSeconds, revoking: false };
    this.table.set(id, lease);
    return lease;
  }
  async markRevoking(id: number): Promise<void> {
    this.steps.push(`revoke ${id}`);
    const lease = this.table.get(id);
    if (lease) this.table.set(id, { ...lease, revoking: true });
  }
  async revokeKeys(id: number): Promise<void> {
    this.steps.push(`keys ${id}`);
    if (this.keyFailures > 0) {
      this.keyFailures--;
      throw new RingkvError("Unavailable", "a shard has no leader");
    }
  }
  async forget(id: number): Promise<void> {
    this.steps.push(`forget ${id}`);
    this.table.delete(id);
  }
  keeper(): LeaseKeeper {
    return new LeaseKeeper({
      now: () => this.nowMs,
      leaderTerm: () => this.term,
      table: this,
      retirement: this,
      logger: this.silent,
    });
  }
}

/** Let the retirement's promise steps run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Tick every 100 ms from now up to `untilMs`; answers the first time `id` started retiring. */
async function runTo(world: World, keeper: LeaseKeeper, untilMs: number, id: number): Promise<number | null> {
  let revokedAt: number | null = null;
  for (; world.nowMs <= untilMs; world.nowMs += 100) {
    keeper.tick();
    await settle();
    if (revokedAt === null && world.steps.includes(`revoke ${id}`)) revokedAt = world.nowMs;
  }
  return revokedAt;
}

describe("lease keeper", () => {
  it("a lease expires TTL after it was granted, not before, and is retired in three steps", async () => {
    const world = new World();
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 3));
    const revokedAt = await runTo(world, keeper, 5000, 7);
    expect(revokedAt).toBe(3000);
    expect(world.steps).toEqual(["revoke 7", "keys 7", "forget 7"]);
    expect(world.table.has(7)).toBe(false);
  });

  it("a keep-alive pushes the deadline to TTL after it", async () => {
    const world = new World();
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 3));
    await runTo(world, keeper, 2500, 7);
    expect(keeper.keepAlive(7).ttlSeconds).toBe(3);
    expect(keeper.remainingSeconds(7)).toBe(3);
    const revokedAt = await runTo(world, keeper, 7000, 7);
    expect(revokedAt).toBe(2600 + 3000);
  });

  it("a new meta leader gives every lease a full TTL from when it took over: never early", async () => {
    const world = new World();
    const first = world.keeper();
    first.tick();
    first.granted(world.grant(7, 3));
    await runTo(world, first, 2000, 7);
    // Leadership moves at 2.1 s to another node's keeper, which takes over at 2.6 s.
    world.term = null;
    first.tick();
    const second = world.keeper();
    world.nowMs = 2600;
    world.term = 2;
    const revokedAt = await runTo(world, second, 7000, 7);
    // The old deadline was 3 s; the new one is 2.6 + 3 s: late by the takeover, never early.
    expect(revokedAt).toBe(5600);
    expect(first.active).toBe(false);
  });

  it("a keeper that leads again in a later term forgets its old deadlines (others renewed them)", async () => {
    const world = new World();
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 3));
    await runTo(world, keeper, 2000, 7);
    // Another leader held meta in between and took keep-alives; this node leads again at 2.1 s.
    world.term = 3;
    const revokedAt = await runTo(world, keeper, 6000, 7);
    expect(revokedAt).toBe(2100 + 3000);
  });

  it("a keeper that loses meta leadership stops expiring leases and refuses keep-alives", async () => {
    const world = new World();
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 1));
    world.term = null;
    expect(await runTo(world, keeper, 3000, 7)).toBeNull();
    expect(() => keeper.keepAlive(7)).toThrow(/no longer leads/);
  });

  it("a shard fan-out that fails is retried on later ticks until every shard is done", async () => {
    const world = new World();
    world.keyFailures = 2;
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 1));
    await runTo(world, keeper, 2000, 7);
    expect(world.steps).toEqual(["revoke 7", "keys 7", "keys 7", "keys 7", "forget 7"]);
    expect(world.table.has(7)).toBe(false);
  });

  it("a lease the table marks revoking is resumed by a new leader, without a second revokeLease", async () => {
    const world = new World();
    world.table.set(9, { id: 9, ttlSeconds: 60, revoking: true });
    const keeper = world.keeper();
    keeper.tick();
    await settle();
    expect(world.steps).toEqual(["keys 9", "forget 9"]);
  });

  it("revoke deletes at once; keep-alive and time-to-live of a revoked lease say it is gone", async () => {
    const world = new World();
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 60));
    await keeper.revoke(7);
    expect(world.steps).toEqual(["revoke 7", "keys 7", "forget 7"]);
    expect(() => keeper.keepAlive(7)).toThrow(expect.objectContaining({ code: "LeaseNotFound" }));
    expect(keeper.remainingSeconds(7)).toBe(-1);
  });

  it("a revoke racing the lease's expiry joins the retirement already running", async () => {
    const world = new World();
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 1));
    const keys = world.revokeKeys.bind(world);
    world.revokeKeys = async (id) => {
      await gate;
      return keys(id);
    };
    await runTo(world, keeper, 1000, 7);
    const revoked = keeper.revoke(7);
    release();
    await revoked;
    expect(world.steps).toEqual(["revoke 7", "keys 7", "forget 7"]);
  });

  it("a retirement begun in one term stops when leadership moves; the next leader finishes it", async () => {
    const world = new World();
    const keeper = world.keeper();
    keeper.tick();
    keeper.granted(world.grant(7, 1));
    world.markRevoking = async (id) => {
      world.steps.push(`revoke ${id}`);
      world.table.set(id, { id, ttlSeconds: 1, revoking: true });
      world.term = 2; // deposed while the entry applied
    };
    await runTo(world, keeper, 1000, 7);
    expect(world.steps).toEqual(["revoke 7"]);
    const next = world.keeper();
    next.tick();
    await settle();
    expect(world.steps).toEqual(["revoke 7", "keys 7", "forget 7"]);
  });
});
