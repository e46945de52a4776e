// `ringkv status` as text: members with their gossip state and incarnation, and shards that need
// attention flagged (no leader, too few live replicas, a move under way, a diverged replica).
import { describe, expect, it } from "vitest";
import { statusText } from "../../cli/commands/status.ts";
import type { StatusJson } from "../../src/api/kv-api.ts";

const shard = { term: 3, learners: [], commitIndex: 9, appliedIndex: 9, keys: 2 };
const status: StatusJson = {
  node: { id: "n1", addr: "127.0.0.1:7001", http: "" },
  epoch: 12,
  members: [
    { id: "n1", addr: "127.0.0.1:7001", http: "", state: "alive", incarnation: 2 },
    { id: "n2", addr: "127.0.0.1:7002", http: "", state: "suspect", incarnation: 5 },
    { id: "n3", addr: "127.0.0.1:7003", http: "", state: "dead", incarnation: 1, leaving: true },
    { id: "n4", addr: "127.0.0.1:7004", http: "", state: "alive", incarnation: 1 },
  ],
  shards: [
    { id: 0, leader: "n1", replicas: ["n1", "n4"], target: ["n1", "n4"], moving: false, ...shard },
    { id: 1, leader: "n2", replicas: ["n1", "n2"], target: ["n2", "n1"], diverged: ["n1"], ...shard },
    { id: 2, leader: "n1", replicas: ["n1", "n3"], target: ["n1", "n2"], moving: true, ...shard },
    { id: 3, leader: "", replicas: ["n1", "n4"], target: ["n1", "n4"], moving: false, ...shard },
  ],
};

describe("ringkv status text", () => {
  const text = statusText(status);
  const line = (prefix: string): string => text.split("\n").find((l) => l.startsWith(prefix)) ?? "";

  it("shows each member's gossip state and incarnation, and a leave in progress", () => {
    expect(line("n2 ")).toMatch(/suspect\s+5/);
    expect(line("n3 ")).toMatch(/dead, leaving\s+1/);
  });

  it("flags a diverged replica and a move under way, and nothing on a settled shard", () => {
    expect(line("1 ")).toContain("DIVERGED n1");
    expect(line("2 ")).toContain("moving to n1,n2");
    expect(line("0 ")).toMatch(/-$/);
  });

  it("flags a shard without a leader, and one whose replicas are not all alive", () => {
    expect(line("3 ")).toContain("no leader");
    expect(line("3 ")).not.toContain("under-replicated");
    // n2 is suspect (shard 1), n3 dead (shard 2): each shard has 1 of its 2 replicas alive.
    expect(line("1 ")).toContain("under-replicated: 1 of 2 replicas alive");
    expect(line("2 ")).toContain("under-replicated: 1 of 2 replicas alive");
  });

  it("counts the replicas the cluster was bootstrapped with, not the ones it has now", () => {
    const withRing = {
      ...status,
      ring: { shardCount: 4, replicationFactor: 3, shares: [0.25, 0.25, 0.25, 0.25] },
    };
    const text3 = statusText(withRing);
    expect(text3.split("\n").find((l) => l.startsWith("0 "))).toContain(
      "under-replicated: 2 of 3 replicas alive",
    );
  });
});
