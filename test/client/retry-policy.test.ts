import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ERROR_MAPPINGS, type ErrorCode, RingkvError } from "../../src/api/errors.ts";
import { RetryPolicy } from "../../src/client/retry-policy.ts";

const codes = Object.keys(ERROR_MAPPINGS) as ErrorCode[];
const failure = (
  code: ErrorCode,
  options: { unsent?: boolean; leaderHint?: string; retryAfterMs?: number; fromTransport?: boolean } = {},
) => ({
  error: new RingkvError(code, "x", {
    ...(options.leaderHint === undefined ? {} : { leaderHint: options.leaderHint }),
    ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
    fromTransport: options.fromTransport ?? true,
  }),
  unsent: options.unsent ?? false,
});

describe("RetryPolicy", () => {
  test("a write is retried only on failures that prove it was not applied", () => {
    const policy = new RetryPolicy();
    const retriedWrites = codes.filter((code) => policy.isRetryable(failure(code), "write"));
    expect(retriedWrites).toEqual(["NotLeader", "NoQuorum"]);
    const unsent = codes.filter((code) => policy.isRetryable(failure(code, { unsent: true }), "write"));
    expect(unsent).toEqual(["NotLeader", "NoQuorum", "Unavailable"]);
  });

  test("a node's own Unavailable promises nothing was proposed, so a write is retried on it", () => {
    const policy = new RetryPolicy();
    expect(policy.isRetryable(failure("Unavailable", { fromTransport: false }), "write")).toBe(true);
    // A transport Unavailable without proof that nothing was sent is not trusted.
    expect(policy.isRetryable(failure("Unavailable", { fromTransport: true }), "write")).toBe(false);
  });

  test("a write whose outcome is unknown (Timeout) is never retried", () => {
    const policy = new RetryPolicy();
    for (const fromTransport of [true, false]) {
      const decision = policy.decide(failure("Timeout", { fromTransport }), {
        kind: "write",
        attempt: 1,
        elapsedMs: 0,
      });
      expect(decision.retry).toBe(false);
    }
  });

  test("a read is retried on NotLeader, NoQuorum, Unavailable and Timeout, and nothing else", () => {
    const policy = new RetryPolicy();
    expect(codes.filter((code) => policy.isRetryable(failure(code), "read"))).toEqual([
      "NotLeader",
      "NoQuorum",
      "Unavailable",
      "Timeout",
    ]);
  });

  test("backoff is exponential with equal jitter: within [ceiling/2, ceiling], capped at backoffMaxMs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 5_000 }),
        (attempt, random, backoffBaseMs, backoffMaxMs) => {
          const policy = new RetryPolicy({ backoffBaseMs, backoffMaxMs }, () => random);
          const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (attempt - 1));
          const delay = policy.backoffMs(attempt);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
        },
      ),
    );
  });

  test("backoff honours the server's Retry-After hint, up to backoffMaxMs", () => {
    const policy = new RetryPolicy({ backoffBaseMs: 10, backoffMaxMs: 1_000 }, () => 0);
    expect(policy.backoffMs(1, 300)).toBe(300);
    expect(policy.backoffMs(1, 60_000)).toBe(1_000);
  });

  test("no decision ever allows more than attemptsMax attempts or a wait past the budget", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 25_000 }),
        fc.constantFrom<ErrorCode>(...codes),
        fc.constantFrom<"read" | "write">("read", "write"),
        (attemptsMax, budgetMs, attempt, elapsedMs, code, kind) => {
          const policy = new RetryPolicy({ attemptsMax, budgetMs });
          const decision = policy.decide(failure(code, { unsent: true }), { kind, attempt, elapsedMs });
          if (decision.retry) {
            expect(attempt).toBeLessThan(attemptsMax);
            expect(elapsedMs + decision.delayMs).toBeLessThan(budgetMs);
          }
        },
      ),
    );
  });

  test("a NotLeader with a leader hint goes to the leader without waiting; without one, to the next address", () => {
    const policy = new RetryPolicy();
    const context = { kind: "write" as const, attempt: 1, elapsedMs: 0 };
    expect(policy.decide(failure("NotLeader", { leaderHint: "10.0.0.1:7001" }), context)).toEqual({
      retry: true,
      delayMs: 0,
      target: "leader",
    });
    expect(policy.decide(failure("NotLeader"), context)).toMatchObject({ retry: true, target: "next" });
  });
});
