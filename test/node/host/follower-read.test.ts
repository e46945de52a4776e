// Follower reads (src/node/cluster/follower-read.ts) on real hosts over the in-memory network:
// a follower serves a linearizable get after asking its leader for the read index, and gives up
// (for the caller to ask the leader instead) when the leader cannot be reached.

import { afterEach, describe, expect, it } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { followerRead } from "../../../src/node/cluster/follower-read.ts";
import { replicaOracleMeta } from "../../../src/node/cluster/oracle-meta.ts";
import type { Proposer } from "../../../src/node/cluster/proposer.ts";
import { SYSTEM_CLOCK } from "../../../src/node/host/clock.ts";
import { withDeadline } from "../../../src/node/host/deadline.ts";
import type { HostOptions, MultiRaftHost } from "../../../src/node/host/host.ts";
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

const GROUP = "shard-0";
const IDS = ["n1", "n2", "n3"];
const hosts: MultiRaftHost[] = [];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

async function threeHosts(overrides: Partial<HostOptions> = {}): Promise<{
  network: MemoryNetwork;
  leader: MultiRaftHost;
  followers: MultiRaftHost[];
}> {
  const network = new MemoryNetwork();
  for (const id of IDS) {
    const store = new MemoryLogStore();
    for (const voter of IDS) {
      const index = store.group(GROUP).lastIndex() + 1;
      store.persist(GROUP, {
        snapshot: null,
        entries: [
          {
            term: 1,
            index,
            type: EntryType.ConfChange,
            data: encodeConfChange({
              transition: ConfChangeTransition.Auto,
              changes: [{ type: ConfChangeType.AddNode, nodeId: voter }],
            }),
          },
        ],
        hardState: { term: 1, vote: "", commit: index },
      });
    }
    const transport = network.transport(id, { addr: id });
    for (const peer of IDS) if (peer !== id) transport.setPeer(peer, peer);
    const host = testHost(id, { store, transport }, overrides);
    host.openReplica(GROUP);
    host.start();
    hosts.push(host);
  }
  const leader = await waitFor(
    () => hosts.find((h) => h.replica(GROUP)?.raw.status().role === Role.Leader) ?? null,
    { what: "a leader", timeoutMs: 10_000, intervalMs: 5 },
  );
  // Every follower knows the leader (a follower read needs one to ask).
  await waitFor(
    () =>
      hosts.every(
        (h) => h.replica(GROUP)!.raw.softState().leader === leader.replica(GROUP)!.raw.softState().leader,
      ) || null,
    {
      what: "every replica knows the leader",
      timeoutMs: 10_000,
      intervalMs: 5,
    },
  );
  return { network, leader, followers: hosts.filter((h) => h !== leader) };
}

