// The node's own series on /metrics, named as an etcd operator looks for them (etcd's
// `disk_wal_fsync_duration_seconds`, `server_has_leader`, `server_leader_changes_seen_total`,
// `server_proposals_pending`/`_failed_total`, …) under the `ringkv_` prefix.
//
// Two kinds: events counted where they happen (NodeMetrics is the host's HostObserver: WAL
// syncs, proposal latencies, leader changes, snapshots, rebalance moves), and state read when
// scraped (terms, indexes, leaders, lag, queue lengths, gossip states, quota) — nothing of the
// second kind costs anything between scrapes. Per-group series exist only for the replicas this
// node holds now: a replica that moved off takes its series with it.
import type { Counter } from "prom-client";
import type { MemberState } from "../api/kv-api.ts";
import { Role } from "../raft/index.ts";
import type { HostObserver } from "./host/host-observer.ts";
import type { Replica } from "./host/replica.ts";
import { LATENCY_BUCKETS_SECONDS, type Metrics } from "./metrics.ts";

/** fsync times span tens of microseconds (NVMe) to seconds (a stalled disk); as etcd's, finer. */
const FSYNC_BUCKETS_SECONDS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048,
  4.096,
];

const MEMBER_STATES: readonly MemberState[] = ["alive", "suspect", "dead", "left"];

/** What the node can be asked when /metrics is scraped; each part is optional. */
export interface NodeMetricsSources {
  readonly replicas: () => Iterable<Replica>;
  /** The per-node data quota, in bytes. */
  readonly dataQuotaBytes?: number;
  /** Groups led here whose replicas are moving toward placement. */
  readonly rebalanceMoving?: () => number;
  readonly transport?: () => {
    readonly snapshotsSent: number;
    readonly messagesSent: number;
    readonly batchesSent: number;
    readonly messagesReceived: number;
    readonly batchesReceived: number;
    readonly droppedOverflow: number;
    readonly droppedUnreachable: number;
    readonly queueLengths: Iterable<readonly [peer: string, messages: number]>;
  };
  readonly gossip?: () => {
    readonly states: Iterable<MemberState>;
    readonly probesFailed: number;
  };
  /** How requests took their short cuts: counters since the node started. */
  readonly requestPath?: () => {
    /** Revision batches this node's oracle served from its meta lease, and after a ReadIndex round. */
    readonly revisionsFromLease: number;
    readonly revisionsAfterRound: number;
    /** Linearizable reads leaders answered from their lease, and the rounds that renewed leases. */
    readonly readsFromLease: number;
    readonly readLeaseRenewals: number;
    /** Linearizable gets a local follower served, and those it handed to the leader. */
    readonly followerReads: number;
    readonly followerReadFallbacks: number;
    /** Writes proposed again because their shard had applied a higher revision. */
    readonly staleRevisionRetries: number;
  };
}

export class NodeMetrics implements HostObserver {
  readonly #walSync;
  readonly #proposalCommit;
  readonly #proposalApply;
  readonly #proposalsFailed;
  readonly #leaderChanges: Counter<"group">;
  readonly #snapshotsTaken;
  readonly #movesDone;

  constructor(metrics: Metrics, sources: NodeMetricsSources) {
    this.#walSync = metrics.histogram({
      name: "ringkv_wal_fsync_duration_seconds",
      help: "Time to make one group-commit batch of the write-ahead log durable (one O_DSYNC write, or write + fdatasync).",
      buckets: FSYNC_BUCKETS_SECONDS,
    });
    this.#proposalCommit = metrics.histogram({
      name: "ringkv_raft_proposal_commit_duration_seconds",
      help: "From a proposal on this node to the Ready that hands it over as committed.",
      buckets: LATENCY_BUCKETS_SECONDS,
    });
    this.#proposalApply = metrics.histogram({
      name: "ringkv_raft_proposal_apply_duration_seconds",
      help: "From a proposal's commit being known here to its apply (includes the batch's fsync).",
      buckets: LATENCY_BUCKETS_SECONDS,
    });
    this.#proposalsFailed = metrics.counter({
      name: "ringkv_raft_proposals_failed_total",
      help: "Proposals made on this node that failed: refused, dropped, overwritten, or abandoned.",
    });
    this.#leaderChanges = metrics.counter({
      name: "ringkv_raft_leader_changes_total",
      help: "Leader changes each group's replica here has seen (including to no leader).",
      labelNames: ["group"],
    });
    this.#snapshotsTaken = metrics.counter({
      name: "ringkv_snapshots_taken_total",
      help: "State machine snapshots written by this node's replicas.",
    });
    this.#movesDone = metrics.counter({
      name: "ringkv_rebalance_moves_done_total",
      help: "Replica moves led from this node that reached their placement target.",
    });
    registerGroupGauges(metrics, sources.replicas);
    registerNodeGauges(metrics, sources);
  }

  now(): number {
    return performance.now();
  }

  walSynced(seconds: number): void {
    this.#walSync.observe(seconds);
  }

  proposalApplied(proposeToCommitSeconds: number, commitToApplySeconds: number): void {
    this.#proposalCommit.observe(proposeToCommitSeconds);
    this.#proposalApply.observe(commitToApplySeconds);
  }

  proposalFailed(): void {
    this.#proposalsFailed.inc();
  }

  leaderChanged(group: string): void {
    this.#leaderChanges.inc({ group });
  }

  snapshotTaken(): void {
    this.#snapshotsTaken.inc();
  }

  replicaDropped(group: string): void {
    this.#leaderChanges.remove({ group });
  }

  rebalanceMoveDone(): void {
    this.#movesDone.inc();
  }
}

