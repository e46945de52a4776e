// The multi-Raft host with its in-memory twins (log store and transport): the Ready loop
// persists, syncs once per pass for all groups, sends, applies and answers proposals.

import { afterEach, describe, expect, it, vi } from "vitest";
import { type Clock, SYSTEM_CLOCK } from "../../../src/node/host/clock.ts";
import type { MultiRaftHost } from "../../../src/node/host/host.ts";
import {
  ConfChangeTransition,
  ConfChangeType,
  EntryType,
  encodeConfChange,
  Role,
} from "../../../src/raft/index.ts";
import { MemoryLogStore } from "../../../src/storage/log-store.ts";
import { MemoryNetwork } from "../../../src/transport/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { testHost } from "./test-host.ts";

const GROUPS = ["shard-0", "shard-1"];
const hosts: MultiRaftHost[] = [];

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

/** Shared polling with a deadline (no fixed sleeps). */
const until = (what: string, condition: () => boolean): Promise<true> =>
  waitFor(() => condition() || null, { what, timeoutMs: 10_000, intervalMs: 5 }).then(() => true);

interface Started {
  readonly stores: Map<string, MemoryLogStore>;
  readonly transports: Map<string, ReturnType<MemoryNetwork["transport"]>>;
}

/** Three hosts n1..n3, each with a replica of every group in GROUPS, started. */
function startHosts(options: {
  tickMs: number;
  isNodeLive?: (id: string) => boolean;
  mayQuiesce?: (group: string) => boolean;
  /** n1's clock (the others use the system clock). */
  clock?: Clock;
}): Started {
  const network = new MemoryNetwork();
  const stores = new Map<string, MemoryLogStore>();
  const transports = new Map<string, ReturnType<MemoryNetwork["transport"]>>();
  for (const id of ["n1", "n2", "n3"]) {
    const store = new MemoryLogStore();
    stores.set(id, store);
    for (const group of GROUPS) {
      // Every member starts from the same founding log, as three bootstrapped replicas would.
      for (const voter of ["n1", "n2", "n3"]) {
        const index = store.group(group).lastIndex() + 1;
        const data = encodeConfChange({
          transition: ConfChangeTransition.Auto,
          changes: [{ type: ConfChangeType.AddNode, nodeId: voter }],
        });
        store.persist(group, {
          snapshot: null,
          entries: [{ term: 1, index, type: EntryType.ConfChange, data }],
          hardState: { term: 1, vote: "", commit: index },
        });
      }
    }
    const transport = network.transport(id, { addr: id });
    transports.set(id, transport);
    for (const peer of ["n1", "n2", "n3"]) if (peer !== id) transport.setPeer(peer, peer);
    const host = testHost(
      id,
      { store, transport },
      {
        tickMs: options.tickMs,
        snapshotEntries: 8, // small, so the replicas snapshot and compact during the test
        ...(options.isNodeLive ? { isNodeLive: options.isNodeLive } : {}),
        ...(options.mayQuiesce ? { mayQuiesce: options.mayQuiesce } : {}),
        ...(options.clock && id === "n1" ? { clock: options.clock } : {}),
      },
    );
    for (const group of GROUPS) host.openReplica(group);
    host.start();
    hosts.push(host);
  }
  return { stores, transports };
}

