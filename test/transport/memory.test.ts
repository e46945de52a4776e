import { describe, expect, it } from "vitest";
import { type GroupMessage, MemoryNetwork, type MemoryTransport } from "../../src/transport/index.ts";
import { describeTransportConformance, type TransportHarness } from "./conformance.ts";
import { contexts, heartbeat, Inbox, snap } from "./fixtures.ts";

function memoryHarness(): TransportHarness {
  const network = new MemoryNetwork();
  const transports: MemoryTransport[] = [];
  return {
    async start(id, options = {}) {
      const addr = `mem:${id}`;
      const transport = network.transport(id, {
        addr,
        ...options.reporter,
        ...(options.config && { config: options.config }),
      });
      transports.push(transport);
      return { id, addr, transport, inbox: new Inbox(transport) };
    },
    async deadAddress() {
      return "mem:nowhere";
    },
    async close() {
      await Promise.all(transports.map((t) => t.close()));
    },
  };
}

describeTransportConformance("MemoryTransport", memoryHarness);

/** A manually flushed network of fully meshed nodes, each with an inbox. */
function mesh(ids: readonly string[]): {
  network: MemoryNetwork;
  nodes: Map<string, { t: MemoryTransport; inbox: Inbox }>;
} {
  const network = new MemoryNetwork({ autoFlush: false });
  const nodes = new Map<string, { t: MemoryTransport; inbox: Inbox }>();
  for (const id of ids) {
    const t = network.transport(id);
    nodes.set(id, { t, inbox: new Inbox(t) });
  }
  for (const { t } of nodes.values()) for (const peer of ids) if (peer !== t.id) t.setPeer(peer, peer);
  return { network, nodes };
}

function node(nodes: ReturnType<typeof mesh>["nodes"], id: string): { t: MemoryTransport; inbox: Inbox } {
  const n = nodes.get(id);
  if (n === undefined) throw new Error(`no node ${id}`);
  return n;
}

