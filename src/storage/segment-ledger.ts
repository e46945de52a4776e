// Which log segments still matter. For every segment it keeps, per group, the highest index
// of that group's entries in the segment that is still part of the group's log ("live").
// Entries stop being live when a later record replaces them (an append at a lower index, an
// installed snapshot, a drop of the group), and stop mattering once the group's snapshot covers
// them. A segment whose live entries are all covered can go, provided it is "sealed": a later
// segment holds a durable checkpoint (every group's hard state and snapshot mark), so none of
// its hard states is the latest either.
//
// Pure bookkeeping over plain data: the WAL feeds it every record it writes or replays.
import type { WalRecord } from "./record.ts";

export class SegmentLedger {
  /** Segment id -> group -> highest live entry index. Map order is ascending segment id. */
  readonly #live = new Map<number, Map<string, number>>();
  /** Per group, the highest index it has ever been noted with: appends above it replace nothing. */
  readonly #last = new Map<string, number>();

  addSegment(id: number): void {
    const ids = [...this.#live.keys()];
    const newest = ids[ids.length - 1];
    if (newest !== undefined && id <= newest) throw new RangeError(`segment ${id} is not after ${newest}`);
    this.#live.set(id, new Map());
  }

  removeSegment(id: number): void {
    this.#live.delete(id);
  }

  segments(): number[] {
    return [...this.#live.keys()];
  }

  /** Account for `record`, which sits in segment `id`. */
  note(id: number, record: WalRecord): void {
    const live = this.#live.get(id);
    if (live === undefined) throw new RangeError(`segment ${id} is not in the ledger`);
    if (record.kind === "entries") {
      const first = record.entries[0]?.index;
      const last = record.entries[record.entries.length - 1]?.index;
      if (first === undefined || last === undefined) return;
      if (first <= (this.#last.get(record.group) ?? 0)) this.#capAll(record.group, first - 1);
      live.set(record.group, Math.max(live.get(record.group) ?? 0, last));
      this.#last.set(record.group, last);
    } else if (record.kind === "snapshotMark" && record.mark === "installed") {
      // An installed snapshot replaces the group's whole log: nothing written before it is live.
      for (const segment of this.#live.values()) segment.delete(record.group);
      this.#last.set(record.group, record.index);
    } else if (record.kind === "drop") {
      // Nothing of the group before a drop is live; a re-created group starts from index 1.
      for (const segment of this.#live.values()) segment.delete(record.group);
      this.#last.delete(record.group);
    }
  }

  /**
   * The oldest segments, in order, that may be deleted: each below `sealedBelow` and with all
   * live entries at or below its group's durable snapshot index. Stops at the first segment
   * that must stay, because replay needs a contiguous run of segments: a later segment's
   * records (an install, a truncation) can be what neutralises an earlier one's entries.
   */
  collectible(sealedBelow: number, snapshotIndex: (group: string) => number): number[] {
    const ids: number[] = [];
    for (const [id, live] of this.#live) {
      if (id >= sealedBelow || this.#pinning(live, snapshotIndex).length > 0) break;
      ids.push(id);
    }
    return ids;
  }

  /** The groups whose live entries keep segment `id` from being deleted. */
  pinnedBy(id: number, snapshotIndex: (group: string) => number): string[] {
    const live = this.#live.get(id);
    return live === undefined ? [] : this.#pinning(live, snapshotIndex);
  }

  #pinning(live: ReadonlyMap<string, number>, snapshotIndex: (group: string) => number): string[] {
    const groups: string[] = [];
    for (const [group, index] of live) if (index > snapshotIndex(group)) groups.push(group);
    return groups;
  }

  #capAll(group: string, index: number): void {
    for (const live of this.#live.values()) {
      const current = live.get(group);
      if (current === undefined || current <= index) continue;
      if (index <= 0) live.delete(group);
      else live.set(group, index);
    }
  }
}
