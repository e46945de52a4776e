// Sharding with real processes: a cluster grows from one node to five while it serves, replicas
// move onto the newcomers (learner → promote → remove), a node leaves cleanly, and a node that
// leads several shards dies. Throughout, a writer and a reader run: no acknowledged write may
// fail or be lost, and every key must stay readable.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_REMOVED_WHILE_DOWN } from "../../cli/exit-codes.ts";
import type { StatusJson } from "../../src/api/kv-api.ts";
import { RingkvClient, RingkvError } from "../../src/client/index.ts";
import { Cluster, type NodeProcess, runRingkv, showLogsOnFailure } from "./harness.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 240_000;
const SHARDS = 8;
const KEYS = 2_000;
const REPLICAS = 3;
const DEAD_MEMBER_TIMEOUT_MS = 5_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const keyName = (i: number): string => `key-${String(i).padStart(4, "0")}`;

let cluster: Cluster | undefined;
showLogsOnFailure(() => cluster);

beforeAll(async () => {
  cluster = await Cluster.create({
    name: "sharding",
    size: 5,
    shards: SHARDS,
    // A member gossip calls dead for 5 s is evicted and its shards re-replicated (last test).
    settings: { gossipTickMs: 25, deadMemberTimeoutMs: DEAD_MEMBER_TIMEOUT_MS },
  });
}, 60_000);

afterAll(async () => {
  await cluster?.teardown();
});

/** The cluster view of `via`: every shard as its leader reports it. */
function clusterStatus(via: NodeProcess): Promise<StatusJson> {
  return via.status(5000, "cluster");
}

/**
 * Every shard has min(REPLICAS, members) voters, all on `members`, exactly its placement, no
 * learner, and its preferred leader leads (leader balance); no move under way. Resolves with
 * that status.
 */
async function waitForPlacement(via: NodeProcess, members: readonly NodeProcess[]): Promise<StatusJson> {
  const ids = members.map((m) => m.id).sort();
  const size = Math.min(REPLICAS, ids.length);
  return waitFor(
    async () => {
      const st = await clusterStatus(via);
      const problems: string[] = [];
      if (st.members.map((m) => m.id).join() !== ids.join())
        problems.push(`members ${st.members.map((m) => m.id)}`);
      for (const s of st.shards) {
        if (s.leader === "") problems.push(`shard ${s.id} has no leader`);
        if (s.replicas.length !== size) problems.push(`shard ${s.id} has replicas ${s.replicas}`);
        if (s.replicas.some((r) => !ids.includes(r))) problems.push(`shard ${s.id} on ${s.replicas}`);
        if (s.moving) problems.push(`shard ${s.id} moving: ${s.replicas} → ${s.target} (+${s.learners})`);
        else if (s.leader !== s.target?.[0])
          problems.push(`shard ${s.id} led by ${s.leader}, not ${s.target?.[0]}`);
      }
      if (st.shards.length !== SHARDS) problems.push(`${st.shards.length} shards`);
      if (problems.length > 0) throw new Error(problems.slice(0, 4).join("; "));
      return st;
    },
    { timeoutMs: 120_000, what: `every shard placed on ${ids.join(",")}`, intervalMs: 200 },
  );
}

/**
 * A writer (new keys, one at a time per lane) and a reader (of the preloaded keys) through the
 * client library, until stop(). Every failure is kept: the test expects none.
 */
class Traffic {
  readonly written = new Map<string, string>();
  readonly failures: string[] = [];
  reads = 0;
  #stopped = false;
  readonly #loops: Promise<void>[] = [];
  readonly #client: RingkvClient;

  constructor(addresses: readonly string[], tag: string, lanes = 4) {
    this.#client = new RingkvClient({ addresses, deadlineMs: 3000 });
    for (let lane = 0; lane < lanes; lane++) this.#loops.push(this.#write(`${tag}-${lane}`));
    this.#loops.push(this.#read());
  }

