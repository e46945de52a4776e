// The merge rules are what make gossip converge: every member that has seen the same updates,
// in any order and any number of times, must hold the same view.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ClusterState,
  compareMemberRecords,
  compareMetadataEntries,
  DEFAULT_MERGE_RULES,
  type MemberRecord,
  type MetadataEntry,
} from "../../src/gossip/index.ts";
import { allMergeLaws } from "./merge-laws.ts";

const record = (state: MemberRecord["state"], incarnation: number, gossip = "10.0.0.1:1"): MemberRecord => ({
  id: "n1",
  addresses: { gossip },
  state,
  incarnation,
});

const entry = (version: number, origin: string, value: MetadataEntry["value"]): MetadataEntry => ({
  key: "epoch",
  value,
  version,
  origin,
});

describe("merge laws (property)", () => {
  for (const law of allMergeLaws(DEFAULT_MERGE_RULES)) {
    it(law.name, () => {
      fc.assert(law.property, { numRuns: 300 });
    });
  }
});

describe("member precedence", () => {
  it("a refutation (higher incarnation) outranks suspect, dead and left", () => {
    for (const state of ["suspect", "dead", "left"] as const) {
      expect(compareMemberRecords(record("alive", 2), record(state, 1))).toBeGreaterThan(0);
    }
  });

  it("at equal incarnation left > dead > suspect > alive", () => {
    const order = [record("alive", 1), record("suspect", 1), record("dead", 1), record("left", 1)];
    for (let i = 1; i < order.length; i++) {
      expect(compareMemberRecords(order[i]!, order[i - 1]!)).toBeGreaterThan(0);
    }
  });

  it("records differing only in addresses never tie, whatever their key order", () => {
    const a = record("alive", 1, "10.0.0.1:1");
    const b = record("alive", 1, "10.0.0.2:2");
    expect(Math.sign(compareMemberRecords(a, b))).toBe(-Math.sign(compareMemberRecords(b, a)));
    expect(compareMemberRecords(a, b)).not.toBe(0);
    const reordered: MemberRecord = { ...a, addresses: { http: "h", gossip: "g" } };
    const ordered: MemberRecord = { ...a, addresses: { gossip: "g", http: "h" } };
    expect(compareMemberRecords(reordered, ordered)).toBe(0);
  });
});

describe("metadata precedence", () => {
  it("the higher version wins; equal versions are ordered by writer, then value", () => {
    expect(compareMetadataEntries(entry(5, "a", 1), entry(4, "z", 9))).toBeGreaterThan(0);
    expect(compareMetadataEntries(entry(4, "b", 1), entry(4, "a", 9))).toBeGreaterThan(0);
    expect(compareMetadataEntries(entry(4, "a", { x: 1, y: 2 }), entry(4, "a", { y: 2, x: 1 }))).toBe(0);
  });
});

describe("cluster state", () => {
  it("keeps the higher-ranked record and reports what it replaced", () => {
    const state = new ClusterState();
    expect(state.mergeMember(record("suspect", 1))).toEqual({ accepted: true, previous: undefined });
    expect(state.mergeMember(record("alive", 1)).accepted).toBe(false);
    expect(state.mergeMember(record("alive", 2))).toEqual({ accepted: true, previous: record("suspect", 1) });
    expect(state.member("n1")).toEqual(record("alive", 2));
  });

  it("counts alive and suspect members as live (N), not dead or left ones", () => {
    const state = new ClusterState();
    state.mergeMember({ ...record("alive", 0), id: "a" });
    state.mergeMember({ ...record("suspect", 0), id: "b" });
    state.mergeMember({ ...record("dead", 0), id: "c" });
    expect(state.liveCount).toBe(2);
    state.mergeMember({ ...record("left", 0), id: "a" });
    state.mergeMember({ ...record("alive", 1), id: "c" });
    expect(state.liveCount).toBe(2);
    expect(state.memberCount).toBe(3);
  });
});
