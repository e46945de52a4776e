// A snapshot carries the whole replicated state (records, floor, revoked leases, reservations,
// lease table, members, config) and nothing else (not the watch history); a snapshot written
// before revisions still restores.
import { describe, expect, it } from "vitest";
import { wire } from "../../../src/api/proto.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";

const b = (text: string): Uint8Array => new TextEncoder().encode(text);
const ALL = { start: new Uint8Array(0), end: new Uint8Array(0) };
const EVERYTHING = { start: "", end: null, single: false } as const;

function busy(): KvStateMachine {
  const sm = new KvStateMachine();
  sm.apply({ put: { key: b("a"), value: b("1"), revision: 10 } }, 1);
  sm.apply({ put: { key: b("a"), value: b("2"), revision: 11, lease: 5 } }, 2);
  sm.apply({ put: { key: b("b"), value: b("x"), revision: 12, lease: 6 } }, 3);
  sm.apply({ revokeLeaseKeys: { lease: 6, revision: 13 } }, 4);
  sm.apply({ fence: { revision: 20 } }, 5);
  sm.apply({ reserveRevisions: { upTo: 5000 } }, 6);
  sm.apply({ grantLease: { id: 5, ttlSeconds: 30 } }, 7);
  sm.apply({ grantLease: { id: 8, ttlSeconds: 60 } }, 8);
  sm.apply({ revokeLease: { id: 8 } }, 9);
  sm.apply({ setMember: { id: "n1", addr: "h:1", http: "h:2" } }, 10);
  sm.apply({ setConfig: { shardCount: 4, replicationFactor: 3 } }, 11);
  return sm;
}

describe("snapshots", () => {
  it("restore(snapshot()) reproduces every field and the digest", () => {
    const sm = busy();
    const copy = new KvStateMachine();
    copy.restore(sm.snapshot());
    expect(copy.digest()).toBe(sm.digest());
    expect(copy.range(ALL)).toEqual(sm.range(ALL));
    expect(copy.floor).toBe(20);
    expect(copy.revokedLeases()).toEqual([6]);
    expect(copy.revisionsReserved).toBe(5000);
    expect(copy.leases()).toEqual(sm.leases());
    expect(copy.leaseKeys(5)).toEqual([b("a")].map((k) => Buffer.from(k)));
    expect(copy.members()).toEqual(sm.members());
    expect(copy.config).toEqual(sm.config);
    // The restored shard refuses what the original refuses.
    expect(copy.apply({ put: { key: b("c"), value: b(""), revision: 30, lease: 6 } }, 12).kind).toBe(
      "leaseRevoked",
    );
    expect(copy.apply({ put: { key: b("c"), value: b(""), revision: 20 } }, 13).kind).toBe("staleRevision");
  });

  it("history is not in the snapshot: a restored shard's history starts after its floor", () => {
    const copy = new KvStateMachine();
    copy.restore(busy().snapshot());
    expect(copy.history.length).toBe(0);
    expect(copy.history.compactedRevision).toBe(20);
    expect(() => copy.history.since(20, EVERYTHING, 10)).toThrow(/compacted/);
    expect(copy.history.since(21, EVERYTHING, 10)).toEqual([]);
  });

  it("a snapshot written before revisions restores: created at its version, one write, floor at the highest", () => {
    const old = wire.command.StateSnapshot.encode({
      entries: [
        { key: b("a"), value: b("1"), version: 7 },
        { key: b("b"), value: b("2"), version: 9 },
      ],
      members: [],
    }).finish();
    const sm = new KvStateMachine();
    sm.restore(old);
    expect(sm.record(b("a"))).toMatchObject({ createRevision: 7, modRevision: 7, writes: 1, lease: 0 });
    expect(sm.get(b("b"))?.version).toBe(9);
    expect(sm.floor).toBe(9);
    expect(sm.apply({ put: { key: b("c"), value: b("3"), revision: 8 } }, 10).kind).toBe("staleRevision");
  });
});
