// The shard and meta commands of the state machine, one promise per test: revisions and the
// floor, puts with leases and etcd's options, deletes, delete-ranges, transactions, fences,
// lease revocation, and the meta group's revision reservations and lease table.
import { describe, expect, it } from "vitest";
import type { Compare, KeyRecord } from "../../../src/api/kv-model.ts";
import type { Command } from "../../../src/node/kv/command.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";

const b = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | undefined): string | undefined => bytes && new TextDecoder().decode(bytes);
const put = (key: string, value: string, revision: number, extra: object = {}): Command => ({
  put: { key: b(key), value: b(value), revision, ...extra },
});
const keysOf = (kvs: readonly KeyRecord[]): string[] => kvs.map((kv) => text(kv.key) ?? "");

/** A shard holding a=1@10, b=2@11, c=3@12 (floor 12). */
function abc(): KvStateMachine {
  const sm = new KvStateMachine();
  sm.apply(put("a", "1", 10), 1);
  sm.apply(put("b", "2", 11), 2);
  sm.apply(put("c", "3", 12), 3);
  return sm;
}

describe("revisions and the floor", () => {
  it("a write applies at its revision, or at its log index when it carries none", () => {
    const sm = new KvStateMachine();
    expect(sm.apply(put("k", "v", 40), 1)).toEqual({ kind: "put", version: 40 });
    expect(sm.apply({ put: { key: b("j"), value: b("v") } }, 41)).toEqual({ kind: "put", version: 41 });
    expect(sm.floor).toBe(41);
    expect(sm.version(b("k"))).toBe(40);
  });

  it("a write at or below the floor is refused and changes nothing", () => {
    const sm = abc();
    const digest = sm.digest();
    for (const command of [
      put("a", "x", 12),
      { delete: { key: b("a"), revision: 5 } },
      { deleteRange: { start: b("a"), end: new Uint8Array(0), revision: 12 } },
      { txn: { compares: [], success: [{ put: { key: b("z"), value: b("z") } }], failure: [], revision: 1 } },
      { revokeLeaseKeys: { lease: 1, revision: 11 } },
    ] satisfies Command[]) {
      expect(sm.apply(command, 99)).toEqual({ kind: "staleRevision", floor: 12 });
    }
    expect(sm.digest()).toBe(digest);
    expect(sm.floor).toBe(12);
  });

  it("a fence raises the floor (never lowers it) and reads the range at that point", () => {
    const sm = abc();
    const result = sm.apply({ fence: { revision: 30, query: { start: b("a"), end: b("c") } } }, 4);
    expect(result).toMatchObject({
      kind: "fence",
      floor: 30,
      range: { count: 2, more: false, revision: 30 },
    });
    expect(sm.apply({ fence: { revision: 20 } }, 5)).toEqual({ kind: "fence", floor: 30 });
    expect(sm.apply(put("d", "4", 25), 6).kind).toBe("staleRevision");
  });

  it("a refused write (version mismatch) does not raise the floor", () => {
    const sm = abc();
    expect(sm.apply(put("a", "x", 20, { ifVersion: 3 }), 4)).toEqual({
      kind: "versionMismatch",
      current: 10,
    });
    expect(sm.floor).toBe(12);
  });
});

