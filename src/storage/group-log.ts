// One group's durable state as the node holds it in memory: the snapshot, the entries after
// it and the hard state. It is rebuilt on recovery by replaying the write-ahead log and then
// kept current by DurableStore.persist, and both paths change it only through these methods,
// so a record means the same thing when written and when replayed.
import { invariant } from "../invariant.ts";
import { MemoryStorage } from "../raft/storage.ts";
import type { Entry, HardState, Snapshot, SnapshotMeta } from "../raft/types.ts";
import { NONE } from "../raft/types.ts";
import { LogGapError } from "./errors.ts";
import { GroupStorage } from "./group-storage.ts";

export class GroupLog {
  readonly id: string;
  /** The read-only view handed to the Raft core; it follows every change made here. */
  readonly storage: GroupStorage;
  #memory = new MemoryStorage();

  constructor(id: string) {
    this.id = id;
    this.storage = new GroupStorage(this);
  }

  /** The current contents. Replaced wholesale when a snapshot resets the log. */
  get memory(): MemoryStorage {
    return this.#memory;
  }

  snapshotMeta(): SnapshotMeta {
    return this.#memory.snapshot().meta;
  }

  hardState(): HardState {
    return this.#memory.hardState();
  }

  /**
   * Whether installing `snapshot` changes anything: it must be newer than the current one, or,
   * at index 0, the membership of a brand-new group (bootstrap) with nothing in its log yet.
   */
  accepts(snapshot: Snapshot): boolean {
    const current = this.snapshotMeta().index;
    if (snapshot.meta.index > current) return true;
    return snapshot.meta.index === 0 && current === 0 && this.#memory.lastIndex() === 0;
  }

  /** Replace the whole log with `snapshot` (one received from the leader); keeps the hard state. */
  install(snapshot: Snapshot): void {
    invariant(this.accepts(snapshot), () => `group ${this.id}: snapshot ${snapshot.meta.index} is not newer`);
    this.#memory = memoryAt(snapshot, this.#memory.hardState());
  }

  /** Drop every entry after the snapshot point (replay of an install that preceded them). */
  dropEntries(): void {
    this.#memory = memoryAt(this.#memory.snapshot(), this.#memory.hardState());
  }

  /**
   * Append entries, replacing the log from their first index on. Entries at or before the
   * snapshot are skipped. Entries that would leave a hole throw LogGap (`where` locates them).
   */
  appendEntries(entries: readonly Entry[], where = ""): void {
    if (entries.length === 0) return;
    for (let i = 1; i < entries.length; i++) {
      const expected = entries[i - 1]!.index + 1;
      if (entries[i]!.index !== expected) throw new LogGapError(this.id, expected, entries[i]!.index, where);
    }
    const first = entries[0]!.index;
    const last = entries[entries.length - 1]!.index;
    if (last < this.#memory.firstIndex()) return;
    const next = this.#memory.lastIndex() + 1;
    if (first > next) throw new LogGapError(this.id, next, first, where);
    this.#memory.append(entries);
  }

  setHardState(hardState: HardState): void {
    this.#memory.setHardState(hardState);
  }

  /**
   * Record a snapshot taken from the state machine and discard the entries it covers. Returns
   * false if the group already has a snapshot at least this new.
   */
  compact(snapshot: Snapshot): boolean {
    const { index, term, confState } = snapshot.meta;
    if (index <= this.snapshotMeta().index) return false;
    invariant(index <= this.#memory.lastIndex(), () => `group ${this.id}: snapshot ${index} is past the log`);
    const logTerm = this.#memory.term(index);
    invariant(
      logTerm === term,
      () => `group ${this.id}: snapshot ${index} has term ${term}, the log ${logTerm}`,
    );
    this.#memory.createSnapshot(index, confState, snapshot.data);
    this.#memory.compact(index);
    return true;
  }

  /**
   * After recovery, lift the hard state to the snapshot: a snapshot's contents are committed,
   * and its term was current when it was made. The hard state written in the same batch may
   * have been lost in a crash while the snapshot file survived. Raising the term (with no
   * vote) and the commit index is always safe; the core requires commit >= snapshot index.
   */
  reconcileHardState(): void {
    const hs = this.#memory.hardState();
    const { index, term } = this.snapshotMeta();
    if (hs.term >= term && hs.commit >= index) return;
    const raised = hs.term < term;
    this.#memory.setHardState({
      term: raised ? term : hs.term,
      vote: raised ? NONE : hs.vote,
      commit: Math.max(hs.commit, index),
    });
  }
}

/** A fresh MemoryStorage holding just `snapshot` (index 0: a bootstrap membership) and `hardState`. */
function memoryAt(snapshot: Snapshot, hardState: HardState): MemoryStorage {
  let memory: MemoryStorage;
  if (snapshot.meta.index === 0) {
    // MemoryStorage can only bootstrap voters; a brand-new group never starts with learners
    // (a learner joins later and receives a real snapshot).
    invariant(snapshot.meta.confState.learners.length === 0, "a bootstrap snapshot cannot name learners");
    memory = MemoryStorage.bootstrap(snapshot.meta.confState.voters);
  } else {
    memory = new MemoryStorage();
    memory.applySnapshot(snapshot);
  }
  memory.setHardState(hardState);
  return memory;
}
