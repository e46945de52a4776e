// RemovalWatch tells a removal this process was up for (a `ringkv leave` while it ran: exit 0)
// from one that happened before it (removed while down, or a leave that finished after it
// stopped: its data is stale; exit 5 with what to do).
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { MembershipJson } from "../../../src/api/kv-api.ts";
import type { ClusterContext } from "../../../src/node/cluster/context.ts";
import { RemovalWatch } from "../../../src/node/cluster/removal-watch.ts";

function watch(): { watch: RemovalWatch; removals: boolean[] } {
  const removals: boolean[] = [];
  // observeMeta needs only a logger and a meta replica that applied something.
  const ctx = { logger: pino({ level: "silent" }), meta: { applied: 1 } } as unknown as ClusterContext;
  return { watch: new RemovalWatch(ctx, (whileDown) => removals.push(whileDown)), removals };
}

describe("RemovalWatch", () => {
  it("a leave this process saw start (active, then leaving) is not a removal while down", () => {
    const { watch: w, removals } = watch();
    w.observeMeta(true);
    w.sawSelfActive();
    w.sawOwnLeave();
    w.observeMeta(false);
    expect(removals).toEqual([false]);
  });

  it("a record already leaving when this process started is a removal while down", () => {
    // The node left while running, stopped before the final removal reached it, and was
    // started again: its log replays its record as leaving.
    const { watch: w, removals } = watch();
    w.observeMeta(true);
    w.sawOwnLeave();
    w.observeMeta(false);
    expect(removals).toEqual([true]);
  });

  it("a removal never seen coming (evicted while down) is a removal while down, reported once", () => {
    const { watch: w, removals } = watch();
    w.observeMeta(true);
    w.sawSelfActive();
    w.observeMeta(false);
    w.observeMeta(false);
    expect(removals).toEqual([true]);
  });

  it("asks a peer the cheap membership question, and a newer member list without this node is a removal", async () => {
    const removals: boolean[] = [];
    const asked: string[] = [];
    const member = (id: string) => ({ id, addr: `${id}:7000`, http: `${id}:8000` });
    // n2 answers from placement epoch 9, where only n2 and n3 are members: n1 was removed.
    const answer: MembershipJson = {
      node: member("n2"),
      epoch: 9,
      members: [member("n2"), member("n3")].map((m) => ({ ...m, state: "alive" as const, incarnation: 1 })),
    };
    const peer = {
      membership: async () => {
        asked.push("membership");
        return answer;
      },
      // The whole status costs the peer every replica's state: the watch must not ask for it.
      status: async () => {
        asked.push("status");
        throw new Error("the whole status was asked for");
      },
    };
    const ctx = {
      id: "n1",
      logger: pino({ level: "silent" }),
      meta: { applied: 5, epoch: 7, sm: { members: () => [member("n1"), member("n2"), member("n3")] } },
      peers: { get: () => peer },
      clock: { now: () => 0 },
      settings: { statusFanOutMs: 1_000 },
    } as unknown as ClusterContext;
    const w = new RemovalWatch(ctx, (whileDown) => removals.push(whileDown));
    w.observeMeta(true);
    w.sawSelfActive();
    w.check();
    await expect.poll(() => removals).toEqual([true]);
    expect(asked).toEqual(["membership"]);
  });
});
