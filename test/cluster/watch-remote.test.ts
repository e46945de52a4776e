// Watches on a 5-node cluster, where each shard has 3 replicas: the watch's node holds no replica
// of some shards and reads them from peers (ShardWatch). A node holding such a shard is killed
// mid-run: the feed moves to another holder without losing or repeating an event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WatchEvent } from "../../src/api/kv-model.ts";
import { prefixEnd, RingkvClient } from "../../src/client/index.ts";
import { Cluster, type NodeProcess, showLogsOnFailure } from "./harness.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 300_000;
const KEYS = 100;
const text = new TextEncoder();
const decoder = new TextDecoder();

let cluster: Cluster | undefined;
showLogsOnFailure(() => cluster);

beforeAll(async () => {
  cluster = await Cluster.start({ name: "watch-remote", size: 5, shards: 4 });
}, 240_000);

afterAll(async () => {
  await cluster?.teardown();
});

const describeEvent = (e: WatchEvent): string =>
  `${e.type} ${decoder.decode(e.kv.key)}${e.type === "put" ? `=${decoder.decode(e.kv.value)}` : ""}`;

describe("watch through peers' replicas", () => {
  it(
    "a node without a replica of a shard reports its changes exactly once, through a holder's death",
    async () => {
      const c = cluster as Cluster;
      const status = await c.nodes[0]!.status(5000, "cluster");
      // The watch's node: one that lacks a replica of some shard.
      const lacking = (id: string) => status.shards.filter((s) => !s.replicas.includes(id));
      const watchNode = c.nodes.find((n) => lacking(n.id).length > 0) as NodeProcess;
      expect(watchNode).toBeDefined();
      const remoteShard = lacking(watchNode.id)[0]!;
      // The holder the watch's node reads that shard from first: the first of its placed voters
      // (src/node/cluster/watch-feeds.ts), which is also its preferred leader.
      const victim = c.node((remoteShard.target ?? remoteShard.replicas)[0]!);
      const writeNode = c.others(watchNode, victim)[0] as NodeProcess;
      const watcher = new RingkvClient({ addresses: [watchNode.advertise] });
      // Writes ride out the victim's shards electing new leaders (NoQuorum answers come fast, so
      // the budget bounds the attempts, not their count).
      const writer = new RingkvClient({
        addresses: [writeNode.advertise],
        retry: { budgetMs: 30_000, attemptsMax: 100 },
      });
      try {
        const stream = watcher.watch({ start: text.encode("r/"), end: prefixEnd(text.encode("r/")) });
        const seen: WatchEvent[] = [];
        const reading = (async () => {
          for await (const batch of stream.batches) seen.push(...batch.events);
        })();
        const expected: string[] = [];
        // Every shard's feed is open once a probe in each shard was seen; probes go to many keys.
        for (let p = 0; p < 16; p++) {
          await writer.put(`r/probe${p}`, "0");
          expected.push(`put r/probe${p}=0`);
        }
        await waitFor(() => seen.length >= 16, { timeoutMs: 60_000, what: "the 16 probe writes reported" });
        for (let i = 0; i < KEYS; i++) {
          if (i === KEYS / 2) await victim.kill("SIGKILL");
          await writer.put(`r/${i}`, `v${i}`);
          expected.push(`put r/${i}=v${i}`);
          if (i % 5 === 4) {
            await writer.delete(`r/${i - 2}`);
            expected.push(`delete r/${i - 2}`);
          }
        }
        await waitFor(() => seen.length >= expected.length, {
          timeoutMs: 60_000,
          what: `${expected.length} events`,
        });
        expect(seen.map(describeEvent).sort()).toEqual([...expected].sort());
        const last = new Map<string, number>();
        for (const e of seen) {
          const key = decoder.decode(e.kv.key);
          expect(e.kv.modRevision).toBeGreaterThan(last.get(key) ?? 0);
          last.set(key, e.kv.modRevision);
        }
        stream.cancel();
        await reading;
      } finally {
        watcher.close();
        writer.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
