// etcdctl (Debian's etcd-client, v3 API), unchanged, against real ringkv clusters of three and
// five nodes: the shared etcdctl suite (test/support/etcdctl.ts) through every node's client
// port, then again after a node — leader of some shards — is SIGKILLed, while it is down and
// after it is back. Skips, saying why, only when etcdctl cannot be installed
// (test/support/ensure-etcdctl.sh).
import { describe, expect, it } from "vitest";
import { etcdMemberId } from "../../src/node/etcd/index.ts";
import { type Etcdctl, etcdctlAt, etcdctlSuite, findEtcdctl } from "../support/etcdctl.ts";
import { type Cluster, useCluster } from "./harness.ts";

const TEST_TIMEOUT_MS = 240_000;

const found = findEtcdctl();
const skipReason = "reason" in found ? found.reason : "";
if (skipReason) console.warn(`etcdctl cluster tests skipped: ${skipReason}`);
const etcdctlPath = "path" in found ? found.path : "";

/** The suite on a cluster of `size`, then the same commands across a node's death. */
function onCluster(size: number): void {
  describe.skipIf(skipReason !== "")(`etcdctl against a ${size}-node cluster`, () => {
    const running = useCluster({ name: `etcdctl-${size}`, size, shards: 8 }, TEST_TIMEOUT_MS);
    const endpoints = (c: Cluster): string[] => c.nodes.filter((n) => n.running).map((n) => n.advertise);
    const etcdctl = (): Etcdctl => etcdctlAt(etcdctlPath, () => endpoints(running()));

    etcdctlSuite({
      etcdctl,
      members: () =>
        running().nodes.map((n) => ({ name: n.id, etcdId: etcdMemberId(n.id), addr: n.advertise })),
      prefix: `c${size}/`,
      timeoutMs: TEST_TIMEOUT_MS,
    });

    it("every node answers with its own member id; one agreed leader", {
      timeout: TEST_TIMEOUT_MS,
    }, async () => {
      const cluster = running();
      const out = await etcdctl().ok(["endpoint", "status", "-w", "json"]);
      const status = JSON.parse(out) as {
        Endpoint: string;
        Status: { header: { member_id: number }; leader: number };
      }[];
      const byEndpoint = new Map(status.map((s) => [s.Endpoint, s.Status]));
      for (const node of cluster.nodes)
        expect(byEndpoint.get(node.advertise)?.header.member_id).toBe(etcdMemberId(node.id));
      expect(new Set(status.map((s) => s.Status.leader)).size).toBe(1);
    });

    it("keeps serving puts, prefix gets and deletes while a node is SIGKILLed, and after it restarts", {
      timeout: TEST_TIMEOUT_MS,
    }, async () => {
      const cluster = running();
      const victim = cluster.nodes[1]!;
      const k = (i: number): string => `c${size}/kill/${String(i).padStart(2, "0")}`;
      for (let i = 0; i < 8; i++) await etcdctl().ok(["put", k(i), `before-${i}`]);
      await victim.kill("SIGKILL");
      // The survivors re-elect the leaders of the shards the victim led; etcdctl retries
      // Unavailable within its command timeout.
      for (let i = 0; i < 8; i++) await etcdctl().ok(["put", k(i), `during-${i}`]);
      const during = await etcdctl().ok(["get", "--prefix", `c${size}/kill/`]);
      expect(during).toBe(Array.from({ length: 8 }, (_, i) => `${k(i)}\nduring-${i}\n`).join(""));
      await cluster.restart(victim);
      const back = etcdctlAt(etcdctlPath, () => [victim.advertise]);
      expect(await back.ok(["get", "--prefix", `c${size}/kill/`, "--keys-only"])).toBe(
        Array.from({ length: 8 }, (_, i) => `${k(i)}\n\n`).join(""),
      );
      expect(await back.ok(["del", "--prefix", `c${size}/kill/`])).toBe("8\n");
    });
  });
}

onCluster(3);
onCluster(5);
