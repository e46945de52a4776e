// How a node process starts and ends when something is wrong (issue 11, breakages 5, 6 and 7):
// a taken port, a leave of an unknown id, --join on a data directory that holds state, and a
// node removed from the cluster while it was down. Real processes, real sockets.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { keysPerShard } from "./formation.ts";
import { Cluster, freePort, NodeProcess, runRingkv, showLogsOnFailure } from "./harness.ts";
import { waitFor } from "./wait-for.ts";

/** ringkv --help documents these (cli/exit-codes.ts). */
const EXIT_USAGE = 2;
const EXIT_CANNOT_LISTEN = 4;
const EXIT_REMOVED_WHILE_DOWN = 5;

async function occupied(): Promise<{ addr: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ port, host: "127.0.0.1" }, resolve));
  return { addr: `127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("a node that cannot listen says where and why, exits 4, and keeps nothing", {
  timeout: 240_000,
}, () => {
  const root = mkdtempSync(join(tmpdir(), "ringkv-bind-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test.concurrent.each([
    { taken: "HTTP", join: false },
    { taken: "gRPC", join: false },
    { taken: "HTTP", join: true },
    { taken: "gRPC", join: true },
  ] as const)("a busy $taken port, --join $join", async ({ taken, join: joining }) => {
    const busy = await occupied();
    const free = `127.0.0.1:${await freePort()}`;
    const dataDir = join(root, `${taken}-${joining}`);
    const [listen, http] = taken === "gRPC" ? [busy.addr, free] : [free, busy.addr];
    const role = joining ? ["--join", `127.0.0.1:${await freePort()}`] : ["--bootstrap"];
    try {
      const run = await runRingkv([
        "start",
        "--id",
        "n1",
        "--listen",
        listen,
        "--http",
        http,
        "--data",
        dataDir,
        ...role,
      ]);
      expect(run.code, run.stderr).toBe(EXIT_CANNOT_LISTEN);
      expect(run.stderr).toContain(`error: cannot listen on ${busy.addr} (${taken}): address already in use`);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/No address added|fatal error|store is closed/);
      expect(existsSync(join(dataDir, "LOCK"))).toBe(false);
    } finally {
      await busy.close();
    }
  });

  test("the data directory is free again: the same node then starts on free ports", async () => {
    const busy = await occupied();
    const dataDir = join(root, "reuse");
    const grpc = `127.0.0.1:${await freePort()}`;
    const http = `127.0.0.1:${await freePort()}`;
    const first = await runRingkv([
      "start",
      "--id",
      "n1",
      "--listen",
      grpc,
      "--http",
      busy.addr,
      "--data",
      dataDir,
      "--bootstrap",
    ]);
    await busy.close();
    expect(first.code, first.stderr).toBe(EXIT_CANNOT_LISTEN);
    // The lock is free: the same node, on free ports, starts on that directory.
    const node = new NodeProcess({ id: "n1", listen: grpc, advertise: grpc, http, dataDir });
    try {
      await node.start("bootstrap", 90_000);
    } finally {
      await node.kill("SIGKILL");
    }
  });
});

describe("leave, --join and removal tell the operator what happened", { timeout: 400_000 }, () => {
  let cluster: Cluster | undefined;
  showLogsOnFailure(() => cluster);
  beforeAll(async () => {
    cluster = await Cluster.start({ name: "lifecycle", size: 3, shards: 4 });
  }, 300_000);
  afterAll(async () => {
    await cluster?.teardown();
  }, 60_000);
  const c = (): Cluster => {
    if (!cluster) throw new Error("the cluster did not start");
    return cluster;
  };

  test("`ringkv leave` of an unknown id fails with NotMember naming it, exit 2, and removes nobody", async () => {
    const n1 = c().node("n1");
    const run = await runRingkv(["leave", "n9", "--addr", n1.advertise]);
    expect(run.code, run.stderr).toBe(EXIT_USAGE);
    expect(run.stderr).toMatch(
      /^error: NotMember: n9 is not a member of the cluster \(members: n1, n2, n3\)/,
    );
    expect(run.stdout).not.toMatch(/left/);
    const status = await n1.status(5_000, "cluster");
    expect(status.members.map((m) => m.id).sort()).toEqual(["n1", "n2", "n3"]);
  });

  test("--join on a data directory that holds state is refused with what to do, exit 2", async () => {
    const n3 = c().node("n3");
    await n3.kill("SIGTERM");
    const run = await runRingkv([...n3.startArgs({ join: c().node("n1").advertise })]);
    expect(run.code, run.stderr).toBe(EXIT_USAGE);
    expect(run.stderr).toContain(`${n3.dataDir} already holds this node's cluster state`);
    expect(run.stderr).toContain("restart it without --join");
    // The refusal left the node as it was: it restarts from its data.
    await n3.start("restart");
  });

  test("a node removed while down logs why at error level, says to wipe and --join, exits 5", async () => {
    const [n1, n3] = [c().node("n1"), c().node("n3")];
    await n3.kill("SIGKILL");
    const leave = await runRingkv(["leave", "n3", "--addr", n1.advertise, "--timeout", "120"], 180_000);
    expect(leave.code, leave.stderr).toBe(0);
    n3.spawn("restart");
    const exit = await n3.exited();
    expect(exit.code).toBe(EXIT_REMOVED_WHILE_DOWN);
    const said = n3.lines.find((l) => l.life === n3.life && l.json?.["level"] === 50);
    expect(said?.json?.["msg"]).toBe(
      `n3 was removed from the cluster while it was down; wipe --data ${n3.dataDir} and start it with --join to add it again`,
    );
  });

  test("with quorum lost, get and put give up by --timeout with exit 3, naming the shard and why", async () => {
    // n3 has left: with two members each shard keeps one voter and one learner (an even count
    // of voters below the replication factor is avoided). Kill the voter of one shard and ask
    // the other node for a key of that shard.
    const nodes = [c().node("n1"), c().node("n2")];
    const settled = await waitFor(
      async () => {
        const st = await nodes[0]!.status(3_000, "cluster");
        const ok = st.shards.every((s) => s.leader !== "" && !s.moving && s.replicas.length === 1);
        return ok ? st : null;
      },
      { timeoutMs: 60_000, what: "every shard settled on one voter and one learner" },
    );
    const shard = settled.shards[0]!;
    const voterId = shard.replicas[0]!;
    const voter = c().node(voterId);
    const survivor = nodes.find((n) => n.id !== voterId)!;
    const key = (await keysPerShard(settled.shards.length, 1, "lost"))[shard.id]![0]!;
    await voter.kill("SIGKILL");
    const timeoutS = 3;
    for (const args of [
      ["get", key],
      ["put", key, "hello"],
    ]) {
      const started = performance.now();
      const run = await runRingkv([...args, "--addr", survivor.advertise, "--timeout", String(timeoutS)]);
      const tookMs = performance.now() - started;
      console.log(`quorum lost, ringkv ${args.join(" ")} (${Math.round(tookMs)} ms): ${run.stderr.trim()}`);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toMatch(
        new RegExp(`^error: (NoQuorum|Unavailable|Timeout|NotLeader): shard ${shard.id}[ :]`),
      );
      // The cause, as the survivor sees it: no quorum with the voter gone or suspect (or the
      // voter tried and unreachable).
      expect(run.stderr).toMatch(
        new RegExp(
          `no quorum: 0 of 1 voter reachable \\(${voterId} (unreachable|suspect)\\)|${voterId} \\(127\\.0\\.0\\.1:\\d+\\)[^\\n]*unreachable`,
        ),
      );
      expect(run.stderr).not.toMatch(
        /LB pick|remote_addr|Resolution note|ECONNREFUSED|No connection established/,
      );
      expect(run.stderr).not.toMatch(/no answer from the cluster within/); // the client's own error came first
      // The CLI's process start-up is outside --timeout; allow it, but not a second deadline.
      expect(tookMs).toBeLessThan(timeoutS * 1000 + 5_000);
    }
    // Once gossip on the survivor has declared the voter dead, it knows the quorum is gone.
    await waitFor(
      async () => (await survivor.status(3_000)).members.find((m) => m.id === voterId)?.state === "dead",
      { timeoutMs: 30_000, what: `${survivor.id}'s gossip to declare ${voterId} dead` },
    );
    const response = await fetch(`http://${survivor.http}/v1/kv/${key}`);
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    console.log(`quorum lost, HTTP GET: ${response.status} ${JSON.stringify(body)}`);
    expect(response.status).toBe(503);
    expect(body.error?.code).toBe("NoQuorum");
    expect(response.headers.get("retry-after")).not.toBeNull();
    expect(body.error?.message).toMatch(
      new RegExp(`^shard ${shard.id} has no quorum: 0 of 1 voter reachable \\(${voterId} unreachable\\)`),
    );
  });
});