describe("put", () => {
  it("keeps the create revision across overwrites and counts the writes", () => {
    const sm = abc();
    sm.apply(put("a", "x", 20), 4);
    expect(sm.record(b("a"))).toMatchObject({ createRevision: 10, modRevision: 20, writes: 2, lease: 0 });
    sm.apply({ delete: { key: b("a"), revision: 21 } }, 5);
    sm.apply(put("a", "y", 22), 6);
    expect(sm.record(b("a"))).toMatchObject({ createRevision: 22, modRevision: 22, writes: 1 });
  });

  it("answers the previous record when asked, and only then", () => {
    const sm = abc();
    const asked = sm.apply(put("a", "x", 20, { prevKv: true }), 4);
    expect(asked).toMatchObject({ kind: "put", version: 20, prevKv: { modRevision: 10, writes: 1 } });
    expect(asked.kind === "put" && text(asked.prevKv?.value)).toBe("1");
    expect(sm.apply(put("a", "y", 21), 5)).toEqual({ kind: "put", version: 21 });
    expect(sm.apply(put("new", "y", 22, { prevKv: true }), 6)).toEqual({ kind: "put", version: 22 });
  });

  it("ifVersion compares the mod revision (0: absent)", () => {
    const sm = abc();
    expect(sm.apply(put("a", "x", 20, { ifVersion: 10 }), 4)).toEqual({ kind: "put", version: 20 });
    expect(sm.apply(put("z", "x", 21, { ifVersion: 0 }), 5)).toEqual({ kind: "put", version: 21 });
    expect(sm.apply(put("z", "x", 22, { ifVersion: 0 }), 6)).toEqual({
      kind: "versionMismatch",
      current: 21,
    });
  });

  it("ignoreValue and ignoreLease keep what the key holds, and need the key to exist", () => {
    const sm = abc();
    sm.apply(put("a", "1", 20, { lease: 7 }), 4);
    sm.apply(put("a", "ignored", 21, { ignoreValue: true, lease: 8 }), 5);
    expect(text(sm.get(b("a"))?.value)).toBe("1");
    expect(sm.record(b("a"))?.lease).toBe(8);
    sm.apply(put("a", "2", 22, { ignoreLease: true }), 6);
    expect(sm.record(b("a"))).toMatchObject({ lease: 8, modRevision: 22 });
    expect(text(sm.record(b("a"))?.value)).toBe("2");
    expect(sm.apply(put("nope", "", 23, { ignoreValue: true }), 7)).toEqual({ kind: "keyNotFound" });
    expect(sm.apply(put("nope", "", 24, { ignoreLease: true }), 8)).toEqual({ kind: "keyNotFound" });
    expect(sm.get(b("nope"))).toBeNull();
  });

  it("indexes keys by lease, and moving a key to another lease moves it in the index", () => {
    const sm = new KvStateMachine();
    sm.apply(put("x", "1", 1, { lease: 5 }), 1);
    sm.apply(put("y", "1", 2, { lease: 5 }), 2);
    sm.apply(put("x", "2", 3, { lease: 6 }), 3);
    expect(sm.leaseKeys(5).map(text)).toEqual(["y"]);
    expect(sm.leaseKeys(6).map(text)).toEqual(["x"]);
    sm.apply(put("y", "2", 4), 4);
    expect(sm.leaseKeys(5)).toEqual([]);
  });
});

describe("delete and deleteRange", () => {
  it("a delete answers its revision, deleted or not", () => {
    const sm = abc();
    expect(sm.apply({ delete: { key: b("a"), revision: 20 } }, 4)).toEqual({
      kind: "delete",
      deleted: true,
      revision: 20,
    });
    expect(sm.apply({ delete: { key: b("a"), revision: 21 } }, 5)).toEqual({
      kind: "delete",
      deleted: false,
      revision: 21,
    });
    expect(sm.floor).toBe(21);
  });

  it("deletes every key of the span at one revision: one key, [start, end), or to the end", () => {
    const one = abc();
    expect(one.apply({ deleteRange: { start: b("b"), revision: 20 } }, 4)).toMatchObject({
      result: { deleted: 1, prevKvs: [], revision: 20 },
    });
    const span = abc();
    const result = span.apply({ deleteRange: { start: b("a"), end: b("c"), revision: 20, prevKv: true } }, 4);
    expect(result.kind === "deleteRange" && keysOf(result.result.prevKvs)).toEqual(["a", "b"]);
    expect(keysOf(span.range({ start: b(""), end: new Uint8Array(0) }).kvs)).toEqual(["c"]);
    const rest = abc();
    rest.apply({ deleteRange: { start: b("b"), end: new Uint8Array(0), revision: 20 } }, 4);
    expect(keysOf(rest.range({ start: b(""), end: new Uint8Array(0) }).kvs)).toEqual(["a"]);
    const events = rest.history.since(13, { start: "", end: null, single: false }, 100);
    expect(events.map((e) => [e.type, text(e.kv.key), e.kv.modRevision])).toEqual([
      ["delete", "b", 20],
      ["delete", "c", 20],
    ]);
  });
});

