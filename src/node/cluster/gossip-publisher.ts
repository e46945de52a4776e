// What this node tells the others through gossip, published only when it changed: for each
// group led here its leader (by term) and configuration (by conf-change index), the placement
// epoch it applied, what its build supports (features.ts), and (through replica-repair.ts) its
// replicas' state digests.
import type { MetadataValue } from "../../gossip/index.ts";
import { Role } from "../../raft/index.ts";
import type { ClusterContext } from "./context.ts";
import { featuresRecord } from "./features.ts";
import { type GossipPort, gossipKeys } from "./gossip-keys.ts";

export class GossipPublisher {
  readonly #ctx: ClusterContext;
  readonly #gossip: GossipPort;
  /** What this node last published per gossip key (to publish only changes). */
  readonly #published = new Map<string, number>();

  constructor(ctx: ClusterContext, gossip: GossipPort) {
    this.#ctx = ctx;
    this.#gossip = gossip;
  }

  /** Publish `value` under `key` unless a version at least as new was published from here. */
  publishChange(key: string, value: MetadataValue, version: number): void {
    if ((this.#published.get(key) ?? -1) >= version) return;
    this.#published.set(key, version);
    this.#gossip.publish(key, value, version);
  }

  /** Publish whatever was published before (the caller chose a version above it). */
  publishOver(key: string, value: MetadataValue, version: number): void {
    this.#published.set(key, version);
    this.#gossip.publish(key, value, version);
  }

  /**
   * Spread what this node knows that others route by: for each group it leads, the leader (by
   * term) and the configuration (by conf-change index); and the placement epoch it applied.
   */
  round(): void {
    const { id, host, meta } = this.#ctx;
    for (const r of host.replicas()) {
      const soft = r.raw.softState();
      if (soft.role !== Role.Leader) continue;
      const term = r.raw.term;
      this.publishChange(gossipKeys.leader(r.group), { leader: id, term }, term);
      const { voters, learners } = r.raw.confState();
      this.publishChange(gossipKeys.conf(r.group), { voters: [...voters], learners: [...learners] }, r.epoch);
    }
    this.publishChange(gossipKeys.epoch(id), meta.epoch, meta.epoch);
    // At each incarnation (raised by every start and by refutations): features.ts counts a
    // record only at the member's current one.
    const incarnation = this.#gossip.member(id)?.incarnation;
    if (incarnation !== undefined) {
      this.publishChange(gossipKeys.features(id), featuresRecord(incarnation), incarnation);
    }
  }
}
