// What a node says when it cannot serve a shard: which shard (as users name it, "shard 1", not
// the group name "shard-1") and why, from what the node cheaply knows — how long its own replica
// has been without a leader, and which voters it can reach. Pure functions: the router gathers
// the facts (router.ts), these turn them into the one sentence a user reads, and decide whether
// the shard has no quorum (answered NoQuorum at once, not after the deadline).
//
// Reachability, from what the node knows without asking anyone: this node itself; a voter its
// own leader replica heard from in the current CheckQuorum round (Raft progress recentActive);
// a voter gossip calls alive. A voter gossip calls suspect (it failed a direct and an indirect
// probe), dead or left is unreachable; one gossip knows nothing about (a new member, no gossip)
// is unknown and counted as maybe reachable, so it never makes a quorum look lost.
//
// In a joint configuration (Raft thesis §4.3; a replica move, issue 14) every decision needs a
// majority of the incoming voters AND one of the outgoing voters, so the group has no quorum
// as soon as either half lacks a reachable majority — judging by the incoming voters alone
// would call a group whose outgoing half is mostly gone healthy, and wait out the deadline.
import type { MemberState } from "../../api/kv-api.ts";
import { META_GROUP, shardOfGroup } from "../host/groups.ts";

/** A voter of the group and how this node sees it. */
export interface VoterReach {
  readonly id: string;
  /** "self": this node; a gossip member state; "unknown": no gossip about it (or no gossip). */
  readonly reach: "self" | MemberState | "unknown";
  /** This node leads the group and heard from the voter in the current CheckQuorum round. */
  readonly active?: boolean;
}

/** What this node knows about a group that has no leader it can use. */
export interface NoLeaderFacts {
  readonly group: string;
  /**
   * This node's replica of the group, if it holds one that is a member: how long it has known
   * no leader (undefined while it knows one).
   */
  readonly replica: { readonly leaderlessForMs: number | undefined } | undefined;
  /** The voters of the (incoming) configuration. */
  readonly voters: readonly VoterReach[];
  /** The voters of the configuration being left while the group is joint; empty or absent otherwise. */
  readonly votersOutgoing?: readonly VoterReach[];
}

/** The voters a quorum judgment needs: both halves when joint. */
export type QuorumFacts = Pick<NoLeaderFacts, "voters" | "votersOutgoing">;

/** "shard 1" for a shard group, "the meta group" for the meta group, else the name itself. */
export function groupLabel(group: string): string {
  const shard = shardOfGroup(group);
  if (shard !== null) return `shard ${shard}`;
  return group === META_GROUP ? "the meta group" : group;
}

function reachable(v: VoterReach): boolean {
  return v.reach === "self" || v.reach === "alive" || v.active === true;
}

function unreachable(v: VoterReach): boolean {
  return !reachable(v) && v.reach !== "unknown";
}

/**
 * "1 of 3 voters reachable (n2, n3 unreachable)"; suspects are named as such and not counted,
 * voters gossip says nothing about are named unknown. "" without voters.
 */
export function quorumSummary(voters: readonly VoterReach[]): string {
  if (voters.length === 0) return "";
  const up = voters.filter(reachable).length;
  const named = (reach: (v: VoterReach) => boolean, word: string): string | undefined => {
    const ids = voters.filter((v) => !reachable(v) && reach(v)).map((v) => v.id);
    return ids.length === 0 ? undefined : `${ids.join(", ")} ${word}`;
  };
  const down = [
    named((v) => v.reach === "dead" || v.reach === "left", "unreachable"),
    named((v) => v.reach === "suspect", "suspect"),
    named((v) => v.reach === "unknown", "unknown"),
  ].filter((s) => s !== undefined);
  const plural = voters.length === 1 ? "voter" : "voters";
  return `${up} of ${voters.length} ${plural} reachable${down.length === 0 ? "" : ` (${down.join("; ")})`}`;
}

