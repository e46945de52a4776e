// Leader failures under load (shared/DESIGN.md §6): a SIGKILLed leader is replaced within
// seconds and loses nothing that was acknowledged; a SIGSTOPped leader is replaced, and once it
// runs again it steps down instead of serving stale reads. Every client operation is recorded and
// the whole history must pass the linearizability checker.
import { describe, expect, it } from "vitest";
import { RingkvClient } from "../../src/client/index.ts";
import { HistoryRecorder } from "../support/history.ts";
import { addressesFrom, expectLinearizable, workloadSeed } from "./check.ts";
import { type NodeProcess, useCluster } from "./harness.ts";
import { httpRequest } from "./http.ts";
import { waitFor } from "./wait-for.ts";
import { READ_ONLY_MIX, READ_WRITE_MIX, READER_OPS_MAX, readAll, Workload } from "./workload.ts";

const TEST_TIMEOUT_MS = 180_000;
/** The promise under test: a new leader serves within this long after the old one dies. */
const FAILOVER_MS_MAX = 3000;

const running = useCluster({ name: "failover", shards: 1 }, TEST_TIMEOUT_MS);

const encoder = new TextEncoder();

/**
 * Write through each of `nodes` (only that node, one attempt, a fresh key per attempt so unknown
 * outcomes stay cheap to check) until one write succeeds; returns when, as performance.now().
 * Every attempt is recorded as client `clientId`. Acknowledged probe writes are returned too, to
 * be read back later.
 */
async function firstWriteThrough(
  nodes: readonly NodeProcess[],
  recorder: HistoryRecorder,
  clientId: number,
): Promise<{ at: number; through: string; acknowledged: Map<string, string> }> {
  const acknowledged = new Map<string, string>();
  const clients = nodes.map(
    (n) => new RingkvClient({ addresses: [n.advertise], deadlineMs: 1000, retry: { attemptsMax: 1 } }),
  );
  let attempt = 0;
  try {
    return await waitFor(
      async () => {
        const tries = clients.map(async (client, i) => {
          const key = `probe-${nodes[i]!.id}-${attempt++}`;
          const value = `probe-value-${key}`;
          const id = recorder.invoke(clientId, key, { kind: "put", value });
          try {
            await client.put(encoder.encode(key), encoder.encode(value));
          } catch {
            recorder.timeout(id);
            return null;
          }
          recorder.complete(id, { kind: "put" });
          acknowledged.set(key, value);
          return { at: performance.now(), through: nodes[i]!.id };
        });
        const done = (await Promise.all(tries)).filter((t) => t !== null);
        return done.sort((a, b) => a.at - b.at)[0] ?? null;
      },
      {
        timeoutMs: 30_000,
        what: `a write through ${nodes.map((n) => n.id).join(" or ")} to succeed`,
        intervalMs: 20,
      },
    ).then((first) => ({ ...first, acknowledged }));
  } finally {
    for (const c of clients) c.close();
  }
}

