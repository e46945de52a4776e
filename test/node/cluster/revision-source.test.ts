// OracleRevisionSource (src/node/cluster/revision-source.ts): one block request per event-loop
// turn handed out in request order, failures as Unavailable, the feature gate; and
// Proposer.proposeWrite's staleRevision retry (src/node/cluster/proposer.ts).
import { describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { Proposer } from "../../../src/node/cluster/proposer.ts";
import { OracleRevisionSource, type RevisionSource } from "../../../src/node/cluster/revision-source.ts";
import { NODE_DEFAULTS } from "../../../src/node/config.ts";
import { SYSTEM_CLOCK } from "../../../src/node/host/clock.ts";
import type { MultiRaftHost } from "../../../src/node/host/host.ts";
import type { Replica } from "../../../src/node/host/replica.ts";
import type { ApplyResult } from "../../../src/node/kv/apply-result.ts";
import type { Command } from "../../../src/node/kv/command.ts";

describe("OracleRevisionSource", () => {
  test("the requests of one turn share one block, handed out in request order", async () => {
    const asked: [number, number][] = [];
    const source = new OracleRevisionSource(async (count, atLeast) => {
      asked.push([count, atLeast]);
      return 100;
    }, SYSTEM_CLOCK);
    const got = await Promise.all([source.next(), source.next(7), source.next()]);
    expect(got).toEqual([100, 101, 102]);
    expect(asked).toEqual([[3, 7]]);
    // A later turn asks again.
    expect(await source.next()).toBe(100);
    expect(asked).toHaveLength(2);
  });

  test("the block starts at the highest atLeast of the turn, so every waiter gets at least its own", async () => {
    const source = new OracleRevisionSource(async (_count, atLeast) => Math.max(5, atLeast), SYSTEM_CLOCK);
    const got = await Promise.all([source.next(50), source.next(3)]);
    expect(got).toEqual([50, 51]);
  });

  test("a failure reaches every waiter as Unavailable (nothing handed out), never NotLeader", async () => {
    const source = new OracleRevisionSource(async () => {
      throw new RingkvError("NotLeader", "meta leadership moved", { leaderHint: "n2" });
    }, SYSTEM_CLOCK);
    const both = [source.next(), source.next()];
    for (const p of both) await expect(p).rejects.toMatchObject({ code: "Unavailable" });
  });

  test("the gate refuses before anything is asked", async () => {
    let asked = 0;
    const source = new OracleRevisionSource(
      async () => {
        asked++;
        return 1;
      },
      SYSTEM_CLOCK,
      () => {
        throw new RingkvError("Unavailable", "n3 does not support revisions");
      },
    );
    await expect(source.next()).rejects.toMatchObject({ code: "Unavailable" });
    expect(asked).toBe(0);
  });

  test("on the meta leader's node a request the oracle serves at once skips the turn's block; the gate still comes first", async () => {
    const o = oracleNode();
    expect(await o.source.next()).toBe(42);
    expect(await o.source.next(60)).toBe(60);
    expect(o.asked).toBe(0);
    o.leased = false; // the lease ran out: the turn's block as before
    expect(await o.source.next()).toBe(500);
    expect(o.asked).toBe(1);
    o.open = false;
    o.leased = true;
    await expect(o.source.next()).rejects.toMatchObject({ code: "Unavailable" });
  });

  test("now() hands out a revision only when the oracle serves one at once, never asking anyone", () => {
    const o = oracleNode();
    expect(o.source.now()).toBe(42);
    o.leased = false;
    expect(o.source.now()).toBeUndefined();
    o.open = false;
    o.leased = true;
    expect(o.source.now()).toBeUndefined();
    expect(o.asked).toBe(0);
  });
});

/**
 * The source on the meta leader's node: its oracle serves 42 (or `atLeast`) at once while
 * `leased`; a block from the turn's fetch starts at 500 (counted in `asked`); the gate refuses
 * while not `open`.
 */
function oracleNode(): { source: OracleRevisionSource; asked: number; open: boolean; leased: boolean } {
  const state = {
    asked: 0,
    open: true,
    leased: true,
    source: undefined as unknown as OracleRevisionSource,
  };
  state.source = new OracleRevisionSource(
    async () => {
      state.asked++;
      return 500;
    },
    SYSTEM_CLOCK,
    () => {
      if (!state.open) throw new RingkvError("Unavailable", "n3 does not support revisions");
    },
    (atLeast) => (state.leased ? Math.max(42, atLeast) : undefined),
  );
  return state;
}

/** A replica whose proposals apply with the given results, in turn; records what was proposed. */
function fakeReplica(results: ApplyResult[]): { replica: Replica; proposed: Command[] } {
  const proposed: Command[] = [];
  const replica = {
    group: "shard-0",
    propose: async (command: Command) => {
      proposed.push(command);
      const result = results.shift();
      if (!result) throw new Error("no more results");
      return result;
    },
  } as unknown as Replica;
  return { replica, proposed };
}

const host = { kick: () => {} } as unknown as MultiRaftHost;

/** Revisions counting up from `from`, each at least what was asked. */
function counter(from: number): RevisionSource & { asked: number[] } {
  let next = from;
  const asked: number[] = [];
  return {
    asked,
    async next(atLeast = 0) {
      asked.push(atLeast);
      next = Math.max(next, atLeast);
      return next++;
    },
  };
}

describe("Proposer.proposeWrite", () => {
  const put = (revision: number): Command => ({
    put: { key: new Uint8Array([1]), value: new Uint8Array([2]), revision },
  });

  test("proposes with a fresh revision; a stale one is proposed again above the shard's floor", async () => {
    const { replica, proposed } = fakeReplica([
      { kind: "staleRevision", floor: 40 },
      { kind: "put", version: 41 },
    ]);
    const revisions = counter(10);
    const proposer = new Proposer(host, NODE_DEFAULTS, SYSTEM_CLOCK);
    const result = await proposer.proposeWrite(replica, put, revisions);
    expect(result).toEqual({ kind: "put", version: 41 });
    expect(revisions.asked).toEqual([0, 41]);
    expect(proposed).toEqual([put(10), put(41)]);
  });

  test("a revision the caller gives is tried first; a stale one is followed by the oracle's (a range delete's shared revision)", async () => {
    const { replica, proposed } = fakeReplica([
      { kind: "staleRevision", floor: 40 },
      { kind: "put", version: 41 },
    ]);
    const revisions = counter(10);
    const proposer = new Proposer(host, NODE_DEFAULTS, SYSTEM_CLOCK);
    await proposer.proposeWrite(replica, put, revisions, 7);
    expect(proposed).toEqual([put(7), put(41)]);
    expect(revisions.asked).toEqual([41]);
  });

  test("gives up after staleRevisionRetriesMax retries with Unavailable: nothing was applied", async () => {
    const settings = { ...NODE_DEFAULTS, staleRevisionRetriesMax: 2 };
    const { replica, proposed } = fakeReplica(
      Array.from({ length: 5 }, (_, i): ApplyResult => ({ kind: "staleRevision", floor: 100 * (i + 1) })),
    );
    const proposer = new Proposer(host, settings, SYSTEM_CLOCK);
    await expect(proposer.proposeWrite(replica, put, counter(1))).rejects.toMatchObject({
      code: "Unavailable",
    });
    expect(proposed).toHaveLength(3);
  });
});