/** Per-group series read from the replicas when scraped. */
function registerGroupGauges(metrics: Metrics, replicas: () => Iterable<Replica>): void {
  const perGroup = (name: string, help: string, read: (r: Replica) => number | undefined): void => {
    metrics.gauge({
      name,
      help,
      labelNames: ["group"],
      collect() {
        // Only the replicas held now: one that moved off must not keep exporting its last value
        // (sums over nodes would count it twice).
        this.reset();
        for (const r of replicas()) {
          const value = read(r);
          if (value !== undefined) this.set({ group: r.group }, value);
        }
      },
    });
  };
  perGroup("ringkv_raft_term", "Current Raft term of this replica.", (r) => r.raw.status().term);
  perGroup("ringkv_raft_commit_index", "Highest log index known committed.", (r) => r.raw.status().commit);
  perGroup("ringkv_raft_applied_index", "Highest log index applied to the state machine.", (r) => r.applied);
  perGroup("ringkv_raft_is_leader", "1 if this replica leads its group.", (r) => (r.isLeader() ? 1 : 0));
  perGroup("ringkv_raft_has_leader", "1 if this replica knows a leader of its group.", (r) =>
    r.raw.softState().leader === "" ? 0 : 1,
  );
  perGroup(
    "ringkv_raft_follower_lag_entries",
    "On a leader: entries the furthest-behind follower or learner lacks (leaders only).",
    followerLag,
  );
  perGroup("ringkv_kv_keys", "Keys held by this replica.", (r) => r.sm.keyCount);
  perGroup("ringkv_kv_bytes", "Bytes of keys and values held by this replica.", (r) => r.sm.sizeBytes);
}

function followerLag(r: Replica): number | undefined {
  const st = r.raw.status();
  if (st.role !== Role.Leader) return undefined;
  let lag = 0;
  for (const [id, progress] of st.progress) {
    if (id !== st.id) lag = Math.max(lag, st.lastIndex - progress.match);
  }
  return lag;
}

/** Node-wide series read when scraped. */
function registerNodeGauges(metrics: Metrics, sources: NodeMetricsSources): void {
  const { replicas, dataQuotaBytes, rebalanceMoving, transport, gossip, requestPath } = sources;
  const sum = (read: (r: Replica) => number): number => {
    let total = 0;
    for (const r of replicas()) total += read(r);
    return total;
  };
  metrics.gauge({
    name: "ringkv_raft_proposals_pending",
    help: "Proposals made on this node waiting to be applied.",
    collect() {
      this.set(sum((r) => r.pendingProposals));
    },
  });
  metrics.gauge({
    name: "ringkv_quota_used_bytes",
    help: "Bytes of keys and values held by all replicas here (what the data quota counts).",
    collect() {
      this.set(sum((r) => r.sm.sizeBytes));
    },
  });
  if (dataQuotaBytes !== undefined) {
    metrics.gauge({ name: "ringkv_quota_bytes", help: "The node's data quota." }).set(dataQuotaBytes);
  }
  if (rebalanceMoving) {
    metrics.gauge({
      name: "ringkv_rebalance_moves_in_flight",
      help: "Groups led here whose replicas are moving toward their placement target.",
      collect() {
        this.set(rebalanceMoving());
      },
    });
  }
  if (transport) registerTransportSeries(metrics, transport);
  if (gossip) registerGossipSeries(metrics, gossip);
  if (requestPath) registerRequestPathSeries(metrics, requestPath);
}

