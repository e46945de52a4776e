// Raft series on /metrics, read from the replicas when scraped (nothing on the hot path).

import type { Replica } from "./host/replica.ts";
import type { Metrics } from "./metrics.ts";

export function registerRaftMetrics(metrics: Metrics, replicas: () => Iterable<Replica>): void {
  const perGroup = (name: string, help: string, read: (r: Replica) => number): void => {
    metrics.gauge({
      name,
      help,
      labelNames: ["group"],
      collect() {
        for (const r of replicas()) this.set({ group: r.group }, read(r));
      },
    });
  };
  perGroup("ringkv_raft_term", "Current Raft term of this replica.", (r) => r.raw.status().term);
  perGroup("ringkv_raft_commit_index", "Highest log index known committed.", (r) => r.raw.status().commit);
  perGroup("ringkv_raft_applied_index", "Highest log index applied to the state machine.", (r) => r.applied);
  perGroup("ringkv_raft_is_leader", "1 if this replica leads its group.", (r) => (r.isLeader() ? 1 : 0));
  perGroup("ringkv_kv_keys", "Keys held by this replica.", (r) => r.sm.keyCount);
  perGroup("ringkv_kv_bytes", "Bytes of keys and values held by this replica.", (r) => r.sm.sizeBytes);
}