  async #write(lane: string): Promise<void> {
    for (let i = 0; !this.#stopped && i < 100_000; i++) {
      const key = `live-${lane}-${i}`;
      try {
        await this.#client.put(encoder.encode(key), encoder.encode(`${key}!`));
        this.written.set(key, `${key}!`);
      } catch (e) {
        this.failures.push(`put ${key}: ${e instanceof RingkvError ? `${e.code} ${e.message}` : e}`);
      }
    }
  }

  async #read(): Promise<void> {
    for (let i = 0; !this.#stopped && i < 1_000_000; i++) {
      const key = keyName((i * 7919) % KEYS);
      try {
        const found = await this.#client.get(encoder.encode(key));
        if (!found || decoder.decode(found.value) !== `v-${key}`)
          this.failures.push(`get ${key}: ${found ? decoder.decode(found.value) : "absent"}`);
        this.reads++;
      } catch (e) {
        this.failures.push(`get ${key}: ${e instanceof RingkvError ? `${e.code} ${e.message}` : e}`);
      }
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(this.#loops);
    this.#client.close();
  }
}

/** Read every key in `expected` through `via`, linearizably. */
async function expectAll(via: NodeProcess, expected: ReadonlyMap<string, string>): Promise<void> {
  const client = new RingkvClient({ addresses: [via.advertise] });
  try {
    const wrong: string[] = [];
    const keys = [...expected.keys()];
    for (let i = 0; i < keys.length; i += 64) {
      await Promise.all(
        keys.slice(i, i + 64).map(async (key) => {
          const found = await client.get(encoder.encode(key));
          const value = found ? decoder.decode(found.value) : "absent";
          if (value !== expected.get(key)) wrong.push(`${key}=${value}`);
        }),
      );
    }
    expect(wrong.slice(0, 10), `keys read wrong through ${via.id}`).toEqual([]);
  } finally {
    client.close();
  }
}

const preloaded = new Map<string, string>();

function fiveNodes(c: Cluster): [NodeProcess, NodeProcess, NodeProcess, NodeProcess, NodeProcess] {
  return c.nodes as [NodeProcess, NodeProcess, NodeProcess, NodeProcess, NodeProcess];
}

