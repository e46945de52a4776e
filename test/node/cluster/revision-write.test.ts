import { describe, expect, test } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { CounterRevisions } from "../../../src/node/cluster/counter-revisions.ts";
import { proposeAtRevision } from "../../../src/node/cluster/revision-write.ts";
import type { ApplyResult } from "../../../src/node/kv/apply-result.ts";
import type { Command } from "../../../src/node/kv/command.ts";

/** A shard that applies a put only above its floor, as the apply rule says. */
function shardWithFloor(floor: number): {
  propose: (c: Command) => Promise<ApplyResult>;
  revisions: number[];
} {
  const revisions: number[] = [];
  return {
    revisions,
    propose: async (c) => {
      const revision = "put" in c ? (c.put.revision ?? 0) : 0;
      revisions.push(revision);
      if (revision <= floor) return { kind: "staleRevision", floor };
      floor = revision;
      return { kind: "put", version: revision };
    },
  };
}

const put = (revision: number): Command => ({
  put: { key: Uint8Array.of(1), value: Uint8Array.of(2), revision },
});

describe("a write at a revision", () => {
  test("a write refused as stale is proposed again above the shard's floor, and applies", async () => {
    const shard = shardWithFloor(40);
    const result = await proposeAtRevision({
      propose: shard.propose,
      revisions: new CounterRevisions(),
      command: put,
      retriesMax: 3,
    });
    expect(result).toEqual({ kind: "put", version: 41 });
    expect(shard.revisions).toEqual([1, 41]);
  });

  test("the first revision given is tried first (one revision for every shard of a range delete)", async () => {
    const shard = shardWithFloor(0);
    await proposeAtRevision({
      propose: shard.propose,
      revisions: new CounterRevisions(),
      command: put,
      revision: 7,
      retriesMax: 0,
    });
    expect(shard.revisions).toEqual([7]);
  });

  test("after retriesMax stale answers the write gives up as Unavailable: nothing was applied", async () => {
    // A shard whose floor always stays ahead: every answer is stale.
    const revisions: number[] = [];
    const propose = async (c: Command): Promise<ApplyResult> => {
      revisions.push("put" in c ? (c.put.revision ?? 0) : 0);
      return { kind: "staleRevision", floor: 1_000 * revisions.length };
    };
    const error = await proposeAtRevision({
      propose,
      revisions: new CounterRevisions(),
      command: put,
      retriesMax: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RingkvError);
    expect((error as RingkvError).code).toBe("Unavailable");
    expect(revisions).toEqual([1, 1_001, 2_001]);
  });
});
