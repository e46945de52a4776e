// Membership as the user meets it (issue 14 "also seen", issue 11 gaps), with real processes:
// a join for an address where nothing listens is refused; a joining node opens its client HTTP
// port only once it can route; the client port refuses requests over the client limit and
// malformed bytes with ringkv codes; `ringkv leave` waits for the outcome while a node that
// leads shards is killed and restarted.
import { readFileSync } from "node:fs";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RingkvClient } from "../../src/client/index.ts";
import { encodeKv, RawKvClient } from "./grpc-raw.ts";
import { Cluster, freePort, type NodeProcess, runRingkv, showLogsOnFailure } from "./harness.ts";
import { httpRequest } from "./http.ts";
import { waitFor } from "./wait-for.ts";

const MiB = 1024 * 1024;

/** Resident set size of a process, in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) / 1024);
}

describe("membership honesty", { timeout: 600_000 }, () => {
  let cluster: Cluster | undefined;
  showLogsOnFailure(() => cluster);
  const c = (): Cluster => {
    if (!cluster) throw new Error("the cluster did not start");
    return cluster;
  };
  const node = (id: string): NodeProcess => c().node(id);

  beforeAll(async () => {
    cluster = await Cluster.create({ name: "members", size: 4, shards: 8 });
    const [n1, n2, n3] = [node("n1"), node("n2"), node("n3")];
    await n1.start("bootstrap");
    await c().waitForLeader({ among: [n1], timeoutMs: 30_000 });
    for (const n of [n2, n3]) await c().join(n, n1);
    await waitFor(
      async () => {
        const st = await n1.status(3_000, "cluster");
        return st.shards.length === 8 && st.shards.every((s) => s.replicas.length === 3 && s.leader !== "");
      },
      { timeoutMs: 180_000, what: "every shard on three voters with a leader" },
    );
  }, 300_000);

  afterAll(async () => {
    await cluster?.teardown();
  }, 60_000);

  test("a join for an address where nothing listens fails, and nothing is placed on it", async () => {
    const n1 = node("n1");
    const ghostAddr = `127.0.0.1:${await freePort()}`;
    const client = new RingkvClient({ addresses: [n1.advertise] });
    try {
      const error = await client.join({ id: "ghost", addr: ghostAddr, http: "" }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/ghost did not answer at 127\.0\.0\.1:\d+ .*it was not added/);
    } finally {
      client.close();
    }
    const st = await n1.status(3_000, "cluster");
    expect(st.members.map((m) => m.id).sort()).toEqual(["n1", "n2", "n3"]);
    expect(st.shards.every((s) => ![...s.replicas, ...s.learners].includes("ghost"))).toBe(true);
  });

  test("a join whose address answers as another node is refused", async () => {
    const client = new RingkvClient({ addresses: [node("n1").advertise] });
    try {
      await expect(client.join({ id: "n9", addr: node("n2").advertise, http: "" })).rejects.toThrow(
        /answers as n2, not n9/,
      );
    } finally {
      client.close();
    }
  });

  test("a joining node's first HTTP answer routes: no 503 'has not learned the cluster config'", async () => {
    const [n1, n4] = [node("n1"), node("n4")];
    n4.spawn({ join: n1.advertise });
    // The first answer of any kind, as a load balancer polling the port would get it.
    const first = await waitFor(
      async () => httpRequest(n4.http, { path: "/v1/kv/never-written", timeoutMs: 10_000 }),
      { timeoutMs: 120_000, intervalMs: 20, what: "n4's HTTP port to answer" },
    );
    expect([first.status, first.body.toString()]).toEqual([404, expect.any(String)]);
    expect(first.body.toString()).not.toMatch(/has not learned the cluster config/);
    await n4.waitForLog((l) => l.json?.["msg"] === "joined the cluster", {
      timeoutMs: 60_000,
      what: "n4 to join",
    });
  });

  test("the client port refuses eight concurrent 31 MiB puts quickly, and malformed bytes, and keeps serving", async () => {
    const n1 = node("n1");
    const pid = n1.pid;
    if (pid === null) throw new Error("n1 is not running");
    const raws = Array.from({ length: 8 }, () => new RawKvClient(n1.advertise));
    try {
      // One warm-up call per channel, so the measurement is of the big messages, not connections.
      for (const raw of raws) await raw.call("Get", encodeKv("GetRequest", { key: Buffer.from("warm") }));
      const before = rssMiB(pid);
      const big = encodeKv("PutRequest", { key: Buffer.from("big"), value: Buffer.alloc(31 * MiB, 1) });
      const started = performance.now();
      const answers = await Promise.all(raws.map((raw) => raw.call("Put", big, 60_000)));
      const tookMs = Math.round(performance.now() - started);
      const after = rssMiB(pid);
      console.log(`eight concurrent 31 MiB puts: refused in ${tookMs} ms; n1 RSS ${before} → ${after} MiB`);
      for (const a of answers) {
        // Refused from the length prefix, before the message is read (grpc-message-limit.ts).
        expect(a.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
        expect(a.details).toMatch(/^request of \d+ bytes is over the client limit of \d+ bytes$/);
      }
      // Not buffered: eight 31 MiB messages read in full would add ~250 MiB.
      expect(after - before).toBeLessThan(64);
      const garbage = await raws[0]!.call("Put", Buffer.from([0x0a, 0x10, 0x01]));
      expect([garbage.code, garbage.ringkvCode]).toEqual([grpc.status.INVALID_ARGUMENT, "InvalidArgument"]);
    } finally {
      for (const raw of raws) raw.close();
    }
    const client = new RingkvClient({ addresses: [n1.advertise] });
    try {
      expect((await client.put("after-big", "ok")).version).toBeGreaterThan(0);
    } finally {
      client.close();
    }
  });

  test("`ringkv leave` waits until the member is gone while a node leading shards is killed and restarted", async () => {
    const [n1, n2, n3] = [node("n1"), node("n2"), node("n3")];
    const addrs = [n1, n2, n3].map((n) => n.advertise).join(",");
    // n4 holds replicas first, so the leave has replicas to move.
    await waitFor(
      async () => {
        const st = await n1.status(3_000, "cluster");
        return st.shards.some((s) => s.replicas.includes("n4")) && st.shards.every((s) => !s.moving);
      },
      { timeoutMs: 180_000, what: "n4 to hold replicas, and placement settled" },
    );
    const before = await n1.status(3_000, "cluster");
    const led = before.shards.filter((s) => s.leader === "n2").map((s) => s.id);
    const leave = runRingkv(["leave", "n4", "--addr", addrs], 200_000);
    // Churn while the replicas move: n2, a shard leader (or voter), dies at once and returns.
    await n2.kill("SIGKILL");
    await n2.start("restart");
    console.log(`n2 led shards [${led.join(", ")}] when it was killed during the leave`);
    const run = await leave;
    console.log(`ringkv leave n4 under churn: exit ${run.code}; ${run.stdout.trim()} ${run.stderr.trim()}`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^n4 left the cluster \(\d+\.\d s\)\n$/);
    expect(run.stderr).toBe(""); // piped: no progress line, and nothing went wrong
    const st = await n1.status(3_000, "cluster");
    expect(st.members.map((m) => m.id).sort()).toEqual(["n1", "n2", "n3"]);
  });
});
