// Killing a node while the cluster forms or changes (issue 14). One node bootstraps 16 shards and
// takes writes on every shard; two nodes join, and one of the joiners is SIGKILLed at a moment
// read off the status JSON: just after its join was answered, while it catches up as a learner,
// and once it was first promoted. Whatever the moment, every shard accepts writes again within
// one failover time (the worst per moment is logged; counted beyond the time one write takes at
// that moment without a fault, measured right after), nothing acknowledged is lost, and no status
// sample ever shows a shard at two voters while three or more members are active — a shard at
// two voters loses its quorum with either of them. The second test does the same while a 4th and
// a 5th node join and one node leaves.
import { describe, expect, it } from "vitest";
import type { StatusJson } from "../../src/api/kv-api.ts";
import {
  keysPerShard,
  lostWrites,
  probeShards,
  ShardWriter,
  StatusSampler,
  WriteLedger,
  writeAll,
} from "./formation.ts";
import {
  Cluster,
  ELECTION_TIMEOUT_MIN_MS,
  type NodeProcess,
  runRingkv,
  showLogsOnFailure,
} from "./harness.ts";
import { waitFor } from "./wait-for.ts";

const SHARDS = 16;
const TEST_TIMEOUT_MS = 240_000;
/**
 * One failover: the election timeout is randomised in [1, 2) × ELECTION_TIMEOUT_MIN_MS, then the
 * new leader's first commit, and the client finding it; one more election timeout of margin for
 * a loaded machine (the test runs beside the rest of the suite on two cores).
 */
const FAILOVER_MS = 3 * ELECTION_TIMEOUT_MIN_MS;
/** How long a probe keeps trying before the shard counts as unavailable. */
const PROBE_TIMEOUT_MS = 30_000;
const SETTINGS = { gossipTickMs: 25, deadMemberTimeoutMs: 5_000 };

type Moment = "joined" | "catch-up" | "promotion";

/** The sample at which `victim` is killed, per moment. */
const AT: Record<Moment, (st: StatusJson, victim: string) => boolean> = {
  joined: () => true,
  "catch-up": (st, victim) => st.shards.some((s) => s.learners.includes(victim)),
  promotion: (st, victim) => st.shards.some((s) => s.replicas.includes(victim)),
};

let cluster: Cluster | undefined;
showLogsOnFailure(() => cluster, 30);

async function settled(via: NodeProcess, voters: number, timeoutMs = 120_000): Promise<StatusJson> {
  return waitFor(
    async () => {
      const st = await via.status(3000, "cluster");
      const bad = st.shards.find((s) => s.leader === "" || s.moving || s.replicas.length !== voters);
      if (bad || st.shards.length !== SHARDS)
        throw new Error(bad ? `shard ${bad.id}: ${bad.replicas} +${bad.learners} → ${bad.target}` : "shards");
      return st;
    },
    { timeoutMs, what: `every shard on ${voters} voters`, intervalMs: 200 },
  );
}

