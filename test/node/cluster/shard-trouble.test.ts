import { describe, expect, test } from "vitest";
import {
  forwardFailureMessage,
  groupLabel,
  noLeaderMessage,
  quorumLost,
  quorumSummary,
  type VoterReach,
} from "../../../src/node/cluster/shard-trouble.ts";

const voters = (...reach: VoterReach["reach"][]): VoterReach[] =>
  reach.map((r, i) => ({ id: `n${i + 1}`, reach: r }));

describe("shard trouble messages", () => {
  test("a group is named as users name it", () => {
    expect(groupLabel("shard-1")).toBe("shard 1");
    expect(groupLabel("shard-0")).toBe("shard 0");
    expect(groupLabel("meta")).toBe("the meta group");
  });

  test("the quorum summary counts this node and alive voters, and names the others", () => {
    expect(quorumSummary(voters("self", "dead", "left"))).toBe(
      "1 of 3 voters reachable (n2, n3 unreachable)",
    );
    expect(quorumSummary(voters("self", "alive", "suspect"))).toBe("2 of 3 voters reachable (n3 suspect)");
    expect(quorumSummary(voters("self", "unknown"))).toBe("1 of 2 voters reachable (n2 unknown)");
    expect(quorumSummary(voters("self"))).toBe("1 of 1 voter reachable");
    expect(quorumSummary([])).toBe("");
  });

  test("a quorum is lost when a majority of voters is suspect, dead or gone", () => {
    expect(quorumLost(voters("self", "dead", "dead"))).toBe(true);
    expect(quorumLost(voters("self", "dead"))).toBe(true);
    expect(quorumLost(voters("self", "suspect", "dead"))).toBe(true);
    expect(quorumLost(voters("self", "alive", "dead"))).toBe(false);
    // Unknown voters (gossip has not heard of them yet) may be up: no claim on their account.
    expect(quorumLost(voters("self", "unknown", "dead"))).toBe(false);
    expect(quorumLost(voters("self", "suspect", "unknown"))).toBe(false);
    expect(quorumLost([])).toBe(false);
  });

  test("a voter the leader heard from this round is reachable whatever gossip says", () => {
    const lagging: VoterReach[] = [
      { id: "n1", reach: "self" },
      { id: "n2", reach: "suspect", active: true },
      { id: "n3", reach: "dead", active: false },
    ];
    expect(quorumLost(lagging)).toBe(false);
    expect(quorumSummary(lagging)).toBe("2 of 3 voters reachable (n3 unreachable)");
    // Not active and not alive by gossip: the leader cannot count on it.
    const silent = lagging.map((v) => (v.id === "n2" ? { ...v, active: false } : v));
    expect(quorumLost(silent)).toBe(true);
  });

  test("no quorum: the shard, the count, who is gone, and how long the replica has been leaderless", () => {
    const message = noLeaderMessage({
      group: "shard-1",
      replica: { leaderlessForMs: 4_240 },
      voters: voters("self", "dead", "dead"),
    });
    expect(message).toBe(
      "shard 1 has no quorum: 1 of 3 voters reachable (n2, n3 unreachable); this node's replica has had no leader for 4.2 s",
    );
  });

  test("no leader with a majority up: an election is what is missing", () => {
    expect(
      noLeaderMessage({
        group: "shard-2",
        replica: { leaderlessForMs: 300 },
        voters: voters("self", "alive", "alive"),
      }),
    ).toBe("shard 2 has no leader: this node's replica has had no leader for 0.3 s; 3 of 3 voters reachable");
    expect(
      noLeaderMessage({ group: "shard-2", replica: undefined, voters: voters("alive", "alive", "suspect") }),
    ).toBe("shard 2 has no leader: this node holds no replica of it; 2 of 3 voters reachable (n3 suspect)");
  });

  test("a forward to a known leader that failed names the shard, the node and its address", () => {
    const base = { group: "shard-1", node: "n2", addr: "127.0.0.1:7002", knownLeader: true } as const;
    expect(forwardFailureMessage({ ...base, code: "Unavailable", outcomeUnknown: false })).toBe(
      "shard 1: its leader n2 (127.0.0.1:7002) is unreachable",
    );
    expect(forwardFailureMessage({ ...base, code: "Timeout", outcomeUnknown: true })).toBe(
      "shard 1: its leader n2 (127.0.0.1:7002) did not answer in time; the write's outcome is unknown",
    );
  });

  test("a forward to a guessed voter says no leader is known, then what the guess met", () => {
    const message = forwardFailureMessage({
      group: "shard-3",
      node: "n2",
      addr: "127.0.0.1:7002",
      knownLeader: false,
      code: "Unavailable",
      outcomeUnknown: false,
      noLeader: { group: "shard-3", replica: { leaderlessForMs: 2_500 }, voters: voters("self", "dead") },
    });
    expect(message).toBe(
      "shard 3 has no quorum: 1 of 2 voters reachable (n2 unreachable); this node's replica has had no leader for 2.5 s; tried n2 (127.0.0.1:7002): unreachable",
    );
  });
});
