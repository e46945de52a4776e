// One member's suspicion of another, and how long it lasts (Lifeguard, "dynamic suspicion").
//
// A suspicion starts long (max) so a member that is merely slow has time to hear about it and
// refute; each independent confirmation — another member whose own probe failed — is evidence
// the suspect is really gone, and shortens the timeout logarithmically down to min once K
// members have confirmed. The first suspector does not count: it is why the suspicion exists.

export interface SuspicionTimeout {
  readonly minTicks: number;
  readonly maxTicks: number;
  /** K: confirmations after which the timeout is min. */
  readonly confirmationsExpected: number;
}

/** max(min, max − (max − min) · log(C + 1) / log(K + 1)), rounded up to whole ticks. */
export function suspicionTimeoutTicks(timeout: SuspicionTimeout, confirmations: number): number {
  const { minTicks, maxTicks, confirmationsExpected } = timeout;
  if (confirmationsExpected < 1) return minTicks;
  const progress = Math.log(confirmations + 1) / Math.log(confirmationsExpected + 1);
  return Math.max(minTicks, Math.ceil(maxTicks - (maxTicks - minTicks) * progress));
}

export interface SuspicionOptions extends SuspicionTimeout {
  /** The suspect's incarnation this suspicion is about; a refutation raises it. */
  readonly incarnation: number;
  readonly startTick: number;
  /** Who raised the suspicion: excluded from confirmations. */
  readonly suspectedBy: string;
}

export class Suspicion {
  readonly incarnation: number;
  readonly startTick: number;
  readonly #timeout: SuspicionTimeout;
  readonly #confirmers: Set<string>;
  /** Cached: checked every tick, changed only by a confirmation. */
  #deadlineTick: number;

  constructor(options: SuspicionOptions) {
    this.incarnation = options.incarnation;
    this.startTick = options.startTick;
    this.#timeout = {
      minTicks: options.minTicks,
      maxTicks: options.maxTicks,
      confirmationsExpected: options.confirmationsExpected,
    };
    this.#confirmers = new Set([options.suspectedBy]);
    this.#deadlineTick = this.startTick + suspicionTimeoutTicks(this.#timeout, 0);
  }

  /** Independent confirmations counted so far (the first suspector excluded). */
  get confirmations(): number {
    return this.#confirmers.size - 1;
  }

  /**
   * Counts `from` if it has not been counted and more confirmations can still shorten the
   * timeout; true means it was new, so it is worth passing on to the rest of the cluster.
   */
  confirm(from: string): boolean {
    if (this.confirmations >= this.#timeout.confirmationsExpected) return false;
    if (this.#confirmers.has(from)) return false;
    this.#confirmers.add(from);
    this.#deadlineTick = this.startTick + suspicionTimeoutTicks(this.#timeout, this.confirmations);
    return true;
  }

  get deadlineTick(): number {
    return this.#deadlineTick;
  }

  expired(now: number): boolean {
    return now >= this.#deadlineTick;
  }
}
