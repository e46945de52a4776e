// Lookups per second, each case a bounded loop over a pool of distinct keys. Cases run
// interleaved, round after round, so a burst of load from elsewhere on the machine hits all of
// them alike. Each round is timed in process CPU time (time spent descheduled does not count)
// and the fastest round is reported — the usual estimator for a loop's intrinsic cost on a
// shared machine — next to the median round.

export interface SpeedCase {
  readonly name: string;
  readonly lookups: number;
  /** Runs `lookups` lookups and returns a value derived from all of them (defeats dead-code removal). */
  readonly run: (lookups: number) => number;
}

export interface SpeedRow {
  readonly name: string;
  readonly lookups: number;
  /** CPU nanoseconds per lookup in the fastest round. */
  readonly nsPerLookupBest: number;
  readonly nsPerLookupMedian: number;
}

export function measureSpeed(cases: readonly SpeedCase[], rounds: number): SpeedRow[] {
  const samples = cases.map(() => [] as number[]);
  let sink = 0;
  for (let round = -1; round < rounds; round++) {
    cases.forEach((speedCase, index) => {
      const started = process.cpuUsage();
      sink ^= speedCase.run(speedCase.lookups);
      const elapsed = process.cpuUsage(started);
      // Round −1 is warm-up: it lets the JIT compile every loop before anything is recorded.
      if (round >= 0) samples[index]!.push(((elapsed.user + elapsed.system) * 1000) / speedCase.lookups);
    });
  }
  if (sink === 0.5) console.log("unreachable: keeps the lookups observable");
  return cases.map((speedCase, index) => {
    const sorted = [...samples[index]!].sort((a, b) => a - b);
    return {
      name: speedCase.name,
      lookups: speedCase.lookups,
      nsPerLookupBest: sorted[0]!,
      nsPerLookupMedian: sorted[sorted.length >> 1]!,
    };
  });
}
