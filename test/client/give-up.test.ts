import { describe, expect, test } from "vitest";
import { RingkvError } from "../../src/api/errors.ts";
import { type GiveUpFacts, giveUpError } from "../../src/client/give-up.ts";

const facts: GiveUpFacts = {
  shard: 1,
  address: "127.0.0.1:7002",
  node: "n2",
  previous: null,
  elapsedMs: 2_750,
  write: false,
};
const transport = (code: "Unavailable" | "Timeout", message: string) =>
  new RingkvError(code, message, { fromTransport: true, retryAfterMs: 100 });

describe("the error a client gives up with", () => {
  test("its own connection failed: the shard and the node, not the transport's words", () => {
    const error = giveUpError(
      transport("Unavailable", "127.0.0.1:7002: No connection established. Last error: connect ECONNREFUSED"),
      facts,
    );
    expect(error.code).toBe("Unavailable");
    expect(error.retryAfterMs).toBe(100);
    expect(error.message).toBe("shard 1: node n2 (127.0.0.1:7002) is unreachable");
  });

  test("time ran out: the shard, the node, how long, and the failure before", () => {
    const previous = new RingkvError(
      "NotLeader",
      "shard 1 has no quorum: 1 of 2 voters reachable (n2 unreachable)",
    );
    const error = giveUpError(transport("Timeout", "no answer within 0.1 s"), {
      ...facts,
      node: undefined,
      previous,
      write: true,
    });
    expect(error.code).toBe("Timeout");
    expect(error.message).toBe(
      "shard 1: no answer from 127.0.0.1:7002 within 2.8 s; the write's outcome is unknown; last failure: shard 1 has no quorum: 1 of 2 voters reachable (n2 unreachable)",
    );
  });

  test("a node's answer keeps its words, and gains the shard when it does not name it", () => {
    const named = new RingkvError("NotLeader", "shard 1 has no leader: 3 of 3 voters reachable", {
      leaderHint: "h:1",
    });
    expect(giveUpError(named, facts)).toBe(named);
    const unnamed = giveUpError(
      new RingkvError("NotLeader", "the node is shutting down", { leaderHint: "h:1" }),
      facts,
    );
    expect(unnamed.message).toBe("shard 1: the node is shutting down");
    expect(unnamed.leaderHint).toBe("h:1");
  });

  test("other codes, and calls without a shard, are not reworded beyond the node", () => {
    const mismatch = new RingkvError("VersionMismatch", "version is 3, not 2");
    expect(giveUpError(mismatch, facts)).toBe(mismatch);
    const keyless = giveUpError(transport("Unavailable", "x: No connection established"), {
      ...facts,
      shard: null,
    });
    expect(keyless.message).toBe("node n2 (127.0.0.1:7002) is unreachable");
  });
});
