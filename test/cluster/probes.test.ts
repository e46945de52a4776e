// /health and /ready on a real cluster (issue 11 §8): both answer 200 on a healthy cluster (and to
// HEAD, as load balancers probe); a conditional DELETE through a follower is decided by Raft; and
// once a shard loses its quorum, /ready turns 503 naming the leaderless shards while /health on
// the surviving node stays 200 — the process, its storage and its membership are fine.
import { describe, expect, it } from "vitest";
import { useCluster } from "./harness.ts";
import { errorCode, httpRequest } from "./http.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 180_000;
const SHARDS = 2;

const running = useCluster({ name: "probes", shards: SHARDS }, TEST_TIMEOUT_MS);

/** A Prometheus sample's value, or undefined when the series is absent. */
function sample(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : undefined;
}

describe("health and readiness probes on a real cluster", { timeout: TEST_TIMEOUT_MS }, () => {
  it("every node is healthy and ready, to GET and to HEAD", async () => {
    for (const node of running().nodes) {
      const health = await httpRequest(node.http, { path: "/health" });
      expect(health.status).toBe(200);
      expect(health.json).toEqual({
        ok: true,
        node: node.id,
        checks: { process: true, storage: true, member: true },
      });
      const ready = await waitFor(
        async () => {
          const reply = await httpRequest(node.http, { path: "/ready" });
          return reply.status === 200 ? reply : null;
        },
        { what: `${node.id} ready`, timeoutMs: 30_000, intervalMs: 200 },
      );
      expect(ready.json).toEqual({ ready: true, shards: SHARDS, leaderless: [] });
      const head = await httpRequest(node.http, { method: "HEAD", path: "/ready" });
      expect([head.status, head.body.byteLength]).toEqual([200, 0]);
      expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
    }
  });

  it("a DELETE with a stale If-Match is refused with 412 by the shard; the current version deletes", async () => {
    // Through every node in turn: whichever leads the key's shard, the others forward.
    for (const node of running().nodes) {
      const path = `/v1/kv/guarded-${node.id}`;
      const first = (await httpRequest(node.http, { method: "PUT", path, body: "a" })).json as {
        version: number;
      };
      const second = (await httpRequest(node.http, { method: "PUT", path, body: "b" })).json as {
        version: number;
      };
      const stale = await httpRequest(node.http, {
        method: "DELETE",
        path,
        headers: { "if-match": String(first.version) },
      });
      expect([stale.status, errorCode(stale)]).toEqual([412, "VersionMismatch"]);
      expect((await httpRequest(node.http, { path })).body.toString()).toBe("b");
      const current = await httpRequest(node.http, {
        method: "DELETE",
        path,
        headers: { "if-match": String(second.version) },
      });
      expect([current.status, current.json]).toEqual([200, { deleted: true }]);
      expect((await httpRequest(node.http, { path })).status).toBe(404);
    }
  });

  it("the operator's series are on /metrics and have moved", async () => {
    const [n1] = running().nodes;
    const text = (await httpRequest(n1!.http, { path: "/metrics" })).body.toString();
    expect(sample(text, /^ringkv_wal_fsync_duration_seconds_count\{[^}]*\} (\d+)$/m)).toBeGreaterThan(0);
    expect(sample(text, /^ringkv_raft_has_leader\{[^}]*group="shard-0"[^}]*\} (\d+)$/m)).toBe(1);
    expect(sample(text, /^ringkv_gossip_members\{[^}]*state="alive"[^}]*\} (\d+)$/m)).toBe(3);
    expect(text).toMatch(/^process_resident_memory_bytes[ {]/m);
    // The writes above took revisions from the meta leader's oracle: its node counted the batches.
    let batches = 0;
    for (const node of running().nodes) {
      const scraped = (await httpRequest(node.http, { path: "/metrics" })).body.toString();
      for (const served of ["lease", "round"]) {
        const re = new RegExp(
          `^ringkv_revision_batches_total\\{[^}]*served="${served}"[^}]*\\} (\\d+)$`,
          "m",
        );
        batches += sample(scraped, re) ?? 0;
      }
      expect(scraped).toMatch(/^ringkv_stale_revision_retries_total[ {]/m);
      expect(scraped).toMatch(/^ringkv_follower_reads_total\{[^}]*outcome="served"/m);
    }
    expect(batches).toBeGreaterThan(0);
  });

  it("with quorum lost, /ready turns 503 listing the leaderless shards; /health stays 200", async () => {
    const cluster = running();
    const [n1, n2, n3] = cluster.nodes;
    await n2!.kill("SIGKILL");
    await n3!.kill("SIGKILL");
    // CheckQuorum: a leader that hears from no majority steps down within an election timeout.
    const notReady = await waitFor(
      async () => {
        // Each shard's leader steps down on its own election-timeout schedule: wait for both.
        const reply = await httpRequest(n1!.http, { path: "/ready", timeoutMs: 10_000 });
        const leaderless = (reply.json as { leaderless?: number[] } | null)?.leaderless ?? [];
        return reply.status === 503 && leaderless.length === SHARDS ? reply : null;
      },
      { what: "n1's /ready to turn 503 for every shard", timeoutMs: 60_000, intervalMs: 250 },
    );
    const body = notReady.json as { ready: boolean; leaderless: number[]; reason: string };
    expect(body.ready).toBe(false);
    expect(body.leaderless).toEqual([0, 1]);
    expect(body.reason).toContain(`2 of ${SHARDS} shard(s) have no leader`);
    const health = await httpRequest(n1!.http, { path: "/health", timeoutMs: 10_000 });
    expect(health.status).toBe(200);
  });

  it("with quorum lost, a key request answers 503 naming the shard and why, not the transport's words", async () => {
    const n1 = running().nodes[0]!;
    // Once n1's gossip has declared n2 and n3 dead, it knows (not guesses) that the quorum is gone.
    await waitFor(
      async () =>
        (await n1.status(3_000)).members.filter((m) => m.id !== "n1").every((m) => m.state === "dead"),
      { what: "n1's gossip to declare n2 and n3 dead", timeoutMs: 60_000, intervalMs: 250 },
    );
    for (const spec of [
      { method: "GET", path: "/v1/kv/greeting" },
      { method: "PUT", path: "/v1/kv/greeting", body: "hello" },
    ]) {
      const reply = await httpRequest(n1.http, { ...spec, timeoutMs: 10_000 });
      const message = (reply.json as { error?: { message?: string } } | undefined)?.error?.message ?? "";
      console.log(`quorum lost, HTTP ${spec.method}: ${reply.status} ${errorCode(reply)} ${message}`);
      expect(reply.status).toBe(503);
      expect(errorCode(reply)).toBe("NoQuorum");
      expect(message).toMatch(/^shard [01] has no quorum: 1 of 3 voters reachable \(n2, n3 unreachable\); /);
      expect(message).not.toMatch(/shard-\d|ECONNREFUSED|No connection established|LB pick|remote_addr/);
    }
  });
});
