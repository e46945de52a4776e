// The router never takes a stale leader record naming this node itself (src/node/cluster/router.ts
// #findLeader): its own replica says whether it leads. sim:cluster seed 80 found the bug: n1 had
// led shard 0, a peer's NotLeader answer named n1 as leader (its view lagged), and after n1 was
// moved off the shard every linearizable get of it through n1 ran on n1's left-behind replica,
// whose ReadIndex the leader ignores (n1 is no member), and timed out, since a Timeout never
// cleared the hint.
import { describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import type { GetOptions, VersionedValue } from "../../../src/api/kv-api.ts";
import type { ClusterContext } from "../../../src/node/cluster/context.ts";
import { gossipKeys } from "../../../src/node/cluster/gossip-keys.ts";
import type { Peer } from "../../../src/node/cluster/peer.ts";
import type { Proposer } from "../../../src/node/cluster/proposer.ts";
import { Router } from "../../../src/node/cluster/router.ts";
import { NODE_DEFAULTS, validateNodeSettings } from "../../../src/node/config.ts";
import { VirtualClock } from "../../sim-cluster/virtual-clock.ts";

const GROUP = "shard-0";
const VOTERS = ["n2", "n3", "n4"];
const FOUND: VersionedValue = { value: new TextEncoder().encode("v"), version: 7 };
/** Virtual ms the test lets pass before it calls a request hung (twice the request timeout). */
const HUNG_MS = 6_000;

interface Setup {
  readonly router: Router;
  readonly clock: VirtualClock;
  /** Every node a get was forwarded to, in order. */
  readonly forwardedTo: string[];
  /** ReadIndex rounds started on this node's own replica of the shard. */
  readonly localReads: { count: number };
}

/**
 * Node n1 holds a replica of shard 0 left behind by a move: no longer in the configuration
 * (voters n2, n3, n4), it still knows n4 as leader, and its ReadIndex is never answered (the
 * leader ignores a non-member). n2 answers every forwarded get NotLeader naming n1 (a stale
 * view); n3 and n4 answer with the value. `gossipLeader`: the leader gossip records for shard 0.
 */
function setup(
  gossipLeader?: string,
  voters: readonly string[] = VOTERS,
  answer: (id: string) => VersionedValue = (id) => {
    if (id === "n2") throw new RingkvError("NotLeader", "shard 0: not the leader", { leaderHint: "addr-n1" });
    return FOUND;
  },
): Setup {
  const clock = new VirtualClock();
  const settings = validateNodeSettings({ ...NODE_DEFAULTS, requestTimeoutMs: 3_000, leaderWaitMs: 1_500 });
  const forwardedTo: string[] = [];
  const localReads = { count: 0 };
  const replica = {
    group: GROUP,
    applied: 40,
    raw: {
      confState: () => ({
        voters,
        learners: [],
        votersOutgoing: [],
        learnersNext: [],
        autoLeave: false,
      }),
      softState: () => ({ leader: "n4", role: "follower" }),
    },
    isLeader: () => false,
    leaderlessForMs: () => 0,
    readIndex: () => {
      localReads.count++;
      return new Promise<number>(() => {});
    },
  };
  const peer = (id: string): Peer =>
    ({
      get: async (_key: Uint8Array, _options: GetOptions) => {
        forwardedTo.push(id);
        return answer(id);
      },
    }) as unknown as Peer;
  const ctx = {
    id: "n1",
    settings,
    clock,
    host: { replica: (group: string) => (group === GROUP ? replica : undefined), kick: () => {} },
    meta: {
      sm: {
        member: (id: string) => ({ id, addr: `addr-${id}` }),
        members: () => ["n1", ...VOTERS].map((id) => ({ id, addr: `addr-${id}` })),
      },
    },
    view: { shardOf: () => 0, target: () => ({ voters: VOTERS, learners: [], replicationFactor: 3 }) },
    peers: { get: (addr: string) => peer(addr.replace("addr-", "")) },
    gossip:
      gossipLeader === undefined
        ? undefined
        : {
            member: () => ({ state: "alive", incarnation: 1 }),
            metadata: (key: string) =>
              key === gossipKeys.leader(GROUP) ? { value: { leader: gossipLeader }, version: 3 } : undefined,
          },
  } as unknown as ClusterContext;
  const router = new Router(ctx, {} as Proposer, { stopping: () => false, selfDiverged: () => false });
  return { router, clock, forwardedTo, localReads };
}

/** Run the virtual clock until `promise` settles, for at most HUNG_MS. */
async function settle<T>(clock: VirtualClock, promise: Promise<T>): Promise<T | "hung"> {
  let outcome: { value: T } | { error: unknown } | null = null;
  promise.then(
    (value) => {
      outcome = { value };
    },
    (error: unknown) => {
      outcome = { error };
    },
  );
  const until = clock.now() + HUNG_MS;
  while (outcome === null && clock.now() < until) await clock.runUntil(clock.now() + 10);
  const done = outcome as { value: T } | { error: unknown } | null;
  if (done === null) return "hung";
  if ("error" in done) throw done.error;
  return done.value;
}

describe("Router: leader records naming this node", () => {
  test("a NotLeader hint naming this node is not followed to its own non-leading replica", async () => {
    const { router, clock, forwardedTo, localReads } = setup();
    const key = new TextEncoder().encode("k2");
    // Twice: the stale hint must not stick either.
    for (let i = 0; i < 2; i++) {
      await expect(settle(clock, router.get(key, {}))).resolves.toEqual(FOUND);
    }
    expect(localReads.count).toBe(0);
    expect(forwardedTo).toEqual(["n2", "n3", "n2", "n3"]);
  });

  test("a gossip leader record naming this node is not taken for its own replica leading", async () => {
    const { router, clock, forwardedTo, localReads } = setup("n1");
    const key = new TextEncoder().encode("k2");
    await expect(settle(clock, router.get(key, {}))).resolves.toEqual(FOUND);
    expect(localReads.count).toBe(0);
    expect(forwardedTo).toEqual(["n2", "n3"]);
  });
});

describe("Router: a forwarded request this node cannot serve", () => {
  test("names the leader it knows, not 'no leader', with its address as the hint", async () => {
    // n1 is a voter this time, following n4.
    const { router, clock, forwardedTo } = setup(undefined, ["n1", "n2", "n4"]);
    const key = new TextEncoder().encode("k2");
    const answer = settle(clock, router.put(key, new Uint8Array([1]), { forwarded: true }));
    await expect(answer).rejects.toMatchObject({
      code: "NotLeader",
      message: "shard 0 is led by n4, not by n1",
      leaderHint: "addr-n4",
    });
    // One hop only: a forwarded request is never forwarded again.
    expect(forwardedTo).toEqual([]);
  });

  test("after its known leader died and the others still name it, says the shard has no leader", async () => {
    // n4, the leader n1 knows, is gone (its forward never left); n2 and n3 have not noticed yet
    // and answer NotLeader naming n4. Passing that on would name a dead leader.
    const { router, clock, forwardedTo } = setup(undefined, VOTERS, (id) => {
      if (id === "n4")
        throw new RingkvError("Unavailable", "n4: connection refused; the request was never sent");
      throw new RingkvError("NotLeader", `shard 0 is led by n4, not by ${id}`, { leaderHint: "addr-n4" });
    });
    const answer = settle(clock, router.get(new TextEncoder().encode("k2"), {}));
    await expect(answer).rejects.toMatchObject({
      code: "NotLeader",
      message: expect.stringMatching(/^shard 0 has no leader/),
    });
    // It did try n4, and heard the stale hint from another voter.
    expect(forwardedTo).toContain("n4");
    expect(forwardedTo.some((id) => id !== "n4")).toBe(true);
  });
});
