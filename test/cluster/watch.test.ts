// Watches with real processes: a 3-node cluster, a watch on a prefix through the gRPC client on
// one node while a writer (through another node) puts 100 keys across the shards and deletes some,
// and a node leading shards is killed mid-run. Every write must be seen exactly once, in revision
// order per key; a watch resumed from a revision sees the changes from there on.
import * as http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WatchEvent } from "../../src/api/kv-model.ts";
import { prefixEnd, RingkvClient } from "../../src/client/index.ts";
import { Cluster, type NodeProcess, showLogsOnFailure } from "./harness.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 240_000;
const KEYS = 100;
const text = new TextEncoder();
const decoder = new TextDecoder();

let cluster: Cluster | undefined;
showLogsOnFailure(() => cluster);

beforeAll(async () => {
  cluster = await Cluster.start({ name: "watch", size: 3, shards: 4 });
}, 180_000);

afterAll(async () => {
  await cluster?.teardown();
});

const keyName = (i: number): string => `w/${String(i).padStart(3, "0")}`;
const describeEvent = (e: WatchEvent): string =>
  `${e.type} ${decoder.decode(e.kv.key)}${e.type === "put" ? `=${decoder.decode(e.kv.value)}` : ""}`;

/** An HTTP watch (JSON lines) on `prefix` at `httpAddr`: its events as "put k=v" / "delete k". */
function httpWatch(httpAddr: string, prefix: string): { events: string[]; close(): void } {
  const events: string[] = [];
  let buffer = "";
  const req = http.get(
    `http://${httpAddr}/v1/watch?prefix=${encodeURIComponent(prefix)}`,
    { headers: { accept: "application/x-ndjson" } },
    (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
          const batch = JSON.parse(buffer.slice(0, nl)) as {
            events: { type: string; kv: { key: string; value: string } }[];
          };
          buffer = buffer.slice(nl + 1);
          for (const e of batch.events) {
            events.push(e.type === "PUT" ? `put ${e.kv.key}=${e.kv.value}` : `delete ${e.kv.key}`);
          }
        }
      });
    },
  );
  req.on("error", () => {});
  return { events, close: () => req.destroy() };
}

/** The node leading the most shards, other than `besides`. */
async function busiestLeader(c: Cluster, besides: NodeProcess): Promise<NodeProcess> {
  const status = await besides.status(5000, "cluster");
  const counts = new Map<string, number>();
  for (const s of status.shards)
    if (s.leader !== besides.id) counts.set(s.leader, (counts.get(s.leader) ?? 0) + 1);
  const [id] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [c.others(besides)[0]?.id];
  return c.node(id ?? "n2");
}

describe("watch on a real cluster", () => {
  it(
    "sees every put and delete across shards exactly once, in order per key, through a leader's death",
    async () => {
      const c = cluster as Cluster;
      const [watchNode, writeNode] = c.nodes as [NodeProcess, NodeProcess, NodeProcess];
      const watcher = new RingkvClient({ addresses: [watchNode.advertise] });
      const writer = new RingkvClient({
        addresses: [writeNode.advertise, watchNode.advertise],
        retry: { budgetMs: 30_000 },
      });
      try {
        const stream = watcher.watch({ start: text.encode("w/"), end: prefixEnd(text.encode("w/")) });
        const overHttp = httpWatch(watchNode.http, "w/");
        const seen: WatchEvent[] = [];
        const reading = (async () => {
          for await (const batch of stream.batches) seen.push(...batch.events);
        })();
        const expected: string[] = [];
        // Give the watch time to open on the node: its first write is reported only if it opened
        // before it, so wait until a probe write is seen.
        await writer.put("w/probe", "0");
        await waitFor(
          () =>
            seen.some((e) => decoder.decode(e.kv.key) === "w/probe") &&
            overHttp.events.includes("put w/probe=0"),
          { timeoutMs: 30_000, what: "both watches to report a probe write" },
        );
        expected.push("put w/probe=0");
        let killed: NodeProcess | null = null;
        for (let i = 0; i < KEYS; i++) {
          if (i === KEYS / 2) {
            // Mid-run: the node leading the most shards (not the watch's) dies.
            killed = await busiestLeader(c, watchNode);
            await killed.kill("SIGKILL");
          }
          await writer.put(keyName(i), `v${i}`);
          expected.push(`put ${keyName(i)}=v${i}`);
          if (i % 4 === 3) {
            await writer.delete(keyName(i - 1));
            expected.push(`delete ${keyName(i - 1)}`);
          }
        }
        await waitFor(() => seen.length >= expected.length, {
          timeoutMs: 60_000,
          what: `${expected.length} events`,
        });
        const got = seen.map(describeEvent);
        expect([...got].sort()).toEqual([...expected].sort());
        await waitFor(() => overHttp.events.length >= expected.length, {
          timeoutMs: 30_000,
          what: `${expected.length} events over HTTP`,
        });
        // The same events over HTTP, in the same order per key as over gRPC.
        expect([...overHttp.events].sort()).toEqual([...expected].sort());
        const perKey = (list: readonly string[]): Map<string, string[]> => {
          const byKey = new Map<string, string[]>();
          for (const e of list) {
            const key = (e.split(" ")[1] ?? "").split("=")[0] ?? "";
            byKey.set(key, [...(byKey.get(key) ?? []), e]);
          }
          return byKey;
        };
        expect(perKey(overHttp.events)).toEqual(perKey(got));
        overHttp.close();
        // Per key, revisions increase.
        const lastByKey = new Map<string, number>();
        for (const e of seen) {
          const key = decoder.decode(e.kv.key);
          expect(e.kv.modRevision).toBeGreaterThan(lastByKey.get(key) ?? 0);
          lastByKey.set(key, e.kv.modRevision);
        }
        stream.cancel();
        await reading;
        if (killed) await c.restart(killed);
      } finally {
        watcher.close();
        writer.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a watch resumed from a revision reports the changes from there on",
    async () => {
      const c = cluster as Cluster;
      const client = new RingkvClient({ addresses: [c.nodes[0]!.advertise], retry: { budgetMs: 30_000 } });
      try {
        const revisions: number[] = [];
        for (let i = 0; i < 5; i++) revisions.push((await client.put("resume/k", `r${i}`)).version);
        const stream = client.watch({
          start: text.encode("resume/k"),
          startRevision: revisions[2] as number,
        });
        const values: string[] = [];
        for await (const batch of stream.batches) {
          for (const e of batch.events) values.push(decoder.decode(e.kv.value));
          if (values.length >= 3) break;
        }
        expect(values).toEqual(["r2", "r3", "r4"]);
      } finally {
        client.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
