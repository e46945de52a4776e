// The requests this node is serving right now (client calls, and requests peers forwarded to it),
// so a graceful stop can let them finish while the node still runs its groups: a request whose
// proposal the new leader commits is answered with its result, instead of the connection being
// dropped under it with the outcome unknown (a rolling restart saw exactly that). New requests
// meanwhile are refused NotLeader by the router, so the set only shrinks.
export class InFlight {
  #count = 0;
  #onIdle: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  /** `work`, counted until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#count++;
    return work.finally(() => {
      this.#count--;
      if (this.#count > 0) return;
      const idle = this.#onIdle;
      this.#onIdle = [];
      for (const wake of idle) wake();
    });
  }

  /** Resolves true once nothing is in flight, or false after `timeoutMs` with requests left. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.#count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#onIdle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
