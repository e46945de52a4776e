// The state digest: equal states have equal digests whatever order they were reached in, any
// difference in a key, value, version or member shows, and a replica keeps the digest of each
// of its last applied indexes so that two replicas can be compared at the same point.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/node/host/random.ts";
import { Replica } from "../../../src/node/host/replica.ts";
import { type Command, encodeCommand } from "../../../src/node/kv/command.ts";
import { DIGEST_HISTORY_LENGTH, DigestHistory } from "../../../src/node/kv/digest-history.ts";
import { StateDigest } from "../../../src/node/kv/state-digest.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";
import { type Entry, EntryType, MemoryStorage, type Ready, type Snapshot } from "../../../src/raft/index.ts";

const utf8 = new TextEncoder();
const put = (key: string, value: string): Command => ({
  put: { key: utf8.encode(key), value: utf8.encode(value) },
});
const del = (key: string): Command => ({ delete: { key: utf8.encode(key) } });

/** A fresh state machine after applying `commands` at indexes 1, 2, 3, … */
function applied(commands: readonly Command[], first = 1): KvStateMachine {
  const sm = new KvStateMachine();
  for (const [i, c] of commands.entries()) sm.apply(c, first + i);
  return sm;
}

const EMPTY_DIGEST = new KvStateMachine().digest();

describe("state machine digest", () => {
  it("is 16 hex characters, and the empty state has a fixed one", () => {
    expect(EMPTY_DIGEST).toBe("0000000000000000");
    expect(applied([put("k", "v")]).digest()).toMatch(/^[0-9a-f]{16}$/);
  });

  it("the same commands in the same order give the same digest", () => {
    const commands = [put("a", "1"), put("b", "2"), del("a"), put("c", "3"), put("b", "4")];
    expect(applied(commands).digest()).toBe(applied(commands).digest());
    expect(applied(commands).digest()).not.toBe(EMPTY_DIGEST);
  });

  it("depends on the state only, not on the order its elements were added in", () => {
    // A shard applies writes in revision order, so order independence is the digest's own
    // property: the same records toggled in in any order give the same digest.
    const keys = fc.uniqueArray(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 30 });
    const record = (i: number) => ({
      modRevision: 100 + i,
      createRevision: 50 + (i % 3),
      writes: 1 + (i % 4),
      lease: i % 2,
    });
    fc.assert(
      fc.property(keys, fc.nat(), (list, seed) => {
        const shuffled = [...list].sort((x, y) => ((hashOf(x) ^ seed) >>> 0) - ((hashOf(y) ^ seed) >>> 0));
        const inOrder = new StateDigest();
        for (const [i, k] of list.entries())
          inOrder.toggleRecord(utf8.encode(k), utf8.encode(`v${i}`), record(i));
        const reordered = new StateDigest();
        for (const k of shuffled) {
          const i = list.indexOf(k);
          reordered.toggleRecord(utf8.encode(k), utf8.encode(`v${i}`), record(i));
        }
        expect(reordered.hex()).toBe(inOrder.hex());
      }),
    );
  });

  it("a put and then a delete of a new key leave the digest of a shard whose floor only rose", () => {
    const sm = applied([put("a", "1"), put("b", "2")]);
    const before = sm.digest();
    sm.apply(put("fresh", "x"), 3);
    expect(sm.digest()).not.toBe(before);
    sm.apply(del("fresh"), 4);
    const fenced = applied([put("a", "1"), put("b", "2")]);
    fenced.apply({ fence: { revision: 4 } }, 3);
    expect(sm.digest()).toBe(fenced.digest());
    expect(sm.digest()).not.toBe(before);
  });

  it("a different value, version or key changes the digest", () => {
    const base = applied([put("a", "1"), put("b", "2")]).digest();
    expect(applied([put("a", "1"), put("b", "3")]).digest()).not.toBe(base);
    expect(applied([put("a", "1"), put("b", "2")], 2).digest()).not.toBe(base);
    expect(applied([put("a", "1"), put("c", "2")]).digest()).not.toBe(base);
    // The boundary between key and value is part of what is hashed.
    expect(applied([put("ab", "c")]).digest()).not.toBe(applied([put("a", "bc")]).digest());
  });

  it("an overwrite leaves no trace of the old value, but the write count and create revision show", () => {
    const overwritten = new KvStateMachine();
    overwritten.apply(put("k", "old"), 1);
    overwritten.apply(put("k", "new"), 2);
    const otherPast = new KvStateMachine();
    otherPast.apply(put("k", "other"), 1);
    otherPast.apply(put("k", "new"), 2);
    expect(overwritten.digest()).toBe(otherPast.digest());
    const direct = new KvStateMachine();
    direct.apply({ fence: { revision: 1 } }, 1);
    direct.apply(put("k", "new"), 2);
    expect(direct.digest()).not.toBe(overwritten.digest());
  });

  it("covers members and the config of the meta group", () => {
    const member = { id: "n1", addr: "h:1", http: "h:2" };
    const sm = new KvStateMachine();
    sm.apply({ setConfig: { shardCount: 8, replicationFactor: 3 } }, 1);
    const withConfig = sm.digest();
    expect(withConfig).not.toBe(EMPTY_DIGEST);
    sm.apply({ setMember: member }, 2);
    const withMember = sm.digest();
    expect(withMember).not.toBe(withConfig);
    sm.apply({ setMember: { ...member, leaving: true } }, 3);
    expect(sm.digest()).not.toBe(withMember);
    sm.apply({ setMember: member }, 4);
    expect(sm.digest()).toBe(withMember);
    sm.apply({ removeMember: "n1" }, 5);
    expect(sm.digest()).toBe(withConfig);
  });

  it("restore(snapshot()) reproduces the digest, and restoring nothing empties it", () => {
    const sm = applied([put("a", "1"), put("b", "2"), del("a"), put("c", "3")]);
    sm.apply({ setMember: { id: "n2", addr: "x:1", http: "", leaving: true } }, 9);
    sm.apply({ setConfig: { shardCount: 4, replicationFactor: 1 } }, 10);
    const copy = new KvStateMachine();
    copy.restore(sm.snapshot());
    expect(copy.digest()).toBe(sm.digest());
    copy.restore(new Uint8Array());
    expect(copy.digest()).toBe(EMPTY_DIGEST);
  });

  it("a divergence planted in one copy shows in the digests at the same index, until overwritten", () => {
    const commands = Array.from({ length: 50 }, (_, i) => put(`key-${i % 17}`, `value-${i}`));
    const healthy = new KvStateMachine();
    const faulty = new KvStateMachine();
    const differs: boolean[] = [];
    commands.forEach((c, i) => {
      healthy.apply(c, i + 1);
      // One copy applies a different value for key-5 at index 23, then the same commands.
      faulty.apply(i === 22 ? put("key-5", "corrupted") : c, i + 1);
      differs.push(faulty.digest() !== healthy.digest());
    });
    // Index 23 to 39 hold different states; index 40 rewrites key-5 on both and they agree again.
    expect(differs.indexOf(true) + 1).toBe(23);
    expect(differs.lastIndexOf(true) + 1).toBe(39);
    expect(differs.slice(22, 39).every(Boolean)).toBe(true);
  });
});

