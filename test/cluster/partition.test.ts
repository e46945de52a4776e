// Network partitions through the fault proxies (proxy.ts): a node cut off in both directions
// falls behind while the majority keeps serving and catches up once healed; a partitioned
// leader is replaced by the majority and steps down on its own (CheckQuorum). Clients talk to
// every node directly, the cut-off one included, and the history must stay linearizable: a
// node on the wrong side of a partition must not answer a linearizable read from stale state.
import { describe, expect, it } from "vitest";
import { RingkvClient } from "../../src/client/index.ts";
import { HistoryRecorder } from "../support/history.ts";
import { expectLinearizable, workloadSeed } from "./check.ts";
import { type Cluster, type NodeProcess, useCluster } from "./harness.ts";
import { waitFor } from "./wait-for.ts";
import { READ_ONLY_MIX, READ_WRITE_MIX, READER_OPS_MAX, readAll, Workload } from "./workload.ts";

const TEST_TIMEOUT_MS = 180_000;

const running = useCluster({ name: "partition", proxies: true, shards: 1 }, TEST_TIMEOUT_MS);

/**
 * Writers through `writeThrough` (their listen addresses, bypassing the proxies), and one
 * reader per node through that node alone. Returns the workload and each node's reader index.
 */
function startWorkload(
  c: Cluster,
  writeThrough: readonly NodeProcess[],
  recorder: HistoryRecorder,
  prefix: string,
): { workload: Workload; keys: string[]; readerOf: (node: NodeProcess) => number } {
  const keys = Array.from({ length: 8 }, (_, i) => `${prefix}-${i}`);
  const writers = Array.from({ length: 4 }, (_, i) => {
    const first = i % writeThrough.length;
    const ordered = [...writeThrough.slice(first), ...writeThrough.slice(0, first)];
    return { addresses: ordered.map((n) => n.listen), mix: READ_WRITE_MIX };
  });
  const readers = c.nodes.map((n) => ({ addresses: [n.listen], mix: READ_ONLY_MIX, opsMax: READER_OPS_MAX }));
  const workload = Workload.start({
    recorder,
    clients: [...writers, ...readers],
    keys,
    valuePrefix: `${prefix}-`,
    opsPerClientMax: 500,
    durationMsMax: 120_000,
    seed: workloadSeed(),
  });
  return { workload, keys, readerOf: (node) => writers.length + c.nodes.indexOf(node) };
}

/** Connections the proxies of the nodes other than `node` refused or severed so far. */
function droppedByOthers(c: Cluster, node: NodeProcess): number {
  return c
    .others(node)
    .reduce((sum, n) => sum + (n.proxy?.stats.refused ?? 0) + (n.proxy?.stats.severed ?? 0), 0);
}

async function appliedIndex(node: NodeProcess): Promise<number> {
  return (await node.status()).shards[0]?.appliedIndex ?? -1;
}

async function finishAndCheck(
  c: Cluster,
  workload: Workload,
  recorder: HistoryRecorder,
  keys: string[],
  label: string,
) {
  const report = await workload.stop();
  console.log(`${label} workload: ${JSON.stringify(report)}`);
  const goal = await c.waitForConvergence({ timeoutMs: 60_000 });
  console.log(`${label}: every node applied index ${goal}`);
  const reader = new RingkvClient({ addresses: c.nodes.map((n) => n.listen) });
  try {
    await readAll(recorder, reader, keys, 200);
  } finally {
    reader.close();
  }
  expectLinearizable(recorder.operations(), `${label} history`);
}

