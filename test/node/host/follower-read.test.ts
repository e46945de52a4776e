// Follower reads (src/node/cluster/follower-read.ts) on real hosts over the in-memory network:
// a follower serves a linearizable get after asking its leader for the read index, and gives up
// (for the caller to ask the leader instead) when the leader cannot be reached.

import { afterEach, describe, expect, it } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { followerRead } from "../../../src/node/cluster/follower-read.ts";
import { SYSTEM_CLOCK } from "../../../src/node/host/clock.ts";
import type { MultiRaftHost } from "../../../src/node/host/host.ts";
import {
  ConfChangeTransition,
  ConfChangeType,
  EntryType,
  encodeConfChange,
  Role,
} from "../../../src/raft/index.ts";
import { MemoryLogStore } from "../../../src/storage/log-store.ts";
import { MemoryNetwork } from "../../../src/transport/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { testHost } from "./test-host.ts";

const GROUP = "shard-0";
const IDS = ["n1", "n2", "n3"];
const hosts: MultiRaftHost[] = [];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

async function threeHosts(): Promise<{
  network: MemoryNetwork;
  leader: MultiRaftHost;
  followers: MultiRaftHost[];
}> {
  const network = new MemoryNetwork();
  for (const id of IDS) {
    const store = new MemoryLogStore();
    for (const voter of IDS) {
      const index = store.group(GROUP).lastIndex() + 1;
      store.persist(GROUP, {
        snapshot: null,
        entries: [
          {
            term: 1,
            index,
            type: EntryType.ConfChange,
            data: encodeConfChange({
              transition: ConfChangeTransition.Auto,
              changes: [{ type: ConfChangeType.AddNode, nodeId: voter }],
            }),
          },
        ],
        hardState: { term: 1, vote: "", commit: index },
      });
    }
    const transport = network.transport(id, { addr: id });
    for (const peer of IDS) if (peer !== id) transport.setPeer(peer, peer);
    const host = testHost(id, { store, transport });
    host.openReplica(GROUP);
    host.start();
    hosts.push(host);
  }
  const leader = await waitFor(
    () => hosts.find((h) => h.replica(GROUP)?.raw.status().role === Role.Leader) ?? null,
    { what: "a leader", timeoutMs: 10_000, intervalMs: 5 },
  );
  // Every follower knows the leader (a follower read needs one to ask).
  await waitFor(
    () =>
      hosts.every(
        (h) => h.replica(GROUP)!.raw.softState().leader === leader.replica(GROUP)!.raw.softState().leader,
      ) || null,
    {
      what: "every replica knows the leader",
      timeoutMs: 10_000,
      intervalMs: 5,
    },
  );
  return { network, leader, followers: hosts.filter((h) => h !== leader) };
}

describe("follower reads", () => {
  it("a follower serves each write acknowledged before the read started", async () => {
    const { leader, followers } = await threeHosts();
    for (let i = 0; i < 20; i++) {
      const put = leader
        .replica(GROUP)!
        .propose({ put: { key: encoder.encode("k"), value: encoder.encode(`v${i}`) } });
      leader.kick();
      await put;
      const follower = followers[i % followers.length]!;
      const found = await followerRead(
        follower.replica(GROUP)!,
        encoder.encode("k"),
        2_000,
        SYSTEM_CLOCK,
        () => follower.kick(),
      );
      expect(found && decoder.decode(found.value)).toBe(`v${i}`);
    }
  });

  it("a follower cut off from its leader gives up with Timeout within its bound, for the caller to go to the leader", async () => {
    const { network, leader, followers } = await threeHosts();
    const follower = followers[0]!;
    const leaderId = leader.replica(GROUP)!.raw.softState().leader;
    const followerId = IDS.find((id) => hosts[IDS.indexOf(id)] === follower)!;
    network.cut(followerId, leaderId);
    const started = Date.now();
    let error: unknown;
    try {
      await followerRead(follower.replica(GROUP)!, encoder.encode("k"), 150, SYSTEM_CLOCK, () =>
        follower.kick(),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RingkvError);
    expect((error as RingkvError).code).toBe("Timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
