// The multi-Raft host with its in-memory twins (log store and transport): the Ready loop
// persists, syncs once per pass for all groups, sends, applies and answers proposals.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { MultiRaftHost } from "../../../src/node/host/host.ts";
import { seededRandom } from "../../../src/node/host/random.ts";
import { ConfChangeType, EntryType, encodeConfChange, Role } from "../../../src/raft/index.ts";
import { MemoryLogStore } from "../../../src/storage/log-store.ts";
import { MemoryNetwork } from "../../../src/transport/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";

const GROUPS = ["shard-0", "shard-1"];
const hosts: MultiRaftHost[] = [];

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

/** Shared polling with a deadline (no fixed sleeps). */
const until = (what: string, condition: () => boolean): Promise<true> =>
  waitFor(() => condition() || null, { what, timeoutMs: 10_000, intervalMs: 5 }).then(() => true);

describe("multi-Raft host", () => {
  it("replicates proposals of several groups through one Ready loop, one sync per pass", async () => {
    const network = new MemoryNetwork();
    const stores = new Map<string, MemoryLogStore>();
    for (const id of ["n1", "n2", "n3"]) {
      const store = new MemoryLogStore();
      stores.set(id, store);
      for (const group of GROUPS) {
        // Every member starts from the same founding log, as three bootstrapped replicas would.
        for (const voter of ["n1", "n2", "n3"]) {
          const index = store.group(group).lastIndex() + 1;
          const data = encodeConfChange({ type: ConfChangeType.AddNode, nodeId: voter });
          store.persist(group, {
            snapshot: null,
            entries: [{ term: 1, index, type: EntryType.ConfChange, data }],
            hardState: { term: 1, vote: "", commit: index },
          });
        }
      }
      const transport = network.transport(id, { addr: id });
      for (const peer of ["n1", "n2", "n3"]) if (peer !== id) transport.setPeer(peer, peer);
      const host = new MultiRaftHost({
        nodeId: id,
        store,
        transport,
        logger: pino({ level: "silent" }),
        tickMs: 5,
        electionTicks: 10,
        heartbeatTicks: 1,
        snapshotEntries: 8, // small, so the replicas snapshot and compact during the test
        snapshotLogBytes: 1 << 20,
        random: seededRandom(id.charCodeAt(1)),
        onFatal: (e) => {
          throw e;
        },
      });
      for (const group of GROUPS) host.openReplica(group);
      host.start();
      hosts.push(host);
    }

    const leaderOf = (group: string) =>
      hosts.find((h) => h.replica(group)?.raw.status().role === Role.Leader);
    await until("a leader in every group", () => GROUPS.every((g) => leaderOf(g) !== undefined));

    const results = await Promise.all(
      GROUPS.flatMap((group) =>
        Array.from({ length: 20 }, (_, i) => {
          const replica = leaderOf(group)!.replica(group)!;
          const put = replica.propose({
            put: { key: new TextEncoder().encode(`k${i}`), value: new Uint8Array([i]) },
          });
          leaderOf(group)!.kick();
          return put;
        }),
      ),
    );
    expect(results.every((r) => r.kind === "put")).toBe(true);

    // Every replica of every group converges on the same data.
    await until("all replicas applied every write", () =>
      hosts.every((h) => GROUPS.every((g) => h.replica(g)!.sm.keyCount === 20)),
    );
    // Snapshots were taken in the background and let the log go.
    await until("every replica compacted its log", () =>
      [...stores.values()].every((st) => GROUPS.every((g) => st.group(g).firstIndex() > 8)),
    );
    // Group commit: 40 writes in two groups were made durable with far fewer syncs per node.
    for (const store of stores.values()) expect(store.syncCount).toBeLessThan(40);
  });
});
