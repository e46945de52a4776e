// A virtual clock for the node layer (src/node/host/clock.ts): timers wait in one queue ordered by
// (time, creation order) and run only when the simulator advances time, so the same calls give
// the same order of events, run after run. Between two events every promise callback runs to
// completion (drain()), which is all the asynchrony the node layer has under the simulator.
import type { Clock } from "../../src/node/host/clock.ts";

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

export class VirtualClock implements Clock {
  #now = 0;
  #seq = 0;
  /** A binary min-heap on (at, seq). */
  readonly #heap: Timer[] = [];
  /** Events run so far: the simulator's unit of progress, and part of its trace. */
  events = 0;

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const timer = this.#push(fn, Math.max(0, ms));
    return () => {
      timer.cancelled = true;
    };
  }

  setInterval(fn: () => void, ms: number): () => void {
    let cancelled = false;
    let cancel = (): void => {};
    const fire = (): void => {
      if (cancelled) return;
      cancel = this.setTimeout(fire, ms);
      fn();
    };
    cancel = this.setTimeout(fire, ms);
    return () => {
      cancelled = true;
      cancel();
    };
  }

  setImmediate(fn: () => void): void {
    this.#push(fn, 0);
  }

  /** Run every event due up to `until` (inclusive), draining promise callbacks after each. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      const next = this.#heap[0];
      if (!next || next.at > until) break;
      this.#pop();
      if (next.cancelled) continue;
      this.#now = next.at;
      this.events++;
      next.fn();
      await drain();
    }
    this.#now = Math.max(this.#now, until);
  }

  #push(fn: () => void, ms: number): Timer {
    const timer: Timer = { at: this.#now + ms, seq: this.#seq++, fn, cancelled: false };
    const heap = this.#heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
    return timer;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * Let every queued promise callback run, and the ones they queue, until none is left: a real
 * macrotask turn. Nothing else in the simulated node layer schedules real work, so what runs is
 * fixed by the simulation alone.
 */
function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * One node's clock in the simulator: the virtual clock seen through a constant rate, as a
 * machine whose oscillator runs fast (rate > 1) or slow. Its ms pass `rate` times as fast as
 * virtual (real) ms, both in now() and in its timers, so a node with a fast clock ticks Raft
 * sooner and measures leases as longer than they are. The node layer promises safety for rates
 * within NodeSettings.clockDriftMaxPerMille of 1; a lease that trusts more is caught here.
 */
export class DriftingClock implements Clock {
  readonly #base: VirtualClock;
  readonly rate: number;
  /** Virtual time when this clock was made: it reads the same as the virtual clock then. */
  readonly #anchor: number;

  constructor(base: VirtualClock, rate: number) {
    if (!(rate > 0)) throw new Error(`clock rate must be > 0, got ${rate}`);
    this.#base = base;
    this.rate = rate;
    this.#anchor = base.now();
  }

  now(): number {
    return this.#anchor + (this.#base.now() - this.#anchor) * this.rate;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    return this.#base.setTimeout(fn, ms / this.rate);
  }

  setInterval(fn: () => void, ms: number): () => void {
    return this.#base.setInterval(fn, ms / this.rate);
  }

  setImmediate(fn: () => void): void {
    this.#base.setImmediate(fn);
  }
}