describe("leader failures under load", () => {
  it(
    "SIGKILL of the leader: a new leader serves within 3 s, no acknowledged write is lost, the history is linearizable, the killed node catches up",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const survivors = c.others(leader);
      const seed = workloadSeed();
      const recorder = new HistoryRecorder(() => performance.now());
      const keys = Array.from({ length: 8 }, (_, i) => `kill-${i}`);
      const workload = Workload.start({
        recorder,
        clients: Array.from({ length: 5 }, (_, i) => ({
          addresses: addressesFrom(c.nodes, i),
          mix: READ_WRITE_MIX,
        })),
        keys,
        valuePrefix: "kill-",
        opsPerClientMax: 400,
        durationMsMax: 90_000,
        seed,
      });
      try {
        await waitFor(() => workload.acknowledgedWrites >= 40, {
          timeoutMs: 30_000,
          what: "40 acknowledged writes before the kill",
        });

        const killedAt = performance.now();
        const exit = await leader.kill("SIGKILL");
        expect(exit.signal).toBe("SIGKILL");
        const probe = await firstWriteThrough(survivors, recorder, 100);
        const failoverMs = Math.round(probe.at - killedAt);
        console.log(
          `failover: ${leader.id} SIGKILLed; first write acknowledged through ${probe.through} after ${failoverMs} ms (seed ${seed})`,
        );
        expect(failoverMs).toBeLessThanOrEqual(FAILOVER_MS_MAX);

        // The load goes on against the new leader for a while before it stops.
        await waitFor(() => workload.writesAckedAfter(probe.at) >= 40, {
          timeoutMs: 60_000,
          what: "40 acknowledged writes after the failover",
        });
        const report = await workload.stop();
        console.log(`SIGKILL workload: ${JSON.stringify(report)}`);

        // Every key read back linearizably through a survivor, probe keys included: each
        // acknowledged probe must read back as written.
        const reader = new RingkvClient({ addresses: survivors.map((n) => n.advertise) });
        let finals: Map<string, string | null>;
        try {
          finals = await readAll(recorder, reader, keys, 200);
          const probes = await readAll(recorder, reader, [...probe.acknowledged.keys()], 200);
          for (const [key, value] of probe.acknowledged) expect(probes.get(key), key).toBe(value);
        } finally {
          reader.close();
        }
        expectLinearizable(recorder.operations(), "SIGKILL history");

        // The killed node comes back from its data directory and catches up: it applies the
        // leader's commit index, and its local (stale) reads show the final values.
        await c.restart(leader);
        const goal = await c.waitForConvergence({ timeoutMs: 60_000 });
        const restarted = (await leader.status()).shards[0]!;
        expect(restarted.appliedIndex).toBe(goal);
        for (const key of keys) {
          const r = await httpRequest(leader.http, { path: `/v1/kv/${key}?consistency=stale` });
          const local = r.status === 404 ? null : r.body.toString();
          expect(local, `${key} on the restarted ${leader.id}`).toBe(finals.get(key));
        }
      } finally {
        await workload.stop();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "SIGSTOP of the leader: the others elect a new one, the old one steps down after SIGCONT, and reads through every node stay linearizable",
    async () => {
      const c = running();
      const leader = await c.reviveAll();
      const others = c.others(leader);
      const seed = workloadSeed();
      const recorder = new HistoryRecorder(() => performance.now());
      const keys = Array.from({ length: 8 }, (_, i) => `stop-${i}`);
      // Writers go through the two others; one reader per node, the paused leader included.
      const writers = Array.from({ length: 4 }, (_, i) => ({
        addresses: addressesFrom(others, i),
        mix: READ_WRITE_MIX,
      }));
      const readers = c.nodes.map((n) => ({
        addresses: [n.advertise],
        mix: READ_ONLY_MIX,
        opsMax: READER_OPS_MAX,
      }));
      const oldLeaderReader = writers.length + c.nodes.indexOf(leader);
      const workload = Workload.start({
        recorder,
        clients: [...writers, ...readers],
        keys,
        valuePrefix: "stop-",
        opsPerClientMax: 500,
        durationMsMax: 90_000,
        seed,
      });
      try {
        await waitFor(
          () => workload.acknowledgedWrites >= 30 && workload.readsAckedAfter(0, oldLeaderReader) >= 5,
          {
            timeoutMs: 30_000,
            what: "30 acknowledged writes and 5 reads through the leader before the pause",
          },
        );

        c.pause(leader);
        const pausedAt = performance.now();
        const successor = await c.waitForLeader({ among: others, timeoutMs: 30_000 });
        expect(successor.id).not.toBe(leader.id);
        console.log(
          `SIGSTOP: ${successor.id} leads ${Math.round(performance.now() - pausedAt)} ms after ${leader.id} was paused`,
        );
        await waitFor(() => workload.writesAckedAfter(pausedAt) >= 30, {
          timeoutMs: 60_000,
          what: "30 writes acknowledged through the others while the leader is paused",
        });

        const resumeFrom = leader.lines.length;
        c.resume(leader);
        const resumedAt = performance.now();
        // It learns of the higher term and steps down: the log says so, and so does its status.
        const stepDown = await leader.waitForLog(
          (l) => l.json?.["msg"] === "raft role" && l.json["role"] === "follower",
          { from: resumeFrom, timeoutMs: 30_000, what: `${leader.id} to log that it is a follower again` },
        );
        expect(stepDown.json?.["term"]).toBeGreaterThan(0);
        await waitFor(async () => (await leader.status()).shards[0]?.leader === successor.id, {
          timeoutMs: 30_000,
          what: `${leader.id}'s status to name ${successor.id} as the leader`,
        });
        // Reads through the old leader after it runs again are part of the checked history.
        await waitFor(() => workload.readsAckedAfter(resumedAt, oldLeaderReader) >= 5, {
          timeoutMs: 60_000,
          what: `5 reads through ${leader.id} after SIGCONT`,
        });
        const report = await workload.stop();
        console.log(`SIGSTOP workload: ${JSON.stringify(report)}`);

        const reader = new RingkvClient({ addresses: c.nodes.map((n) => n.advertise) });
        try {
          await readAll(recorder, reader, keys, 200);
        } finally {
          reader.close();
        }
        expectLinearizable(recorder.operations(), "SIGSTOP history");
        await c.waitForHealthy();
      } finally {
        if (leader.paused) c.resume(leader);
        await workload.stop();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
