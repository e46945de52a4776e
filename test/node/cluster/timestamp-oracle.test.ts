// The timestamp oracle (src/node/cluster/timestamp-oracle.ts) against a fake meta group: the
// reserved window and the reservation ahead of it, atLeast jumps, batching behind one ReadIndex
// round, and leader changes (start above the applied reservation; waiting requests rejected).
import { describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { type OracleMeta, TimestampOracle } from "../../../src/node/cluster/timestamp-oracle.ts";
import { SYSTEM_CLOCK } from "../../../src/node/host/clock.ts";
import type { LeaseState } from "../../../src/raft/index.ts";

/** A deferred promise the test settles by hand. */
interface Gate {
  readonly promise: Promise<void>;
  open(): void;
  fail(error: Error): void;
}

function gate(): Gate {
  let open = (): void => {};
  let fail = (_: Error): void => {};
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** The meta group as one leader sees it: reservations apply at once unless held. */
class FakeMeta implements OracleMeta {
  term: number | undefined = 1;
  applied = 1;
  reserved = 0;
  readonly reservations: number[] = [];
  confirmations = 0;
  /** Set: the next confirmation waits for it. */
  heldConfirmation: Gate | null = null;
  /** Set: the next confirmation fails with it. */
  failConfirmation: Error | null = null;
  /** What RawNode.leaseState answers; none by default (every batch runs a round). */
  lease: LeaseState | undefined = undefined;
  leaseState(): LeaseState | undefined {
    return this.lease;
  }
  leaderTerm(): number | undefined {
    return this.term;
  }
  leaderHint(): string {
    return "n2";
  }
  appliedTerm(): number {
    return this.applied;
  }
  reservedUpTo(): number {
    return this.reserved;
  }
  /** Set: the next reservation waits for it. */
  heldReservation: Gate | null = null;
  async reserve(upTo: number): Promise<void> {
    this.reservations.push(upTo);
    const held = this.heldReservation;
    this.heldReservation = null;
    if (held) await held.promise;
    await Promise.resolve();
    this.reserved = Math.max(this.reserved, upTo);
  }
  async confirmLeadership(): Promise<void> {
    this.confirmations++;
    const failure = this.failConfirmation;
    this.failConfirmation = null;
    if (failure) throw failure;
    const held = this.heldConfirmation;
    this.heldConfirmation = null;
    if (held) await held.promise;
  }
}

const WINDOW = 100;

function oracle(
  meta: FakeMeta,
  plant: { startFromMemory?: boolean } = {},
  lease: { ms: number; now: () => number } = { ms: 0, now: () => 0 },
): TimestampOracle {
  return new TimestampOracle(meta, {
    windowSize: WINDOW,
    clock: SYSTEM_CLOCK,
    roundTimeoutMs: 5_000,
    leaseMs: lease.ms,
    leaseNowMs: lease.now,
    ...(plant.startFromMemory ? { plantStartFromMemory: true } : {}),
  });
}

describe("timestamp oracle", () => {
  test("serves from a reserved window and reserves the next before it runs out", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta);
    expect(await o.next(1)).toBe(1);
    expect(meta.reservations).toEqual([WINDOW]);
    // Up to half the window: no further log write.
    expect(await o.next(40)).toBe(2);
    expect(meta.reservations).toEqual([WINDOW]);
    // Past half: the next window is reserved in the background, before this one is used up.
    expect(await o.next(20)).toBe(42);
    await Promise.resolve();
    expect(meta.reservations).toEqual([WINDOW, 2 * WINDOW]);
    await o.next(1);
    expect(o.reservedAhead).toBeGreaterThan(WINDOW);
  });

  test("atLeast jumps forward, beyond the window if it must, and never back", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta);
    expect(await o.next(1)).toBe(1);
    expect(await o.next(1, 5_000)).toBe(5_000);
    expect(meta.reserved).toBeGreaterThanOrEqual(5_000);
    expect(await o.next(1, 10)).toBe(5_001);
  });

  test("requests of one turn share one ReadIndex round and get blocks in request order", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta);
    const firsts = await Promise.all([o.next(2), o.next(1), o.next(3, 50)]);
    expect(firsts).toEqual([1, 3, 50]);
    expect(meta.confirmations).toBe(1);
  });

  test("a request that arrives during a round waits for a round started after it", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta);
    const held = gate();
    meta.heldConfirmation = held;
    const early = o.next(1);
    // Let the first round reach its confirmation, then ask again.
    while (meta.confirmations === 0) await new Promise((r) => setImmediate(r));
    const late = o.next(1);
    held.open();
    expect(await early).toBe(1);
    expect(await late).toBe(2);
    expect(meta.confirmations).toBe(2);
  });

  test("a failed confirmation rejects the batch and hands nothing out", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta);
    meta.failConfirmation = new RingkvError("NotLeader", "leadership lost");
    await expect(Promise.all([o.next(1), o.next(1)])).rejects.toMatchObject({ code: "NotLeader" });
    expect(await o.next(1)).toBe(1);
  });

  test("a follower refuses with NotLeader naming the leader", async () => {
    const meta = new FakeMeta();
    meta.term = undefined;
    await expect(oracle(meta).next(1)).rejects.toMatchObject({ code: "NotLeader", leaderHint: "n2" });
  });

  test("a leader change rejects the waiting requests with NotLeader", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta);
    expect(await o.next(1)).toBe(1);
    const held = gate();
    meta.heldConfirmation = held;
    const waiting = o.next(1);
    while (meta.confirmations < 2) await new Promise((r) => setImmediate(r));
    meta.term = undefined;
    o.observe();
    held.open();
    await expect(waiting).rejects.toMatchObject({ code: "NotLeader" });
  });

  test("a new leader waits for its term's first entry, then starts above the applied reservation", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta);
    expect(await o.next(1)).toBe(1);
    // Another node led term 2 and reserved up to 700; this node leads term 3, not yet applied.
    meta.term = 3;
    o.observe();
    let answered: number | undefined;
    const pending = o.next(1).then((first) => {
      answered = first;
      return first;
    });
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(answered).toBeUndefined();
    meta.reserved = 700;
    meta.applied = 3;
    o.observe();
    expect(await pending).toBe(701);
    // It reserved a window of its own term before serving.
    expect(meta.reservations.at(-1)).toBe(700 + WINDOW);
  });

  test("planted bug: a new leader that starts from its in-memory counter repeats revisions", async () => {
    const meta = new FakeMeta();
    const o = oracle(meta, { startFromMemory: true });
    expect(await o.next(1)).toBe(1);
    meta.term = 3;
    meta.applied = 3;
    meta.reserved = 700; // another leader handed out revisions up to 700 meanwhile
    o.observe();
    expect(await o.next(1)).toBeLessThanOrEqual(700);
  });

  describe("lease", () => {
    const LEASE_MS = 1_000;
    /** A meta leader that may hold a lease, and an oracle whose lease clock the test sets. */
    function leased(): { meta: FakeMeta; o: TimestampOracle; at: (ms: number) => void } {
      const meta = new FakeMeta();
      meta.lease = { term: 1, conf: "n1,n2,n3|" };
      let nowMs = 0;
      const o = oracle(meta, {}, { ms: LEASE_MS, now: () => nowMs });
      return { meta, o, at: (ms) => (nowMs = ms) };
    }

    test("batches within the lease of a round need no round; past it they run one again", async () => {
      const { meta, o, at } = leased();
      expect(await o.next(1)).toBe(1);
      expect(meta.confirmations).toBe(1);
      at(300);
      expect(await o.next(1)).toBe(2);
      expect(meta.confirmations).toBe(1);
      at(LEASE_MS); // the lease ends at the round's start + LEASE_MS: not included
      expect(await o.next(1)).toBe(3);
      expect(meta.confirmations).toBe(2);
      expect(o.stats).toEqual({ servedFromLease: 1, servedAfterRound: 2, leaseRenewals: 0 });
    });

    test("once half the lease is gone, a round in the background renews it", async () => {
      const { meta, o, at } = leased();
      await o.next(1);
      at(600);
      expect(await o.next(1)).toBe(2); // served at once, renewal started at 600
      for (let turn = 0; turn < 100 && o.stats.leaseRenewals === 0; turn++) {
        await new Promise((r) => setImmediate(r));
      }
      at(1_500); // past the first lease, within the renewed one (600 + LEASE_MS)
      expect(await o.next(1)).toBe(3);
      // Served from the renewed lease; the third round is the next renewal, started at 1 500.
      expect(o.stats).toMatchObject({ servedFromLease: 2, servedAfterRound: 1 });
      expect(meta.confirmations).toBe(3);
    });

    test("no lease once the meta replica may not hold one (a transfer started, a conf change pending)", async () => {
      const { meta, o } = leased();
      await o.next(1);
      meta.lease = undefined;
      expect(await o.next(1)).toBe(2);
      expect(meta.confirmations).toBe(2);
      expect(o.stats.servedFromLease).toBe(0);
    });

    test("no lease in another configuration or term than the round's", async () => {
      const { meta, o } = leased();
      await o.next(1);
      meta.lease = { term: 1, conf: "n1,n2,n4|" };
      await o.next(1);
      expect(meta.confirmations).toBe(2);
      meta.lease = { term: 2, conf: "n1,n2,n4|" };
      meta.term = 2;
      meta.applied = 2;
      o.observe();
      await o.next(1);
      expect(meta.confirmations).toBe(3);
      expect(o.stats.servedFromLease).toBe(0);
    });

    test("within the lease a request is served at once, without waiting for the turn's batch", async () => {
      const { meta, o, at } = leased();
      expect(o.serveNow(1), "no lease before the first round").toBeUndefined();
      expect(await o.next(1)).toBe(1);
      at(300);
      // Synchronously: no round, no turn of the event loop.
      expect(o.serveNow(2)).toBe(2);
      expect(o.serveNow(1, 50)).toBe(50);
      expect(await o.next(1)).toBe(51);
      expect(meta.confirmations).toBe(1);
      expect(o.stats).toMatchObject({ servedFromLease: 3, servedAfterRound: 1 });
      at(LEASE_MS);
      expect(o.serveNow(1), "past the lease").toBeUndefined();
      meta.term = undefined;
      at(300);
      expect(o.serveNow(1), "no longer the meta leader").toBeUndefined();
    });

    test("nothing is served at once past the reserved window, or while a batch is between its reservation and its hand-out", async () => {
      const { meta, o, at } = leased();
      await o.next(1);
      at(100);
      expect(o.serveNow(1, WINDOW + 1), "beyond the reserved window").toBeUndefined();
      // A batch that must reserve further first: while its reservation is held, the window's
      // end is about to move for that batch, and a request served beside it could be handed
      // a revision the batch then hands out too, or one past what is reserved.
      const held = gate();
      meta.heldReservation = held;
      const jump = o.next(1, 5_000);
      for (let turn = 0; turn < 10 && meta.reservations.length < 2; turn++) {
        await new Promise((r) => setImmediate(r));
      }
      expect(meta.reservations.length, "the batch is reserving").toBe(2);
      expect(o.serveNow(1)).toBeUndefined();
      held.open();
      expect(await jump).toBe(5_000);
      expect(o.serveNow(1)).toBe(5_001);
    });

    test("a round that fails gives no lease", async () => {
      const { meta, o } = leased();
      meta.failConfirmation = new RingkvError("NotLeader", "leadership lost");
      await expect(o.next(1)).rejects.toMatchObject({ code: "NotLeader" });
      await o.next(1);
      expect(meta.confirmations).toBe(2);
      expect(o.stats.servedFromLease).toBe(0);
    });
  });
});
