// The leader lease for reads (src/node/host/read-lease.ts): when it covers a read, how it is
// given and renewed, and what voids it. The Raft side (who asks, and when) is in
// test/raft/lease.test.ts; the whole under faults is the cluster simulator's.
import { describe, expect, it } from "vitest";
import { ReadLease, type ReadLeaseStats } from "../../../src/node/host/read-lease.ts";
import type { LeaseState } from "../../../src/raft/index.ts";

const STATE: LeaseState = { term: 3, conf: "n1,n2,n3|" };

/** A lease over a hand-driven clock, whose rounds the test resolves or fails. */
function harness() {
  let now = 1_000;
  let state: LeaseState | undefined = STATE;
  const rounds: { startedAt: number; resolve(): void; reject(): void }[] = [];
  const stats: ReadLeaseStats = { served: 0, renewals: 0 };
  const lease = new ReadLease({
    durationMs: 900,
    nowMs: () => now,
    leaseState: () => state,
    confirmByRound: () =>
      new Promise<void>((resolve, reject) =>
        rounds.push({ startedAt: now, resolve, reject: () => reject(new Error("lost")) }),
      ),
    stats,
  });
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    lease,
    rounds,
    stats,
    settle,
    advance(ms: number) {
      now += ms;
    },
    setState(next: LeaseState | undefined) {
      state = next;
    },
  };
}

describe("ReadLease", () => {
  it("covers nothing until a round gives it; the first read asks for one, after the current work", async () => {
    const h = harness();
    expect(h.lease.covers(STATE)).toBe(false);
    expect(h.rounds).toHaveLength(0); // not inside the core's step
    await h.settle();
    expect(h.rounds).toHaveLength(1);
    expect(h.lease.covers(STATE)).toBe(false);
    expect(h.rounds).toHaveLength(1); // one renewal at a time
  });

  it("lasts durationMs from the moment its round began, not from when it was answered", async () => {
    const h = harness();
    h.lease.covers(STATE);
    await h.settle();
    h.advance(300); // the round takes 300 ms
    h.rounds[0]!.resolve();
    await h.settle();
    expect(h.stats.renewals).toBe(1);
    h.advance(599); // 899 ms after the round began
    expect(h.lease.covers(STATE)).toBe(true);
    h.advance(1); // 900 ms: over
    expect(h.lease.covers(STATE)).toBe(false);
    expect(h.stats.served).toBe(1);
  });

  it("is renewed in the background once half of it is gone, and extended by the renewal", async () => {
    const h = harness();
    h.lease.covers(STATE);
    await h.settle();
    h.rounds[0]!.resolve();
    await h.settle();
    h.advance(400);
    expect(h.lease.covers(STATE)).toBe(true);
    await h.settle();
    expect(h.rounds).toHaveLength(1); // more than half left: no renewal
    h.advance(100);
    expect(h.lease.covers(STATE)).toBe(true); // half gone: still served, and renewed
    await h.settle();
    expect(h.rounds).toHaveLength(2);
    h.rounds[1]!.resolve();
    await h.settle();
    h.advance(899);
    expect(h.lease.covers(STATE)).toBe(true); // 1,399 ms after the first round began
  });

  it("covers only the term and configuration its round began and ended in", async () => {
    const h = harness();
    h.lease.covers(STATE);
    await h.settle();
    h.rounds[0]!.resolve();
    await h.settle();
    expect(h.lease.covers(STATE)).toBe(true);
    expect(h.lease.covers({ ...STATE, term: 4 })).toBe(false);
    expect(h.lease.covers({ ...STATE, conf: "n1,n2,n4|" })).toBe(false);
  });

  it("gives nothing when the state changed during the round, or the round failed", async () => {
    const h = harness();
    h.lease.covers(STATE);
    await h.settle();
    h.setState({ ...STATE, conf: "n1,n2,n3|n1,n2,n4" });
    h.rounds[0]!.resolve();
    await h.settle();
    h.setState(STATE);
    expect(h.lease.covers(STATE)).toBe(false);
    await h.settle();
    h.rounds[1]!.reject();
    await h.settle();
    expect(h.lease.covers(STATE)).toBe(false);
    expect(h.stats.renewals).toBe(0);
    // No lease may be held (not leading, a transfer sent): no round is even started.
    await h.settle();
    h.setState(undefined);
    h.rounds[2]!.reject();
    await h.settle();
    h.lease.covers(STATE);
    await h.settle();
    expect(h.rounds).toHaveLength(3);
  });
});
