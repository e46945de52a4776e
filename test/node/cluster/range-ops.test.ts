// NodeRangeOps over four in-process shards (real state machines, a router that runs every part
// locally, a proposer that applies at once): what the node promises about revisions, merging
// and one-shard transactions, without processes.
import { describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import type { ClusterContext } from "../../../src/node/cluster/context.ts";
import { CounterRevisions } from "../../../src/node/cluster/counter-revisions.ts";
import { Proposer } from "../../../src/node/cluster/proposer.ts";
import { NodeRangeOps } from "../../../src/node/cluster/range-ops.ts";
import { NODE_DEFAULTS } from "../../../src/node/config.ts";
import { SYSTEM_CLOCK } from "../../../src/node/host/clock.ts";
import type { MultiRaftHost } from "../../../src/node/host/host.ts";
import type { Replica } from "../../../src/node/host/replica.ts";
import type { Command } from "../../../src/node/kv/command.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";

const SHARDS = 4;
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => Buffer.from(b).toString("utf8");
/** The shard of a key: its last byte, so tests choose it. */
const shardOf = (key: Uint8Array): number => (key[key.length - 1] ?? 0) % SHARDS;

interface FakeShard {
  readonly sm: KvStateMachine;
  readonly proposed: Command[];
  index: number;
}

function cluster(revisions = new CounterRevisions()) {
  const shards: FakeShard[] = Array.from({ length: SHARDS }, () => ({
    sm: new KvStateMachine(),
    proposed: [],
    index: 0,
  }));
  const replicas = shards.map((shard, i) => {
    const replica = {
      group: `shard-${i}`,
      sm: shard.sm,
      leaderReadBarrier: async () => {},
      waitApplied: async () => {},
      propose: async (command: Command) => {
        shard.proposed.push(command);
        return shard.sm.apply(command, ++shard.index);
      },
    } as unknown as Replica;
    return replica;
  });
  const host = { kick: () => {}, replicas: () => replicas } as unknown as MultiRaftHost;
  const ctx = {
    settings: { ...NODE_DEFAULTS, staleRevisionRetriesMax: 3 },
    view: { config: { shardCount: SHARDS }, shardOf },
    host: { kick: () => {}, replica: () => undefined },
  } as unknown as ClusterContext;
  const ops = new NodeRangeOps({
    ctx,
    router: {
      onShardLeader: (shard, _options, _idempotent, run) => run.local(replicas[shard] as Replica),
    },
    // The real proposer (its proposeWrite retries stale revisions) over replicas that apply at once.
    proposer: new Proposer(host, ctx.settings, SYSTEM_CLOCK),
    revisions,
  });
  return { ops, shards };
}

/** Keys p/<i> with a last byte that spreads them over the shards. */
const KEYS = Array.from({ length: 12 }, (_, i) => `p/${String.fromCharCode(0x61 + i)}`);

async function loaded() {
  const c = cluster();
  for (const key of KEYS) await c.ops.putRecord({ key: bytes(key), value: bytes(`v-${key}`) });
  return c;
}

describe("ranges, range deletes and transactions on the node", () => {
  test("a range over several shards fences every shard at one oracle revision and answers it", async () => {
    const { ops, shards } = await loaded();
    const result = await ops.range({ start: bytes("p/"), end: bytes("p0"), limit: 5 });
    expect(result.kvs.map((kv) => text(kv.key))).toEqual(KEYS.slice(0, 5));
    expect(result.count).toBe(KEYS.length);
    expect(result.more).toBe(true);
    const fences = shards.map((s) => s.proposed.filter((c) => "fence" in c));
    for (const f of fences)
      expect(f).toEqual([{ fence: { revision: result.revision, query: expect.anything() } }]);
    // Every write reflected has a revision at or below the answer's; each shard's floor is now at it.
    for (const kv of result.kvs) expect(kv.modRevision).toBeLessThanOrEqual(result.revision);
    for (const s of shards) expect(s.sm.floor).toBeGreaterThanOrEqual(result.revision);
  });

  test("a write after a multi-shard range gets a higher revision than the range answered", async () => {
    const { ops } = await loaded();
    const range = await ops.range({ start: bytes("p/"), end: bytes("p0") });
    const put = await ops.putRecord({ key: bytes("p/a"), value: bytes("later") });
    expect(put.revision).toBeGreaterThan(range.revision);
  });

  test("a range of one key reads its shard alone, without a fence; revision = the shard's floor", async () => {
    const { ops, shards } = await loaded();
    const key = bytes("p/c");
    const result = await ops.range({ start: key });
    expect(result.kvs.map((kv) => text(kv.value))).toEqual(["v-p/c"]);
    expect(shards.some((s) => s.proposed.some((c) => "fence" in c))).toBe(false);
    expect(result.revision).toBe(shards[shardOf(key)]?.sm.floor);
  });

  test("a range delete proposes one revision to every shard, answers the sum, and the keys are gone", async () => {
    const { ops, shards } = await loaded();
    const result = await ops.deleteRange({ start: bytes("p/"), end: bytes("p0") }, { prevKv: true });
    expect(result.deleted).toBe(KEYS.length);
    expect(result.prevKvs.map((kv) => text(kv.key))).toEqual(KEYS);
    const revisions = shards.map((s) =>
      s.proposed.flatMap((c) => ("deleteRange" in c ? [c.deleteRange.revision] : [])),
    );
    expect(new Set(revisions.flat()).size).toBe(1);
    expect((await ops.range({ start: bytes("p/"), end: bytes("p0") })).count).toBe(0);
  });

  test("a shard whose floor is above the range delete's revision retries above it", async () => {
    const { ops, shards } = await loaded();
    // Shard 1 was fenced far ahead (as by another node's range): revision 1000.
    shards[1]?.sm.apply({ fence: { revision: 1_000 } }, ++(shards[1] as FakeShard).index);
    const result = await ops.deleteRange({ start: bytes("p/"), end: bytes("p0") });
    expect(result.deleted).toBe(KEYS.length);
    expect(result.revision).toBeGreaterThan(1_000);
  });

  test("a txn's compare-and-swap applies once, at one revision of its shard", async () => {
    const { ops } = await loaded();
    const key = bytes("p/b");
    const current = await ops.range({ start: key });
    const mod = current.kvs[0]?.modRevision as number;
    const swap = {
      compares: [{ key, target: "mod" as const, result: "equal" as const, operand: mod }],
      success: [{ put: { key, value: bytes("swapped") } }],
      failure: [],
    };
    expect((await ops.txn(swap)).succeeded).toBe(true);
    expect((await ops.txn(swap)).succeeded).toBe(false);
    expect(text((await ops.range({ start: key })).kvs[0]?.value ?? new Uint8Array())).toBe("swapped");
  });

  test("a txn over keys of two shards is refused before anything is proposed", async () => {
    const { ops, shards } = await loaded();
    const before = shards.map((s) => s.proposed.length);
    const error = await ops
      .txn({
        compares: [],
        success: [
          { put: { key: bytes("x/a"), value: bytes("1") } },
          { put: { key: bytes("x/b"), value: bytes("1") } },
        ],
        failure: [],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RingkvError);
    expect((error as RingkvError).code).toBe("CrossShard");
    expect(shards.map((s) => s.proposed.length)).toEqual(before);
  });
});
