// The promises of the Raft core's Storage interface (src/raft/storage.ts), as one suite that
// any implementation can be run through: MemoryStorage, and the node's GroupStorage live,
// after recovery, and after compaction by a snapshot.
import { describe, expect, it } from "vitest";
import { RaftError } from "../../src/raft/errors.ts";
import type { Storage } from "../../src/raft/storage.ts";
import { entrySizeBytes } from "../../src/raft/storage.ts";
import type { Entry, HardState, Snapshot } from "../../src/raft/types.ts";
import { entry, hardState, snapshot } from "./support.ts";

/** What a storage under test must hold: a snapshot, the entries after it, a hard state. */
export interface StorageSetup {
  readonly snapshot: Snapshot;
  readonly entries: readonly Entry[];
  readonly hardState: HardState;
}

export type StorageFactory = (setup: StorageSetup) => Promise<Storage>;

/** Snapshot at 5 (term 2), entries 6..12 with rising terms and uneven sizes. */
const COMPACTED: StorageSetup = {
  snapshot: snapshot(5, 2),
  entries: [
    entry(6, 2, "a"),
    entry(7, 2, "bb".repeat(40)),
    entry(8, 3, "c"),
    entry(9, 3, "d".repeat(100)),
    entry(10, 3, ""),
    entry(11, 4, "f"),
    entry(12, 4, "g".repeat(7)),
  ],
  hardState: hardState(4, 10, "n2"),
};

/** A new group: membership at index 0 and entries 1..4. */
const BOOTSTRAPPED: StorageSetup = {
  snapshot: {
    meta: {
      index: 0,
      term: 0,
      confState: {
        voters: ["n1", "n2"],
        learners: [],
        votersOutgoing: [],
        learnersNext: [],
        autoLeave: false,
      },
    },
    data: new Uint8Array(),
  },
  entries: [entry(1, 1), entry(2, 1), entry(3, 2), entry(4, 2)],
  hardState: hardState(2, 3, "n1"),
};

/** Only a snapshot: nothing after it yet. */
const SNAPSHOT_ONLY: StorageSetup = { snapshot: snapshot(20, 5), entries: [], hardState: hardState(5, 20) };

function expectRaftError(fn: () => unknown, code: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(RaftError);
  expect((thrown as RaftError).code).toBe(code);
}

export function describeStorageConformance(name: string, build: StorageFactory): void {
  describe(`Storage conformance: ${name}`, () => {
    it("firstIndex is one past the snapshot and lastIndex is the last entry", async () => {
      for (const setup of [COMPACTED, BOOTSTRAPPED, SNAPSHOT_ONLY]) {
        const s = await build(setup);
        const last = setup.entries.at(-1)?.index ?? setup.snapshot.meta.index;
        expect([s.firstIndex(), s.lastIndex()]).toEqual([setup.snapshot.meta.index + 1, last]);
      }
    });

    it("term answers for every index from the snapshot's to the last", async () => {
      const s = await build(COMPACTED);
      expect(s.term(5)).toBe(2);
      for (const e of COMPACTED.entries) expect(s.term(e.index)).toBe(e.term);
    });

    it("term before the snapshot is Compacted and past the last index is Unavailable", async () => {
      const s = await build(COMPACTED);
      expectRaftError(() => s.term(4), "Compacted");
      expectRaftError(() => s.term(13), "Unavailable");
    });

    it("entries returns exactly [lo, hi) in order, with their terms and data", async () => {
      const s = await build(COMPACTED);
      expect(s.entries(6, 13, Number.POSITIVE_INFINITY)).toEqual(COMPACTED.entries);
      expect(s.entries(8, 10, Number.POSITIVE_INFINITY)).toEqual(COMPACTED.entries.slice(2, 4));
      expect(s.entries(9, 9, Number.POSITIVE_INFINITY)).toEqual([]);
    });

    it("entries at or before the snapshot index is Compacted", async () => {
      const s = await build(COMPACTED);
      expectRaftError(() => s.entries(5, 8, Number.POSITIVE_INFINITY), "Compacted");
      expectRaftError(() => s.entries(1, 8, Number.POSITIVE_INFINITY), "Compacted");
    });

    it("entries reaching past lastIndex + 1 is Unavailable", async () => {
      const s = await build(COMPACTED);
      expectRaftError(() => s.entries(6, 14, Number.POSITIVE_INFINITY), "Unavailable");
    });

    it("entries stops before passing maxBytes but always returns at least one", async () => {
      const s = await build(COMPACTED);
      expect(s.entries(7, 13, 0)).toEqual([COMPACTED.entries[1]]);
      const budget = entrySizeBytes(COMPACTED.entries[0]!) + entrySizeBytes(COMPACTED.entries[1]!);
      expect(s.entries(6, 13, budget)).toEqual(COMPACTED.entries.slice(0, 2));
      expect(s.entries(6, 13, budget - 1)).toEqual(COMPACTED.entries.slice(0, 1));
    });

    it("initialState is the hard state and the snapshot's membership", async () => {
      for (const setup of [COMPACTED, BOOTSTRAPPED]) {
        const s = await build(setup);
        expect(s.initialState()).toEqual({
          hardState: setup.hardState,
          confState: setup.snapshot.meta.confState,
        });
      }
    });

    it("snapshot returns the latest snapshot with its data", async () => {
      const s = await build(SNAPSHOT_ONLY);
      expect(s.snapshot()).toEqual(SNAPSHOT_ONLY.snapshot);
      expect(s.term(20)).toBe(5);
    });
  });
}