describe("sharding", () => {
  it(
    "grows from one node to five while serving: every shard reaches min(3, n) replicas, no write fails or is lost",
    async () => {
      const c = cluster!;
      const [n1, n2, n3, n4, n5] = fiveNodes(c);
      await n1.start("bootstrap");
      await waitForPlacement(n1, [n1]);

      const loader = new RingkvClient({ addresses: [n1.advertise] });
      for (let i = 0; i < KEYS; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, j) => {
            const key = keyName(i + j);
            preloaded.set(key, `v-${key}`);
            return loader.put(encoder.encode(key), encoder.encode(`v-${key}`));
          }),
        );
      }
      loader.close();

      const traffic = new Traffic([n1.advertise], "grow");
      const joinedAt = performance.now();
      await Promise.all([c.join(n2, n1), c.join(n3, n1)]);
      const three = await waitForPlacement(n1, [n1, n2, n3]);
      const rebalanceMs = Math.round(performance.now() - joinedAt);
      console.log(
        `1 → 3 nodes: every shard on 3 replicas ${rebalanceMs} ms after the joins began (${KEYS} keys, ${SHARDS} shards)`,
      );
      expect(three.shards.every((s) => s.replicas.length === 3)).toBe(true);

      await Promise.all([c.join(n4, n1), c.join(n5, n1)]);
      const five = await waitForPlacement(n1, [n1, n2, n3, n4, n5]);
      // Every newcomer holds replicas now, and leaders are spread: no node leads more than
      // ⌈1.1 · 8 / 5⌉ = 2 shards (placement's bound on preferred leaders).
      for (const node of [n4, n5]) expect(five.shards.some((s) => s.replicas.includes(node.id))).toBe(true);
      const led = new Map<string, number>();
      for (const s of five.shards) led.set(s.leader, (led.get(s.leader) ?? 0) + 1);
      expect(Math.max(...led.values()), JSON.stringify([...led])).toBeLessThanOrEqual(2);

      await traffic.stop();
      console.log(`during the moves: ${traffic.written.size} writes and ${traffic.reads} reads acknowledged`);
      expect(traffic.failures.slice(0, 10)).toEqual([]);
      expect(traffic.written.size).toBeGreaterThan(0);
      for (const [k, v] of traffic.written) preloaded.set(k, v);
      await expectAll(n5, preloaded);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "`ringkv leave` moves the node's replicas off before it exits, and nothing is lost",
    async () => {
      const c = cluster!;
      const [n1, n2, n3, n4, n5] = fiveNodes(c);
      const before = await clusterStatus(n1);
      expect(before.shards.some((s) => s.replicas.includes(n2.id))).toBe(true);
      const traffic = new Traffic([n1.advertise, n3.advertise], "leave");
      const result = await runRingkv(["leave", n2.id, "--addr", n3.advertise], 150_000);
      expect(result.code, result.stderr).toBe(0);
      const exit = await n2.exited();
      expect(exit.code).toBe(0);
      const after = await waitForPlacement(n1, [n1, n3, n4, n5]);
      expect(after.shards.every((s) => !s.replicas.includes(n2.id) && !s.learners.includes(n2.id))).toBe(
        true,
      );
      await traffic.stop();
      expect(traffic.failures.slice(0, 10)).toEqual([]);
      for (const [k, v] of traffic.written) preloaded.set(k, v);
      await expectAll(n4, preloaded);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "killing the node that leads the most shards: every shard it led elects a new leader and serves; once dead long enough it is evicted and its shards re-replicated",
    async () => {
      const c = cluster!;
      const alive = c.nodes.filter((n) => n.running);
      const st = await clusterStatus(alive[0]!);
      const counts = new Map<string, number>();
      for (const s of st.shards) counts.set(s.leader, (counts.get(s.leader) ?? 0) + 1);
      const [victimId, led] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      expect(led).toBeGreaterThanOrEqual(2);
      const victim = c.node(victimId);
      const survivors = alive.filter((n) => n !== victim);
      const shardsLed = st.shards.filter((s) => s.leader === victimId).map((s) => s.id);

      await victim.kill("SIGKILL");
      const reelected = await waitFor(
        async () => {
          const now = await clusterStatus(survivors[0]!);
          const stuck = now.shards.filter(
            (s) => shardsLed.includes(s.id) && (s.leader === "" || s.leader === victimId),
          );
          if (stuck.length > 0)
            throw new Error(`shards ${stuck.map((s) => s.id)} still without a new leader`);
          return now;
        },
        { timeoutMs: 30_000, what: `new leaders for shards ${shardsLed}`, intervalMs: 100 },
      );
      for (const id of shardsLed) {
        const s = reelected.shards[id]!;
        expect(survivors.map((n) => n.id)).toContain(s.leader);
      }
      // Writes to every shard, through a survivor, succeed; and nothing acknowledged is lost.
      const client = new RingkvClient({ addresses: survivors.map((n) => n.advertise) });
      try {
        for (let i = 0; i < 64; i++) {
          const key = `after-kill-${i}`;
          await client.put(encoder.encode(key), encoder.encode(key));
          preloaded.set(key, key);
        }
      } finally {
        client.close();
      }
      await expectAll(survivors[0]!, preloaded);

      // Dead past deadMemberTimeoutMs: the meta leader evicts it, and every shard it held gets
      // its full replica set back on the survivors.
      const evictedAt = performance.now();
      const settled = await waitForPlacement(survivors[0]!, survivors);
      console.log(
        `${victimId} evicted and its shards re-replicated ${Math.round(performance.now() - evictedAt)} ms after its leaders were replaced`,
      );
      expect(settled.members.map((m) => m.id)).not.toContain(victimId);
      expect(settled.shards.every((s) => s.replicas.length === REPLICAS)).toBe(true);
      await expectAll(survivors[1]!, preloaded);

      // Back from the dead, it finds itself removed while it was down, says what to do, and exits.
      await victim.start("restart");
      const exit = await victim.exited();
      expect(exit.code).toBe(EXIT_REMOVED_WHILE_DOWN);
      expect(victim.logs("removed from the cluster")).toHaveLength(1);
      const said = `${victimId} was removed from the cluster while it was down; wipe --data ${victim.dataDir} and start it with --join to add it again`;
      expect(victim.logs(said)).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );
});
