// Leases on real nodes (issue 13): keys put with a lease live on several shards and are deleted
// from every one of them when the lease expires — not before — or at once when it is revoked; a
// keep-alive keeps them; and when the meta leader's node (where the lease keeper runs) is
// killed, the lease does not expire early and does expire afterwards, late by at most the new
// meta leader's election.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { RingkvClient } from "../../src/client/index.ts";
import { RINGKV_NODE_ARGS } from "../support/ringkv-command.ts";
import {
  type Cluster,
  ELECTION_TIMEOUT_MIN_MS,
  type NodeProcess,
  showLogsOnFailure,
  useCluster,
} from "./harness.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 180_000;
/** Four shards: a dozen keys land on several of them. */
const SHARDS = 4;
const KEYS_PER_LEASE = 12;
const TTL_S = 3;
/** The CLI keep-alive test's TTL: longer than its outage (two nodes paused until a renewal fails). */
const KEEP_ALIVE_TTL_S = 6;
/**
 * How late an expiry may be: an election (at most twice the minimum timeout) plus the shard
 * fan-out and scheduling on a loaded two-core machine.
 */
const EXPIRY_SLACK_MS = 2 * ELECTION_TIMEOUT_MIN_MS + 8_000;

const running = useCluster({ name: "leases", shards: SHARDS }, TEST_TIMEOUT_MS);

const utf8 = new TextEncoder();

function clientOf(nodes: readonly NodeProcess[]): RingkvClient {
  return new RingkvClient({ addresses: nodes.map((n) => n.advertise) });
}

function keysFor(name: string): Uint8Array[] {
  return Array.from({ length: KEYS_PER_LEASE }, (_, i) => utf8.encode(`${name}-${i}`));
}

async function putAll(client: RingkvClient, keys: readonly Uint8Array[], lease: number): Promise<void> {
  for (const key of keys) await client.put(key, utf8.encode("held"), { lease });
}

/** How many of `keys` are present (linearizable reads). */
async function present(client: RingkvClient, keys: readonly Uint8Array[]): Promise<number> {
  let found = 0;
  for (const key of keys) if ((await client.get(key)) !== null) found++;
  return found;
}

/**
 * Read `keys` over and over until `untilMs` (performance.now()); every pass that completes before
 * it must find them all. Answers how many passes completed in time (failed reads are skipped: a
 * shard may be between leaders).
 */
async function expectPresentUntil(
  client: RingkvClient,
  keys: readonly Uint8Array[],
  untilMs: number,
): Promise<number> {
  let passes = 0;
  while (performance.now() < untilMs) {
    let found: number;
    try {
      found = await present(client, keys);
    } catch {
      continue;
    }
    if (performance.now() >= untilMs) break;
    expect(found, "keys of a live lease").toBe(keys.length);
    passes++;
  }
  return passes;
}

async function waitGone(
  client: RingkvClient,
  keys: readonly Uint8Array[],
  timeoutMs: number,
  what: string,
): Promise<void> {
  await waitFor(async () => (await present(client, keys)) === 0, { timeoutMs, what });
}

async function metaLeader(cluster: Cluster): Promise<NodeProcess> {
  const id = await waitFor(
    async () => {
      const status = await cluster.reachable[0]!.status();
      return status.meta?.leader || null;
    },
    { timeoutMs: 30_000, what: "a meta leader" },
  );
  return cluster.node(id);
}

