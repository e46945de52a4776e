// Ranges, range deletes and transactions on a real cluster (issue 13): 3 nodes, 16 shards, 200
// keys under two prefixes. A prefix read with a limit and its continuation through HTTP, the
// gRPC client and the CLI equals the expected keys in order; a prefix delete answers its count
// and the keys are gone on every node; a compare-and-swap txn on one key applies once; a txn
// over keys of several shards is refused with CrossShard naming them.
import { describe, expect, it } from "vitest";
import { RingkvClient, RingkvError } from "../../src/client/index.ts";
import { runRingkv, useCluster } from "./harness.ts";
import { httpRequest } from "./http.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 240_000;
const ALPHA = Array.from({ length: 120 }, (_, i) => `alpha/${String(i).padStart(3, "0")}`);
const BETA = Array.from({ length: 80 }, (_, i) => `beta/${String(i).padStart(3, "0")}`);
const valueFor = (key: string): string => `value of ${key}`;
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8");

const running = useCluster({ name: "ranges", size: 3, shards: 16 }, TEST_TIMEOUT_MS);

interface HttpRange {
  readonly kvs: readonly { key: string; value: string; version: number }[];
  readonly count: number;
  readonly more: boolean;
  readonly revision: number;
  readonly next?: string;
}

describe("ranges, range deletes and transactions across 16 shards", () => {
  it(
    "a prefix read with a limit and continuation equals the expected keys in order: HTTP, gRPC client and CLI",
    async () => {
      const cluster = running();
      const client = new RingkvClient({ addresses: cluster.nodes.map((n) => n.advertise) });
      try {
        for (const key of [...BETA, ...ALPHA]) await client.put(key, valueFor(key));

        // HTTP, 25 keys a page, through the `next` token.
        const http = cluster.nodes[1]!.http;
        const seen: string[] = [];
        let after: string | undefined;
        for (let page = 0; page < 10; page++) {
          const path = `/v1/kv?prefix=alpha%2F&limit=25${after ? `&after=${after}` : ""}`;
          const reply = await httpRequest(http, { method: "GET", path });
          expect(reply.status).toBe(200);
          const body = reply.json as HttpRange;
          for (const kv of body.kvs) {
            expect(kv.value).toBe(valueFor(kv.key));
            seen.push(kv.key);
          }
          if (body.next === undefined) break;
          after = body.next;
        }
        expect(seen).toEqual(ALPHA);

        // The gRPC client, 30 keys a page, continuing after the last key.
        const listed: string[] = [];
        let start: Uint8Array = Buffer.from("beta/");
        for (let page = 0; page < 10; page++) {
          const result = await client.range({ start, end: "beta0", limit: 30 });
          if (page === 0) expect(result.count).toBe(BETA.length);
          listed.push(...result.kvs.map((kv) => text(kv.key)));
          const last = result.kvs[result.kvs.length - 1];
          if (!result.more || !last) break;
          start = Uint8Array.of(...last.key, 0);
        }
        expect(listed).toEqual(BETA);

        // Descending by key, limited: the last keys, highest first.
        const top = await client.range({ prefix: "alpha/", limit: 3, sortOrder: "descend" });
        expect(top.kvs.map((kv) => text(kv.key))).toEqual(ALPHA.slice(-3).reverse());
        expect(top.more).toBe(true);

        // The CLI: keys only, one a line; with values, key and value lines in turn.
        const addr = cluster.nodes[2]!.advertise;
        const keys = await runRingkv(["get", "--prefix", "beta/", "--keys-only", "--addr", addr]);
        expect(keys.code, keys.stderr).toBe(0);
        expect(keys.stdout.trimEnd().split("\n")).toEqual(BETA);
        const some = await runRingkv(["get", "--prefix", "alpha/", "--limit", "2", "--addr", addr]);
        expect(some.stdout.trimEnd().split("\n")).toEqual(ALPHA.slice(0, 2).flatMap((k) => [k, valueFor(k)]));
        const counted = await runRingkv(["get", "--prefix", "alpha/", "--count-only", "--addr", addr]);
        expect(counted.stdout.trim()).toBe(String(ALPHA.length));
      } finally {
        client.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a prefix delete answers how many it deleted, and they are gone on every node",
    async () => {
      const cluster = running();
      const deleted = await runRingkv(["del", "--prefix", "alpha/", "--addr", cluster.nodes[0]!.advertise]);
      expect(deleted.code, deleted.stderr).toBe(0);
      expect(deleted.stdout.trim()).toBe(String(ALPHA.length));
      for (const node of cluster.nodes) {
        const reply = await httpRequest(node.http, { method: "GET", path: "/v1/kv?prefix=alpha%2F" });
        expect((reply.json as HttpRange).count).toBe(0);
        // Every replica applies the deletes: stale reads of this node's own replicas agree soon.
        await waitFor(
          async () => {
            const stale = await httpRequest(node.http, {
              method: "GET",
              path: "/v1/kv?prefix=alpha%2F&consistency=stale",
            });
            const count = (stale.json as HttpRange).count;
            if (count !== 0) throw new Error(`${count} alpha keys still on ${node.id}`);
            return true;
          },
          { timeoutMs: 10_000, what: `alpha/ gone from ${node.id}'s replicas` },
        );
        const beta = await httpRequest(node.http, {
          method: "GET",
          path: "/v1/kv?prefix=beta%2F&count_only=1",
        });
        expect((beta.json as HttpRange).count).toBe(BETA.length);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a compare-and-swap txn on one key applies once; a txn over keys of several shards is CrossShard",
    async () => {
      const cluster = running();
      const client = new RingkvClient({ addresses: [cluster.nodes[0]!.advertise] });
      try {
        const put = await client.putRecord("cas", "1");
        const swap = {
          compares: [{ key: "cas", target: "mod" as const, result: "equal" as const, number: put.revision }],
          success: [{ put: { key: "cas", value: "2" } }],
          failure: [{ range: { start: "cas" } }],
        };
        const first = await client.txn(swap);
        expect(first.succeeded).toBe(true);
        const second = await client.txn(swap);
        expect(second.succeeded).toBe(false);
        const read = second.results[0];
        expect(read && "range" in read ? text(read.range.kvs[0]!.value) : null).toBe("2");
        expect((await client.get("cas"))?.string()).toBe("2");

        // Twenty keys over 16 shards: certainly more than one shard.
        const spread = {
          success: Array.from({ length: 20 }, (_, i) => ({ put: { key: `spread-${i}`, value: "x" } })),
        };
        const error = await client.txn(spread).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RingkvError);
        expect((error as RingkvError).code).toBe("CrossShard");
        expect((error as RingkvError).message).toMatch(/shards \d+, \d+/);
        for (let i = 0; i < 20; i++) expect(await client.get(`spread-${i}`)).toBeNull();
      } finally {
        client.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