describe("StateDigest", () => {
  it("XOR of element hashes: toggling an element twice cancels it, in any interleaving", () => {
    const d = new StateDigest();
    d.toggleEntry(utf8.encode("a"), utf8.encode("1"), 1);
    const one = d.hex();
    d.toggleEntry(utf8.encode("b"), utf8.encode("2"), 2);
    d.toggleEntry(utf8.encode("a"), utf8.encode("1"), 1);
    d.toggleEntry(utf8.encode("b"), utf8.encode("2"), 2);
    expect(d.hex()).toBe("0000000000000000");
    d.toggleEntry(utf8.encode("a"), utf8.encode("1"), 1);
    expect(d.hex()).toBe(one);
  });

  it("flipping any one bit of a key, value or version changes both lanes", () => {
    const value = Uint8Array.from({ length: 37 }, (_, i) => (i * 29) & 0xff);
    const key = utf8.encode("some-key");
    const base = new StateDigest();
    base.toggleEntry(key, value, 123_456_789_012);
    const variants: [Uint8Array, Uint8Array, number][] = [];
    for (let bit = 0; bit < value.length * 8; bit++) {
      const v = value.slice();
      v[bit >> 3] = v[bit >> 3]! ^ (1 << (bit & 7));
      variants.push([key, v, 123_456_789_012]);
    }
    for (let bit = 0; bit < key.length * 8; bit++) {
      const k = key.slice();
      k[bit >> 3] = k[bit >> 3]! ^ (1 << (bit & 7));
      variants.push([k, value, 123_456_789_012]);
    }
    for (let bit = 0; bit < 40; bit++) variants.push([key, value, 123_456_789_012 ^ (2 ** bit)]);
    for (const [k, v, version] of variants) {
      const other = new StateDigest();
      other.toggleEntry(k, v, version);
      expect(other.lane1).not.toBe(base.lane1);
      expect(other.lane2).not.toBe(base.lane2);
    }
  });

  it("a value zero-padded to the next block differs from the shorter one", () => {
    const a = new StateDigest();
    a.toggleEntry(utf8.encode("k"), new Uint8Array([1, 2, 3]), 1);
    const b = new StateDigest();
    b.toggleEntry(utf8.encode("k"), new Uint8Array([1, 2, 3, 0]), 1);
    expect(a.hex()).not.toBe(b.hex());
  });
});