describe("network partitions", () => {
  it(
    "a partitioned follower falls behind, never becomes a candidate, and converges once healed",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const [follower, other] = c.others(leader) as [NodeProcess, NodeProcess];
      const recorder = new HistoryRecorder(() => performance.now());
      const { workload, keys, readerOf } = startWorkload(c, [leader, other], recorder, "fpart");
      try {
        await waitFor(() => workload.acknowledgedWrites >= 20, {
          timeoutMs: 30_000,
          what: "20 writes before the cut",
        });

        const cutFrom = follower.lines.length;
        const droppedBefore = droppedByOthers(c, follower);
        c.partition(follower);
        const cutAt = performance.now();
        // Its election timer runs out: it tries a pre-vote, which it cannot win.
        await follower.waitForLog(
          (l) => l.json?.["msg"] === "raft role" && l.json["role"] === "pre-candidate",
          {
            from: cutFrom,
            timeoutMs: 30_000,
            what: `${follower.id} to start a pre-vote while partitioned`,
          },
        );
        await waitFor(() => workload.writesAckedAfter(cutAt) >= 30, {
          timeoutMs: 60_000,
          what: "30 writes acknowledged by the majority during the partition",
        });
        // The partition is real: the follower applied nothing of what the majority committed
        // meanwhile, and connections to it were refused.
        const behind = await appliedIndex(follower);
        const commit = (await leader.status()).shards[0]!.commitIndex;
        expect(behind).toBeLessThan(commit);
        expect(follower.proxy!.stats.refused).toBeGreaterThan(0);
        // Both ways: the other proxies dropped the connections the follower opened.
        expect(droppedByOthers(c, follower)).toBeGreaterThan(droppedBefore);
        // With PreVote, a node that can reach nobody never wins a pre-vote, so it never bumps its
        // term as a candidate, and cannot disrupt the leader when it comes back.
        const campaigns = follower.lines
          .slice(cutFrom)
          .filter((l) => l.json?.["msg"] === "raft role" && l.json["role"] === "candidate");
        expect(campaigns.map((l) => l.text)).toEqual([]);

        c.heal(follower);
        const healedAt = performance.now();
        await waitFor(() => workload.readsAckedAfter(healedAt, readerOf(follower)) >= 3, {
          timeoutMs: 60_000,
          what: `reads through ${follower.id} to succeed again after healing`,
        });
        await waitFor(async () => (await appliedIndex(follower)) > commit, {
          timeoutMs: 60_000,
          what: `${follower.id} to apply what it missed`,
        });
        await finishAndCheck(c, workload, recorder, keys, "follower partition");
      } finally {
        c.heal(follower);
        await workload.stop();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a partitioned leader is replaced by the majority and steps down (CheckQuorum); after healing it converges",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const others = c.others(leader);
      const recorder = new HistoryRecorder(() => performance.now());
      const { workload, keys, readerOf } = startWorkload(c, others, recorder, "lpart");
      try {
        await waitFor(
          () => workload.acknowledgedWrites >= 20 && workload.readsAckedAfter(0, readerOf(leader)) >= 3,
          {
            timeoutMs: 30_000,
            what: "20 writes and 3 reads through the leader before the cut",
          },
        );

        const cutFrom = leader.lines.length;
        const termBefore = (await leader.status()).shards[0]!.term;
        c.partition(leader);
        const cutAt = performance.now();
        const successor = await c.waitForLeader({ among: others, timeoutMs: 30_000 });
        expect(successor.id).not.toBe(leader.id);
        const electedMs = Math.round(performance.now() - cutAt);
        // The old leader hears from no quorum, so it steps down by itself within an election
        // timeout or so, without hearing of the new term.
        // Shard 0's own step-down: the meta group, led here too, may step down first.
        const stepDown = await leader.waitForLog(
          (l) =>
            l.json?.["msg"] === "raft role" && l.json["group"] === "shard-0" && l.json["role"] !== "leader",
          { from: cutFrom, timeoutMs: 30_000, what: `${leader.id} to step down while partitioned` },
        );
        // In its own term: no message of the new term can reach it, so this is CheckQuorum.
        expect(stepDown.json?.["term"]).toBe(termBefore);
        const status = await leader.status();
        expect(status.shards[0]?.leader).not.toBe(leader.id);
        console.log(
          `leader partition: ${successor.id} elected ${electedMs} ms after the cut; ${leader.id} stepped down to ` +
            `${stepDown.json?.["role"]} in term ${stepDown.json?.["term"]}`,
        );
        await waitFor(() => workload.writesAckedAfter(cutAt) >= 30, {
          timeoutMs: 60_000,
          what: "30 writes acknowledged by the new majority",
        });

        const campaigns = leader.lines
          .slice(cutFrom)
          .filter((l) => l.json?.["msg"] === "raft role" && l.json["role"] === "candidate");
        expect(campaigns.map((l) => l.text)).toEqual([]);

        c.heal(leader);
        const healedAt = performance.now();
        await waitFor(() => workload.readsAckedAfter(healedAt, readerOf(leader)) >= 3, {
          timeoutMs: 60_000,
          what: `reads through ${leader.id} to succeed again after healing`,
        });
        await finishAndCheck(c, workload, recorder, keys, "leader partition");
        // Healed, it agrees on the leader with the others (leader balancing may even hand
        // leadership back to it, as the shard's preferred leader: that is a transfer, not a fight).
        await waitFor(
          async () => {
            const views = await Promise.all(
              [leader, ...others].map(async (n) => (await n.status()).shards[0]?.leader),
            );
            return views[0] && views.every((v) => v === views[0]) ? true : null;
          },
          { timeoutMs: 30_000, what: `${leader.id} to agree on the leader after healing` },
        );
      } finally {
        c.heal(leader);
        await workload.stop();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
