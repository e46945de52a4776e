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
});
