// Quorum arithmetic (model: etcd-io/raft quorum/majority.go and quorum/joint.go). Learners never
// appear here. A joint configuration (Raft thesis §4.3) decides only what a majority of both its
// incoming and its outgoing voters decide; outside a joint configuration the outgoing side is
// empty and agrees with everything, so one code path serves both.
import type { NodeId } from "./types.ts";

/** The voters whose majorities decide: `outgoing` is empty unless the group is joint. */
export interface QuorumConfig {
  readonly incoming: readonly NodeId[];
  readonly outgoing: readonly NodeId[];
}

export function quorumSize(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/**
 * The highest index a majority of `voters` have matched. An empty majority config commits
 * everything (Infinity), so that it never holds back the other half of a joint one.
 */
export function majorityCommittedIndex(voters: readonly NodeId[], matchOf: (id: NodeId) => number): number {
  if (voters.length === 0) return Number.POSITIVE_INFINITY;
  const matches = voters.map(matchOf).sort((a, b) => b - a);
  return matches[quorumSize(voters.length) - 1]!;
}

/** The highest index both majorities have matched; 0 when there are no voters at all. */
export function committedIndex(config: QuorumConfig, matchOf: (id: NodeId) => number): number {
  const index = Math.min(
    majorityCommittedIndex(config.incoming, matchOf),
    majorityCommittedIndex(config.outgoing, matchOf),
  );
  return Number.isFinite(index) ? index : 0;
}

export enum VoteResult {
  Pending = "pending",
  Won = "won",
  Lost = "lost",
}

/** Tally votes cast by `voters` only; a vote from anyone else is ignored. Empty → Won. */
export function majorityVoteResult(
  voters: readonly NodeId[],
  votes: ReadonlyMap<NodeId, boolean>,
): VoteResult {
  if (voters.length === 0) return VoteResult.Won;
  let granted = 0;
  let rejected = 0;
  for (const id of voters) {
    const v = votes.get(id);
    if (v === true) granted++;
    else if (v === false) rejected++;
  }
  const q = quorumSize(voters.length);
  if (granted >= q) return VoteResult.Won;
  if (voters.length - rejected < q) return VoteResult.Lost;
  return VoteResult.Pending;
}

/** Won only if both majorities won; lost as soon as either lost. */
export function voteResult(config: QuorumConfig, votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  const incoming = majorityVoteResult(config.incoming, votes);
  const outgoing = majorityVoteResult(config.outgoing, votes);
  if (incoming === outgoing) return incoming;
  if (incoming === VoteResult.Lost || outgoing === VoteResult.Lost) return VoteResult.Lost;
  return VoteResult.Pending;
}

/** Do the members in `ids` form a quorum (of both halves, when joint)? */
export function hasQuorum(config: QuorumConfig, ids: ReadonlySet<NodeId>): boolean {
  const votes = new Map<NodeId, boolean>();
  for (const id of ids) votes.set(id, true);
  return voteResult(config, votes) === VoteResult.Won;
}

/** Every voter of either half, each once. */
export function allVoters(config: QuorumConfig): NodeId[] {
  if (config.outgoing.length === 0) return [...config.incoming];
  return [...new Set([...config.incoming, ...config.outgoing])];
}
