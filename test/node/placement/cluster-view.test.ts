// What every node derives from its copy of the meta group: the key → shard ring and every
// group's target placement. Leaving members are placed nowhere but stay meta learners; two nodes
// that applied the same member commands in different orders agree on every target.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { META_GROUP, shardGroup } from "../../../src/node/host/groups.ts";
import type { Command } from "../../../src/node/kv/command.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";
import { ClusterView, type GroupTarget } from "../../../src/node/placement/cluster-view.ts";
import { createHasher, placement, ShardRing } from "../../../src/ring/index.ts";

const hasher = await createHasher();

const join = (id: string): Command => ({ setMember: { id, addr: `${id}:7000`, http: `${id}:8000` } });
const leave = (id: string): Command => ({
  setMember: { id, addr: `${id}:7000`, http: `${id}:8000`, leaving: true },
});
const remove = (id: string): Command => ({ removeMember: id });
const config = (shardCount: number, replicationFactor: number): Command => ({
  setConfig: { shardCount, replicationFactor },
});

/** A meta state machine that applied `commands` at indexes 1, 2, 3, … */
function metaOf(commands: readonly Command[]): KvStateMachine {
  const sm = new KvStateMachine();
  for (const [i, command] of commands.entries()) sm.apply(command, i + 1);
  return sm;
}

function viewOf(commands: readonly Command[]): ClusterView {
  return new ClusterView(hasher, metaOf(commands));
}

const key = (text: string) => new TextEncoder().encode(text);

function shardTargets(view: ClusterView, shardCount: number): (GroupTarget | null)[] {
  return Array.from({ length: shardCount }, (_, shard) => view.target(shardGroup(shard)));
}

describe("ClusterView before the cluster is configured", () => {
  it("without a config no key has a shard and no group a target", () => {
    for (const view of [viewOf([]), viewOf([join("a"), join("b")])]) {
      expect(view.config).toBeNull();
      expect(view.ring).toBeNull();
      expect(view.placement).toBeNull();
      expect(view.shardOf(key("k"))).toBeNull();
      expect(view.target(META_GROUP)).toBeNull();
      expect(view.target(shardGroup(0))).toBeNull();
    }
  });

  it("with a config but no active member, keys route but no group has a target", () => {
    for (const view of [viewOf([config(8, 3)]), viewOf([config(8, 3), join("a"), leave("a")])]) {
      const shard = view.shardOf(key("k"));
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(8);
      expect(view.placement).toBeNull();
      expect(view.target(META_GROUP)).toBeNull();
      expect(view.target(shardGroup(0))).toBeNull();
    }
  });
});

describe("ClusterView of a configured cluster", () => {
  it("routes keys as the shard ring of the configured shard count does", () => {
    const view = viewOf([config(12, 3), join("a")]);
    const ring = new ShardRing(hasher, { shardCount: 12 });
    for (const k of ["", "a", "user/42", "\u00ff\u0000"])
      expect(view.shardOf(key(k))).toBe(ring.shardOfBytes(key(k)));
  });

  it("every shard's target has min(R, active members) distinct active voters and no learners", () => {
    for (const [members, r] of [
      [["a", "b", "c", "d", "e"], 3],
      [["a", "b"], 3],
      [["a", "b", "c"], 1],
    ] as const) {
      const view = viewOf([config(16, r), ...members.map(join)]);
      for (const target of shardTargets(view, 16)) {
        expect(target!.learners).toEqual([]);
        expect(new Set(target!.voters).size).toBe(Math.min(r, members.length));
        for (const id of target!.voters) expect(members).toContain(id);
      }
    }
  });

  it("shard targets are the placement's replica sets, preferred leader first", () => {
    const view = viewOf([config(8, 3), join("a"), join("b"), join("c"), join("d")]);
    const expected = placement(hasher, {
      members: ["a", "b", "c", "d"],
      shardCount: 8,
      replicationFactor: 3,
    });
    expect(shardTargets(view, 8).map((t) => t!.voters)).toEqual(expected.replicas);
  });

  it("the meta group has min(R, active) voters and every other member as a learner", () => {
    const view = viewOf([config(4, 3), ...["a", "b", "c", "d", "e"].map(join)]);
    const meta = view.target(META_GROUP)!;
    expect(meta.voters).toHaveLength(3);
    expect([...meta.voters, ...meta.learners].sort()).toEqual(["a", "b", "c", "d", "e"]);
    const one = placement(hasher, {
      members: ["a", "b", "c", "d", "e"],
      shardCount: 1,
      replicationFactor: 3,
    });
    expect(meta.voters).toEqual(one.replicas[0]);
  });

  it("a leaving member is placed in no shard and votes in no meta quorum, but stays a meta learner", () => {
    const members = ["a", "b", "c", "d"];
    for (const leaver of members) {
      const view = viewOf([config(16, 3), ...members.map(join), leave(leaver)]);
      for (const target of shardTargets(view, 16)) expect(target!.voters).not.toContain(leaver);
      const meta = view.target(META_GROUP)!;
      expect(meta.voters).not.toContain(leaver);
      expect(meta.learners).toContain(leaver);
      expect(view.members.find((m) => m.id === leaver)?.leaving).toBe(true);
    }
  });

  it("a removed member is gone from every target", () => {
    const view = viewOf([config(8, 3), ...["a", "b", "c", "d"].map(join), leave("b"), remove("b")]);
    expect(view.members.map((m) => m.id)).toEqual(["a", "c", "d"]);
    const meta = view.target(META_GROUP)!;
    expect([...meta.voters, ...meta.learners].sort()).toEqual(["a", "c", "d"]);
    for (const target of shardTargets(view, 8)) expect(target!.voters).not.toContain("b");
  });

  it("groups that are not this cluster's have no target", () => {
    const view = viewOf([config(4, 3), join("a"), join("b")]);
    for (const group of [shardGroup(4), "shard-01", "shard--1", "shard-", "metadata", ""]) {
      expect(view.target(group), group).toBeNull();
    }
  });

  it("follows the meta state as it changes", () => {
    const sm = metaOf([config(8, 3), join("a")]);
    const view = new ClusterView(hasher, sm);
    expect(view.target(shardGroup(0))!.voters).toEqual(["a"]);
    sm.apply(join("b"), 10);
    sm.apply(join("c"), 11);
    expect([...view.target(shardGroup(0))!.voters].sort()).toEqual(["a", "b", "c"]);
    sm.apply(leave("c"), 12);
    expect([...view.target(shardGroup(0))!.voters].sort()).toEqual(["a", "b"]);
    expect(view.target(META_GROUP)!.learners).toEqual(["c"]);
  });
});

