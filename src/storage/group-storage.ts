// What the Raft core of one group reads: the Storage interface over that group's share of the
// node's durable state. Read-only on purpose: every change goes through DurableStore.persist,
// which logs it before this view shows it.
import type { InitialState, MemoryStorage, Storage } from "../raft/storage.ts";
import type { Entry, HardState, Snapshot } from "../raft/types.ts";

/**
 * What the view reads of its GroupLog: the group id and its current contents (replaced
 * wholesale when a snapshot resets the log, so the view looks them up on every call). Named
 * here rather than importing GroupLog, which creates this view: no import cycle.
 */
export interface GroupContents {
  readonly id: string;
  readonly memory: MemoryStorage;
}

export class GroupStorage implements Storage {
  readonly #log: GroupContents;

  constructor(log: GroupContents) {
    this.#log = log;
  }

  get group(): string {
    return this.#log.id;
  }

  initialState(): InitialState {
    return this.#log.memory.initialState();
  }

  entries(lo: number, hi: number, maxBytes: number): Entry[] {
    return this.#log.memory.entries(lo, hi, maxBytes);
  }

  term(i: number): number {
    return this.#log.memory.term(i);
  }

  firstIndex(): number {
    return this.#log.memory.firstIndex();
  }

  lastIndex(): number {
    return this.#log.memory.lastIndex();
  }

  snapshot(): Snapshot {
    return this.#log.memory.snapshot();
  }

  hardState(): HardState {
    return this.#log.memory.hardState();
  }
}
