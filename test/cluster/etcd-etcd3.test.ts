// The etcd3 npm client, unchanged, against a real three-node ringkv cluster: put/get/getAll
// .prefix()/delete, watchers (watch through one node, write through another), a lease whose keys
// disappear after its TTL, if().then() transactions, and its Lock recipe under contention —
// several processes increment one counter under the lock while a node is SIGKILLed mid-run and
// restarted, and no update is lost or repeated.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Etcd3, GRPCFailedPreconditionError } from "etcd3";
import { afterAll, describe, expect, it } from "vitest";
import { useCluster } from "./harness.ts";
import { waitFor, within } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 300_000;
const WORKER = fileURLToPath(new URL("./etcd-lock-worker.ts", import.meta.url));
const WORKERS = 4;
const INCREMENTS_PER_WORKER = 15;

const running = useCluster({ name: "etcd3", shards: 8 }, TEST_TIMEOUT_MS);
const clients: Etcd3[] = [];
afterAll(() => {
  for (const client of clients) client.close();
});

/** A client of the given nodes (default: all). */
function clientOf(nodes = running().nodes): Etcd3 {
  const client = new Etcd3({ hosts: nodes.map((n) => n.advertise) });
  clients.push(client);
  return client;
}

describe("the etcd3 client against a real cluster", () => {
  it("put, get, getAll().prefix() and delete", { timeout: TEST_TIMEOUT_MS }, async () => {
    const client = clientOf();
    await client.put("e3/foo").value("bar");
    expect(await client.get("e3/foo").string()).toBe("bar");
    for (let i = 0; i < 20; i++) await client.put(`e3/p/${String(i).padStart(2, "0")}`).value(`v${i}`);
    const all = await client.getAll().prefix("e3/p/").strings();
    expect(Object.keys(all)).toEqual(
      Array.from({ length: 20 }, (_, i) => `e3/p/${String(i).padStart(2, "0")}`),
    );
    expect(all["e3/p/07"]).toBe("v7");
    expect(await client.getAll().prefix("e3/p/").limit(5).keys()).toHaveLength(5);
    await client.delete().key("e3/foo");
    expect(await client.get("e3/foo").string()).toBeNull();
    expect((await client.delete().prefix("e3/p/")).deleted).toBe("20");
  });

  it("a watcher on one node sees writes made through another, in order", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const [n1, , n3] = running().nodes;
    const watching = clientOf([n1!]);
    const writing = clientOf([n3!]);
    const seen: string[] = [];
    const watcher = await watching.watch().prefix("e3/w/").create();
    watcher.on("put", (kv) => seen.push(`put ${kv.key.toString()}=${kv.value.toString()}`));
    watcher.on("delete", (kv) => seen.push(`delete ${kv.key.toString()}`));
    const expected: string[] = [];
    for (let i = 0; i < 10; i++) {
      await writing.put("e3/w/k").value(`v${i}`);
      expected.push(`put e3/w/k=v${i}`);
    }
    await writing.delete().key("e3/w/k");
    expected.push("delete e3/w/k");
    await waitFor(() => seen.length >= expected.length, { timeoutMs: 30_000, what: "every watch event" });
    expect(seen).toEqual(expected);
    await watcher.cancel();
  });

  it("a lease's keys disappear after its TTL", { timeout: TEST_TIMEOUT_MS }, async () => {
    const client = clientOf();
    const lease = client.lease(2, { autoKeepAlive: false });
    await lease.put("e3/leased/a").value("x");
    await lease.put("e3/leased/b").value("y");
    expect(await client.getAll().prefix("e3/leased/").count()).toBe(2);
    // TTL 2 s; late by at most an election timeout, as etcd documents.
    await waitFor(async () => (await client.getAll().prefix("e3/leased/").count()) === 0, {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: "the leased keys to be deleted",
    });
    expect(await client.get("e3/leased/a").string()).toBeNull();
  });

  it("if().then().else() transactions", { timeout: TEST_TIMEOUT_MS }, async () => {
    const client = clientOf();
    await client.put("e3/t").value("old");
    const hit = await client.if("e3/t", "Value", "==", "old").then(client.put("e3/t").value("new")).commit();
    expect(hit.succeeded).toBe(true);
    const miss = await client
      .if("e3/t", "Value", "==", "old")
      .then(client.put("e3/t").value("never"))
      .else(client.get("e3/t"))
      .commit();
    expect(miss.succeeded).toBe(false);
    expect(miss.responses[0]?.response_range?.kvs[0]?.value.toString()).toBe("new");
    expect(await client.get("e3/t").string()).toBe("new");
  });

  it("the Lock recipe under contention loses no update while a node is killed and restarted", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const cluster = running();
    const client = clientOf();
    const lockKey = "e3/lock";
    const counterKey = await keyInShardOf(client, lockKey);
    const workers: ChildProcess[] = [];
    const exits: Promise<number | null>[] = [];
    const stderr: string[] = [];
    try {
      for (let w = 0; w < WORKERS; w++) {
        const args = {
          hosts: cluster.nodes.map((n) => n.advertise),
          worker: `w${w}`,
          count: INCREMENTS_PER_WORKER,
          lockKey,
          counterKey,
        };
        const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(args)], {
          stdio: ["ignore", "ignore", "pipe"],
        });
        child.stderr?.setEncoding("utf8").on("data", (c: string) => stderr.push(c));
        workers.push(child);
        exits.push(new Promise((resolve) => child.once("exit", (code) => resolve(code))));
      }
      const counted = async (): Promise<string[]> => {
        const value = await client.get(counterKey).string();
        return value === null ? [] : (JSON.parse(value) as string[]);
      };
      const total = WORKERS * INCREMENTS_PER_WORKER;
      await waitFor(async () => (await counted()).length >= total / 4, {
        timeoutMs: 120_000,
        intervalMs: 200,
        what: "a quarter of the increments before the kill",
      });
      const victim = cluster.nodes[1]!;
      await victim.kill("SIGKILL");
      const atKill = (await counted()).length;
      await waitFor(async () => (await counted()).length >= Math.min(total, atKill + WORKERS), {
        timeoutMs: 120_000,
        intervalMs: 200,
        what: "increments to go on with a node down",
      });
      await cluster.restart(victim);
      const codes = await within(Promise.all(exits), { timeoutMs: 180_000, what: "every worker to finish" });
      expect(codes, stderr.join("")).toEqual(Array.from({ length: WORKERS }, () => 0));
      const ids = await counted();
      const expected = workers.flatMap((_, w) =>
        Array.from({ length: INCREMENTS_PER_WORKER }, (_, seq) => `w${w}-${seq}`),
      );
      expect([...ids].sort()).toEqual([...expected].sort());
    } finally {
      for (const child of workers) if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});

/**
 * A key in the same shard as `key`: a transaction may only touch one shard, and the workers'
 * fenced write compares the lock key and puts the counter in one. Probed with a read-only txn,
 * which the node refuses (CrossShard) when the keys live apart; bounded in candidates.
 */
async function keyInShardOf(client: Etcd3, key: string): Promise<string> {
  for (let i = 0; i < 256; i++) {
    const candidate = `e3/counter/${i}`;
    try {
      await client.if(key, "Version", ">", -1).then(client.get(candidate)).commit();
      return candidate;
    } catch (e) {
      if (!(e instanceof GRPCFailedPreconditionError)) throw e;
    }
  }
  throw new Error(`no key among 256 candidates shares a shard with ${key}`);
}