describe("leases on a real cluster", () => {
  showLogsOnFailure(running);

  it(
    "keys put with a lease are gone from every shard after its TTL, and not before",
    async () => {
      const client = clientOf(running().nodes);
      try {
        const keys = keysFor("expiry");
        const asked = performance.now();
        const { id, ttlSeconds } = await client.leaseGrant(TTL_S);
        expect(ttlSeconds).toBe(TTL_S);
        await putAll(client, keys, id);
        // The deadline was set when the grant applied, after `asked`.
        const passes = await expectPresentUntil(client, keys, asked + ttlSeconds * 1000);
        expect(passes).toBeGreaterThan(0);
        await waitGone(
          client,
          keys,
          EXPIRY_SLACK_MS,
          "the expired lease's keys to be deleted on every shard",
        );
        expect((await client.leaseTimeToLive(id)).ttlSeconds).toBe(-1);
        await expect(client.put(keys[0]!, utf8.encode("late"), { lease: id })).rejects.toMatchObject({
          code: "LeaseNotFound",
        });
      } finally {
        client.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "keep-alives keep a lease's keys past several TTLs; a revoke deletes them at once",
    async () => {
      const client = clientOf(running().nodes);
      try {
        const keys = keysFor("kept");
        const { id } = await client.leaseGrant(TTL_S);
        await putAll(client, keys, id);
        const keptUntil = performance.now() + 3 * TTL_S * 1000;
        // A renewal every third of the TTL, as `ringkv lease keep-alive` does.
        for (let i = 0; performance.now() < keptUntil && i < 20; i++) {
          await client.leaseKeepAlive(id);
          await new Promise((resolve) => setTimeout(resolve, (TTL_S * 1000) / 3));
        }
        expect(await present(client, keys)).toBe(keys.length);
        const left = await client.leaseTimeToLive(id, { keys: true });
        expect(left.ttlSeconds).toBeGreaterThan(0);
        expect(left.keys.length).toBe(keys.length);
        expect(await client.leases()).toContain(id);
        await client.leaseRevoke(id);
        // Revoke answers once every shard deleted the keys: no waiting.
        expect(await present(client, keys)).toBe(0);
        expect(await client.leases()).not.toContain(id);
      } finally {
        client.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "`ringkv lease keep-alive` renews every third of the TTL through seconds without a quorum, until interrupted; then the lease ends",
    async () => {
      const cluster = running();
      const client = clientOf(cluster.nodes);
      const addr = cluster.nodes.map((n) => n.advertise).join(",");
      const [, paused, alsoPaused] = cluster.nodes as [NodeProcess, NodeProcess, NodeProcess];
      try {
        const { id, ttlSeconds } = await client.leaseGrant(KEEP_ALIVE_TTL_S);
        const granted = performance.now();
        const cli = spawn(
          process.execPath,
          // --timeout 2: each renewal gives up after about a second, far shorter than the outage
          // below, so the CLI itself must carry on through the failures.
          [...RINGKV_NODE_ARGS, "lease", "keep-alive", `0x${id.toString(16)}`, "--timeout", "2"],
          {
            env: { ...process.env, RINGKV_ADDR: addr },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let stdout = "";
        let stderr = "";
        cli.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        cli.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const renewals = (): number => stdout.split("\n").filter((l) => l.includes("renewed")).length;
        const exited = new Promise<number | null>((resolve) => cli.on("exit", (code) => resolve(code)));
        let renewedBeforeOutage = 0;
        try {
          await waitFor(() => renewals() > 0 || cli.exitCode !== null, {
            timeoutMs: 30_000,
            what: "the CLI's first renewal",
          });
          expect(
            cli.exitCode,
            `the CLI ended early (exit ${cli.exitCode}, signal ${cli.signalCode}); stderr: ${stderr}; stdout: ${stdout}`,
          ).toBeNull();
          // Two of three nodes paused: no group has a quorum, every renewal fails until they resume.
          renewedBeforeOutage = renewals();
          cluster.pause(paused);
          cluster.pause(alsoPaused);
          await waitFor(() => stderr.includes("warning:") || cli.exitCode !== null, {
            timeoutMs: 30_000,
            what: "the CLI to report a failed renewal",
          });
          expect(cli.exitCode, `the CLI gave up; stderr: ${stderr}`).toBeNull();
          expect(stderr).toMatch(/^warning: (NoQuorum|Unavailable|Timeout|NotLeader): .*; retrying$/m);
          cluster.resume(paused);
          cluster.resume(alsoPaused);
          // Past the TTL the lease lives only because the CLI renewed it after the outage.
          await waitFor(
            () =>
              cli.exitCode !== null ||
              (performance.now() > granted + ttlSeconds * 1000 && renewals() > renewedBeforeOutage),
            { timeoutMs: 60_000, what: "renewals by the CLI after the outage, past the TTL" },
          );
          expect(
            cli.exitCode,
            `the CLI ended early (exit ${cli.exitCode}, signal ${cli.signalCode}); stderr: ${stderr}; stdout: ${stdout}`,
          ).toBeNull();
          expect((await client.leaseTimeToLive(id)).ttlSeconds).toBeGreaterThanOrEqual(0);
        } finally {
          cli.kill("SIGINT");
        }
        expect(await exited, `stderr: ${stderr}`).toBe(0);
        expect(renewals()).toBeGreaterThan(renewedBeforeOutage);
        await waitFor(async () => (await client.leaseTimeToLive(id)).ttlSeconds === -1, {
          timeoutMs: KEEP_ALIVE_TTL_S * 1000 + EXPIRY_SLACK_MS,
          what: "the lease to end once the CLI stopped renewing it",
        });
      } finally {
        client.close();
        cluster.resume(paused);
        cluster.resume(alsoPaused);
        await cluster.waitForHealthy();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a lease whose meta leader's node is killed lives until TTL after its last keep-alive, and ends within an election after",
    async () => {
      const cluster = running();
      const leader = await metaLeader(cluster);
      const client = clientOf(cluster.others(leader));
      try {
        const { id } = await client.leaseGrant(TTL_S + 2);
        const renewedFrom = performance.now();
        const { ttlSeconds } = await client.leaseKeepAlive(id);
        await leader.kill("SIGKILL");
        const liveUntil = renewedFrom + ttlSeconds * 1000;
        let answers = 0;
        while (performance.now() < liveUntil) {
          const left = await client.leaseTimeToLive(id).catch(() => null);
          if (left === null || performance.now() >= liveUntil) continue;
          expect(left.ttlSeconds, "a live lease's time left").toBeGreaterThanOrEqual(0);
          answers++;
        }
        expect(answers, "answers from the new meta leader while the lease was live").toBeGreaterThan(0);
        await waitFor(async () => (await client.leaseTimeToLive(id)).ttlSeconds === -1, {
          timeoutMs: EXPIRY_SLACK_MS,
          what: "the lease to expire under the new meta leader",
        });
      } finally {
        client.close();
        await cluster.restart(leader);
        await cluster.waitForHealthy();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "killing the meta leader's node neither expires a lease early nor keeps it forever",
    async () => {
      const cluster = running();
      const leader = await metaLeader(cluster);
      const survivors = cluster.others(leader);
      const client = clientOf(survivors);
      try {
        const keys = keysFor("failover");
        const { id } = await client.leaseGrant(TTL_S + 2);
        await putAll(client, keys, id);
        const renewedFrom = performance.now();
        const { ttlSeconds } = await client.leaseKeepAlive(id);
        await leader.kill("SIGKILL");
        const passes = await expectPresentUntil(client, keys, renewedFrom + ttlSeconds * 1000);
        expect(passes, "reads that succeeded while the lease was live").toBeGreaterThan(0);
        await waitGone(client, keys, EXPIRY_SLACK_MS, "the lease to expire under the new meta leader");
      } finally {
        client.close();
        await cluster.restart(leader);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
