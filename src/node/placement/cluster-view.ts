// What every node derives from its copy of the meta group: the key → shard ring and, from the
// member list, the target placement of every group. A pure function of the meta state, so every
// node that applied the same meta entries computes the same targets (src/ring/placement.ts).
//
// The meta group itself is placed like a one-shard cluster: min(R, members) voters, and every
// other member a learner, so that every node holds the member list and the config locally and
// can route any key without asking anyone.
import { type Hasher, type Placement, placement, ShardRing } from "../../ring/index.ts";
import { META_GROUP, shardOfGroup } from "../host/groups.ts";
import type { ClusterConfig, MemberRecord } from "../kv/command.ts";
import type { KvStateMachine } from "../kv/state-machine.ts";

/** Where a group's replicas should be. `voters[0]` is the preferred leader. */
export interface GroupTarget {
  readonly voters: readonly string[];
  readonly learners: readonly string[];
  /**
   * The cluster's replication factor: voters fewer than this and even are cut to the odd count
   * below (rebalance-step.ts plannedConf).
   */
  readonly replicationFactor: number;
}

export class ClusterView {
  readonly #hasher: Hasher;
  readonly #meta: KvStateMachine;
  #version = -1;
  #config: ClusterConfig | null = null;
  #ring: ShardRing | null = null;
  #shards: Placement | null = null;
  #metaVoters: readonly string[] = [];
  #members: readonly MemberRecord[] = [];
  #replicationFactor = 0;

  constructor(hasher: Hasher, meta: KvStateMachine) {
    this.#hasher = hasher;
    this.#meta = meta;
  }

  /** The cluster config, or null until this node has applied it (a joining node, early on). */
  get config(): ClusterConfig | null {
    this.#refresh();
    return this.#config;
  }

  get members(): readonly MemberRecord[] {
    this.#refresh();
    return this.#members;
  }

  get ring(): ShardRing | null {
    this.#refresh();
    return this.#ring;
  }

  get placement(): Placement | null {
    this.#refresh();
    return this.#shards;
  }

  /** The shard that stores `key`, or null before the config is known. */
  shardOf(key: Uint8Array): number | null {
    return this.ring?.shardOfBytes(key) ?? null;
  }

  /** The target replica set of a group, or null if it is not one of this cluster's groups. */
  target(group: string): GroupTarget | null {
    this.#refresh();
    if (group === META_GROUP) {
      if (this.#metaVoters.length === 0) return null;
      const learners = this.#members.map((m) => m.id).filter((id) => !this.#metaVoters.includes(id));
      return { voters: this.#metaVoters, learners, replicationFactor: this.#replicationFactor };
    }
    const shard = shardOfGroup(group);
    const voters = shard === null ? undefined : this.#shards?.replicas[shard];
    return voters ? { voters, learners: [], replicationFactor: this.#replicationFactor } : null;
  }

  #refresh(): void {
    if (this.#version === this.#meta.membersVersion) return;
    this.#version = this.#meta.membersVersion;
    this.#members = this.#meta.members();
    const config = this.#meta.config;
    if (config && config.shardCount !== this.#ring?.shardCount) {
      this.#ring = new ShardRing(this.#hasher, { shardCount: config.shardCount });
    }
    this.#config = config;
    // A leaving member is placed nowhere: its replicas move off before it goes.
    const active = this.#members.filter((m) => !m.leaving).map((m) => m.id);
    if (!config || active.length === 0) {
      this.#shards = null;
      this.#metaVoters = [];
      return;
    }
    const { shardCount, replicationFactor } = config;
    this.#replicationFactor = replicationFactor;
    this.#shards = placement(this.#hasher, { members: active, shardCount, replicationFactor });
    this.#metaVoters = placement(this.#hasher, { members: active, shardCount: 1, replicationFactor })
      .replicas[0]!;
  }
}