describe("MemoryNetwork", () => {
  it("moves nothing until flushed when driven manually", () => {
    const { network, nodes } = mesh(["a", "b"]);
    node(nodes, "a").t.send([heartbeat("g", "a", "b", "1")]);
    expect(network.pendingMessages).toBe(1);
    expect(node(nodes, "b").inbox.messages).toHaveLength(0);
    expect(network.flush()).toBe(1);
    expect(contexts(node(nodes, "b").inbox.messages)).toEqual(["g/1"]);
  });

  it("a one-way cut drops messages in one direction only", () => {
    const { network, nodes } = mesh(["a", "b"]);
    network.cut("a", "b");
    node(nodes, "a").t.send([heartbeat("g", "a", "b", "a→b")]);
    node(nodes, "b").t.send([heartbeat("g", "b", "a", "b→a")]);
    network.settle();
    expect(node(nodes, "b").inbox.messages).toHaveLength(0);
    expect(contexts(node(nodes, "a").inbox.messages)).toEqual(["g/b→a"]);
    expect(node(nodes, "a").t.stats().droppedUnreachable).toBe(1);

    network.mend("a", "b");
    node(nodes, "a").t.send([heartbeat("g", "a", "b", "healed")]);
    network.settle();
    expect(contexts(node(nodes, "b").inbox.messages)).toEqual(["g/healed"]);
  });

  it("disconnect cuts both directions and connect restores them", () => {
    const { network, nodes } = mesh(["a", "b", "c"]);
    network.disconnect("a", "b");
    const sendAll = (tag: string) => {
      node(nodes, "a").t.send([heartbeat("g", "a", "b", tag), heartbeat("g", "a", "c", tag)]);
      node(nodes, "b").t.send([heartbeat("g", "b", "a", tag)]);
    };
    sendAll("cut");
    network.settle();
    expect(node(nodes, "b").inbox.messages).toHaveLength(0);
    expect(node(nodes, "a").inbox.messages).toHaveLength(0);
    expect(contexts(node(nodes, "c").inbox.messages)).toEqual(["g/cut"]);

    network.connect("a", "b");
    sendAll("joined");
    network.settle();
    expect(contexts(node(nodes, "b").inbox.messages)).toEqual(["g/joined"]);
    expect(contexts(node(nodes, "a").inbox.messages)).toEqual(["g/joined"]);
  });

  it("an isolated node reaches no one and no one reaches it, until healed", () => {
    const { network, nodes } = mesh(["a", "b", "c"]);
    network.isolate("c");
    node(nodes, "a").t.send([heartbeat("g", "a", "c", "1"), heartbeat("g", "a", "b", "1")]);
    node(nodes, "c").t.send([heartbeat("g", "c", "a", "1")]);
    network.settle();
    expect(node(nodes, "c").inbox.messages).toHaveLength(0);
    expect(node(nodes, "a").inbox.messages).toHaveLength(0);
    expect(node(nodes, "b").inbox.messages).toHaveLength(1);
    network.heal();
    node(nodes, "c").t.send([heartbeat("g", "c", "a", "2")]);
    network.settle();
    expect(contexts(node(nodes, "a").inbox.messages)).toEqual(["g/2"]);
  });

  it("the drop filter removes exactly the messages it picks, keeping the rest in order", () => {
    const { network, nodes } = mesh(["a", "b"]);
    network.setDropFilter((_from, _to, gm) => gm.group === "shard-2");
    node(nodes, "a").t.send(
      ["meta", "shard-2", "shard-3", "shard-2"].map((g, i) => heartbeat(g, "a", "b", `${i}`)),
    );
    network.settle();
    expect(contexts(node(nodes, "b").inbox.messages)).toEqual(["meta/0", "shard-3/2"]);
    expect(node(nodes, "a").t.stats().droppedUnreachable).toBe(2);
  });

  it("a snapshot lost to a partition is reported failed during the flush that drops it", () => {
    const network = new MemoryNetwork({ autoFlush: false });
    const failed: string[] = [];
    const a = network.transport("a", { onSnapshotFailed: (group, to) => failed.push(`${group}→${to}`) });
    network.transport("b");
    a.setPeer("b", "b");
    network.disconnect("a", "b");
    a.send([snap("g", "a", "b", new Uint8Array(4))]);
    expect(failed).toEqual([]);
    network.flush();
    expect(failed).toEqual(["g→b"]);
  });

  it("a flush round delivers what was queued before it; replies wait for the next round", () => {
    const { network, nodes } = mesh(["a", "b"]);
    node(nodes, "b").t.onReceive((messages) => {
      node(nodes, "b").t.send(
        messages.map((gm) => heartbeat(gm.group, "b", "a", `re:${gm.message.context}`)),
      );
    });
    node(nodes, "a").t.send([heartbeat("g", "a", "b", "ping")]);
    expect(network.flush()).toBe(1);
    expect(node(nodes, "a").inbox.messages).toHaveLength(0);
    expect(network.flush()).toBe(1);
    expect(contexts(node(nodes, "a").inbox.messages)).toEqual(["g/re:ping"]);
  });

  it("the same sends give the same deliveries, run after run", () => {
    const run = () => {
      const { network, nodes } = mesh(["a", "b", "c"]);
      const log: string[] = [];
      for (const [id, { t }] of nodes) {
        t.onReceive((messages) => {
          log.push(`${id}<-${contexts(messages).join(",")}`);
          const reply: GroupMessage[] = messages
            .filter((gm) => !gm.message.context.startsWith("re"))
            .map((gm) => heartbeat(gm.group, id, gm.message.from, `re${gm.message.context}`));
          t.send(reply);
        });
      }
      network.setDropFilter((from, to, gm) => from === "c" && to === "a" && gm.group === "g2");
      for (const [id, { t }] of nodes) {
        t.send(
          ["g1", "g2"].flatMap((g) =>
            [...nodes.keys()].filter((p) => p !== id).map((p) => heartbeat(g, id, p, id)),
          ),
        );
      }
      network.settle();
      return log;
    };
    const first = run();
    expect(first.length).toBeGreaterThan(6);
    expect(run()).toEqual(first);
  });

  it("a second transport cannot take an address in use, but can once the first is closed", async () => {
    const network = new MemoryNetwork();
    const first = network.transport("a", { addr: "mem:1" });
    expect(() => network.transport("b", { addr: "mem:1" })).toThrow(/in use/);
    await first.close();
    expect(network.transport("b", { addr: "mem:1" }).id).toBe("b");
  });
});
