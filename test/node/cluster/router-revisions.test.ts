// The router's write path with revisions (src/node/cluster/router.ts #proposeWrite): a put on a
// shard led here is proposed with a fresh revision when every member supports them (the
// answer's version is the revision), at its log index when some member does not (as before
// revisions), and with revisions again once the shard applied one, whatever the gate says.
import { describe, expect, test } from "vitest";
import type { ClusterContext } from "../../../src/node/cluster/context.ts";
import type { Proposer } from "../../../src/node/cluster/proposer.ts";
import type { RevisionSource } from "../../../src/node/cluster/revision-source.ts";
import { Router } from "../../../src/node/cluster/router.ts";
import { NODE_DEFAULTS } from "../../../src/node/config.ts";
import type { ApplyResult } from "../../../src/node/kv/apply-result.ts";
import type { Command } from "../../../src/node/kv/command.ts";
import { VirtualClock } from "../../sim-cluster/virtual-clock.ts";

const VOTERS = ["n1", "n2", "n3"];

interface Setup {
  readonly router: Router;
  /** How each put was proposed: "plain" (propose) or the revision proposeWrite gave it. */
  readonly proposals: (number | "plain")[];
  /** The revision each put forwarded to n2 carried (undefined: none). */
  readonly forwarded: (number | undefined)[];
}

/**
 * Shard 0 (a replica here whose floor is `floor`), led by n1 (this node) or n2; `gateOpen`: every
 * member supports revisions; `now`: what the source hands out at once (this node holds the oracle).
 */
function setup(
  gateOpen: boolean,
  floor: number,
  { leader = "n1", now }: { leader?: string; now?: () => number | undefined } = {},
): Setup {
  const clock = new VirtualClock();
  const proposals: (number | "plain")[] = [];
  const forwarded: (number | undefined)[] = [];
  const progress = new Map(VOTERS.map((v) => [v, { recentActive: true }]));
  const replica = {
    group: "shard-0",
    applied: 10,
    sm: { floor, get: () => null },
    raw: {
      confState: () => ({
        voters: VOTERS,
        learners: [],
        votersOutgoing: [],
        learnersNext: [],
        autoLeave: false,
      }),
      softState: () => ({ leader, role: leader === "n1" ? "leader" : "follower" }),
      status: () => ({ progress }),
    },
    isLeader: () => leader === "n1",
    leaderlessForMs: () => undefined,
  };
  let next = 500;
  const source: RevisionSource = now ? { next: async () => next++, now } : { next: async () => next++ };
  const applied = (command: Command): ApplyResult => {
    const revision = "put" in command ? command.put.revision : undefined;
    return { kind: "put", version: revision ?? 11 };
  };
  const proposer = {
    checkQuota: () => {},
    propose: async (_r: unknown, command: Command) => {
      proposals.push("plain");
      return applied(command);
    },
    proposeWrite: async (
      _r: unknown,
      command: (revision: number) => Command,
      revisions: RevisionSource,
      first?: number,
    ) => {
      const revision = first ?? (await revisions.next());
      proposals.push(revision);
      return applied(command(revision));
    },
  } as unknown as Proposer;
  const ctx = {
    id: "n1",
    settings: NODE_DEFAULTS,
    clock,
    host: { replica: () => replica, kick: () => {} },
    meta: { sm: { member: (id: string) => ({ id, addr: `addr-${id}` }), members: () => [] } },
    view: { shardOf: () => 0, target: () => ({ voters: VOTERS, learners: [], replicationFactor: 3 }) },
    peers: {
      get: () => ({
        put: async (_k: Uint8Array, _v: Uint8Array, _o: unknown, _d: number, revision?: number) => {
          forwarded.push(revision);
          return { version: revision ?? 0 };
        },
      }),
    },
    gossip: undefined,
  } as unknown as ClusterContext;
  const router = new Router(ctx, proposer, {
    stopping: () => false,
    selfDiverged: () => false,
    revisions: { source, enabled: () => gateOpen },
  });
  return { router, proposals, forwarded };
}

const key = new TextEncoder().encode("k");
const value = new TextEncoder().encode("v");

describe("Router: puts with revisions", () => {
  test("with every member supporting revisions, the put carries one and answers it as its version", async () => {
    const { router, proposals } = setup(true, 0);
    await expect(router.put(key, value, {})).resolves.toEqual({ version: 500 });
    expect(proposals).toEqual([500]);
  });

  test("with a member that does not, the put goes at its log index, as before revisions", async () => {
    const { router, proposals } = setup(false, 0);
    await expect(router.put(key, value, {})).resolves.toEqual({ version: 11 });
    expect(proposals).toEqual(["plain"]);
  });

  test("a shard that applied a revision takes only revisions, whatever the gate says", async () => {
    const { router, proposals } = setup(false, 42);
    await expect(router.put(key, value, {})).resolves.toEqual({ version: 500 });
    expect(proposals).toEqual([500]);
  });

  test("a forwarded put proposes first with the revision its forwarding node took", async () => {
    const { router, proposals } = setup(true, 0);
    await expect(router.put(key, value, { forwarded: true, revision: 900 })).resolves.toEqual({
      version: 900,
    });
    expect(proposals).toEqual([900]);
  });
});

describe("Router: a put forwarded from the oracle's node", () => {
  test("takes a revision with it when this node can hand one out at once", async () => {
    const { router, forwarded } = setup(true, 0, { leader: "n2", now: () => 700 });
    await expect(router.put(key, value, {})).resolves.toEqual({ version: 700 });
    expect(forwarded).toEqual([700]);
  });

  test("goes without one when the oracle is elsewhere, or some member does not support revisions", async () => {
    const elsewhere = setup(true, 0, { leader: "n2", now: () => undefined });
    await elsewhere.router.put(key, value, {});
    const noNow = setup(true, 0, { leader: "n2" });
    await noNow.router.put(key, value, {});
    const gateClosed = setup(false, 0, { leader: "n2", now: () => 700 });
    await gateClosed.router.put(key, value, {});
    expect([...elsewhere.forwarded, ...noNow.forwarded, ...gateClosed.forwarded]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
