// `ringkv leave` waits for the outcome (cli/leave-watch.ts): against a fake cluster whose leave
// requests fail as they do under churn, and whose status shows how the leave goes.
import { describe, expect, test } from "vitest";
import { progressLine } from "../../cli/commands/leave.ts";
import { type LeaveClient, type LeaveProgress, leaveAndWait } from "../../cli/leave-watch.ts";
import { RingkvError } from "../../src/api/errors.ts";
import type { StatusJson } from "../../src/api/kv-api.ts";

/** A cluster of n1..n3 where n3 leaves once `leaveDoneAfter` status checks have happened. */
class FakeCluster implements LeaveClient {
  readonly failures: RingkvError[];
  leaveCalls = 0;
  statusCalls = 0;
  listed = true;
  /** Status checks after which n3 is gone (Infinity: never). */
  readonly goneAfterChecks: number;
  /** Leave requests that never answer (as a node stuck behind a dead meta leader). */
  readonly hang: boolean;

  constructor(options: { failures?: RingkvError[]; goneAfterChecks?: number; hang?: boolean }) {
    this.failures = [...(options.failures ?? [])];
    this.goneAfterChecks = options.goneAfterChecks ?? Number.POSITIVE_INFINITY;
    this.hang = options.hang ?? false;
  }

  async leave(_id: string): Promise<void> {
    this.leaveCalls++;
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (this.hang) return new Promise(() => {});
    this.listed = false;
  }

  async status(): Promise<StatusJson> {
    this.statusCalls++;
    if (this.statusCalls >= this.goneAfterChecks) this.listed = false;
    const ids = this.listed ? ["n1", "n2", "n3"] : ["n1", "n2"];
    return {
      node: { id: "n1", addr: "a1", http: "" },
      epoch: 1,
      members: ids.map((id) => ({
        id,
        addr: id,
        http: "",
        state: "alive",
        incarnation: 1,
        leaving: id === "n3",
      })),
      shards: [
        {
          id: 0,
          leader: "n1",
          term: 1,
          replicas: this.listed ? ["n1", "n3"] : ["n1"],
          learners: [],
          commitIndex: 1,
          appliedIndex: 1,
        },
      ],
    } as unknown as StatusJson;
  }
}

const raw = "Deadline exceeded after 5.001s,LB pick: 0.001s,remote_addr=127.0.0.1:7001";

describe("ringkv leave waits for the outcome", () => {
  const fast = { pollMs: 5, retryMs: 5 };

  test("a leave whose requests time out, find no node and meet a moved leader still ends as left", async () => {
    const cluster = new FakeCluster({
      failures: [
        new RingkvError("Timeout", raw),
        new RingkvError("Unavailable", "read ECONNRESET"),
        new RingkvError("NotLeader", "meta leadership moved during the leave"),
      ],
    });
    const outcome = await leaveAndWait(cluster, "n3", { ...fast, untilMs: performance.now() + 5_000 });
    expect(outcome.attempts).toBe(4);
    expect(cluster.listed).toBe(false);
  });

  test("the member gone from the status ends the wait though the request never answers", async () => {
    const cluster = new FakeCluster({ hang: true, goneAfterChecks: 3 });
    const outcome = await leaveAndWait(cluster, "n3", { ...fast, untilMs: performance.now() + 5_000 });
    expect([outcome.attempts, cluster.statusCalls]).toEqual([1, 3]);
  });

  test("at the deadline it says how far the leave got, without the transport's text", async () => {
    const cluster = new FakeCluster({
      failures: Array.from({ length: 1000 }, () => new RingkvError("Timeout", raw)),
    });
    const started = performance.now();
    const error = await leaveAndWait(cluster, "n3", { ...fast, untilMs: started + 200 }).then(
      () => null,
      (e: unknown) => e as RingkvError,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error?.code).toBe("Timeout");
    expect(error?.message).toMatch(
      /^n3 has not left after \d+ s; last seen: n3: leaving, gossip alive, 1 shard\(s\) still hold a replica on it \(0\)/,
    );
    expect(error?.message).not.toMatch(/LB pick|remote_addr|Deadline exceeded/);
    expect(cluster.leaveCalls).toBeGreaterThan(1);
  });

  test("an unknown id on the first request is refused as the node said; refusals are not retried", async () => {
    for (const code of ["NotMember", "InvalidArgument"] as const) {
      const cluster = new FakeCluster({ failures: [new RingkvError(code, "no")] });
      await expect(
        leaveAndWait(cluster, "n3", { ...fast, untilMs: performance.now() + 5_000 }),
      ).rejects.toMatchObject({ code });
      expect(cluster.leaveCalls).toBe(1);
    }
  });

  test("NotMember after a failed request means the member left in between", async () => {
    const cluster = new FakeCluster({
      failures: [new RingkvError("Unavailable", "x"), new RingkvError("NotMember", "not a member")],
    });
    const outcome = await leaveAndWait(cluster, "n3", { ...fast, untilMs: performance.now() + 5_000 });
    expect(outcome.attempts).toBe(2);
  });

  test("progress is drawn on a terminal and not into a pipe", () => {
    const p: LeaveProgress = {
      listed: true,
      state: "alive",
      leaving: true,
      holdingShards: [2, 5],
      elapsedMs: 10,
    };
    for (const isTTY of [true, false]) {
      const written: string[] = [];
      const line = progressLine({ isTTY, write: (t: string) => written.push(t) }, "n3");
      line.show(p);
      line.end();
      expect(written.join(""), `isTTY ${isTTY}`).toBe(
        isTTY ? "\r\x1b[2Kn3: leaving, gossip alive, 2 shard(s) still hold a replica on it (2, 5)\n" : "",
      );
    }
  });
});