/** Where the request path's time goes: what to look at when writes or reads get slower. */
function registerRequestPathSeries(
  metrics: Metrics,
  requestPath: NonNullable<NodeMetricsSources["requestPath"]>,
): void {
  metrics.counter({
    name: "ringkv_revision_batches_total",
    help: "Revision batches this node's oracle served (meta leader only): from its lease, or after a ReadIndex round.",
    labelNames: ["served"],
    collect() {
      const stats = requestPath();
      this.reset();
      this.inc({ served: "lease" }, stats.revisionsFromLease);
      this.inc({ served: "round" }, stats.revisionsAfterRound);
    },
  });
  metrics.counter({
    name: "ringkv_lease_reads_total",
    help: "Linearizable reads (local or a follower's ReadIndex) this node's leaders answered from a leader lease, with no heartbeat round.",
    collect() {
      this.reset();
      this.inc(requestPath().readsFromLease);
    },
  });
  metrics.counter({
    name: "ringkv_read_lease_renewals_total",
    help: "Heartbeat rounds that gave or extended a leader's read lease on this node.",
    collect() {
      this.reset();
      this.inc(requestPath().readLeaseRenewals);
    },
  });
  metrics.counter({
    name: "ringkv_follower_reads_total",
    help: "Linearizable gets for shards led elsewhere: served by the local follower, or handed to the leader.",
    labelNames: ["outcome"],
    collect() {
      const stats = requestPath();
      this.reset();
      this.inc({ outcome: "served" }, stats.followerReads);
      this.inc({ outcome: "fallback" }, stats.followerReadFallbacks);
    },
  });
  metrics.counter({
    name: "ringkv_stale_revision_retries_total",
    help: "Writes proposed again because their shard had applied a higher revision than the one they got.",
    collect() {
      this.reset();
      this.inc(requestPath().staleRevisionRetries);
    },
  });
}

function registerTransportSeries(
  metrics: Metrics,
  transport: NonNullable<NodeMetricsSources["transport"]>,
): void {
  metrics.counter({
    name: "ringkv_snapshots_sent_total",
    help: "Raft snapshots this node sent whole to a peer.",
    collect() {
      this.reset();
      this.inc(transport().snapshotsSent);
    },
  });
  /** A counter with a `direction` label: sent and received, read from the transport's stats. */
  type Count = "messagesSent" | "messagesReceived" | "batchesSent" | "batchesReceived";
  const bothWays = (name: string, help: string, sent: Count, received: Count) => {
    metrics.counter({
      name,
      help,
      labelNames: ["direction"],
      collect() {
        const stats = transport();
        this.reset();
        this.inc({ direction: "sent" }, stats[sent]);
        this.inc({ direction: "received" }, stats[received]);
      },
    });
  };
  bothWays(
    "ringkv_peer_messages_total",
    "Raft messages (snapshots aside) this node sent to and received from its peers.",
    "messagesSent",
    "messagesReceived",
  );
  bothWays(
    "ringkv_peer_batches_total",
    "Batches of Raft messages sent to and received from peers (at most one per peer per flush).",
    "batchesSent",
    "batchesReceived",
  );
  metrics.counter({
    name: "ringkv_peer_messages_dropped_total",
    help: "Raft messages to peers dropped: queue full (overflow) or peer unreachable.",
    labelNames: ["reason"],
    collect() {
      const stats = transport();
      this.reset();
      this.inc({ reason: "overflow" }, stats.droppedOverflow);
      this.inc({ reason: "unreachable" }, stats.droppedUnreachable);
    },
  });
  metrics.gauge({
    name: "ringkv_peer_queue_messages",
    help: "Raft messages queued for each peer, not yet written to its stream.",
    labelNames: ["peer"],
    collect() {
      this.reset();
      for (const [peer, messages] of transport().queueLengths) this.set({ peer }, messages);
    },
  });
}

function registerGossipSeries(metrics: Metrics, gossip: NonNullable<NodeMetricsSources["gossip"]>): void {
  metrics.gauge({
    name: "ringkv_gossip_members",
    help: "Members as this node's gossip sees them, by state (alive, suspect, dead, left).",
    labelNames: ["state"],
    collect() {
      const counts = new Map<MemberState, number>(MEMBER_STATES.map((s) => [s, 0]));
      for (const state of gossip().states) counts.set(state, (counts.get(state) ?? 0) + 1);
      for (const [state, count] of counts) this.set({ state }, count);
    },
  });
  metrics.counter({
    name: "ringkv_gossip_probe_failures_total",
    help: "Gossip probes that got no ack, direct or indirect, within their period.",
    collect() {
      this.reset();
      this.inc(gossip().probesFailed);
    },
  });
}
