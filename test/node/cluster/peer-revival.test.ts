// A member gossip sees alive again is reconnected to at once (src/node/cluster/peer-revival.ts):
// both its Raft link and its forwarding channel, once per return, and never for members that
// were alive all along.
import { describe, expect, test } from "vitest";
import type { MemberState } from "../../../src/api/kv-api.ts";
import type { ClusterContext } from "../../../src/node/cluster/context.ts";
import { PeerRevival } from "../../../src/node/cluster/peer-revival.ts";
import type { Transport } from "../../../src/transport/index.ts";

function setup() {
  const states = new Map<string, MemberState>([
    ["n2", "alive"],
    ["n3", "alive"],
  ]);
  const members = [
    { id: "n1", addr: "h:1" },
    { id: "n2", addr: "h:2" },
    { id: "n3", addr: "h:3" },
  ];
  const reconnected: string[] = [];
  const ctx = {
    id: "n1",
    gossip: {
      member: (id: string) => (states.has(id) ? { state: states.get(id)!, incarnation: 0 } : undefined),
    },
    meta: { sm: { members: () => members } },
    peers: { reconnect: (addr: string) => reconnected.push(`channel ${addr}`) },
  } as unknown as ClusterContext;
  const transport = { reconnect: (id: string) => reconnected.push(`link ${id}`) } as unknown as Transport;
  return { states, reconnected, revival: new PeerRevival(ctx, transport) };
}

describe("PeerRevival", () => {
  test("a member back from dead or suspect is reconnected once, link and channel", () => {
    const { states, reconnected, revival } = setup();
    revival.round();
    expect(reconnected).toEqual([]);
    states.set("n2", "dead");
    states.set("n3", "suspect");
    revival.round();
    expect(reconnected).toEqual([]);
    states.set("n2", "alive");
    states.set("n3", "alive");
    revival.round();
    revival.round();
    expect(reconnected).toEqual(["link n2", "channel h:2", "link n3", "channel h:3"]);
  });

  test("members alive from the first round on are left alone", () => {
    const { reconnected, revival } = setup();
    for (let i = 0; i < 3; i++) revival.round();
    expect(reconnected).toEqual([]);
  });
});
