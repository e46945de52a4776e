// Repairing replicas without writing data outside Raft: replicas that diverged from their
// leader's state are removed and rebuilt from a snapshot, and replicas that were moved off this
// node are dropped. Both decisions come from gossip (digests, configurations); without gossip
// (the simulator's default) nothing here acts.
import { toRingkvError } from "../../api/errors.ts";
import { ConfChangeType, EntryType, NONE, Role } from "../../raft/index.ts";
import type { LogStore } from "../../storage/log-store.ts";
import type { Replica } from "../host/replica.ts";
import { Cadence } from "./cadence.ts";
import { inConf } from "./conf.ts";
import type { ClusterContext } from "./context.ts";
import { confRecord, digestRecord, type GossipPort, gossipKeys } from "./gossip-keys.ts";
import type { GossipPublisher } from "./gossip-publisher.ts";
import type { Proposer } from "./proposer.ts";

const NO_ONE: ReadonlySet<string> = new Set();

export class ReplicaRepair {
  readonly #ctx: ClusterContext;
  readonly #store: LogStore;
  readonly #proposer: Proposer;
  readonly #publisher: GossipPublisher | undefined;
  /** On a leader: group → followers whose state digest differs from ours (removed, rebuilt). */
  readonly #diverged = new Map<string, Set<string>>();
  /** Groups whose replica here differs from its leader's (dropped once removed, then rebuilt). */
  readonly #selfDiverged = new Set<string>();
  /** When to publish digests: every digestEveryRounds background rounds. */
  readonly #digestCadence: Cadence;

  constructor(
    ctx: ClusterContext,
    store: LogStore,
    proposer: Proposer,
    publisher: GossipPublisher | undefined,
  ) {
    this.#ctx = ctx;
    this.#store = store;
    this.#proposer = proposer;
    this.#publisher = publisher;
    this.#digestCadence = new Cadence(ctx.settings.digestEveryRounds);
  }

  /** Followers of `group` the rebalancer must not add back yet (their diverged copy lingers). */
  heldOff(group: string): ReadonlySet<string> {
    return this.#diverged.get(group) ?? NO_ONE;
  }

  /** This node's own replica of `group` was found diverged (it must not serve reads). */
  selfDiverged(group: string): boolean {
    return this.#selfDiverged.has(group);
  }

