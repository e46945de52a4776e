// Which member to probe next: round-robin over a shuffled list, reshuffled every pass (SWIM
// §4.3). Unlike picking at random each period, this bounds the time until any given member
// is probed by a given prober to two passes, which bounds detection time; reshuffling keeps
// the probers of one member from moving in lockstep.
import { type Random, shuffleInPlace } from "./random.ts";

export class ProbeSchedule {
  readonly #random: Random;
  readonly #known = new Set<string>();
  #order: string[] = [];
  #next = 0;

  constructor(random: Random) {
    this.#random = random;
  }

  /**
   * Adds a member at a random place among those not yet probed this pass, so a newcomer is
   * probed soon without every member probing it at the same moment.
   */
  add(id: string): void {
    if (this.#known.has(id)) return;
    this.#known.add(id);
    const remaining = this.#order.length - this.#next;
    this.#order.splice(this.#next + this.#random.intBelow(remaining + 1), 0, id);
  }

  /** The next member for which `eligible` holds, or undefined if there is none. */
  next(eligible: (id: string) => boolean): string | undefined {
    // Two passes' worth of steps visit every member at least once, whatever the start.
    for (let step = 0; step < 2 * this.#order.length; step++) {
      if (this.#next >= this.#order.length) this.#reshuffle();
      const id = this.#order[this.#next++]!;
      if (eligible(id)) return id;
    }
    return undefined;
  }

  #reshuffle(): void {
    this.#order = [...this.#known];
    shuffleInPlace(this.#random, this.#order);
    this.#next = 0;
  }
}