// Properties --------------------------------------------------------------------------------

const POOL = ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"];
type Fate = "absent" | "active" | "leaving" | "removed";

/** Each member's own commands, in the order they must apply. */
function history(id: string, fate: Fate): Command[] {
  if (fate === "absent") return [];
  if (fate === "active") return [join(id)];
  if (fate === "leaving") return [join(id), leave(id)];
  return [join(id), leave(id), remove(id)];
}

interface Cluster {
  readonly shardCount: number;
  readonly replicationFactor: number;
  readonly fates: Readonly<Record<string, Fate>>;
  /** Two ways to apply the same commands: members in different orders, the config anywhere. */
  readonly orders: readonly { members: readonly string[]; configAt: number }[];
}

const clusterArb: fc.Arbitrary<Cluster> = fc.record({
  shardCount: fc.integer({ min: 1, max: 16 }),
  replicationFactor: fc.integer({ min: 1, max: 5 }),
  fates: fc
    .array(fc.constantFrom<Fate>("absent", "active", "active", "leaving", "removed"), {
      minLength: POOL.length,
      maxLength: POOL.length,
    })
    .map((fates) => Object.fromEntries(POOL.map((id, i) => [id, fates[i]!]))),
  orders: fc.array(
    fc.record({
      members: fc.shuffledSubarray(POOL, { minLength: POOL.length }),
      configAt: fc.nat({ max: POOL.length }),
    }),
    { minLength: 2, maxLength: 2 },
  ),
});

function commandsOf(cluster: Cluster, order: Cluster["orders"][number]): Command[] {
  const histories = order.members.map((id) => history(id, cluster.fates[id]!));
  histories.splice(order.configAt, 0, [config(cluster.shardCount, cluster.replicationFactor)]);
  return histories.flat();
}

describe("ClusterView over random member lists", () => {
  it("targets place active members only, R at a time, with every listed member in meta", () => {
    fc.assert(
      fc.property(clusterArb, (cluster) => {
        const view = viewOf(commandsOf(cluster, cluster.orders[0]!));
        const listed = POOL.filter((id) => ["active", "leaving"].includes(cluster.fates[id]!));
        const active = POOL.filter((id) => cluster.fates[id] === "active");
        expect(view.members.map((m) => m.id)).toEqual(listed);
        const shards = shardTargets(view, cluster.shardCount);
        const meta = view.target(META_GROUP);
        if (active.length === 0) {
          expect([meta, ...shards].every((t) => t === null)).toBe(true);
          return;
        }
        const r = Math.min(cluster.replicationFactor, active.length);
        for (const target of [...shards, meta]) {
          expect(new Set(target!.voters).size).toBe(r);
          expect(target!.voters.every((id) => active.includes(id))).toBe(true);
        }
        expect(shards.every((t) => t!.learners.length === 0)).toBe(true);
        expect([...meta!.voters, ...meta!.learners].sort()).toEqual(listed);
        expect(view.target(shardGroup(cluster.shardCount))).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it("two nodes that applied the same commands in different member orders agree on everything", () => {
    fc.assert(
      fc.property(clusterArb, (cluster) => {
        const [a, b] = cluster.orders.map((order) => viewOf(commandsOf(cluster, order)));
        expect(b!.config).toEqual(a!.config);
        expect(b!.members).toEqual(a!.members);
        expect(b!.target(META_GROUP)).toEqual(a!.target(META_GROUP));
        expect(shardTargets(b!, cluster.shardCount)).toEqual(shardTargets(a!, cluster.shardCount));
        for (const k of ["x", "y/1", "z/22"]) expect(b!.shardOf(key(k))).toBe(a!.shardOf(key(k)));
      }),
      { numRuns: 60 },
    );
  });
});
