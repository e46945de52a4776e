// The nemesis: a seeded schedule of faults thrown at the cluster while clients run. Each tick
// it may act; every fault kind the simulator knows is in the mix (see FaultKind), weighted per
// seed so that different seeds stress different things. stop() ends the faults: the network
// heals and turns reliable, crashed replicas restart, clocks stop drifting.

import type { NodeId } from "../../src/raft/index.ts";
import { isJoint, members, NotLeaderError, Role } from "../../src/raft/index.ts";
import type { Cluster, MembershipStep } from "./cluster.ts";
import type { NetworkFaults } from "./network.ts";
import type { Rng } from "./random.ts";
import { CRASH_POINTS } from "./replica.ts";

export enum FaultKind {
  /** Split the replicas into two sides that cannot talk. */
  Partition = "partition",
  /** Cut a few links one way only (A hears B, B does not hear A). */
  OneWay = "one-way",
  /** Cut the current leader off from everyone. */
  IsolateLeader = "isolate-leader",
  Heal = "heal",
  /** Kill a replica at once, or at a random step of its next Ready. */
  Crash = "crash",
  Restart = "restart",
  /** Make a replica's clock run fast or slow. */
  ClockSkew = "clock-skew",
  /** Switch how lossy, slow and duplicating the network is. */
  NetworkWeather = "network-weather",
  /** Add a learner, promote a learner, or remove a member. */
  Membership = "membership",
  TransferLeadership = "transfer-leadership",
}

export const FAULT_KINDS: readonly FaultKind[] = Object.values(FaultKind);

/** Network conditions the nemesis switches between. */
export const WEATHER: Readonly<Record<string, NetworkFaults>> = {
  calm: {
    dropRate: 0,
    duplicateRate: 0,
    delayTicksMin: 0,
    delayTicksMax: 1,
    longDelayRate: 0,
    longDelayTicksMax: 0,
  },
  jittery: {
    dropRate: 0.02,
    duplicateRate: 0.02,
    delayTicksMin: 0,
    delayTicksMax: 4,
    longDelayRate: 0.02,
    longDelayTicksMax: 20,
  },
  lossy: {
    dropRate: 0.2,
    duplicateRate: 0.05,
    delayTicksMin: 0,
    delayTicksMax: 2,
    longDelayRate: 0,
    longDelayTicksMax: 0,
  },
  stormy: {
    dropRate: 0.1,
    duplicateRate: 0.1,
    delayTicksMin: 1,
    delayTicksMax: 8,
    longDelayRate: 0.05,
    longDelayTicksMax: 40,
  },
};

export interface NemesisSettings {
  /** Chance per tick that the nemesis acts. */
  readonly actRate: number;
  /** Relative weight of each fault kind. */
  readonly weights: Readonly<Record<FaultKind, number>>;
  /** A crashed replica restarts by itself after this many ticks, at most. */
  readonly downTicksMax: number;
  /** Voters are never removed below this count (liveness needs a quorum of survivors). */
  readonly votersMin: number;
  /** Members (voters + learners) are never added beyond this count. */
  readonly membersMax: number;
}

const SKEW_RATES = [0.5, 0.8, 1, 1, 1.25, 2];

export class Nemesis {
  readonly #cluster: Cluster;
  readonly #random: Rng;
  readonly #settings: NemesisSettings;
  readonly #restartAt = new Map<NodeId, number>();
  readonly counts = new Map<FaultKind, number>();
  #stopped = false;

  constructor(cluster: Cluster, settings: NemesisSettings, random: Rng) {
    this.#cluster = cluster;
    this.#settings = settings;
    this.#random = random;
  }