describe("digest history", () => {
  it("keeps the last N indexes and answers undefined outside them", () => {
    const history = new DigestHistory(4);
    const d = new StateDigest();
    for (let i = 1; i <= 10; i++) {
      d.toggleEntry(utf8.encode(`k${i}`), utf8.encode("v"), i);
      history.record(i, d);
    }
    expect(history.at(10)).toBe(d.hex());
    expect(history.at(7)).toMatch(/^[0-9a-f]{16}$/);
    expect([6, 11, 0, -1, 1.5].map((i) => history.at(i))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("a jump ahead (a snapshot) leaves the indexes in between absent", () => {
    const history = new DigestHistory(8);
    const d = new StateDigest();
    history.record(5, d);
    history.record(9, d);
    expect([5, 6, 7, 8, 9].map((i) => history.at(i) !== undefined)).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it("going back to an older index starts the history over", () => {
    const history = new DigestHistory(8);
    const d = new StateDigest();
    for (let i = 1; i <= 5; i++) history.record(i, d);
    history.record(3, d);
    expect([1, 2, 3, 4, 5].map((i) => history.at(i) !== undefined)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });
});

describe("Replica digests", () => {
  function replica(snapshot?: Snapshot): Replica {
    const storage = MemoryStorage.bootstrap(["n1"]);
    if (snapshot) storage.applySnapshot(snapshot);
    return new Replica({
      group: "shard-0",
      nodeId: "n1",
      storage,
      raft: { random: seededRandom(1) },
      snapshotEntries: 1_000_000,
      snapshotLogBytes: 1 << 30,
    });
  }

  /** A Ready as the core hands it: its hard state commits what it hands over to apply. */
  function ready(committedEntries: Entry[], snapshot: Snapshot | null = null): Ready {
    const commit = Math.max(committedEntries.at(-1)?.index ?? 0, snapshot?.meta.index ?? 0);
    return {
      softState: null,
      hardState: { term: 1, vote: "", commit },
      entries: [],
      snapshot,
      committedEntries,
      messages: [],
      readStates: [],
      mustSync: false,
    };
  }

  const entryOf = (index: number, command: Command): Entry => ({
    index,
    term: 1,
    type: EntryType.Normal,
    data: encodeCommand(command),
  });

  it("two replicas applying the same log agree at every index; a planted divergence is found at the index it happened", () => {
    const a = replica();
    const b = replica();
    const total = 40;
    for (let i = 1; i <= total; i++) {
      const command = put(`k${i % 7}`, `v${i}`);
      a.apply(ready([entryOf(i, command)]));
      b.apply(ready([entryOf(i, i === 30 ? put(`k${i % 7}`, "planted") : command)]));
    }
    const agree = (i: number) => a.digestAt(i) !== undefined && a.digestAt(i) === b.digestAt(i);
    for (let i = 1; i < 30; i++) expect(agree(i)).toBe(true);
    // k2 differs from index 30 until index 37 writes it again on both.
    for (let i = 30; i < 37; i++) expect(agree(i)).toBe(false);
    for (let i = 37; i <= total; i++) expect(agree(i)).toBe(true);
    expect(a.latestDigest()).toEqual({ index: total, digest: a.sm.digest() });
    expect(b.latestDigest()).toEqual(a.latestDigest());
  });

  it("digestAt is undefined beyond the window of the last applied indexes, and for the future", () => {
    const r = replica();
    const total = DIGEST_HISTORY_LENGTH + 50;
    for (let i = 1; i <= total; i++) r.apply(ready([entryOf(i, put(`k${i}`, "v"))]));
    expect(r.digestAt(total)).toBe(r.sm.digest());
    expect(r.digestAt(total - DIGEST_HISTORY_LENGTH + 1)).toBeDefined();
    expect(r.digestAt(total - DIGEST_HISTORY_LENGTH)).toBeUndefined();
    expect(r.digestAt(1)).toBeUndefined();
    expect(r.digestAt(total + 1)).toBeUndefined();
  });

  it("a replica started from a snapshot, or installing one, has the digest of the state it holds", () => {
    const source = replica();
    for (let i = 1; i <= 10; i++) source.apply(ready([entryOf(i, put(`k${i % 4}`, `v${i}`))]));
    const snap: Snapshot = {
      meta: {
        index: 10,
        term: 1,
        confState: { voters: ["n1"], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
      },
      data: source.sm.snapshot(),
    };
    expect(replica(snap).digestAt(10)).toBe(source.digestAt(10));

    const lagging = replica();
    lagging.apply(ready([entryOf(1, put("k1", "v1"))]));
    lagging.apply(ready([], snap));
    expect(lagging.latestDigest()).toEqual({ index: 10, digest: source.digestAt(10) });
    expect(lagging.digestAt(1)).toBeDefined();
    expect(lagging.digestAt(5)).toBeUndefined();
  });
});

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
