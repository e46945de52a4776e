// The invariants written on Replica's fields, each broken on purpose: the replica refuses with an
// InvariantError naming the values, instead of applying out of order or past the commit.
import { describe, expect, it } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { InvariantError } from "../../../src/invariant.ts";
import { seededRandom } from "../../../src/node/host/random.ts";
import { Replica } from "../../../src/node/host/replica.ts";
import type { Command } from "../../../src/node/kv/command.ts";
import { encodeCommand } from "../../../src/node/kv/command-codec.ts";
import {
  type Entry,
  EntryType,
  MemoryStorage,
  NONE,
  type Ready,
  Role,
  type Snapshot,
} from "../../../src/raft/index.ts";

const encoder = new TextEncoder();

function replica(snapshotEntries = 1_000_000): Replica {
  return new Replica({
    group: "shard-7",
    nodeId: "n1",
    storage: MemoryStorage.bootstrap(["n1"]),
    raft: { random: seededRandom(1) },
    snapshotEntries,
    snapshotLogBytes: 1 << 30,
  });
}

const put = (key: string): Command => ({ put: { key: encoder.encode(key), value: encoder.encode("v") } });

const entry = (index: number, term = 1): Entry => ({
  index,
  term,
  type: EntryType.Normal,
  data: encodeCommand(put(`k${index}`)),
});

const snapshotAt = (r: Replica, index: number, term = 1): Snapshot => ({
  meta: {
    index,
    term,
    confState: { voters: ["n1"], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
  },
  data: r.sm.snapshot(),
});

/** A Ready as the core hands one over; `commit` null leaves the hard state unchanged. */
function ready(parts: { entries?: Entry[]; snapshot?: Snapshot; commit?: number | null }): Ready {
  const entries = parts.entries ?? [];
  const commit =
    parts.commit === undefined
      ? Math.max(entries.at(-1)?.index ?? 0, parts.snapshot?.meta.index ?? 0)
      : parts.commit;
  return {
    softState: null,
    hardState: commit === null ? null : { term: 1, vote: "", commit },
    entries: [],
    snapshot: parts.snapshot ?? null,
    committedEntries: entries,
    messages: [],
    readStates: [],
    mustSync: false,
  };
}

/** The InvariantError `fn` throws (fails the test if it throws none or another error). */
function invariantBrokenBy(fn: () => unknown): InvariantError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvariantError);
    return e as InvariantError;
  }
  throw new Error("expected an InvariantError, nothing was thrown");
}

describe("Replica invariants", () => {
  it("the invariants hold through applying entries and installing a snapshot in order", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1), entry(2)] }));
    r.apply(ready({ snapshot: snapshotAt(r, 9, 2) }));
    r.apply(ready({ entries: [entry(10, 2)] }));
    expect(r.applied).toBe(10);
  });

  it("an entry must apply at applied + 1: a gap is refused", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1)] }));
    const e = invariantBrokenBy(() => r.apply(ready({ entries: [entry(3)] })));
    expect(e.context).toEqual({ group: "shard-7", entryIndex: 3, applied: 1 });
    expect(r.applied).toBe(1);
  });

  it("an entry must apply at applied + 1: a repeat is refused", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1), entry(2)] }));
    const e = invariantBrokenBy(() => r.apply(ready({ entries: [entry(2)] })));
    expect(e.context).toMatchObject({ entryIndex: 2, applied: 2 });
  });

  it("applied never passes commit: an entry the hard state did not commit is refused", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1)] }));
    const e = invariantBrokenBy(() => r.apply(ready({ entries: [entry(2)], commit: null })));
    expect(e.message).toContain("snapshotIndex <= applied <= commit");
    expect(e.context).toEqual({ group: "shard-7", snapshotIndex: 0, applied: 2, commit: 1 });
  });

  it("the commit index never goes back", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1), entry(2)] }));
    const e = invariantBrokenBy(() => r.apply(ready({ commit: 1 })));
    expect(e.context).toEqual({ group: "shard-7", commit: 1, was: 2 });
  });

  it("terms never go back along the applied log", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1, 3)] }));
    const e = invariantBrokenBy(() => r.apply(ready({ entries: [entry(2, 2)] })));
    expect(e.context).toMatchObject({ entryIndex: 2, entryTerm: 2, appliedTerm: 3 });
  });

  it("an installed snapshot moves applied forward: one at or behind applied is refused", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1), entry(2), entry(3)] }));
    const e = invariantBrokenBy(() => r.apply(ready({ snapshot: snapshotAt(r, 3), commit: 3 })));
    expect(e.context).toEqual({ group: "shard-7", snapshotIndex: 3, applied: 3 });
  });

  it("an installed snapshot's term does not go back", () => {
    const r = replica();
    r.apply(ready({ entries: [entry(1, 4)] }));
    const e = invariantBrokenBy(() => r.apply(ready({ snapshot: snapshotAt(r, 5, 3) })));
    expect(e.context).toMatchObject({ snapshotTerm: 3, appliedTerm: 4 });
  });

  it("a snapshot is taken only after advance(), of what the core applied too", () => {
    const r = replica(1);
    // Applied here but never advanced in the core: a snapshot now would miss its conf changes.
    r.apply(ready({ entries: [entry(1)] }));
    const e = invariantBrokenBy(() => r.maybeSnapshot());
    expect(e.context).toEqual({ group: "shard-7", applied: 1, coreApplied: 0 });
  });
});

describe("how long a replica has known no leader (for the errors that explain a leaderless shard)", () => {
  it("counts from start and from the loss of a leader, and stops while a leader is known", () => {
    let nowMs = 1_000;
    const r = new Replica({
      group: "shard-7",
      nodeId: "n1",
      storage: MemoryStorage.bootstrap(["n1"]),
      raft: { random: seededRandom(1) },
      snapshotEntries: 1_000_000,
      snapshotLogBytes: 1 << 30,
      now: () => nowMs,
    });
    nowMs += 700;
    expect(r.leaderlessForMs()).toBe(700);
    r.apply({ ...ready({ commit: null }), softState: { leader: "n2", role: Role.Follower } });
    expect(r.leaderlessForMs()).toBeUndefined();
    nowMs += 5_000;
    r.apply({ ...ready({ commit: null }), softState: { leader: NONE, role: Role.Candidate } });
    nowMs += 4_200;
    // A second change without a leader (a new term's candidacy) does not restart the count.
    r.apply({ ...ready({ commit: null }), softState: { leader: NONE, role: Role.Follower } });
    expect(r.leaderlessForMs()).toBe(4_200);
  });
});

describe("a replica closed with writes in flight", () => {
  it("fails them as Timeout (outcome unknown), whatever the reason: they are in the log and may commit", async () => {
    const r = replica();
    r.raw.campaign(); // a single voter: leader at once
    expect(r.isLeader()).toBe(true);
    const pending = r.propose(put("k")).then(
      () => null,
      (e: unknown) => e as RingkvError,
    );
    r.close(new RingkvError("Unavailable", "the node is shutting down", { retryAfterMs: 500 }));
    const error = await pending;
    expect(error?.code).toBe("Timeout");
    expect(error?.message).toBe("the node is shutting down; the write's outcome is unknown");
  });
});
