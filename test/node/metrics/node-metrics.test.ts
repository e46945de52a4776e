// The series an operator looks for on /metrics appear and move with what the node does: three
// in-memory hosts replicate one group, each reporting to its own registry.

import { afterEach, describe, expect, it } from "vitest";
import type { MemberState } from "../../../src/api/kv-api.ts";
import type { MultiRaftHost } from "../../../src/node/host/host.ts";
import { Metrics } from "../../../src/node/metrics.ts";
import { NodeMetrics } from "../../../src/node/raft-metrics.ts";
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
import { testHost } from "../host/test-host.ts";

const GROUP = "shard-0";
const IDS = ["n1", "n2", "n3"];
const hosts: MultiRaftHost[] = [];

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

/** The value of one series in Prometheus text (undefined when the series is absent). */
function sample(text: string, name: string, labels = ""): number | undefined {
  const escaped = `${name}${labels ? `{${labels}}` : ""}`.replace(/[{}"|.*+?^$()[\]\\]/g, "\\$&");
  const match = new RegExp(`^${escaped} (\\S+)$`, "m").exec(text);
  return match ? Number(match[1]) : undefined;
}

interface Sources {
  snapshotsSent: number;
  messagesSent: number;
  batchesSent: number;
  messagesReceived: number;
  batchesReceived: number;
  droppedOverflow: number;
  droppedUnreachable: number;
  queued: number;
  states: MemberState[];
  probesFailed: number;
  moving: number;
  revisionsFromLease: number;
  revisionsAfterRound: number;
  readsFromLease: number;
  readLeaseRenewals: number;
  followerReads: number;
  followerReadFallbacks: number;
  staleRevisionRetries: number;
}

function startHosts(): {
  metrics: Map<string, Metrics>;
  observers: Map<string, NodeMetrics>;
  sources: Sources;
} {
  const network = new MemoryNetwork();
  const metrics = new Map<string, Metrics>();
  const observers = new Map<string, NodeMetrics>();
  const sources: Sources = {
    snapshotsSent: 0,
    messagesSent: 0,
    batchesSent: 0,
    messagesReceived: 0,
    batchesReceived: 0,
    droppedOverflow: 0,
    droppedUnreachable: 0,
    queued: 0,
    states: ["alive", "alive", "alive"],
    probesFailed: 0,
    moving: 0,
    revisionsFromLease: 0,
    revisionsAfterRound: 0,
    readsFromLease: 0,
    readLeaseRenewals: 0,
    followerReads: 0,
    followerReadFallbacks: 0,
    staleRevisionRetries: 0,
  };
  for (const id of IDS) {
    const store = new MemoryLogStore();
    for (const voter of IDS) {
      const index = store.group(GROUP).lastIndex() + 1;
      const data = encodeConfChange({
        transition: ConfChangeTransition.Auto,
        changes: [{ type: ConfChangeType.AddNode, nodeId: voter }],
      });
      store.persist(GROUP, {
        snapshot: null,
        entries: [{ term: 1, index, type: EntryType.ConfChange, data }],
        hardState: { term: 1, vote: "", commit: index },
      });
    }
    const transport = network.transport(id, { addr: id });
    for (const peer of IDS) if (peer !== id) transport.setPeer(peer, peer);
    const registry = new Metrics({ processMetrics: false });
    let host: MultiRaftHost | undefined;
    const observer = new NodeMetrics(registry, {
      replicas: () => host?.replicas() ?? [],
      dataQuotaBytes: 1 << 20,
      rebalanceMoving: () => sources.moving,
      transport: () => ({ ...sources, queueLengths: [["n9", sources.queued]] }),
      gossip: () => sources,
      requestPath: () => sources,
    });
    host = testHost(id, { store, transport }, { snapshotEntries: 8, observer });
    host.openReplica(GROUP);
    host.start();
    hosts.push(host);
    metrics.set(id, registry);
    observers.set(id, observer);
  }
  return { metrics, observers, sources };
}

const until = (what: string, condition: () => boolean): Promise<unknown> =>
  waitFor(() => condition() || null, { what, timeoutMs: 10_000, intervalMs: 5 });

describe("node metrics", () => {
  it("each series appears and moves with writes, leader changes, snapshots and failures", async () => {
    const { metrics, observers, sources } = startHosts();
    const leaderIndex = (): number =>
      hosts.findIndex((h) => h.replica(GROUP)?.raw.status().role === Role.Leader);
    await until("a leader", () => leaderIndex() >= 0);
    const leader = hosts[leaderIndex()]!;
    const leaderId = IDS[leaderIndex()]!;
    const text = (id = leaderId): Promise<string> => metrics.get(id)!.text();
    const group = `group="${GROUP}"`;

    // The core knows it leads before the host has handled that Ready (where changes are counted).
    await waitFor(async () => (sample(await text(), "ringkv_raft_leader_changes_total", group) ?? 0) >= 1, {
      what: "the leader change counted",
      timeoutMs: 10_000,
      intervalMs: 5,
    });
    const before = await text();
    expect(sample(before, "ringkv_raft_has_leader", group)).toBe(1);
    expect(sample(before, "ringkv_raft_proposal_commit_duration_seconds_count")).toBe(0);
    expect(sample(before, "ringkv_raft_proposals_failed_total")).toBe(0);

    const writes = Array.from({ length: 20 }, (_, i) => {
      const put = leader.replica(GROUP)!.propose({
        put: { key: new TextEncoder().encode(`k${i}`), value: new Uint8Array([i]) },
      });
      leader.kick();
      return put;
    });
    // Proposals wait until applied: the pending gauge sees them.
    expect(sample(await text(), "ringkv_raft_proposals_pending")).toBe(20);
    await Promise.all(writes);

    const after = await text();
    expect(sample(after, "ringkv_raft_proposals_pending")).toBe(0);
    expect(sample(after, "ringkv_raft_proposal_commit_duration_seconds_count")).toBe(20);
    expect(sample(after, "ringkv_raft_proposal_apply_duration_seconds_count")).toBe(20);
    expect(sample(after, "ringkv_wal_fsync_duration_seconds_count")).toBeGreaterThan(0);
    expect(sample(after, "ringkv_raft_follower_lag_entries", group)).toBeGreaterThanOrEqual(0);
    expect(sample(after, "ringkv_quota_used_bytes")).toBeGreaterThan(0);
    expect(sample(after, "ringkv_quota_bytes")).toBe(1 << 20);
    // Snapshots are written in the background, every 8 entries here.
    await waitFor(async () => (sample(await text(), "ringkv_snapshots_taken_total") ?? 0) > 0, {
      what: "a snapshot counted",
      timeoutMs: 10_000,
      intervalMs: 5,
    });

    // Followers: no lag series (leaders only); a proposal there fails and is counted.
    const follower = IDS.find((id) => id !== leaderId)!;
    const followerHost = hosts[IDS.indexOf(follower)]!;
    expect(sample(await text(follower), "ringkv_raft_follower_lag_entries", group)).toBeUndefined();
    expect(() => followerHost.replica(GROUP)!.propose({ delete: { key: new Uint8Array([1]) } })).toThrow(
      /not the leader/,
    );
    expect(sample(await text(follower), "ringkv_raft_proposals_failed_total")).toBe(1);

    // Sources read when scraped: transport, gossip, rebalance.
    Object.assign(sources, {
      snapshotsSent: 2,
      droppedOverflow: 3,
      droppedUnreachable: 4,
      queued: 5,
      probesFailed: 6,
      moving: 1,
      revisionsFromLease: 7,
      revisionsAfterRound: 8,
      followerReads: 9,
      followerReadFallbacks: 10,
      staleRevisionRetries: 11,
      readsFromLease: 12,
      readLeaseRenewals: 13,
      messagesSent: 14,
      batchesSent: 15,
      messagesReceived: 16,
      batchesReceived: 17,
    });
    sources.states = ["alive", "suspect", "dead"];
    observers.get(leaderId)!.rebalanceMoveDone();
    const moved = await text();
    expect(sample(moved, "ringkv_snapshots_sent_total")).toBe(2);
    expect(sample(moved, "ringkv_peer_messages_dropped_total", 'reason="overflow"')).toBe(3);
    expect(sample(moved, "ringkv_peer_messages_dropped_total", 'reason="unreachable"')).toBe(4);
    expect(sample(moved, "ringkv_peer_queue_messages", 'peer="n9"')).toBe(5);
    expect(sample(moved, "ringkv_peer_messages_total", 'direction="sent"')).toBe(14);
    expect(sample(moved, "ringkv_peer_batches_total", 'direction="sent"')).toBe(15);
    expect(sample(moved, "ringkv_peer_messages_total", 'direction="received"')).toBe(16);
    expect(sample(moved, "ringkv_peer_batches_total", 'direction="received"')).toBe(17);
    expect(sample(moved, "ringkv_gossip_probe_failures_total")).toBe(6);
    expect(sample(moved, "ringkv_gossip_members", 'state="suspect"')).toBe(1);
    expect(sample(moved, "ringkv_gossip_members", 'state="alive"')).toBe(1);
    expect(sample(moved, "ringkv_gossip_members", 'state="left"')).toBe(0);
    expect(sample(moved, "ringkv_rebalance_moves_in_flight")).toBe(1);
    expect(sample(moved, "ringkv_rebalance_moves_done_total")).toBe(1);
    expect(sample(moved, "ringkv_revision_batches_total", 'served="lease"')).toBe(7);
    expect(sample(moved, "ringkv_revision_batches_total", 'served="round"')).toBe(8);
    expect(sample(moved, "ringkv_follower_reads_total", 'outcome="served"')).toBe(9);
    expect(sample(moved, "ringkv_follower_reads_total", 'outcome="fallback"')).toBe(10);
    expect(sample(moved, "ringkv_stale_revision_retries_total")).toBe(11);
    expect(sample(moved, "ringkv_lease_reads_total")).toBe(12);
    expect(sample(moved, "ringkv_read_lease_renewals_total")).toBe(13);
  });

  it("a replica dropped from a node takes its per-group series with it (issue 11 §11)", async () => {
    const { metrics } = startHosts();
    await until("a leader", () => hosts.some((h) => h.replica(GROUP)?.raw.status().role === Role.Leader));
    const index = hosts.findIndex((h) => h.replica(GROUP)?.raw.status().role !== Role.Leader);
    const id = IDS[index]!;
    const group = `group="${GROUP}"`;
    // Counted when the host handles the Ready that told the follower, not when the core knew.
    await waitFor(
      async () => sample(await metrics.get(id)!.text(), "ringkv_raft_leader_changes_total", group),
      {
        what: "the follower's leader change counted",
        timeoutMs: 10_000,
        intervalMs: 5,
      },
    );
    const held = await metrics.get(id)!.text();
    for (const name of [
      "ringkv_raft_term",
      "ringkv_raft_applied_index",
      "ringkv_kv_keys",
      "ringkv_raft_has_leader",
    ]) {
      expect(sample(held, name, group), name).toBeDefined();
    }
    expect(sample(held, "ringkv_raft_leader_changes_total", group)).toBeDefined();

    hosts[index]!.dropReplica(GROUP);
    const dropped = await metrics.get(id)!.text();
    expect(dropped).not.toContain(group);
  });
});
