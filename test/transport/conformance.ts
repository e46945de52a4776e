// The promises every Transport keeps, run against each implementation (memory.test.ts,
// grpc.test.ts) so the in-memory twin cannot drift from the real thing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  SnapshotReporter,
  Transport,
  TransportConfig,
  TransportStats,
} from "../../src/transport/index.ts";
import { contexts, deferred, heartbeat, type Inbox, patternBytes, snap, summarized } from "./fixtures.ts";

export interface HarnessNode {
  readonly id: string;
  /** Where peers reach it (their setPeer address). */
  readonly addr: string;
  readonly transport: Transport & { stats(): TransportStats };
  readonly inbox: Inbox;
}

export interface NodeOptions {
  readonly config?: Partial<TransportConfig>;
  readonly reporter?: SnapshotReporter;
}

export interface TransportHarness {
  start(id: string, options?: NodeOptions): Promise<HarnessNode>;
  /** An address where no node listens. */
  deadAddress(): Promise<string>;
  close(): Promise<void>;
}

/** Snapshot outcomes as awaitable events. */
function snapshotEvents(): SnapshotReporter & { failed: Promise<string>; sent: Promise<string> } {
  const failed = deferred<string>();
  const sent = deferred<string>();
  return {
    onSnapshotFailed: (group, to) => failed.resolve(`${group}→${to}`),
    onSnapshotSent: (group, to) => sent.resolve(`${group}→${to}`),
    failed: failed.promise,
    sent: sent.promise,
  };
}

export function describeTransportConformance(name: string, makeHarness: () => TransportHarness): void {
  describe(`${name}: transport conformance`, () => {
    let harness: TransportHarness;
    beforeEach(() => {
      harness = makeHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    async function pair(options: NodeOptions = {}): Promise<[HarnessNode, HarnessNode]> {
      const a = await harness.start("a", options);
      const b = await harness.start("b");
      a.transport.setPeer("b", b.addr);
      return [a, b];
    }

    it("messages of several groups reach the peer in send order, one batch per flush", async () => {
      const [a, b] = await pair();
      const round = (r: number) => {
        for (let i = 0; i < 3; i++) {
          a.transport.send(["meta", "shard-1", "shard-2"].map((g) => heartbeat(g, "a", "b", `${r}.${i}`)));
        }
      };
      round(1);
      await b.inbox.waitFor(9);
      round(2);
      const received = await b.inbox.waitFor(18);
      const expected = [1, 2].flatMap((r) =>
        [0, 1, 2].flatMap((i) => ["meta", "shard-1", "shard-2"].map((g) => `${g}/${r}.${i}`)),
      );
      expect(contexts(received)).toEqual(expected);
      expect(b.inbox.batches.map((batch) => batch.length)).toEqual([9, 9]);
      expect(a.transport.stats().batchesSent).toBe(2);
    });

    it("each peer gets its own batch from one flush", async () => {
      const [a, b] = await pair();
      const c = await harness.start("c");
      a.transport.setPeer("c", c.addr);
      a.transport.send([
        heartbeat("g1", "a", "b", "1"),
        heartbeat("g1", "a", "c", "1"),
        heartbeat("g2", "a", "b", "2"),
      ]);
      await Promise.all([b.inbox.waitFor(2), c.inbox.waitFor(1)]);
      expect(b.inbox.batches.map(contexts)).toEqual([["g1/1", "g2/2"]]);
      expect(c.inbox.batches.map(contexts)).toEqual([["g1/1"]]);
    });

    it("an unreachable peer neither throws nor holds back messages to others", async () => {
      const events = snapshotEvents();
      const [a, b] = await pair({ reporter: events });
      a.transport.setPeer("z", await harness.deadAddress());
      expect(() =>
        a.transport.send([
          heartbeat("g", "a", "z", "lost"),
          snap("g", "a", "z", new Uint8Array(10)),
          heartbeat("g", "a", "b", "1"),
          heartbeat("g", "a", "nobody", "unknown peer"),
          heartbeat("g", "a", "b", "2"),
        ]),
      ).not.toThrow();
      expect(contexts(await b.inbox.waitFor(2))).toEqual(["g/1", "g/2"]);
      expect(await events.failed).toBe("g→z");
      expect(a.transport.stats().droppedUnreachable).toBeGreaterThanOrEqual(3);
    });

    it("a full queue drops the oldest messages and counts the drops", async () => {
      const [a, b] = await pair({ config: { maxQueueMessages: 4 } });
      a.transport.send(Array.from({ length: 10 }, (_, i) => heartbeat("g", "a", "b", `${i}`)));
      expect(a.transport.stats().droppedOverflow).toBe(6);
      expect(contexts(await b.inbox.waitFor(4))).toEqual(["g/6", "g/7", "g/8", "g/9"]);
    });

    it("a snapshot arrives whole and is reported sent", async () => {
      const events = snapshotEvents();
      const [a, b] = await pair({ reporter: events });
      const gm = snap("shard-7", "a", "b", patternBytes(100_000));
      a.transport.send([gm]);
      const [received] = await b.inbox.waitFor(1);
      expect(summarized(received)).toEqual(summarized(gm));
      expect(await events.sent).toBe("shard-7→b");
      expect(b.transport.stats().snapshotsReceived).toBe(1);
    });

    it("a snapshot over the receiver's maxSnapshotBytes is refused and reported failed", async () => {
      const events = snapshotEvents();
      const a = await harness.start("a", { reporter: events });
      const b = await harness.start("b", { config: { maxSnapshotBytes: 64 * 1024 } });
      a.transport.setPeer("b", b.addr);
      a.transport.send([snap("g", "a", "b", patternBytes(200 * 1024))]);
      expect(await events.failed).toBe("g→b");
      expect(b.transport.stats().rejectedInputs).toBe(1);
      // The receiver keeps working.
      a.transport.send([heartbeat("g", "a", "b", "after")]);
      expect(contexts(await b.inbox.waitFor(1))).toEqual(["g/after"]);
    });

    it("messages to a removed peer are dropped, and its snapshots reported failed", async () => {
      const events = snapshotEvents();
      const [a, b] = await pair({ reporter: events });
      a.transport.send([heartbeat("g", "a", "b", "before")]);
      await b.inbox.waitFor(1);
      a.transport.removePeer("b");
      a.transport.send([heartbeat("g", "a", "b", "after"), snap("g", "a", "b", new Uint8Array(1))]);
      expect(await events.failed).toBe("g→b");
      expect(b.inbox.messages).toHaveLength(1);
    });

    it("a receiver drops messages meant for a node that no longer lives at its address", async () => {
      const events = snapshotEvents();
      const [a, b] = await pair({ reporter: events });
      a.transport.setPeer("x", b.addr); // x moved away; b took its address
      a.transport.send([snap("g", "a", "x", new Uint8Array(5))]);
      expect(await events.sent).toBe("g→x");
      expect(b.transport.stats().droppedMisaddressed).toBe(1);
      expect(b.inbox.messages).toHaveLength(0);
    });

    it("a closed transport drops what it is sent without throwing", async () => {
      const [a] = await pair();
      await a.transport.close();
      expect(() => a.transport.send([heartbeat("g", "a", "b", "late")])).not.toThrow();
      expect(a.transport.stats().droppedUnreachable).toBe(1);
    });
  });
}
