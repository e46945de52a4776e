// What `GET /health` and `GET /ready` answer. Health is about this node alone (a load balancer
// takes an unhealthy node out of rotation; an orchestrator may restart it): the process answers,
// its storage is open, and it is a member of its cluster. Readiness is about the cluster as this
// node sees it: every shard has a leader, so any key can be written through this node now.
// Both are pure functions of reports the node already has, so they are cheap to probe often.
import type { StatusJson } from "../../api/kv-api.ts";
import { leaderlessShards } from "../../api/shard-flags.ts";

export interface HealthChecks {
  /** Always true in an answer: a process that is down does not answer. */
  readonly process: boolean;
  /** The write-ahead log and snapshots are open for writing. */
  readonly storage: boolean;
  /** This node is listed by its cluster's meta group and has not left. */
  readonly member: boolean;
}

export interface HealthReport {
  readonly ok: boolean;
  readonly node: string;
  readonly checks: HealthChecks;
  /** Why the node cannot serve, in words; absent when ok. */
  readonly reason?: string;
}

export interface ReadyReport {
  readonly ready: boolean;
  /** Shards in the cluster. */
  readonly shards: number;
  /** Shards with no leader (their keys can be neither written nor read linearizably). */
  readonly leaderless: readonly number[];
  readonly reason?: string;
}

/** Health from this node's own status (its local view) and whether its storage is open. */
export function localHealth(status: StatusJson, storageOpen = true): HealthReport {
  const self = status.members.find((m) => m.id === status.node.id);
  const member = self !== undefined && self.state !== "left";
  const checks: HealthChecks = { process: true, storage: storageOpen, member };
  const reasons: string[] = [];
  if (!storageOpen) reasons.push("storage is closed");
  if (!self) reasons.push(`${status.node.id} is not (yet) a member of the cluster`);
  else if (!member) reasons.push(`${status.node.id} has left the cluster`);
  const base = { ok: reasons.length === 0, node: status.node.id, checks };
  return reasons.length === 0 ? base : { ...base, reason: reasons.join("; ") };
}

export function readiness(status: StatusJson): ReadyReport {
  const leaderless = leaderlessShards(status);
  const shards = status.shards.length;
  if (shards === 0) return { ready: false, shards, leaderless, reason: "no shards known yet" };
  if (leaderless.length === 0) return { ready: true, shards, leaderless };
  const reason = `${leaderless.length} of ${shards} shard(s) have no leader: ${leaderless.join(", ")}`;
  return { ready: false, shards, leaderless, reason };
}
