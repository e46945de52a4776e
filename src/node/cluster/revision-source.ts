// Where a shard write gets its cluster-wide revision: the meta group's timestamp oracle
// (src/api/kv-model.ts says what revisions promise).

export interface RevisionSource {
  /**
   * A revision no one was given before, above every revision handed out before this call began
   * (and at least `atLeast`). Rejects with RingkvError Unavailable (certainly nothing handed
   * out) when the oracle cannot be reached.
   */
  next(atLeast?: number): Promise<number>;
}
