// Backup and restore with real processes: a three-node cluster takes writes while
// `ringkv snapshot save` runs; the backup is restored as the first node of a new cluster, which
// then grows to two nodes (a different size); every key comes back with its value and version,
// and the key count matches. Damaged backups — one flipped byte, a truncated file — are refused
// with a message naming the problem, and leave nothing behind in --data.
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RingkvClient } from "../../src/client/index.ts";
import { Cluster, runRingkv, showLogsOnFailure } from "./harness.ts";
import { waitFor } from "./wait-for.ts";

const SHARDS = 4;
const PRELOADED_KEYS = 300;
/** Writes the background load may make while the backup runs (bounded, so the loop is too). */
const LOAD_WRITES_MAX = 5_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

let source: Cluster | undefined;
let restored: Cluster | undefined;
showLogsOnFailure(() => source);
showLogsOnFailure(() => restored);

beforeAll(async () => {
  source = await Cluster.start({ name: "backup-source", size: 3, shards: SHARDS });
}, 180_000);

afterAll(async () => {
  await source?.teardown();
  await restored?.teardown();
});

interface Seen {
  readonly value: string;
  readonly version: number;
}

/** Every key of `keys` as `client` reads it (linearizable); absent keys are left out. */
async function readAll(client: RingkvClient, keys: Iterable<string>): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  for (const key of keys) {
    const found = await client.get(encoder.encode(key));
    if (found) seen.set(key, { value: decoder.decode(found.value), version: found.version });
  }
  return seen;
}

