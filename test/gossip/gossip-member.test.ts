// Scenario transcripts for one member, driven by hand: what it sends, when, and what it
// concludes. Messages are delivered explicitly, so each test reads as the exchange it checks.
import { describe, expect, it } from "vitest";
import {
  GOSSIP_DEFAULTS,
  type GossipConfig,
  GossipError,
  type GossipEvent,
  GossipMember,
  type Message,
  type ProbeRequest,
} from "../../src/gossip/index.ts";
import { hashString32, Rng } from "../sim/random.ts";
import { aliveRecord } from "./cluster.ts";

const PEERS = ["a", "b", "c", "d", "e"];
const P = GOSSIP_DEFAULTS.probeIntervalTicks;
const TIMEOUT = GOSSIP_DEFAULTS.probeTimeoutTicks;

function memberOf(id: string, config: Partial<GossipConfig> = {}, incarnation = 0): GossipMember {
  return new GossipMember({
    id,
    random: new Rng(hashString32(id)),
    addresses: { gossip: id },
    incarnation,
    config,
    peers: PEERS.map((peer) => aliveRecord(peer, 0)),
  });
}

/** Ticks `member` until it sends a message matching `wanted`; returns it and the messages before. */
function tickUntilSent<M extends Message>(
  member: GossipMember,
  wanted: (message: Message) => message is M,
  maxTicks = 10 * P,
): { found: M; tick: number; all: Message[] } {
  const all: Message[] = [];
  for (let i = 0; i < maxTicks; i++) {
    member.tick();
    const { messages } = member.drain();
    all.push(...messages);
    const found = messages.find(wanted);
    if (found !== undefined) return { found, tick: member.now, all };
  }
  throw new Error(`${member.id} sent no such message in ${maxTicks} ticks`);
}

const isProbe = (m: Message): m is ProbeRequest => m.type === "probe-request";

/** Ticks without delivering anything, collecting what is sent and what changed. */
function silentTicks(member: GossipMember, ticks: number): Message[] & { events: GossipEvent[] } {
  const sent: Message[] = [];
  const events: GossipEvent[] = [];
  for (let i = 0; i < ticks; i++) {
    member.tick();
    const output = member.drain();
    sent.push(...output.messages);
    events.push(...output.events);
  }
  return Object.assign(sent, { events });
}

describe("probing", () => {
  it("asks k others to probe after the probe timeout, and suspects the target at the period's end", () => {
    const a = memberOf("a", { indirectProbes: 2 });
    const { found: probe, tick } = tickUntilSent(a, isProbe);
    const sent = silentTicks(a, TIMEOUT);
    const indirect = sent.filter((m) => m.type === "indirect-probe-request");
    expect(indirect).toHaveLength(2);
    expect(indirect.every((m) => m.target === probe.to && m.to !== probe.to && m.seq === probe.seq)).toBe(
      true,
    );
    expect(a.now).toBe(tick + TIMEOUT);
    const { events } = silentTicks(a, P - TIMEOUT);
    expect(a.member(probe.to)?.state).toBe("suspect");
    expect(events).toEqual([
      expect.objectContaining({
        type: "member-changed",
        member: { ...aliveRecord(probe.to, 0), state: "suspect" },
      }),
    ]);
  });

  it("an ack within the timeout keeps the target alive and asks nobody else", () => {
    const a = memberOf("a");
    const { found: probe } = tickUntilSent(a, isProbe);
    const target = memberOf(probe.to);
    target.receive(probe);
    const [ack] = target.drain().messages;
    expect(ack?.type).toBe("probe-response");
    a.receive(ack!);
    const sent = silentTicks(a, P);
    expect(sent.filter((m) => m.type === "indirect-probe-request")).toEqual([]);
    expect(a.member(probe.to)?.state).toBe("alive");
  });

  it("a helper relays the target's ack to the origin as reached", () => {
    const helper = memberOf("b");
    helper.receive({ type: "indirect-probe-request", from: "a", to: "b", seq: 41, target: "c", updates: [] });
    const [probe] = helper.drain().messages;
    expect(probe).toMatchObject({ type: "probe-request", to: "c" });
    const target = memberOf("c");
    target.receive(probe!);
    helper.receive(target.drain().messages[0]!);
    expect(helper.drain().messages).toEqual([
      expect.objectContaining({ type: "indirect-probe-response", to: "a", seq: 41, reached: true }),
    ]);
  });

  it("a helper whose probe goes unanswered sends the origin a nack", () => {
    const helper = memberOf("b");
    helper.receive({ type: "indirect-probe-request", from: "a", to: "b", seq: 41, target: "c", updates: [] });
    helper.drain();
    const sent = silentTicks(helper, TIMEOUT);
    expect(sent).toContainEqual(
      expect.objectContaining({ type: "indirect-probe-response", to: "a", seq: 41, reached: false }),
    );
  });

  it("failed probes without helpers lower local health, which slows probing", () => {
    const a = memberOf("a", { indirectProbes: 0 });
    const probeTicks: number[] = [];
    for (let i = 0; i < 12 * P; i++) {
      a.tick();
      if (a.drain().messages.some(isProbe)) probeTicks.push(a.now);
    }
    expect(a.health).toBeGreaterThan(0);
    const gaps = probeTicks.slice(1).map((t, i) => t - probeTicks[i]!);
    expect(Math.max(...gaps)).toBeGreaterThan(P);
  });

  it("a probe to a suspected member carries the suspicion, so it can refute at once", () => {
    const a = memberOf("a");
    a.receive({
      type: "gossip",
      from: "b",
      to: "a",
      updates: [{ kind: "member", record: { ...aliveRecord("c", 0), state: "suspect" }, from: "b" }],
    });
    a.drain();
    let probeToC: ProbeRequest | undefined;
    for (let i = 0; i < 10 * P && probeToC === undefined; i++) {
      a.tick();
      probeToC = a
        .drain()
        .messages.filter(isProbe)
        .find((m) => m.to === "c");
    }
    expect(probeToC?.updates[0]).toMatchObject({ kind: "member", record: { id: "c", state: "suspect" } });
  });
});

