// A RevisionSource without the meta group: a counter in this process. A stand-in until the
// timestamp oracle (timestamp-oracle.ts, branch oracle) is wired in: revisions from two nodes may
// collide and do not follow real-time order across nodes, but every shard still applies its
// writes at increasing revisions (a write below a shard's floor is retried with next(floor + 1),
// which jumps this counter past it). Unit tests use it as a fake oracle.
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