  tick(): void {
    // After stop, the cluster itself goes on decommissioning removed replicas once no live
    // member counts on them (Cluster.#decommissionReady; seeds 427 and 2010217).
    if (this.#stopped) return;
    const now = this.#cluster.now();
    for (const r of this.#cluster.replicas.values()) {
      // Crashes strike when they strike (an armed one waits for the replica's next Ready),
      // so the downtime is drawn when the replica is first seen down.
      if (r.up || r.removed) continue;
      const at = this.#restartAt.get(r.id);
      if (at === undefined) {
        this.#restartAt.set(r.id, now + this.#random.intBetween(1, this.#settings.downTicksMax));
      } else if (at <= now) {
        this.#restartAt.delete(r.id);
        r.start();
      }
    }
    if (!this.#random.chance(this.#settings.actRate)) return;
    const kind = this.#pickKind();
    const did = this.#act(kind);
    if (did === null) return;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    this.#cluster.trace.event(now, `nemesis: ${kind}: ${did}`);
  }

  /**
   * End of faults: heal, calm the network, shut down removed replicas, restart everyone else,
   * clocks back to true time.
   */
  stop(): void {
    this.#stopped = true;
    const c = this.#cluster;
    c.network.healAll();
    c.setNetworkFaults(WEATHER["calm"]!);
    for (const r of c.replicas.values()) r.disarmCrash();
    const stopped = c.decommissionRemoved();
    c.restartAll();
    for (const r of c.replicas.values()) r.clockRate = 1;
    c.trace.event(
      c.now(),
      `nemesis: stop (heal all, calm network, restart all, decommission [${stopped.join(",")}])`,
    );
  }

  #pickKind(): FaultKind {
    const w = this.#settings.weights;
    let roll = this.#random.float() * FAULT_KINDS.reduce((sum, k) => sum + w[k], 0);
    for (const k of FAULT_KINDS) {
      roll -= w[k];
      if (roll < 0) return k;
    }
    return FaultKind.Heal;
  }

  /** Perform one fault; returns what was done, or null if it did not apply right now. */
  #act(kind: FaultKind): string | null {
    const c = this.#cluster;
    const r = this.#random;
    const ids = [...c.replicas.keys()];
    switch (kind) {
      case FaultKind.Partition: {
        const shuffled = r.shuffled(ids);
        const cut = r.intBetween(1, Math.max(1, Math.floor(ids.length / 2)));
        const sides = [shuffled.slice(0, cut), shuffled.slice(cut)];
        // A new split replaces the old one; one-way cuts are what accumulate.
        c.network.healAll();
        c.network.partition(sides);
        return sides.map((s) => s.join(",")).join(" | ");
      }
      case FaultKind.OneWay: {
        const from = r.pick(ids);
        const to = r.pick(ids.filter((id) => id !== from));
        c.network.disconnect(from, to);
        return `${from} → ${to} cut`;
      }
      case FaultKind.IsolateLeader: {
        const leader = c.leader();
        if (leader === null) return null;
        c.network.isolate(leader.id, ids);
        return leader.id;
      }
      case FaultKind.Heal:
        c.network.healAll();
        return "all links";
      case FaultKind.Crash:
        return this.#crash();
      case FaultKind.Restart: {
        const down = [...c.replicas.values()].filter((x) => !x.up && !x.removed);
        if (down.length === 0) return null;
        const victim = r.pick(down);
        this.#restartAt.delete(victim.id);
        victim.start();
        return victim.id;
      }
      case FaultKind.ClockSkew: {
        const victim = c.replica(r.pick(ids));
        victim.clockRate = r.pick(SKEW_RATES);
        return `${victim.id} ×${victim.clockRate}`;
      }
      case FaultKind.NetworkWeather: {
        const name = r.pick(Object.keys(WEATHER));
        c.setNetworkFaults(WEATHER[name]!);
        return name;
      }
      case FaultKind.Membership:
        return this.#changeMembership();
      case FaultKind.TransferLeadership: {
        const leader = c.leader();
        const node = leader?.node;
        if (!leader || !node) return null;
        const voters = node.confState().voters.filter((v) => v !== leader.id);
        if (voters.length === 0) return null;
        const to = r.pick(voters);
        try {
          node.transferLeadership(to);
        } catch (e) {
          if (e instanceof NotLeaderError) return null;
          throw e;
        }
        return `${leader.id} → ${to}`;
      }
    }
  }

  #crash(): string | null {
    const c = this.#cluster;
    const r = this.#random;
    const up = c.upReplicas().filter((x) => !x.crashArmed);
    const down = c.replicas.size - up.length;
    // At most a bare majority down at once: enough to stall the group for a while (and test
    // recovery), not so much that runs mostly stand still.
    if (up.length === 0 || down + 1 > Math.floor((c.replicas.size - 1) / 2) + 1) return null;
    // Leaders are the most interesting victims.
    const leader = up.find((x) => x.role === Role.Leader);
    const victim = leader !== undefined && r.chance(0.4) ? leader : r.pick(up);
    if (r.chance(0.5)) {
      c.crash(victim.id, "killed");
      return `${victim.id} now`;
    }
    const point = r.pick(CRASH_POINTS);
    c.crashDuringReady(victim.id, point);
    return `${victim.id} at ${point}`;
  }

  #changeMembership(): string | null {
    const c = this.#cluster;
    const r = this.#random;
    const leader = c.leader();
    const node = leader?.node;
    if (!node) return null;
    const cs = node.confState();
    const options: MembershipStep[] = [];
    if (isJoint(cs)) {
      // Only the leave may be proposed; with auto-leave the leader proposes it itself.
      if (!cs.autoLeave) options.push("leave-joint");
    } else {
      if (members(cs).length < this.#settings.membersMax) options.push("add-learner");
      if (cs.learners.length > 0) options.push("promote", "remove-learner");
      if (cs.voters.length > this.#settings.votersMin) options.push("remove-voter");
      options.push("joint", "joint");
    }
    if (options.length === 0) return null;
    const kind = r.pick(options);
    return c.proposeMembershipChange(kind, r, this.#settings);
  }
}
