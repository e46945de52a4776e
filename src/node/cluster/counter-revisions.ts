// A RevisionSource without the meta group: a counter in this process, the fake oracle of unit
// tests (the node uses the timestamp oracle, revision-source.ts). `next(atLeast)` jumps past
// `atLeast` as the real one does, so a write refused below a shard's floor is retried above it.
import type { RevisionSource } from "./revision-source.ts";

export class CounterRevisions implements RevisionSource {
  #last: number;

  constructor(start = 0) {
    this.#last = start;
  }

  async next(atLeast = 0): Promise<number> {
    this.#last = Math.max(this.#last + 1, atLeast);
    return this.#last;
  }
}