describe("snapshot save and restore", () => {
  let backup = "";
  /** The preloaded keys as they stood before the save began (values and versions). */
  const before = new Map<string, Seen>();
  /** Keys the background load wrote, and the one value each was given. */
  const loaded = new Map<string, string>();
  /** Load keys acknowledged before the save began: the backup must hold them. */
  const loadedBeforeSave = new Set<string>();

  it("saves a consistent backup while the cluster takes writes", { timeout: 180_000 }, async () => {
    const cluster = source!;
    const client = new RingkvClient({ addresses: cluster.nodes.map((n) => n.advertise) });
    try {
      for (let i = 0; i < PRELOADED_KEYS; i++) {
        const key = `pre-${i}`;
        await client.put(encoder.encode(key), encoder.encode(`v1-${i}`));
        // Some keys are overwritten, some deleted: versions and absence must survive too.
        if (i % 3 === 0) await client.put(encoder.encode(key), encoder.encode(`v2-${i}`));
        if (i % 10 === 0) await client.delete(encoder.encode(key));
      }
      for (const [k, v] of await readAll(
        client,
        [...Array(PRELOADED_KEYS).keys()].map((i) => `pre-${i}`),
      )) {
        before.set(k, v);
      }
      let stop = false;
      let acknowledgedBeforeSave = true;
      const load = (async () => {
        for (let i = 0; i < LOAD_WRITES_MAX && !stop; i++) {
          const key = `load-${i}`;
          loaded.set(key, `load-value-${i}`);
          await client.put(encoder.encode(key), encoder.encode(`load-value-${i}`));
          if (acknowledgedBeforeSave) loadedBeforeSave.add(key);
        }
      })();
      await waitFor(async () => loadedBeforeSave.size >= 20 || null, {
        timeoutMs: 30_000,
        what: "load to start",
      });
      acknowledgedBeforeSave = false;
      backup = join(cluster.root, "cluster.rkv");
      const saved = await runRingkv([
        "snapshot",
        "save",
        backup,
        "--addr",
        cluster.nodes[1]!.advertise,
        "--json",
      ]);
      stop = true;
      await load;
      expect(saved.stderr).toBe(""); // piped: no progress output
      expect(saved.code, saved.stderr).toBe(0);
      const report = JSON.parse(saved.stdout) as { shards: number; keys: number };
      expect(report.shards).toBe(SHARDS);
      expect(await readdir(cluster.root)).not.toContain("cluster.rkv.tmp");
    } finally {
      client.close();
    }
  });

  it("snapshot status shows what the backup holds", { timeout: 60_000 }, async () => {
    const shown = await runRingkv(["snapshot", "status", backup, "--json"]);
    expect(shown.code, shown.stderr).toBe(0);
    const summary = JSON.parse(shown.stdout) as {
      formatVersion: number;
      header: { shardCount: number; replicationFactor: number };
      shards: { shard: number; keyCount: number }[];
      keys: number;
    };
    expect(summary.formatVersion).toBe(1);
    expect(summary.header).toMatchObject({ shardCount: SHARDS, replicationFactor: 3 });
    expect(summary.shards.map((s) => s.shard)).toEqual([0, 1, 2, 3]);
    // Every preloaded key still present, every load key acknowledged before the save, and at
    // most every load key written at all.
    expect(summary.keys).toBeGreaterThanOrEqual(before.size + loadedBeforeSave.size);
    expect(summary.keys).toBeLessThanOrEqual(before.size + loaded.size);
    const text = await runRingkv(["snapshot", "status", backup]);
    expect(text.stdout).toContain(`${SHARDS} shards, replication factor 3, ${summary.keys} keys`);
  });

  it("restores into a new cluster of another size with every key, value and version", {
    timeout: 240_000,
  }, async () => {
    restored = await Cluster.create({ name: "backup-restored", size: 2 });
    const [first, second] = restored.nodes as [(typeof restored.nodes)[0], (typeof restored.nodes)[0]];
    const done = await runRingkv([
      "snapshot",
      "restore",
      backup,
      "--data",
      first.dataDir,
      "--id",
      first.id,
      "--listen",
      first.listen,
      "--http",
      first.http,
    ]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`restored ${SHARDS} shards`);
    await first.start("restart");
    await restored.join(second, first);
    await restored.waitForHealthy(120_000);
    const client = new RingkvClient({ addresses: [second.advertise] });
    try {
      const pre = await readAll(
        client,
        [...Array(PRELOADED_KEYS).keys()].map((i) => `pre-${i}`),
      );
      expect(pre).toEqual(before);
      const load = await readAll(client, loaded.keys());
      for (const key of loadedBeforeSave) expect(load.has(key), key).toBe(true);
      for (const [key, seen] of load) expect(seen.value).toBe(loaded.get(key));
      const summary = JSON.parse((await runRingkv(["snapshot", "status", backup, "--json"])).stdout) as {
        keys: number;
      };
      expect(pre.size + load.size).toBe(summary.keys);
      // Every shard's leader counts the same keys.
      const status = await second.status(5000, "cluster");
      expect(status.shards.reduce((sum, s) => sum + s.keys, 0)).toBe(summary.keys);
      // The restored cluster takes writes, with versions above every restored one.
      const { version } = await client.put(encoder.encode("pre-1"), encoder.encode("after"));
      expect(version).toBeGreaterThan(before.get("pre-1")!.version);
    } finally {
      client.close();
    }
  });

  it("refuses a backup with one flipped byte, and leaves nothing in --data", {
    timeout: 60_000,
  }, async () => {
    const good = await readFile(backup);
    const flipped = join(source!.root, "flipped.rkv");
    const copy = Buffer.from(good);
    const at = Math.floor(copy.length / 2);
    copy[at] = copy[at]! ^ 0x04;
    await writeFile(flipped, copy);
    const dataDir = join(source!.root, "from-flipped");
    const result = await runRingkv([
      "snapshot",
      "restore",
      flipped,
      "--data",
      dataDir,
      "--listen",
      "127.0.0.1:1",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/checksum mismatch: expected 0x[0-9a-f]{8}, actual 0x[0-9a-f]{8}/);
    await expectAbsent(dataDir);
    await expectAbsent(`${dataDir}.tmp`);
  });

  it("refuses a truncated backup, naming the byte, and leaves nothing in --data", {
    timeout: 60_000,
  }, async () => {
    const good = await readFile(backup);
    const cut = join(source!.root, "cut.rkv");
    const length = good.length - 100;
    await writeFile(cut, good.subarray(0, length));
    const dataDir = join(source!.root, "from-cut");
    await mkdir(dataDir); // an empty --data is allowed, and stays as it was on failure
    const result = await runRingkv([
      "snapshot",
      "restore",
      cut,
      "--data",
      dataDir,
      "--listen",
      "127.0.0.1:1",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`truncated at byte ${length}`);
    expect(await readdir(dataDir)).toEqual([]);
    await expectAbsent(`${dataDir}.tmp`);
  });

  it("refuses --shards other than the backup's, before writing anything", { timeout: 60_000 }, async () => {
    const dataDir = join(source!.root, "other-shards");
    const result = await runRingkv([
      "snapshot",
      "restore",
      backup,
      "--data",
      dataDir,
      "--listen",
      "127.0.0.1:1",
      "--shards",
      String(SHARDS * 2),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the backup holds ${SHARDS} shards and a restore keeps them`);
    await expectAbsent(dataDir);
    await expectAbsent(`${dataDir}.tmp`);
  });

  it("refuses to restore into a data directory that holds anything", { timeout: 60_000 }, async () => {
    const dataDir = join(source!.root, "busy");
    await mkdir(dataDir);
    await writeFile(join(dataDir, "keep"), "x");
    const result = await runRingkv([
      "snapshot",
      "restore",
      backup,
      "--data",
      dataDir,
      "--listen",
      "127.0.0.1:1",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not empty");
    expect(await readdir(dataDir)).toEqual(["keep"]);
  });
});

async function expectAbsent(path: string): Promise<void> {
  await expect(stat(path)).rejects.toThrow(/ENOENT/);
}