describe("refutation and restart", () => {
  it("a member that hears itself suspected refutes with a higher incarnation", () => {
    const a = memberOf("a");
    a.receive({
      type: "gossip",
      from: "b",
      to: "a",
      updates: [{ kind: "member", record: { ...aliveRecord("a", 0), state: "suspect" }, from: "b" }],
    });
    expect(a.incarnation).toBe(1);
    expect(a.member("a")?.state).toBe("alive");
    expect(a.stats.refutations).toBe(1);
    const { found } = tickUntilSent(a, isProbe);
    expect(found.updates).toContainEqual({ kind: "member", record: aliveRecord("a", 1), from: "a" });
  });

  it("a restarted member whose fresh incarnation is too low outranks its previous life", () => {
    const restarted = new GossipMember({
      id: "a",
      random: new Rng(1),
      addresses: { gossip: "a" },
      incarnation: 0,
      peers: [{ ...aliveRecord("a", 5), state: "dead" }, aliveRecord("b", 0)],
    });
    expect(restarted.incarnation).toBe(6);
    expect(restarted.member("a")?.state).toBe("alive");
  });

  it("an accuser that missed the refutation gets it in the next message sent to it", () => {
    const a = memberOf("a", {}, 1);
    const staleSuspicion = { ...aliveRecord("a", 0), state: "suspect" as const };
    a.receive({
      type: "probe-request",
      from: "b",
      to: "a",
      seq: 9,
      updates: [{ kind: "member", record: staleSuspicion, from: "b" }],
    });
    const [ack] = a.drain().messages;
    expect(ack).toMatchObject({ type: "probe-response", to: "b", seq: 9 });
    expect(ack?.type === "probe-response" && ack.updates[0]).toEqual({
      kind: "member",
      record: aliveRecord("a", 1),
      from: "a",
    });
    expect(a.incarnation).toBe(1);
  });

  it("a record of itself that ranks lower than its own changes nothing", () => {
    const a = memberOf("a", {}, 3);
    a.receive({
      type: "gossip",
      from: "b",
      to: "a",
      updates: [{ kind: "member", record: { ...aliveRecord("a", 2), state: "dead" }, from: "b" }],
    });
    expect(a.incarnation).toBe(3);
    expect(a.drain().events).toEqual([]);
  });
});

describe("leave", () => {
  it("announces left and stops probing, but keeps gossiping the news", () => {
    const a = memberOf("a");
    a.leave();
    expect(a.drain().events).toEqual([
      {
        type: "member-changed",
        member: { ...aliveRecord("a", 0), state: "left" },
        previous: aliveRecord("a", 0),
      },
    ]);
    const sent = silentTicks(a, 3 * P);
    expect(sent.filter(isProbe)).toEqual([]);
    const gossip = sent.filter((m) => m.type === "gossip");
    expect(gossip.length).toBeGreaterThan(0);
    expect(gossip[0]?.updates[0]).toMatchObject({ kind: "member", record: { id: "a", state: "left" } });
  });
});

describe("metadata", () => {
  it("a write applies only when it outranks the held version, and raises one event", () => {
    const a = memberOf("a");
    expect(a.setMetadata("epoch", 7, 7)).toBe(true);
    expect(a.setMetadata("epoch", 6, 6)).toBe(false);
    expect(a.drain().events).toEqual([
      {
        type: "metadata-changed",
        entry: { key: "epoch", value: 7, version: 7, origin: "a" },
        previous: undefined,
      },
    ]);
  });

  it("rejects values that could not merge deterministically, bad versions and a full key space", () => {
    const a = memberOf("a", { metadataEntriesMax: 1 });
    expect(() => a.setMetadata("x", Number.NaN, 1)).toThrow(GossipError);
    expect(() => a.setMetadata("x", 1, -1)).toThrow(GossipError);
    a.setMetadata("x", 1, 1);
    expect(() => a.setMetadata("y", 1, 1)).toThrow(/metadataEntriesMax/);
  });

  it("a remote key past metadataEntriesMax is dropped and counted, not thrown", () => {
    const a = memberOf("a", { metadataEntriesMax: 1 });
    a.setMetadata("x", 1, 1);
    a.receive({
      type: "gossip",
      from: "b",
      to: "a",
      updates: [{ kind: "metadata", entry: { key: "y", value: 1, version: 1, origin: "b" } }],
    });
    expect(a.metadata("y")).toBeUndefined();
    expect(a.stats.updatesDropped).toBe(1);
  });
});

describe("input hygiene", () => {
  it("ignores messages addressed to another member", () => {
    const a = memberOf("a");
    a.receive({ type: "probe-request", from: "b", to: "c", seq: 1, updates: [] });
    expect(a.drain()).toEqual({ messages: [], events: [] });
  });
});
