// A stopping node lets the writes it is leading apply before it hands leadership away, and does
// not wait past its bound for writes that cannot commit.
import { describe, expect, it } from "vitest";
import type { ClusterContext } from "../../../src/node/cluster/context.ts";
import { settleProposals } from "../../../src/node/cluster/leadership-handoff.ts";
import { SYSTEM_CLOCK } from "../../../src/node/host/clock.ts";

interface FakeReplica {
  leader: boolean;
  pendingProposals: number;
  isLeader(): boolean;
}

function replica(leader: boolean, pendingProposals: number): FakeReplica {
  return {
    leader,
    pendingProposals,
    isLeader() {
      return this.leader;
    },
  };
}

function contextOf(replicas: FakeReplica[]): ClusterContext {
  return { host: { replicas: () => replicas }, clock: SYSTEM_CLOCK } as unknown as ClusterContext;
}

describe("settleProposals", () => {
  it("returns once the writes on groups led here have applied, not at its bound", async () => {
    const led = replica(true, 2);
    const followed = replica(false, 5); // a follower's count is not this node's to wait for
    setTimeout(() => {
      led.pendingProposals = 0;
    }, 30);
    const started = performance.now();
    await settleProposals(contextOf([led, followed]), 10_000);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(25);
    expect(took).toBeLessThan(5_000);
  });

  it("gives up at its bound while a write cannot commit, and at once when nothing is in flight", async () => {
    const stuck = replica(true, 1);
    let started = performance.now();
    await settleProposals(contextOf([stuck]), 50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(stuck.pendingProposals).toBe(1);

    started = performance.now();
    await settleProposals(contextOf([replica(true, 0), replica(false, 3)]), 10_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