  /** Replicas here and on followers (as leader) found diverged, for status. */
  divergedReplicas(group: string): string[] {
    const ids = [...(this.#diverged.get(group) ?? [])];
    if (this.#selfDiverged.has(group)) ids.push(this.#ctx.id);
    return ids.sort();
  }

  /**
   * Replicas compare state digests through gossip (DESIGN §2: how gossip reconciles replicas
   * without writing data). Every few rounds each replica publishes (appliedIndex, digest). A
   * follower whose digest at the leader's published index differs marks itself diverged; the
   * leader, seeing the same from its side, removes that follower from the group and holds it off
   * until the follower reports its copy dropped (dropMovedReplicas); placement then adds it back
   * as an empty learner, which the leader fills with a snapshot. Data only ever moves through Raft.
   */
  checkDigests(): void {
    const gossip = this.#ctx.gossip;
    const publisher = this.#publisher;
    if (!gossip || !publisher) return;
    const { id, host, logger } = this.#ctx;
    const publishing = this.#digestCadence.tick();
    for (const r of host.replicas()) {
      if (r.applied === 0) continue;
      if (!inConf(r.raw.confState(), id)) continue;
      if (publishing) {
        const { index, digest } = r.latestDigest();
        // Index 0 means "dropped" to the readers: never published for a live replica.
        if (index > 0) publisher.publishChange(gossipKeys.digest(r.group, id), { index, digest }, index);
      }
      const { leader, role } = r.raw.softState();
      if (role === Role.Leader) this.#checkFollowers(r, gossip);
      else if (leader !== NONE && !this.#selfDiverged.has(r.group)) {
        const theirs = digestRecord(gossip.metadata(gossipKeys.digest(r.group, leader))?.value);
        const mine = theirs && theirs.index > 0 ? r.digestAt(theirs.index) : undefined;
        if (theirs && mine !== undefined && mine !== theirs.digest) {
          this.#selfDiverged.add(r.group);
          logger.error(
            { group: r.group, index: theirs.index, leader, mine, theirs: theirs.digest },
            "replica diverged from its leader: it will be removed and rebuilt from the leader's snapshot",
          );
        }
      }
    }
  }

  #checkFollowers(r: Replica, gossip: GossipPort): void {
    const { id, logger } = this.#ctx;
    const held = this.#diverged.get(r.group) ?? new Set<string>();
    const { voters, learners } = r.raw.confState();
    for (const follower of [...voters, ...learners]) {
      if (follower === id) continue;
      const theirs = digestRecord(gossip.metadata(gossipKeys.digest(r.group, follower))?.value);
      if (!theirs || theirs.index === 0) continue;
      const mine = r.digestAt(theirs.index);
      if (mine === undefined || mine === theirs.digest || held.has(follower)) continue;
      held.add(follower);
      this.#diverged.set(r.group, held);
      logger.error(
        { group: r.group, follower, index: theirs.index, mine, theirs: theirs.digest },
        "follower diverged: removing it; it is re-added empty once it has dropped its copy",
      );
      // The follower may never hear of its removal, nor catch the leader's digests again once cut
      // off: a gossip record names it, at the removal's conf index, so it drops its copy.
      this.#proposer
        .changeConf(r, ConfChangeType.RemoveNode, follower)
        .then(() => gossip.publish(gossipKeys.diverged(r.group, follower), true, r.epoch))
        .catch((e: unknown) =>
          logger.warn(
            { group: r.group, follower, err: toRingkvError(e).message },
            "removing a diverged follower failed",
          ),
        );
    }
    // Released once its copy is gone: a dropped record, or no longer in the group and wanted back.
    for (const follower of [...held]) {
      const theirs = digestRecord(gossip.metadata(gossipKeys.digest(r.group, follower))?.value);
      if (theirs?.index === 0 && !voters.includes(follower) && !learners.includes(follower))
        held.delete(follower);
    }
    if (held.size === 0) this.#diverged.delete(r.group);
  }

  /**
   * Drop the replicas here that their group no longer has. A replica removed from its group
   * usually never hears of it (the leader stops sending to it), so it would linger, stale, using
   * memory and disk. Gossip carries each group's configuration from its leader, versioned by the
   * index of its last change. A replica is dropped when that configuration leaves this node out,
   * placement does not want it here either, and its own log holds no membership change after
   * that index. The last condition is what makes it safe: to have voted or acknowledged entries as
   * a voter of a later configuration, this node must have received the change that added it back.
   */
  dropMovedReplicas(): void {
    const gossip = this.#ctx.gossip;
    const publisher = this.#publisher;
    if (!gossip || !publisher) return;
    const { id, host, meta, view, logger } = this.#ctx;
    for (const r of [...host.replicas()]) {
      if (r === meta) continue;
      const record = gossip.metadata(gossipKeys.conf(r.group));
      const conf = confRecord(record?.value);
      if (!record || !conf) continue;
      if (inConf(conf, id)) continue;
      if (this.#hasConfChangeAfter(r.group, record.version)) continue;
      const target = view.target(r.group);
      const wanted = target !== null && inConf(target, id);
      const flagged = gossip.metadata(gossipKeys.diverged(r.group, id))?.version === record.version;
      const diverged = this.#selfDiverged.has(r.group) || flagged;
      if (!target || (wanted && !diverged)) continue;
      logger.info(
        { group: r.group, confIndex: record.version, diverged },
        diverged
          ? "diverged replica removed from its group: dropped, to be rebuilt"
          : "replica moved off this node: dropped",
      );
      host.dropReplica(r.group);
      this.#selfDiverged.delete(r.group);
      // Tell the leader this copy is gone, so it may add a fresh one (version: above any digest).
      const key = gossipKeys.digest(r.group, id);
      const version = Math.max(r.applied, gossip.metadata(key)?.version ?? 0) + 1;
      publisher.publishOver(key, { index: 0, digest: "" }, version);
    }
  }

  /** Whether the group's log here holds a membership change after `index` (or may: compacted). */
  #hasConfChangeAfter(group: string, index: number): boolean {
    const log = this.#store.group(group);
    const last = log.lastIndex();
    if (last <= index) return false;
    if (log.firstIndex() > index + 1) return true; // compacted past it: assume the worst
    return log
      .entries(index + 1, last + 1, Number.POSITIVE_INFINITY)
      .some((e) => e.type === EntryType.ConfChange);
  }
}
