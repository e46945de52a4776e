// What the multi-Raft host needs from durable storage: per-group read access for the Raft core,
// buffered writes, one group-commit sync for all groups, and snapshots. The write-ahead log
// (src/storage) implements it on disk; MemoryLogStore is its twin for unit tests.
import {
  type Entry,
  type HardState,
  MemoryStorage,
  NONE,
  type Snapshot,
  type Storage,
} from "../raft/index.ts";

export interface GroupUpdate {
  readonly snapshot: Snapshot | null;
  readonly entries: readonly Entry[];
  readonly hardState: HardState | null;
}

export interface LogStore {
  /** The group's durable state as the Raft core reads it (created empty if new). */
  group(id: string): Storage;
  /** Group ids that have state (see holdsState); a group only looked up with group() has none. */
  groups(): string[];
  /** Buffer a Ready's durable part; visible to group(id) at once, durable after sync(). */
  persist(group: string, update: GroupUpdate): void;
  /**
   * Forget the group's entries, hard state and snapshot (its replica was removed from the
   * group, or is rebuilt from scratch). Buffered like persist: at once group(id) is empty and
   * groups() leaves it out; durable after sync(). Persisting to it later starts it anew. A
   * Storage obtained before the drop is detached: stop the group's Raft node first.
   */
  dropGroup(group: string): void;
  /** Make everything persisted so far durable: one write and one fsync for all groups. */
  sync(): Promise<void>;
  /** Record the state machine's snapshot and let the log before it go. */
  saveSnapshot(group: string, snapshot: Snapshot): Promise<void>;
  close(): Promise<void>;
}

export class MemoryLogStore implements LogStore {
  readonly #groups = new Map<string, MemoryStorage>();
  syncCount = 0;

  group(id: string): MemoryStorage {
    let g = this.#groups.get(id);
    if (!g) {
      g = new MemoryStorage();
      this.#groups.set(id, g);
    }
    return g;
  }

  groups(): string[] {
    return [...this.#groups].filter(([, g]) => holdsState(g)).map(([id]) => id);
  }

  persist(group: string, update: GroupUpdate): void {
    const g = this.group(group);
    if (update.snapshot) g.applySnapshot(update.snapshot);
    g.append(update.entries);
    if (update.hardState) g.setHardState(update.hardState);
  }

  dropGroup(group: string): void {
    this.#groups.delete(group);
  }

  async sync(): Promise<void> {
    this.syncCount++;
  }

  async saveSnapshot(group: string, snapshot: Snapshot): Promise<void> {
    const g = this.group(group);
    g.createSnapshot(snapshot.meta.index, snapshot.meta.confState, snapshot.data);
    g.compact(snapshot.meta.index);
  }

  async close(): Promise<void> {}
}

/** Whether a group's storage holds anything: an entry, a snapshot or membership, a hard state. */
export function holdsState(storage: Storage): boolean {
  const { meta } = storage.snapshot();
  const { term, vote, commit } = storage.initialState().hardState;
  return (
    storage.lastIndex() > 0 ||
    meta.index > 0 ||
    meta.confState.voters.length > 0 ||
    meta.confState.learners.length > 0 ||
    term > 0 ||
    vote !== NONE ||
    commit > 0
  );
}
