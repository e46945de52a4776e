// The cluster's status: this node's view of members, ring and meta group, and every shard as
// its leader reports it — asked of every member in parallel, briefly, and merged
// (status-merge.ts). A peer asking (`forwarded`) gets this node's own replicas only.
import type { MembershipJson, RequestOptions, ShardStatus, StatusJson } from "../../api/kv-api.ts";
import { isJoint } from "../../raft/index.ts";
import { META_GROUP, shardGroup, shardOfGroup } from "../host/groups.ts";
import { plannedConf } from "../placement/rebalance-step.ts";
import type { ClusterContext } from "./context.ts";
import { gossipKeys, gossipLeader } from "./gossip-keys.ts";
import { mergeShardReports } from "./status-merge.ts";

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export interface ClusterStatusOptions {
  /** This node's advertised gRPC and HTTP addresses. */
  readonly addr: string;
  readonly httpAddr: string;
  /** Replicas of `group` found diverged (replica-repair.ts). */
  readonly divergedReplicas: (group: string) => string[];
}

export class ClusterStatus {
  readonly #ctx: ClusterContext;
  readonly #o: ClusterStatusOptions;

  constructor(ctx: ClusterContext, options: ClusterStatusOptions) {
    this.#ctx = ctx;
    this.#o = options;
  }

  async status(options: RequestOptions = {}): Promise<StatusJson> {
    const { id, meta, clock, settings, peers, view } = this.#ctx;
    const local = this.#localStatus();
    if (options.forwarded) return local;
    const others = meta.sm.members().filter((m) => m.id !== id);
    const deadline = clock.now() + settings.statusFanOutMs;
    const reports = await Promise.all(
      others.map((m) =>
        peers
          .get(m.addr)
          .status(deadline, true)
          .then(
            (st) => ({ node: m.id, shards: st.shards }),
            () => null,
          ),
      ),
    );
    const all = [{ node: id, shards: local.shards }, ...reports.filter((x) => x !== null)];
    const merged = mergeShardReports(all, view.config?.shardCount ?? 0);
    // Divergence is flagged by the diverged replica itself and by its leader: show either's.
    const diverged = new Map<number, Set<string>>();
    for (const report of all) {
      for (const s of report.shards)
        for (const d of s.diverged ?? []) diverged.set(s.id, (diverged.get(s.id) ?? new Set()).add(d));
    }
    const shards = merged.map((s) => {
      const ids = diverged.get(s.id);
      const { diverged: _reported, ...rest } = s;
      return this.#withTarget(ids ? { ...rest, diverged: [...ids].sort() } : rest);
    });
    return { ...local, shards, rebalance: { moving: shards.filter((s) => s.moving).length } };
  }

  /** Who answers, its placement epoch and its member list: no replica is read. */
  membership(): MembershipJson {
    const { id, meta, gossip } = this.#ctx;
    const members = meta.sm.members().map((m) => {
      // Liveness as gossip sees it; without gossip (the simulator) every member counts as alive.
      const seen = m.id === id ? undefined : gossip?.member(m.id);
      const own = m.id === id ? gossip?.member(m.id) : undefined;
      return {
        id: m.id,
        addr: m.addr,
        http: m.http,
        state: seen?.state ?? ("alive" as const),
        incarnation: (seen ?? own)?.incarnation ?? 0,
        ...(m.leaving ? { leaving: true } : {}),
      };
    });
    return { node: { id, addr: this.#o.addr, http: this.#o.httpAddr }, epoch: meta.epoch, members };
  }

  #localStatus(): StatusJson {
    const { meta, view, gossip, host } = this.#ctx;
    const shards: ShardStatus[] = [];
    for (const r of host.replicas()) {
      const shard = shardOfGroup(r.group);
      if (shard === null || r.applied === 0) continue;
      const st = r.raw.status();
      const diverged = this.#o.divergedReplicas(r.group);
      shards.push(
        this.#withTarget({
          ...(diverged.length > 0 ? { diverged } : {}),
          id: shard,
          leader: st.leader,
          term: st.term,
          replicas: [...st.confState.voters],
          learners: [...st.confState.learners],
          ...(isJoint(st.confState) ? { outgoing: [...st.confState.votersOutgoing] } : {}),
          commitIndex: st.commit,
          appliedIndex: r.applied,
          keys: r.sm.keyCount,
        }),
      );
    }
    shards.sort((a, b) => a.id - b.id);
    const metaStatus = meta.raw.status();
    const config = view.config;
    return {
      ...this.membership(),
      ...(config ? { ring: { ...config, shares: [...(view.ring?.shares() ?? [])] } } : {}),
      meta: {
        leader: metaStatus.leader,
        term: metaStatus.term,
        replicas: [...metaStatus.confState.voters],
        learners: [...metaStatus.confState.learners],
        ...(isJoint(metaStatus.confState) ? { outgoing: [...metaStatus.confState.votersOutgoing] } : {}),
        commitIndex: metaStatus.commit,
        appliedIndex: meta.applied,
      },
      shards,
      ...(gossip ? { gossip: this.#gossipView() } : {}),
    };
  }

  #gossipView(): NonNullable<StatusJson["gossip"]> {
    const { meta, view, gossip } = this.#ctx;
    const leaders: Record<string, { leader: string; term: number }> = {};
    const groups = [
      META_GROUP,
      ...Array.from({ length: view.config?.shardCount ?? 0 }, (_, i) => shardGroup(i)),
    ];
    for (const group of groups) {
      const entry = gossip?.metadata(gossipKeys.leader(group));
      const leader = gossipLeader(gossip, group);
      if (entry && leader) leaders[group] = { leader, term: entry.version };
    }
    const epochs: Record<string, number> = {};
    for (const m of meta.sm.members()) {
      const version = gossip?.metadata(gossipKeys.epoch(m.id))?.version;
      if (version !== undefined) epochs[m.id] = version;
    }
    return { leaders, epochs };
  }

  /**
   * A shard's target voters (placement, cut to an odd count where that helps: plannedConf) and
   * whether its replicas are still moving there.
   */
  #withTarget(s: ShardStatus): ShardStatus {
    const target = this.#ctx.view.target(shardGroup(s.id));
    const plan = target
      ? plannedConf(target, { voters: s.replicas, leader: s.leader })
      : { voters: [], learners: [] };
    const same = sameSet(plan.voters, s.replicas) && sameSet(plan.learners, s.learners);
    return { ...s, target: [...plan.voters], moving: !same || (s.outgoing?.length ?? 0) > 0 };
  }
}
