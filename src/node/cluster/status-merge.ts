// Every shard as its leader sees it, from the reports of several nodes' own replicas. A replica
// that believes it leads at the highest term wins; else the report with the highest term, then
// commit index. A shard nobody reported appears with no leader and no replicas.
import type { ShardStatus } from "../../api/kv-api.ts";

export interface ReplicaReport {
  /** The node that sent the report. */
  readonly node: string;
  readonly shards: readonly ShardStatus[];
}

export function mergeShardReports(reports: readonly ReplicaReport[], shardCount: number): ShardStatus[] {
  const best: (ShardStatus | undefined)[] = new Array(shardCount);
  const bestIsLeader: boolean[] = new Array(shardCount).fill(false);
  for (const { node, shards } of reports) {
    for (const s of shards) {
      if (s.id < 0 || s.id >= shardCount) continue;
      const isLeader = s.leader === node;
      const current = best[s.id];
      if (!current || outranks(s, isLeader, current, bestIsLeader[s.id]!)) {
        best[s.id] = s;
        bestIsLeader[s.id] = isLeader;
      }
    }
  }
  // Array.from, not map: map skips the holes of `new Array(n)`, which are the unreported shards.
  return Array.from(best, (s, id) => s ?? unreported(id));
}

function outranks(a: ShardStatus, aLeads: boolean, b: ShardStatus, bLeads: boolean): boolean {
  if (aLeads !== bLeads) return aLeads ? a.term >= b.term : a.term > b.term;
  if (a.term !== b.term) return a.term > b.term;
  return a.commitIndex > b.commitIndex;
}

function unreported(id: number): ShardStatus {
  return { id, leader: "", term: 0, replicas: [], learners: [], commitIndex: 0, appliedIndex: 0, keys: 0 };
}
