// Cluster-wide revisions with real processes: writes through every node, to keys of every shard,
// one after another. Each answer's version is its revision, from the meta leader's timestamp
// oracle (asked locally there, over the Forward stream's `revisions` op from everywhere else):
// a write that began after another completed has a higher version, whatever its shard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Cluster, showLogsOnFailure } from "./harness.ts";
import { httpRequest } from "./http.ts";

const WRITES = 60;
const SHARDS = 6;

let cluster: Cluster | undefined;
showLogsOnFailure(() => cluster);

beforeAll(async () => {
  cluster = await Cluster.start({ name: "revisions", size: 3, shards: SHARDS });
}, 180_000);

afterAll(async () => {
  await cluster?.teardown();
});

describe("cluster-wide revisions", () => {
  it("a write that began after another completed has a higher version, across shards and nodes", async () => {
    const nodes = cluster!.nodes;
    const status = await nodes[0]!.status(5_000, "cluster");
    const metaLeader = status.meta?.leader;
    // Some shard is led away from the meta leader: its writes ask the oracle over the network.
    expect(status.shards.some((s) => s.leader !== "" && s.leader !== metaLeader)).toBe(true);
    const versions: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const node = nodes[i % nodes.length]!;
      const reply = await httpRequest(node.http, { method: "PUT", path: `/v1/kv/rev-${i}`, body: `v${i}` });
      expect(reply.status, reply.body.toString()).toBe(200);
      versions.push((JSON.parse(reply.body.toString()) as { version: number }).version);
    }
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
  }, 60_000);

  it("a put the meta leader's node forwards takes its revision along: the shard leader asks nothing back", async () => {
    const nodes = cluster!.nodes;
    const status = await nodes[0]!.status(5_000, "cluster");
    const oracle = nodes.find((n) => n.id === status.meta?.leader)!;
    const others = nodes.filter((n) => n !== oracle);
    /** Forward-service calls of `method` a node has answered, from its /metrics. */
    const served = async (node: (typeof nodes)[number], method: string): Promise<number> => {
      const text = (await httpRequest(node.http, { path: "/metrics" })).body.toString();
      const re = new RegExp(
        `^ringkv_grpc_server_handled_total\\{[^}]*grpc_service="ringkv\\.forward\\.Forward",grpc_method="${method}"[^}]*\\} (\\d+)$`,
        "gm",
      );
      return [...text.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    const sum = async (list: typeof nodes, method: string): Promise<number> =>
      (await Promise.all(list.map((n) => served(n, method)))).reduce((a, b) => a + b, 0);
    const forwardedBefore = await sum(others, "put");
    const askedBefore = await served(oracle, "revisions");
    const versions: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const reply = await httpRequest(oracle.http, {
        method: "PUT",
        path: `/v1/kv/carried-${i}`,
        body: `v${i}`,
      });
      expect(reply.status, reply.body.toString()).toBe(200);
      versions.push((JSON.parse(reply.body.toString()) as { version: number }).version);
    }
    const forwarded = (await sum(others, "put")) - forwardedBefore;
    const asked = (await served(oracle, "revisions")) - askedBefore;
    // Some of the puts went to shards led elsewhere, and their leaders asked the oracle for none
    // of their revisions (each would have asked once: the puts went one after another).
    expect(forwarded).toBeGreaterThan(0);
    expect(asked).toBe(0);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
  }, 60_000);
});
