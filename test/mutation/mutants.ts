// Classic Raft bugs, each a one-place edit of the core. `npm run mutation` applies each to a
// scratch copy of the project and expects the test suite to fail: a mutant the suite survives
// is a bug class our tests cannot see.

export interface Mutant {
  readonly name: string;
  /** Path under src/raft. */
  readonly file: string;
  /** Exact source text to replace; it must occur exactly once in the file. */
  readonly find: string;
  readonly replace: string;
}

export const MUTANTS: readonly Mutant[] = [
  {
    name: "commit an earlier term's entry by counting replicas (Figure 8)",
    file: "log.ts",
    find: "if (index > this.committed && this.term(index) === term) {",
    replace: "if (index > this.committed) {",
  },
  {
    name: "grant a vote without the log up-to-date check",
    file: "raft.ts",
    find: "if (canVote && this.log.isUpToDate(m.index, m.logTerm)) {",
    replace: "if (canVote) {",
  },
  {
    name: "compare logs by index before term",
    file: "log.ts",
    find: "return lastTerm > ours || (lastTerm === ours && lastIndex >= this.lastIndex());",
    replace: "return lastIndex > this.lastIndex() || (lastIndex === this.lastIndex() && lastTerm >= ours);",
  },
  {
    name: "not persisting term and vote before answering",
    file: "rawnode.ts",
    find: "hardState: hardChanged ? hard : null,",
    replace:
      "hardState: hard.commit !== this.#prevHard.commit ? { ...this.#prevHard, commit: hard.commit } : null,",
  },
  {
    name: "accept an AppendEntries from a stale term",
    file: "raft.ts",
    find: "    if (m.term < this.term) {\n      if (m.type === MessageType.App",
    replace:
      "    if (m.term < this.term && m.type !== MessageType.App) {\n      if (m.type === MessageType.App",
  },
  {
    name: "truncate the log on a duplicate AppendEntries that matches",
    file: "log.ts",
    find: "const conflict = this.findConflict(entries);",
    replace: "const conflict = entries.length > 0 ? entries[0]!.index : 0;",
  },
  {
    name: "apply entries past the commit index",
    file: "log.ts",
    find: "const hi = this.committed + 1;",
    replace: "const hi = this.lastIndex() + 1;",
  },
  {
    name: "forget to reset the election timer on a valid heartbeat",
    file: "raft.ts",
    find: "      case MessageType.Heartbeat:\n        this.#electionElapsed = 0;",
    replace: "      case MessageType.Heartbeat:",
  },
  {
    name: "a candidate counts a learner's vote",
    file: "raft.ts",
    find: "return voteResult(this.#quorum(), this.#votes);",
    replace: "return voteResult({ incoming: [...this.progress.keys()], outgoing: [] }, this.#votes);",
  },
  {
    name: "serve ReadIndex before the leader has committed an entry of its term",
    file: "raft.ts",
    find: "    if (!this.#committedInTerm()) {\n      // Our commit index",
    replace: "    if (this.role !== Role.Leader) {\n      // Our commit index",
  },
  {
    name: "count learners towards the commit quorum",
    file: "raft.ts",
    find: "const index = committedIndex(this.#quorum(), (id) => this.progress.get(id)!.match);",
    replace:
      "const index = committedIndex({ incoming: [...this.progress.keys()], outgoing: [] }, (id) => this.progress.get(id)!.match);",
  },
  {
    name: "vote twice in one term",
    file: "raft.ts",
    find: "      this.vote === m.from ||\n",
    replace: "      true ||\n",
  },
  {
    name: "a follower appends without checking the previous entry's term",
    file: "log.ts",
    find: "if (!this.matchTerm(index, logTerm)) return null;",
    replace: "if (index > this.lastIndex()) return null;",
  },
  {
    name: "a heartbeat tells a follower to commit past what it is known to hold",
    file: "raft.ts",
    find: "const commit = Math.min(pr.match, this.log.committed);",
    replace: "const commit = this.log.committed;",
  },
  {
    name: "a leader without a quorum never steps down (CheckQuorum off)",
    file: "raft.ts",
    find: "if (this.config.checkQuorum && !this.#quorumActive()) {",
    replace: "if (false && !this.#quorumActive()) {",
  },
  {
    name: "voters ignore the leader lease, so a removed server disrupts",
    file: "raft.ts",
    find: "if (inLease && m.context !== TRANSFER_CONTEXT) return false;",
    replace: "if (false && inLease) return false;",
  },
  {
    name: "a candidate does not increment its term",
    file: "raft.ts",
    find: "this.#reset(this.term + 1);",
    replace: "this.#reset(this.term === 0 ? 1 : this.term);",
  },
  {
    name: "a follower commits past the entries the leader vouched for",
    file: "log.ts",
    find: "this.commitTo(Math.min(committed, lastNew));",
    replace: "this.commitTo(Math.min(committed, this.lastIndex()));",
  },
  {
    name: "a removed server keeps campaigning as a voter",
    file: "raft.ts",
    find: "return pr !== undefined && !pr.isLearner && this.log.unstableSnapshot() === null;",
    replace: "return (pr === undefined || !pr.isLearner) && this.log.unstableSnapshot() === null;",
  },
  {
    name: "read index served without confirming leadership with a quorum",
    file: "raft.ts",
    find: "    if (this.voters().length === 1) {\n      this.#releaseRead",
    replace: "    if (this.voters().length >= 1) {\n      this.#releaseRead",
  },
  {
    name: "a quiescent follower stays quiet after its leader's node died",
    file: "raft.ts",
    find: "return this.role === Role.Follower && this.lead !== NONE && this.config.isLive(this.lead);",
    replace: "return this.role === Role.Follower && this.lead !== NONE;",
  },
  // ─── joint consensus (issue 14) ───
  {
    name: "joint quorum counts only the new config",
    file: "quorum.ts",
    find: "majorityCommittedIndex(config.outgoing, matchOf),",
    replace: "Number.POSITIVE_INFINITY,",
  },
  {
    name: "leave-joint before the joint entry commits",
    file: "raft.ts",
    find: "    return this.propose(data, EntryType.ConfChange);",
    replace:
      "    const at = this.propose(data, EntryType.ConfChange);\n" +
      "    if (changeConf(this.#conf, cc).autoLeave)\n" +
      "      this.#appendEntries([{ term: 0, index: 0, type: EntryType.ConfChange, data: LEAVE_JOINT }]);\n" +
      "    return at;",
  },
  {
    name: "votes counted from the outgoing config only",
    file: "quorum.ts",
    find: "const incoming = majorityVoteResult(config.incoming, votes);",
    replace: "const incoming = majorityVoteResult(config.outgoing, votes);",
  },
  {
    name: "CheckQuorum and ReadIndex count only the new config",
    file: "quorum.ts",
    find: "for (const id of ids) votes.set(id, true);\n  return voteResult(config, votes)",
    replace:
      "for (const id of ids) votes.set(id, true);\n  return voteResult({ ...config, outgoing: [] }, votes)",
  },
  {
    name: "a removed voter's progress is dropped on entering the joint config",
    file: "raft.ts",
    find: "const members = new Set([...voters, ...next.learners, ...next.learnersNext]);",
    replace: "const members = new Set([...next.voters, ...next.learners, ...next.learnersNext]);",
  },
];
