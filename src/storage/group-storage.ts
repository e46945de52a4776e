// What the Raft core of one group reads: the Storage interface over that group's share of the
// node's durable state. Read-only on purpose: every change goes through DurableStore.persist,
// which logs it before this view shows it.
import type { InitialState, Storage } from "../raft/storage.ts";
import type { Entry, HardState, Snapshot } from "../raft/types.ts";
import type { GroupLog } from "./group-log.ts";

export class GroupStorage implements Storage {
  readonly #log: GroupLog;

  constructor(log: GroupLog) {
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
