// The etcd API retries what certainly was not applied, within its bounds, and nothing else.
import { describe, expect, it } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import { retryNotApplied } from "../../../src/node/etcd/not-applied-retry.ts";

/** A fake clock whose sleep advances it. */
function clock() {
  let t = 1_000_000;
  return {
    now: () => t,
    sleep: async (ms: number): Promise<void> => {
      t += ms;
    },
    elapsed: () => t - 1_000_000,
  };
}

describe("retrying certainly-unapplied requests", () => {
  it("retries NoQuorum until the shard answers", async () => {
    const c = clock();
    let calls = 0;
    const result = await retryNotApplied(
      async () => {
        if (++calls < 4) throw new RingkvError("NoQuorum", "shard 6 has no leader");
        return "ok";
      },
      { now: c.now, sleep: c.sleep },
    );
    expect([result, calls]).toEqual(["ok", 4]);
  });

  it("never retries a Timeout (the outcome is unknown) or a refusal", async () => {
    for (const code of ["Timeout", "InvalidArgument", "LeaseNotFound"] as const) {
      let calls = 0;
      const fail = retryNotApplied(async () => {
        calls++;
        throw new RingkvError(code, "no");
      });
      await expect(fail).rejects.toMatchObject({ code });
      expect(calls).toBe(1);
    }
  });

  it("gives up within its budget and before the caller's deadline", async () => {
    const c = clock();
    const always = async (): Promise<never> => {
      throw new RingkvError("Unavailable", "down");
    };
    await expect(
      retryNotApplied(always, { now: c.now, sleep: c.sleep, retryMs: 3000 }),
    ).rejects.toMatchObject({
      code: "Unavailable",
    });
    expect(c.elapsed()).toBeLessThanOrEqual(3000);
    const d = clock();
    await expect(
      retryNotApplied(always, { now: d.now, sleep: d.sleep, callerDeadline: d.now() + 1000 }),
    ).rejects.toMatchObject({ code: "Unavailable" });
    expect(d.elapsed()).toBeLessThan(1000);
  });
});