/**
 * "1 of 3 voters reachable (n2, n3 unreachable)", and while joint "…; outgoing configuration:
 * 2 of 3 voters reachable (n5 unreachable)": a quorum needs both.
 */
export function jointQuorumSummary(facts: QuorumFacts): string {
  const incoming = quorumSummary(facts.voters);
  const outgoing = facts.votersOutgoing ?? [];
  if (outgoing.length === 0) return incoming;
  return `${incoming}; outgoing configuration: ${quorumSummary(outgoing)}`;
}

/**
 * True when too many of one configuration's voters are unreachable (suspect, dead or left, and
 * not heard from by this node's leader replica) for a majority of them to form. Unknown voters
 * count as maybe reachable; an empty configuration has nothing to lose.
 */
export function majorityLost(voters: readonly VoterReach[]): boolean {
  const maybeUp = voters.filter((v) => !unreachable(v)).length;
  return voters.length > 0 && maybeUp < Math.floor(voters.length / 2) + 1;
}

/**
 * No leader can be elected or commit: the core's quorum rule (src/raft/quorum.ts) over the
 * voters the router lists — a majority of the voters, and while joint of the outgoing voters too.
 */
export function quorumLost(facts: QuorumFacts): boolean {
  return majorityLost(facts.voters) || majorityLost(facts.votersOutgoing ?? []);
}

/** Seconds with one decimal: "4.2 s". */
export function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/**
 * "shard 1 has no quorum: 1 of 3 voters reachable (n2, n3 unreachable); this node's replica has
 * had no leader for 4.2 s" — or "has no leader" while a majority is reachable (an election is
 * due or under way).
 */
export function noLeaderMessage(facts: NoLeaderFacts): string {
  const { group, replica } = facts;
  const parts = [jointQuorumSummary(facts)];
  if (replica === undefined) parts.push("this node holds no replica of it");
  else if (replica.leaderlessForMs !== undefined) {
    parts.push(`this node's replica has had no leader for ${seconds(replica.leaderlessForMs)}`);
  }
  const [quorum = "", ...rest] = parts;
  if (quorumLost(facts)) return `${groupLabel(group)} has no quorum: ${[quorum, ...rest].join("; ")}`;
  const why = [...rest, quorum].filter((p) => p !== "");
  return `${groupLabel(group)} has no leader${why.length === 0 ? "" : `: ${why.join("; ")}`}`;
}

/** A forward to the node this one took for the group's leader failed in transport. */
export interface ForwardFailureFacts {
  readonly group: string;
  readonly node: string;
  readonly addr: string;
  /** The node was known as leader (its own replica, a hint or gossip), not a guess from placement. */
  readonly knownLeader: boolean;
  /** Unavailable: no answer came back; Timeout: the deadline passed. */
  readonly code: "Unavailable" | "Timeout";
  /** The request may have been applied there (a write that was sent). */
  readonly outcomeUnknown: boolean;
  /** What this node knows about the group's voters, for the no-leader case. */
  readonly noLeader?: NoLeaderFacts | undefined;
}

/**
 * "shard 1: its leader n2 (127.0.0.1:7002) is unreachable", "…did not answer in time; the
 * write's outcome is unknown", or, when n2 was only tried because no leader is known, the
 * no-leader sentence followed by "; tried n2 (127.0.0.1:7002): unreachable" (or "no answer in
 * time").
 */
export function forwardFailureMessage(facts: ForwardFailureFacts): string {
  const what = facts.code === "Timeout" ? "did not answer in time" : "is unreachable";
  const outcome = facts.outcomeUnknown ? "; the write's outcome is unknown" : "";
  const node = `${facts.node} (${facts.addr})`;
  if (facts.knownLeader || facts.noLeader === undefined) {
    return `${groupLabel(facts.group)}: its leader ${node} ${what}${outcome}`;
  }
  const met = facts.code === "Timeout" ? "no answer in time" : "unreachable";
  return `${noLeaderMessage(facts.noLeader)}; tried ${node}: ${met}${outcome}`;
}
