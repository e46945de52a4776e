// Bugs planted on purpose, from outside the code under test, to show that the checkers catch
// them (a checker that never fails proves nothing). Production-shaped runs plant none.

import type { Message, NodeId } from "../../src/raft/index.ts";
import { isJoint, MessageType, Role } from "../../src/raft/index.ts";
import type { Operation } from "../support/history.ts";
import type { Cluster } from "./cluster.ts";
import type { CommandEnvelope } from "./command.ts";

export interface PlantedBugs {
  /** The state machine of `replica` silently skips a write when this returns false. */
  readonly skipWrite?: (replica: NodeId, envelope: CommandEnvelope, index: number) => boolean;
  /** Rewrites (or drops, with null) a message on the wire. */
  readonly interceptor?: (message: Message, cluster: Cluster) => Message | null;
  /** Replicas answer reads from their own state machine at once, without ReadIndex. */
  readonly staleReads?: boolean;
  /**
   * The liveness oracle always says "alive": a quiescent follower never wakes when its leader
   * dies (only a message would wake it, and a dead leader sends none).
   */
  readonly blindLiveness?: boolean;
  /** Rewrites the recorded history before it is checked. */
  readonly tamperHistory?: (ops: Operation[]) => Operation[];
}

/** Every replica's state machine loses puts at indexes ≡ 0 (mod `every`): a deterministic bug. */
export function droppedWrites(every: number): PlantedBugs {
  return {
    skipWrite: (_replica, envelope, index) => !(envelope.command.kind === "put" && index % every === 0),
  };
}

/** Only `replica`'s state machine loses a write now and then: the replicas diverge. */
export function divergentReplica(replica: NodeId, every: number): PlantedBugs {
  return { skipWrite: (r, _envelope, index) => !(r === replica && index % every === 0) };
}

/**
 * A broken commit rule: every acknowledgement a leader receives is forged to claim the
 * follower holds the leader's whole log, so the leader commits entries a quorum may not have.
 */
export function forgedAppendAcks(): PlantedBugs {
  return {
    interceptor: (m, cluster) => {
      if (m.type !== MessageType.AppResp || m.reject) return m;
      const status = cluster.replicas.get(m.to)?.node?.status();
      if (status === undefined || status.role !== Role.Leader || status.term !== m.term) return m;
      return { ...m, index: Math.max(m.index, status.lastIndex) };
    },
  };
}

/** Followers serve reads locally: fast, and not linearizable. */
export function staleReads(): PlantedBugs {
  return { staleReads: true };
}

/** A liveness layer that never notices a death: quiescent groups must not depend on it alone… */
export function blindLiveness(): PlantedBugs {
  return { blindLiveness: true };
}

/** The first completed read that saw a value is made to claim it saw nothing. */
export function forgedRead(): PlantedBugs {
  return {
    tamperHistory: (ops) => {
      const i = ops.findIndex((op) => op.output?.kind === "get" && op.output.value !== null);
      if (i < 0) return ops;
      const forged = ops.slice();
      forged[i] = { ...ops[i]!, output: { kind: "get", value: "never-written" } };
      return forged;
    },
  };
}

/**
 * A broken joint election: while the group is in a joint configuration, every vote a candidate
 * is refused comes back granted, as if the candidate counted one configuration's votes only (or
 * none). Two candidates of one term can then both win.
 */
export function forgedJointVotes(): PlantedBugs {
  return {
    interceptor: (m, cluster) => {
      if (m.type !== MessageType.VoteResp || !m.reject || !isJoint(cluster.membership)) return m;
      return { ...m, reject: false };
    },
  };
}

/**
 * Every vote (and pre-vote) is refused on the wire: no election can ever be won, so the group
 * stays leaderless after the faults stop — the quiet phase's liveness check must say so, even
 * with removed replicas decommissioned along the way (Nemesis#decommissionLate).
 */
export function refusedVotes(): PlantedBugs {
  return {
    interceptor: (m) => {
      if (m.type !== MessageType.VoteResp && m.type !== MessageType.PreVoteResp) return m;
      return m.reject ? m : { ...m, reject: true };
    },
  };
}
