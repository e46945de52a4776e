// Majority arithmetic over the voters of one configuration. Learners never appear here.
import type { NodeId } from "./types.ts";

export function quorumSize(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}

/** The highest index that a majority of voters have matched. */
export function committedIndex(voters: readonly NodeId[], matchOf: (id: NodeId) => number): number {
  if (voters.length === 0) return 0;
  const matches = voters.map(matchOf).sort((a, b) => b - a);
  return matches[quorumSize(voters.length) - 1]!;
}

export enum VoteResult {
  Pending = "pending",
  Won = "won",
  Lost = "lost",
}

/** Tally votes cast by voters only; a vote from anyone else is ignored. */
export function voteResult(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>): VoteResult {
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