describe("txn", () => {
  it("compares an absent key as version/create/mod/lease 0, and a value compare on it fails", () => {
    const sm = abc();
    const txn = (compare: Compare, revision: number) =>
      sm.apply({ txn: { compares: [compare], success: [], failure: [], revision } }, revision);
    expect(txn({ key: b("nope"), target: "create", result: "equal", operand: 0 }, 20)).toMatchObject({
      result: { succeeded: true },
    });
    expect(
      txn({ key: b("nope"), target: "value", result: "equal", operand: new Uint8Array(0) }, 21),
    ).toMatchObject({
      result: { succeeded: false },
    });
    expect(txn({ key: b("a"), target: "value", result: "equal", operand: b("1") }, 22)).toMatchObject({
      result: { succeeded: true },
    });
    expect(txn({ key: b("a"), target: "version", result: "equal", operand: 1 }, 23)).toMatchObject({
      result: { succeeded: true },
    });
  });

  it("a compare over a range holds only if every key in it satisfies it", () => {
    const sm = abc();
    const compare = (operand: number, revision: number) => ({
      txn: {
        compares: [
          { key: b("a"), rangeEnd: b("c"), target: "mod" as const, result: "less" as const, operand },
        ],
        success: [],
        failure: [],
        revision,
      },
    });
    expect(sm.apply(compare(12, 20), 1)).toMatchObject({ result: { succeeded: true } });
    expect(sm.apply(compare(11, 21), 2)).toMatchObject({ result: { succeeded: false } });
  });

  it("runs the chosen ops in order at one revision, each seeing the ones before", () => {
    const sm = abc();
    const result = sm.apply(
      {
        txn: {
          compares: [{ key: b("a"), target: "mod", result: "equal", operand: 10 }],
          success: [
            { put: { key: b("d"), value: b("4") } },
            { range: { start: b("a"), end: new Uint8Array(0), countOnly: true } },
            { deleteRange: { start: b("a"), end: b("c"), prevKv: true } },
            { put: { key: b("a"), value: b("again"), prevKv: true } },
          ],
          failure: [{ put: { key: b("f"), value: b("f") } }],
          revision: 20,
        },
      },
      4,
    );
    expect(result).toMatchObject({
      kind: "txn",
      result: {
        succeeded: true,
        revision: 20,
        results: [
          { put: { revision: 20 } },
          { range: { count: 4, revision: 20 } },
          { deleteRange: { deleted: 2, revision: 20 } },
          { put: { revision: 20 } },
        ],
      },
    });
    expect(sm.record(b("a"))).toMatchObject({ createRevision: 20, modRevision: 20, writes: 1 });
    expect(sm.get(b("f"))).toBeNull();
    expect(sm.floor).toBe(20);
  });

  it("is refused whole when one of its puts cannot apply", () => {
    const sm = abc();
    sm.apply({ revokeLeaseKeys: { lease: 9, revision: 13 } }, 4);
    const digest = sm.digest();
    const refused = sm.apply(
      {
        txn: {
          compares: [],
          success: [
            { put: { key: b("x"), value: b("1") } },
            { put: { key: b("y"), value: b("1"), lease: 9 } },
          ],
          failure: [],
          revision: 20,
        },
      },
      5,
    );
    expect(refused).toEqual({ kind: "leaseRevoked", lease: 9 });
    const missing = sm.apply(
      {
        txn: {
          compares: [],
          success: [
            { deleteRange: { start: b("a") } },
            { put: { key: b("a"), value: b(""), ignoreValue: true } },
          ],
          failure: [],
          revision: 21,
        },
      },
      6,
    );
    expect(missing).toEqual({ kind: "keyNotFound" });
    expect(sm.digest()).toBe(digest);
  });
});

describe("leases on a shard", () => {
  it("revokeLeaseKeys deletes the lease's keys, then refuses puts with it", () => {
    const sm = abc();
    sm.apply(put("l1", "x", 20, { lease: 3 }), 4);
    sm.apply(put("l2", "x", 21, { lease: 3 }), 5);
    sm.apply(put("other", "x", 22, { lease: 4 }), 6);
    expect(sm.apply({ revokeLeaseKeys: { lease: 3, revision: 30 } }, 7)).toEqual({
      kind: "leaseKeysRevoked",
      deleted: 2,
    });
    expect(sm.get(b("l1"))).toBeNull();
    expect(sm.get(b("other"))).not.toBeNull();
    expect(sm.revokedLeases()).toEqual([3]);
    expect(sm.apply(put("l3", "x", 31, { lease: 3 }), 8)).toEqual({ kind: "leaseRevoked", lease: 3 });
  });
});

describe("the meta group's revisions and leases", () => {
  it("reservations only grow", () => {
    const sm = new KvStateMachine();
    expect(sm.apply({ reserveRevisions: { upTo: 1000 } }, 1)).toEqual({
      kind: "revisionsReserved",
      upTo: 1000,
    });
    expect(sm.apply({ reserveRevisions: { upTo: 500 } }, 2)).toEqual({
      kind: "revisionsReserved",
      upTo: 1000,
    });
    expect(sm.revisionsReserved).toBe(1000);
  });

  it("a grant is idempotent, a revoke marks the lease, a forget drops it", () => {
    const sm = new KvStateMachine();
    sm.apply({ grantLease: { id: 7, ttlSeconds: 10 } }, 1);
    const granted = sm.digest();
    sm.apply({ grantLease: { id: 7, ttlSeconds: 99 } }, 2);
    expect(sm.lease(7)).toEqual({ id: 7, ttlSeconds: 10, revoking: false });
    expect(sm.digest()).toBe(granted);
    sm.apply({ revokeLease: { id: 7 } }, 3);
    expect(sm.leases()).toEqual([{ id: 7, ttlSeconds: 10, revoking: true }]);
    expect(sm.digest()).not.toBe(granted);
    sm.apply({ forgetLease: { id: 7 } }, 4);
    expect(sm.lease(7)).toBeUndefined();
    expect(sm.digest()).toBe(new KvStateMachine().digest());
  });
});
