import { describe, expect, test } from "vitest";
import {
  forwardFailureMessage,
  groupLabel,
  majorityLost,
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
    expect(majorityLost(voters("self", "dead", "dead"))).toBe(true);
    expect(majorityLost(voters("self", "dead"))).toBe(true);
    expect(majorityLost(voters("self", "suspect", "dead"))).toBe(true);
    expect(majorityLost(voters("self", "alive", "dead"))).toBe(false);
    // Unknown voters (gossip has not heard of them yet) may be up: no claim on their account.
    expect(majorityLost(voters("self", "unknown", "dead"))).toBe(false);
    expect(majorityLost(voters("self", "suspect", "unknown"))).toBe(false);
    expect(majorityLost([])).toBe(false);
  });

  test("a voter the leader heard from this round is reachable whatever gossip says", () => {
    const lagging: VoterReach[] = [
      { id: "n1", reach: "self" },
      { id: "n2", reach: "suspect", active: true },
      { id: "n3", reach: "dead", active: false },
    ];
    expect(majorityLost(lagging)).toBe(false);
    expect(quorumSummary(lagging)).toBe("2 of 3 voters reachable (n3 unreachable)");
    // Not active and not alive by gossip: the leader cannot count on it.
    const silent = lagging.map((v) => (v.id === "n2" ? { ...v, active: false } : v));
    expect(majorityLost(silent)).toBe(true);
  });

  test("outside a joint configuration the quorum is the majority of the voters", () => {
    expect(quorumLost({ voters: voters("self", "dead", "dead") })).toBe(true);
    expect(quorumLost({ voters: voters("self", "alive", "dead"), votersOutgoing: [] })).toBe(false);
  });

  test("while joint, a quorum needs a reachable majority of both the incoming and the outgoing voters", () => {
    // C_new {n1,n4,n5}, C_old {n1,n2,n3}: a replica move replacing n2 and n3.
    const joint = (incoming: VoterReach["reach"][], outgoing: VoterReach["reach"][]) => ({
      voters: ["n1", "n4", "n5"].map((id, i) => ({ id, reach: incoming[i]! })),
      votersOutgoing: ["n1", "n2", "n3"].map((id, i) => ({ id, reach: outgoing[i]! })),
    });
    expect(quorumLost(joint(["self", "alive", "alive"], ["self", "alive", "dead"]))).toBe(false);
    // Each half alone would have judged wrongly: the other half is the one without a majority.
    expect(quorumLost(joint(["self", "alive", "alive"], ["self", "dead", "suspect"]))).toBe(true);
    expect(quorumLost(joint(["self", "dead", "dead"], ["self", "alive", "alive"]))).toBe(true);
    // Unknown voters (the new replicas, not yet in gossip) still count as maybe reachable.
    expect(quorumLost(joint(["self", "unknown", "unknown"], ["self", "alive", "dead"]))).toBe(false);
  });

  test("while joint, the message counts each configuration", () => {
    const voters = [
      { id: "n1", reach: "self" },
      { id: "n4", reach: "alive" },
      { id: "n5", reach: "alive" },
    ] as const;
    expect(
      noLeaderMessage({
        group: "shard-3",
        replica: { leaderlessForMs: 1_000 },
        voters,
        votersOutgoing: [
          { id: "n1", reach: "self" },
          { id: "n2", reach: "dead" },
          { id: "n3", reach: "suspect" },
        ],
      }),
    ).toBe(
      "shard 3 has no quorum: 3 of 3 voters reachable; outgoing configuration: 1 of 3 voters reachable " +
        "(n2 unreachable; n3 suspect); this node's replica has had no leader for 1.0 s",
    );
    expect(
      noLeaderMessage({
        group: "shard-3",
        replica: { leaderlessForMs: 200 },
        voters,
        votersOutgoing: [
          { id: "n1", reach: "self" },
          { id: "n2", reach: "alive" },
          { id: "n3", reach: "dead" },
        ],
      }),
    ).toBe(
      "shard 3 has no leader: this node's replica has had no leader for 0.2 s; 3 of 3 voters reachable; " +
        "outgoing configuration: 2 of 3 voters reachable (n3 unreachable)",
    );
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
