// The state digests a replica had at its last applied indexes. Replicas of a group apply the
// same entries at different moments, so a digest is only comparable with another replica's at
// the same index: gossip carries (index, digest), and the receiver looks up its own digest at
// that index, if it is recent enough to still be here.
import { invariant } from "../../invariant.ts";
import { type DigestLanes, digestHex } from "./state-digest.ts";

/** Applied indexes whose digests a replica keeps (a few seconds of writes on a busy group). */
export const DIGEST_HISTORY_LENGTH = 256;

/**
 * A ring buffer over the last `length` indexes: the digest after applying index i sits in
 * slot i mod length, tagged with i. Indexes need not be contiguous (a snapshot jumps ahead):
 * an index never recorded, or overwritten, or more than `length` behind the latest, is absent.
 * Fixed typed arrays: recording allocates nothing.
 */
export class DigestHistory {
  readonly length: number;
  /** The index each slot holds, or -1. */
  readonly #indexes: Float64Array;
  readonly #lane1: Int32Array;
  readonly #lane2: Int32Array;
  #latest = -1;

  constructor(length = DIGEST_HISTORY_LENGTH) {
    invariant(Number.isInteger(length) && length > 0, () => `digest history length ${length} must be > 0`);
    this.length = length;
    this.#indexes = new Float64Array(length).fill(-1);
    this.#lane1 = new Int32Array(length);
    this.#lane2 = new Int32Array(length);
  }

  /**
   * The state's digest after applying `index`. Indexes only grow; one that does not (a state
   * machine restored to an older point) starts the history over, as what it held no longer
   * describes the state being built.
   */
  record(index: number, digest: DigestLanes): void {
    if (index <= this.#latest) this.#indexes.fill(-1);
    const slot = index % this.length;
    this.#indexes[slot] = index;
    this.#lane1[slot] = digest.lane1;
    this.#lane2[slot] = digest.lane2;
    this.#latest = index;
  }

  /** The digest (16 hex characters) after applying `index`, or undefined outside the window. */
  at(index: number): string | undefined {
    if (
      !Number.isSafeInteger(index) ||
      index < 0 ||
      index > this.#latest ||
      index <= this.#latest - this.length
    ) {
      return undefined;
    }
    const slot = index % this.length;
    if (this.#indexes[slot] !== index) return undefined;
    return digestHex(this.#lane1[slot]!, this.#lane2[slot]!);
  }
}
