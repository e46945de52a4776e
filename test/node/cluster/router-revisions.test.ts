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
}

/** n1 leads shard 0 (a replica whose floor is `floor`); `gateOpen`: every member supports revisions. */
function setup(gateOpen: boolean, floor: number): Setup {
  const clock = new VirtualClock();
  const proposals: (number | "plain")[] = [];
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
      softState: () => ({ leader: "n1", role: "leader" }),
      status: () => ({ progress }),
    },
    isLeader: () => true,
    leaderlessForMs: () => undefined,
  };
  let next = 500;
  const source: RevisionSource = { next: async () => next++ };
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
    proposeWrite: async (_r: unknown, command: (revision: number) => Command, revisions: RevisionSource) => {
      const revision = await revisions.next();
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
    peers: { get: () => ({}) },
    gossip: undefined,
  } as unknown as ClusterContext;
  const router = new Router(ctx, proposer, {
    stopping: () => false,
    selfDiverged: () => false,
    revisions: { source, enabled: () => gateOpen },
  });
  return { router, proposals };
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
});