describe("follower reads", () => {
  it("a follower serves each write acknowledged before the read started", async () => {
    const { leader, followers } = await threeHosts();
    for (let i = 0; i < 20; i++) {
      const put = leader
        .replica(GROUP)!
        .propose({ put: { key: encoder.encode("k"), value: encoder.encode(`v${i}`) } });
      leader.kick();
      await put;
      const follower = followers[i % followers.length]!;
      const found = await followerRead(
        follower.replica(GROUP)!,
        encoder.encode("k"),
        2_000,
        SYSTEM_CLOCK,
        () => follower.kick(),
      );
      expect(found && decoder.decode(found.value)).toBe(`v${i}`);
    }
  });

  it("a follower cut off from its leader gives up with Timeout within its bound, for the caller to go to the leader", async () => {
    const { network, leader, followers } = await threeHosts();
    const follower = followers[0]!;
    const leaderId = leader.replica(GROUP)!.raw.softState().leader;
    const followerId = IDS.find((id) => hosts[IDS.indexOf(id)] === follower)!;
    network.cut(followerId, leaderId);
    const started = Date.now();
    let error: unknown;
    try {
      await followerRead(follower.replica(GROUP)!, encoder.encode("k"), 150, SYSTEM_CLOCK, () =>
        follower.kick(),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RingkvError);
    expect((error as RingkvError).code).toBe("Timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("follower reads sharing a request", () => {
  it("reads begun before the request leaves share it; a read begun after it left asks anew", async () => {
    const { leader, followers } = await threeHosts();
    const f = followers[0]!.replica(GROUP)!;
    const coreReads: string[] = [];
    const readIndex = f.raw.readIndex.bind(f.raw);
    f.raw.readIndex = (context: string, byRound?: boolean) => {
      coreReads.push(context);
      readIndex(context, byRound);
    };
    const shared = [f.followerReadIndex(), f.followerReadIndex(), f.followerReadIndex()];
    followers[0]!.kick();
    const indexes = await Promise.all(shared.map((r) => r.index));
    expect(coreReads).toHaveLength(1);
    expect(new Set(indexes).size).toBe(1);
    // A write acknowledged after that request left must be seen by the next read.
    const l = leader.replica(GROUP)!;
    await l.propose({ put: { key: encoder.encode("k"), value: encoder.encode("after") } });
    const written = l.applied;
    const next = f.followerReadIndex();
    followers[0]!.kick();
    expect(await next.index).toBeGreaterThanOrEqual(written);
    expect(coreReads).toHaveLength(2);
  });

  it("the request is forgotten only when every sharer gave up, and no later read joins a forgotten one", async () => {
    const { followers } = await threeHosts();
    const host = followers[0]!;
    const f = host.replica(GROUP)!;
    const a = f.followerReadIndex();
    const b = f.followerReadIndex();
    a.cancel();
    host.kick();
    expect(await withDeadline(b.index, 2_000, "read index")).toBeGreaterThan(0);
    const d = f.followerReadIndex();
    const e = f.followerReadIndex();
    d.cancel();
    e.cancel();
    const c = f.followerReadIndex(); // before the pass: the forgotten request has not left
    host.kick();
    expect(await withDeadline(c.index, 2_000, "read index")).toBeGreaterThan(0);
  });
});

/** A lease far longer than a test: safe only where nothing depends on it ending. */
const LONG_LEASE = { readLease: { durationMs: 60_000, nowMs: () => performance.now() } };

describe("reads from a leader lease (read-lease.ts) on real hosts", () => {
  it("once a round gave the lease, a leader's reads enter the core no more, and followers' are answered without rounds", async () => {
    const { leader, followers } = await threeHosts(LONG_LEASE);
    const r = leader.replica(GROUP)!;
    const put = r.propose({ put: { key: encoder.encode("k"), value: encoder.encode("v1") } });
    await put;
    await r.leaderReadBarrier(); // no lease yet: a round, and a renewal round in the background
    await waitFor(() => leader.readLeaseStats.renewals > 0 || null, { what: "a lease", timeoutMs: 5_000 });
    const coreReads: string[] = [];
    const readIndex = r.raw.readIndex.bind(r.raw);
    r.raw.readIndex = (context: string, byRound?: boolean) => {
      coreReads.push(context);
      readIndex(context, byRound);
    };
    const served = leader.readLeaseStats.served;
    for (let i = 0; i < 10; i++) await r.leaderReadBarrier();
    expect(coreReads).toEqual([]);
    expect(leader.readLeaseStats.served).toBe(served + 10);
    const found = await followerRead(
      followers[0]!.replica(GROUP)!,
      encoder.encode("k"),
      2_000,
      SYSTEM_CLOCK,
      () => followers[0]!.kick(),
    );
    expect(found && decoder.decode(found.value)).toBe("v1");
    expect(leader.readLeaseStats.served).toBe(served + 11);
  });

  it("a leader cut off from its group serves reads only until its lease runs out", async () => {
    // Shorter than CheckQuorum takes to depose it (10 ticks of 5 ms at least): what stops the
    // reads below is the lease's end, not the loss of leadership.
    const durationMs = 20;
    const { network, leader } = await threeHosts({
      readLease: { durationMs, nowMs: () => performance.now() },
    });
    const r = leader.replica(GROUP)!;
    await r.leaderReadBarrier();
    await waitFor(() => leader.readLeaseStats.renewals > 0 || null, { what: "a lease", timeoutMs: 5_000 });
    const leaderId = r.raw.softState().leader;
    network.isolate(leaderId);
    const cutAt = performance.now();
    // Reads go on from the lease for a while, then stop: none is answered past its end.
    // A read is timed from when it was asked: it is answered then or not at all from a lease.
    let lastServedAt = cutAt;
    let refused: unknown;
    while (performance.now() - cutAt < 5_000) {
      const askedAt = performance.now();
      try {
        await withDeadline(r.leaderReadBarrier(), 500, "lease read");
        lastServedAt = askedAt;
        // A lease read resolves in microtasks alone: let the timers (ticks) run between reads.
        await new Promise((resolve) => setImmediate(resolve));
      } catch (e) {
        refused = e;
        break;
      }
    }
    expect(refused).toBeDefined();
    expect(lastServedAt - cutAt).toBeLessThan(durationMs);
  });
});

describe("the timestamp oracle's confirmation (oracle-meta.ts) and the read lease", () => {
  it("a confirmation always runs a round of its own: a leader cut off cannot confirm from its lease", async () => {
    const { network, leader } = await threeHosts(LONG_LEASE);
    const r = leader.replica(GROUP)!;
    await r.leaderReadBarrier();
    await waitFor(() => leader.readLeaseStats.renewals > 0 || null, { what: "a lease", timeoutMs: 5_000 });
    const oracleMeta = replicaOracleMeta(r, leader, {} as Proposer);
    await oracleMeta.confirmLeadership(); // connected: the round succeeds
    network.isolate(r.raw.softState().leader);
    await r.leaderReadBarrier(); // reads are still served from the (long) lease…
    // …but the oracle's confirmation waits for a quorum, until CheckQuorum deposes the leader.
    const outcome = await oracleMeta.confirmLeadership().then(
      () => "confirmed",
      (e: unknown) => `refused: ${(e as RingkvError).code}`,
    );
    expect(outcome).toBe("refused: NotLeader");
  });
});
