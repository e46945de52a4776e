// The simulator's revision checker: what cluster-wide revisions promise (src/api/kv-model.ts,
// and the design in src/node/cluster/timestamp-oracle.ts), checked on a run's acknowledged
// writes and on the shards' committed logs:
//   unique      no two acknowledged writes, of any shards, share a revision;
//   real time   a write that completed before another began has the lower revision;
//   log order   within a shard, the acknowledged writes' revisions increase in log order.

/** One acknowledged write: the revision it was answered with, when it ran (virtual ms). */
export interface AckedWrite {
  readonly revision: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Names the write in a violation (client, key, value). */
  readonly label: string;
}

/** Where an acknowledged write sits in its shard's committed log. */
export interface LoggedWrite {
  readonly shard: number;
  readonly index: number;
  readonly revision: number;
  readonly label: string;
}

/** Violations (at most `limit`), each a sentence; empty when every promise held. */
export function checkRevisions(
  writes: readonly AckedWrite[],
  logged: readonly LoggedWrite[],
  limit = 20,
): string[] {
  const violations: string[] = [];
  const add = (message: string): boolean => {
    if (violations.length < limit) violations.push(message);
    return violations.length < limit;
  };
  const byRevision = new Map<number, AckedWrite>();
  for (const w of writes) {
    const other = byRevision.get(w.revision);
    if (other && !add(`revisions: ${w.revision} was given to both ${other.label} and ${w.label}`)) {
      return violations;
    }
    byRevision.set(w.revision, w);
  }
  // Real time: walk the writes by start; `done` holds those completed before the current began.
  const byStart = [...writes].sort((a, b) => a.startMs - b.startMs);
  const byEnd = [...writes].sort((a, b) => a.endMs - b.endMs);
  let highest: AckedWrite | undefined;
  let e = 0;
  for (const w of byStart) {
    for (; e < byEnd.length && (byEnd[e]?.endMs ?? 0) < w.startMs; e++) {
      const done = byEnd[e];
      if (done && (!highest || done.revision > highest.revision)) highest = done;
    }
    if (highest && highest.revision >= w.revision) {
      const message = `revisions: ${highest.label} completed at ${highest.endMs} with revision ${highest.revision}, before ${w.label} began at ${w.startMs}, which got ${w.revision}`;
      if (!add(message)) return violations;
    }
  }
  const shards = new Map<number, LoggedWrite[]>();
  for (const l of logged) {
    const list = shards.get(l.shard) ?? [];
    list.push(l);
    shards.set(l.shard, list);
  }
  for (const [shard, list] of [...shards].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.index - b.index);
    for (let i = 1; i < list.length; i++) {
      const [before, after] = [list[i - 1], list[i]];
      if (before && after && after.revision <= before.revision) {
        const message = `revisions: shard ${shard} applied ${after.label} (revision ${after.revision}) at index ${after.index} after ${before.label} (revision ${before.revision}) at index ${before.index}`;
        if (!add(message)) return violations;
      }
    }
  }
  return violations;
}