function summary(recoveryMs: readonly number[]): string {
  const sorted = [...recoveryMs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return `worst ${Math.round(sorted.at(-1)!)} ms, median ${at(0.5)} ms`;
}

/** Fresh keys for the probes of one test: after the fault, and the no-fault baseline. */
async function probeKeySets(tag: string): Promise<{ fault: string[][]; baseline: string[][] }> {
  return {
    fault: await keysPerShard(SHARDS, 64, `${tag}-probe`),
    baseline: await keysPerShard(SHARDS, 64, `${tag}-base`),
  };
}

/**
 * After a fault at `faultAt`: how long each shard took to accept a write again, and — measured
 * right after, on the same cluster and machine — how long one write per shard takes without a
 * fault (the baseline). Returns the shards that took longer than one failover plus the baseline:
 * on a loaded machine every write is slow, and that is not what is tested here.
 */
async function slowRecoveries(options: {
  readonly label: string;
  readonly addresses: readonly string[];
  readonly keys: { fault: string[][]; baseline: string[][] };
  readonly faultAt: number;
  readonly ledger: WriteLedger;
}): Promise<string[]> {
  const common = { addresses: options.addresses, timeoutMs: PROBE_TIMEOUT_MS, ledger: options.ledger };
  const fault = await probeShards({
    ...common,
    keys: options.keys.fault,
    faultAt: options.faultAt,
    tag: "probe",
  });
  const base = await probeShards({
    ...common,
    keys: options.keys.baseline,
    faultAt: performance.now(),
    tag: "base",
  });
  const baselineMs = Math.max(...base.recoveryMs);
  console.log(
    `${options.label}: every shard wrote again, ${summary(fault.recoveryMs)} ` +
      `(no-fault baseline right after: ${summary(base.recoveryMs)})`,
  );
  if (fault.errors.size > 0)
    console.log(`failed probe writes: ${JSON.stringify([...fault.errors].slice(0, 40))}`);
  return fault.recoveryMs.flatMap((ms, shard) =>
    ms > FAILOVER_MS + baselineMs
      ? [`shard ${shard}: ${Math.round(ms)} ms (baseline ${Math.round(baselineMs)} ms)`]
      : [],
  );
}

describe("a joiner killed during up-replication", () => {
  for (const moment of ["joined", "catch-up", "promotion"] as const) {
    it(
      `killed at "${moment}": every shard writes again within one failover, nothing acknowledged is lost, no shard at two voters`,
      async () => {
        const c = await Cluster.create({
          name: `formation-${moment}`,
          size: 3,
          shards: SHARDS,
          settings: SETTINGS,
        });
        cluster = c;
        try {
          const [n1, n2, n3] = c.nodes as [NodeProcess, NodeProcess, NodeProcess];
          const ledger = new WriteLedger();
          await n1.start("bootstrap");
          await settled(n1, 1);
          const keys = await keysPerShard(SHARDS, 24, `${moment}-k`);
          const probeKeys = await probeKeySets(moment);
          await writeAll([n1.advertise], keys.flat(), "preload", ledger);

          const sampler = new StatusSampler(() => n1);
          const writer = new ShardWriter({ addresses: [n1.advertise], keys, ledger, tag: "during" });
          const joined = [c.join(n2, n1), c.join(n3, n1)];
          // Killed mid catch-up or at promotion, n3 may not have logged "listening" yet (its HTTP
          // port opens once it has the cluster config): its start then fails, as it should.
          const n3Started = joined[1]!.then(
            () => null,
            (e: unknown) => e,
          );
          if (moment === "joined") {
            const failed = await n3Started;
            if (failed !== null) throw failed;
          } else await sampler.next((st) => AT[moment](st, n3.id), 60_000, `${n3.id} at "${moment}"`);
          const faultAt = performance.now();
          await n3.kill("SIGKILL");
          const stuck = await slowRecoveries({
            label: `killed ${n3.id} at "${moment}"`,
            addresses: [n1.advertise, n2.advertise],
            keys: probeKeys,
            faultAt,
            ledger,
          });
          await joined[0];
          await writer.stop();
          await sampler.stop();
          expect(stuck, "shards that took longer than one failover to write again").toEqual([]);
          expect(await lostWrites([n1.advertise, n2.advertise], ledger)).toEqual([]);
          expect(sampler.samples.length).toBeGreaterThan(0);
          expect(sampler.problems.slice(0, 5)).toEqual([]);
        } finally {
          await c.teardown();
        }
      },
      TEST_TIMEOUT_MS,
    );
  }
});

describe("a joiner killed while a 4th and 5th node join and one node leaves", () => {
  it(
    "every shard writes again within one failover, the leave completes, nothing acknowledged is lost, no shard at two voters",
    async () => {
      const c = await Cluster.create({ name: "churn-kill", size: 5, shards: SHARDS, settings: SETTINGS });
      cluster = c;
      try {
        const [n1, n2, n3, n4, n5] = c.nodes as [
          NodeProcess,
          NodeProcess,
          NodeProcess,
          NodeProcess,
          NodeProcess,
        ];
        const ledger = new WriteLedger();
        await n1.start("bootstrap");
        await c.join(n2, n1);
        await c.join(n3, n1);
        await settled(n1, 3);
        const keys = await keysPerShard(SHARDS, 24, "churn-k");
        const probeKeys = await probeKeySets("churn");
        await writeAll([n1.advertise], keys.flat(), "preload", ledger);

        const sampler = new StatusSampler(() => n1);
        const writer = new ShardWriter({
          addresses: [n1.advertise, n3.advertise],
          keys,
          ledger,
          tag: "during",
        });
        // n4 is killed at its first promotion, possibly before its start has seen it listening.
        const joins = Promise.all([c.join(n4, n1).catch(() => "killed while starting"), c.join(n5, n1)]);
        const leave = runRingkv(["leave", n2.id, "--addr", n3.advertise], 180_000);
        await sampler.next((st) => AT.promotion(st, n4.id), 60_000, `${n4.id} promoted somewhere`);
        const faultAt = performance.now();
        await n4.kill("SIGKILL");
        const survivors = [n1.advertise, n3.advertise, n5.advertise];
        const stuck = await slowRecoveries({
          label: `killed ${n4.id} while n4, n5 joined and n2 left`,
          addresses: survivors,
          keys: probeKeys,
          faultAt,
          ledger,
        });
        await joins;
        const left = await leave;
        await writer.stop();
        await sampler.stop();
        expect(stuck, "shards that took longer than one failover to write again").toEqual([]);
        expect(left.code, left.stderr).toBe(0);
        expect(await lostWrites(survivors, ledger)).toEqual([]);
        expect(sampler.problems.slice(0, 5)).toEqual([]);
      } finally {
        await c.teardown();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
