// RemovalWatch tells a removal this process was up for (a `ringkv leave` while it ran: exit 0)
// from one that happened before it (removed while down, or a leave that finished after it
// stopped: its data is stale; exit 5 with what to do).
import pino from "pino";
import { describe, expect, it } from "vitest";
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
});
