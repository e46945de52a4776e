import { describe, expect, test } from "vitest";
import { RingkvError } from "../../src/api/errors.ts";
import {
  handoffWaitMs,
  leaseTtlMinEffectiveSeconds,
  NODE_DEFAULTS,
  type NodeSettings,
  oracleLeaseMs,
  transferCooldownTicks,
  validateNodeSettings,
} from "../../src/node/config.ts";

/** What validateNodeSettings threw for `settings`, or null if it accepted them. */
function refusal(settings: NodeSettings): RingkvError | null {
  try {
    validateNodeSettings(settings);
    return null;
  } catch (e) {
    if (e instanceof RingkvError) return e;
    throw e;
  }
}

const NAMES = Object.keys(NODE_DEFAULTS) as (keyof NodeSettings)[];

describe("node settings", () => {
  test("the defaults are valid settings", () => {
    expect(validateNodeSettings(NODE_DEFAULTS)).toBe(NODE_DEFAULTS);
  });

  test.each(NAMES)("a negative, non-finite or non-number %s is refused, naming it", (name) => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "10" as unknown as number]) {
      const error = refusal({ ...NODE_DEFAULTS, [name]: bad });
      expect(error?.code, `${name} = ${String(bad)}`).toBe("InvalidArgument");
      expect(error?.message).toContain(`setting ${name} `);
    }
  });

  test("counts (ticks, bytes, attempts, multipliers) must be integers; durations in ms may be fractional", () => {
    const counts = NAMES.filter((n) => !n.endsWith("Ms"));
    for (const name of counts) {
      const error = refusal({ ...NODE_DEFAULTS, [name]: NODE_DEFAULTS[name] + 0.5 });
      expect(error?.message, name).toMatch(new RegExp(`^setting ${name} must be an integer`));
    }
    // Away from the relations below, a fractional duration is fine.
    for (const name of NAMES.filter((n) => n.endsWith("Ms") && n !== "joinBackoffMs")) {
      expect(refusal({ ...NODE_DEFAULTS, [name]: NODE_DEFAULTS[name] + 0.5 }), name).toBeNull();
    }
  });

  test("zero is refused for every setting but the retry count of a membership change and the clock drift bound", () => {
    // Zero means "no retries" and "clocks are trusted fully" there.
    const zeroAllowed = new Set(["confChangeRetriesMax", "clockDriftMaxPerMille"]);
    for (const name of NAMES) {
      const error = refusal({ ...NODE_DEFAULTS, [name]: 0 });
      if (zeroAllowed.has(name)) expect(error, name).toBeNull();
      else expect(error?.message, name).toContain(`setting ${name} `);
    }
  });

  test("a heartbeat must come more often than an election timeout", () => {
    const error = refusal({ ...NODE_DEFAULTS, heartbeatTicks: 10, electionTicks: 10 });
    expect(error?.message).toBe("setting heartbeatTicks (10) must be below electionTicks (10)");
    expect(refusal({ ...NODE_DEFAULTS, heartbeatTicks: 9, electionTicks: 10 })).toBeNull();
  });

  test("the clock drift bound is below 1000 per mille, and the oracle's lease shrinks with it", () => {
    expect(refusal({ ...NODE_DEFAULTS, clockDriftMaxPerMille: 1000 })?.message).toBe(
      "setting clockDriftMaxPerMille (1000) must be below 1000",
    );
    const s = { ...NODE_DEFAULTS, electionTicks: 10, tickMs: 100 };
    expect(oracleLeaseMs({ ...s, clockDriftMaxPerMille: 0 })).toBe(900);
    expect(oracleLeaseMs({ ...s, clockDriftMaxPerMille: 100 })).toBe(Math.floor((900 * 900) / 1100));
  });

  test("the join backoff's ceiling is not below its start", () => {
    const error = refusal({ ...NODE_DEFAULTS, joinBackoffMs: 500, joinBackoffMaxMs: 400 });
    expect(error?.message).toBe("setting joinBackoffMaxMs (400) must be at least joinBackoffMs (500)");
  });

  test("derived settings follow their documented formulas", () => {
    const s = { ...NODE_DEFAULTS, electionTicks: 7, tickMs: 20, transferCooldownMult: 4, handoffWaitMult: 3 };
    expect(transferCooldownTicks(s)).toBe(4 * 7);
    expect(handoffWaitMs(s)).toBe(3 * 7 * 20);
  });

  test("the shortest lease TTL is raised to 1.5 election timeouts (etcd's minimum), never lowered", () => {
    // 1.5 · 30 ticks · 100 ms = 4.5 s → 5 s.
    expect(leaseTtlMinEffectiveSeconds({ ...NODE_DEFAULTS, electionTicks: 30, leaseTtlMinSeconds: 2 })).toBe(
      5,
    );
    expect(leaseTtlMinEffectiveSeconds({ ...NODE_DEFAULTS, electionTicks: 10, leaseTtlMinSeconds: 7 })).toBe(
      7,
    );
  });

  test("the longest lease TTL is not below the shortest", () => {
    const error = refusal({ ...NODE_DEFAULTS, leaseTtlMinSeconds: 10, leaseTtlMaxSeconds: 5 });
    expect(error?.message).toBe("setting leaseTtlMaxSeconds (5) must be at least leaseTtlMinSeconds (10)");
  });
});