describe("multi-Raft host", () => {
  it("replicates proposals of several groups through one Ready loop, one sync per pass", async () => {
    const { stores } = startHosts({ tickMs: 5 });

    const leaderOf = (group: string) =>
      hosts.find((h) => h.replica(group)?.raw.status().role === Role.Leader);
    await until("a leader in every group", () => GROUPS.every((g) => leaderOf(g) !== undefined));

    const results = await Promise.all(
      GROUPS.flatMap((group) =>
        Array.from({ length: 20 }, (_, i) => {
          const replica = leaderOf(group)!.replica(group)!;
          const put = replica.propose({
            put: { key: new TextEncoder().encode(`k${i}`), value: new Uint8Array([i]) },
          });
          leaderOf(group)!.kick();
          return put;
        }),
      ),
    );
    expect(results.every((r) => r.kind === "put")).toBe(true);

    // Every replica of every group converges on the same data.
    await until("all replicas applied every write", () =>
      hosts.every((h) => GROUPS.every((g) => h.replica(g)!.sm.keyCount === 20)),
    );
    // Snapshots were taken in the background and let the log go.
    await until("every replica compacted its log", () =>
      [...stores.values()].every((st) => GROUPS.every((g) => st.group(g).firstIndex() > 8)),
    );
    // Group commit: 40 writes in two groups were made durable with far fewer syncs per node.
    for (const store of stores.values()) expect(store.syncCount).toBeLessThan(40);
  });

  it("a pass looks only at the groups that got work, not at every replica", async () => {
    // Ticks a minute apart: nothing but the test's own calls makes work.
    const { transports } = startHosts({ tickMs: 60_000 });
    const [a, b] = GROUPS as [string, string];
    // The founding configuration is in the log: a replica is a voter once it applied it.
    await until("every replica applied its founding log", () =>
      hosts.every((h) => GROUPS.every((g) => h.replica(g)!.applied >= 3)),
    );
    for (const group of GROUPS) {
      const r = hosts[0]!.replica(group)!;
      r.raw.campaign();
      hosts[0]!.kick(r);
    }
    await until("n1 leads both groups", () => GROUPS.every((g) => hosts[0]!.replica(g)!.isLeader()));
    await until("every replica applied the leader's no-op", () =>
      hosts.every((h) => GROUPS.every((g) => h.replica(g)!.applied >= 4)),
    );
    // …and nothing of it is still on the way (a leader's commit update, a follower's answer):
    // the network stays silent over a few turns of the event loop.
    const sent = (): number => [...transports.values()].reduce((sum, t) => sum + t.stats().messagesSent, 0);
    let quietTurns = 0;
    let lastSent = -1;
    // Polled every 5 ms: three polls in a row see the same count.
    await until("no message on the way", () => {
      quietTurns = sent() === lastSent ? quietTurns + 1 : 0;
      lastSent = sent();
      return quietTurns >= 3;
    });
    const untouched = hosts.map((h) => vi.spyOn(h.replica(b)!.raw, "hasReady"));
    const leader = hosts[0]!.replica(a)!;
    const puts = Array.from({ length: 5 }, (_, i) =>
      leader.propose({ put: { key: new TextEncoder().encode(`k${i}`), value: new Uint8Array([i]) } }),
    );
    await Promise.all(puts);
    await until("every replica of the busy group applied the writes", () =>
      hosts.every((h) => h.replica(a)!.sm.keyCount === 5),
    );
    for (const spy of untouched) expect(spy).not.toHaveBeenCalled();
  });

  it("applies committed entries while the pass's log write is in flight", async () => {
    const { stores } = startHosts({ tickMs: 5 });
    const group = GROUPS[0]!;
    const leaderOf = () => hosts.find((h) => h.replica(group)?.isLeader());
    await until("a leader", () => leaderOf() !== undefined);
    const put = (i: number) =>
      leaderOf()!
        .replica(group)!
        .propose({ put: { key: new TextEncoder().encode(`k${i}`), value: new Uint8Array([i]) } });
    await put(0);
    // From now on, at every fsync of every node: the commit index this pass persisted, and how
    // far the replica had applied when the pass began waiting for the disk.
    const seen: { node: string; commit: number; applied: number }[] = [];
    for (const [id, store] of stores) {
      const host = hosts[Number(id.slice(1)) - 1]!;
      const sync = store.sync.bind(store);
      store.sync = () => {
        const commit = store.group(group).initialState().hardState.commit;
        seen.push({ node: id, commit, applied: host.replica(group)!.applied });
        return sync();
      };
    }
    // One at a time: each append carries the commit of the write before it, so a follower's
    // pass persists a new entry (and must sync) and applies the previous one in the same pass.
    for (let i = 1; i <= 5; i++) await put(i);
    // Not vacuous: passes that synced had advanced the commit index since that node's last sync.
    const advancedInASyncingPass = seen.filter((s, i) =>
      seen.slice(0, i).some((earlier) => earlier.node === s.node && earlier.commit < s.commit),
    );
    expect(advancedInASyncingPass.length).toBeGreaterThanOrEqual(3);
    // Nothing committed waited for this node's own disk.
    for (const s of seen) expect(s.applied).toBe(s.commit);
  });

  it("with a liveness oracle, idle groups go quiet and nothing crosses the network", async () => {
    // Counts the passes n1 schedules (every pass starts from its clock's setImmediate).
    let passesScheduled = 0;
    const clock: Clock = {
      ...SYSTEM_CLOCK,
      setImmediate(fn) {
        passesScheduled++;
        SYSTEM_CLOCK.setImmediate(fn);
      },
    };
    const { transports } = startHosts({ tickMs: 5, isNodeLive: () => true, clock });
    await until("every replica of every group is quiescent", () =>
      hosts.every((h) => GROUPS.every((g) => h.replica(g)!.raw.quiescent)),
    );
    const sent = (): number => [...transports.values()].reduce((sum, t) => sum + t.stats().messagesSent, 0);
    const ticks = (count: number) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        hosts[0]!.onTick(() => {
          if (++seen === count) resolve();
        });
      });
    // A replica is quiescent as soon as its core says so, but the pass that made it so may still
    // be awaiting its fsync with the answers it sends after it (host.ts: "late" messages): let
    // the passes in flight finish before counting.
    await ticks(3);
    const before = sent();
    const passesBefore = passesScheduled;
    const ticksLater = hosts[0]!.replica(GROUPS[0]!)!.raw.status().term;
    // 40 ticks (two election timeouts and more) go by: no heartbeats, no elections, and not
    // even a pass over nothing (each would be one more wake-up of an idle node).
    await ticks(40);
    expect(sent()).toBe(before);
    expect(passesScheduled).toBe(passesBefore);
    expect(hosts[0]!.replica(GROUPS[0]!)!.raw.status().term).toBe(ticksLater);
    // A write wakes its group, commits, and the group goes quiet again.
    const leader = hosts.find((h) => h.replica(GROUPS[0]!)!.isLeader())!.replica(GROUPS[0]!)!;
    await leader.propose({ put: { key: new TextEncoder().encode("k"), value: new Uint8Array([1]) } });
    expect(sent()).toBeGreaterThan(before);
    await until("the group is quiet again", () => hosts.every((h) => h.replica(GROUPS[0]!)!.raw.quiescent));
  });

  it("a group that may not quiesce keeps heartbeating while the others go quiet", async () => {
    const [quiet, awake] = GROUPS as [string, string];
    startHosts({ tickMs: 5, isNodeLive: () => true, mayQuiesce: (group) => group !== awake });
    await until("the other group is quiescent everywhere", () =>
      hosts.every((h) => h.replica(quiet)!.raw.quiescent),
    );
    // Over 40 ticks (two election timeouts and more), none of its replicas goes quiet.
    for (let i = 0; i < 40; i++) {
      expect(hosts.some((h) => h.replica(awake)!.raw.quiescent)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
});
