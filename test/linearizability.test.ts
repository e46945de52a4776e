// The linearizability checker is what lets the simulator and the fault tests say "the store was
// correct". A checker that accepts everything would make all of them pass vacuously, so most of
// these tests plant a violation and demand that it is caught.

import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinearizedSet } from "./support/configuration-set.ts";
import {
  formatHistory,
  formatOperation,
  HistoryRecorder,
  type KvInput,
  type KvOutput,
  type Operation,
} from "./support/history.ts";
import { applyKv, type KvState } from "./support/kv-model.ts";
import { type CheckResult, checkLinearizable, describeCheckResult } from "./support/linearizability.ts";

// ---------------------------------------------------------------------------------------------
// A small vocabulary for writing histories as transcripts: who, when, what, and what they saw.

type Interval = readonly [invokeTime: number, completeTime: number];
type Draft = Omit<Operation, "id">;

function put(client: number, [invokeTime, completeTime]: Interval, value: string): Draft {
  return {
    client,
    key: "k",
    input: { kind: "put", value },
    output: { kind: "put" },
    invokeTime,
    completeTime,
  };
}

function get(client: number, [invokeTime, completeTime]: Interval, value: string | null): Draft {
  return {
    client,
    key: "k",
    input: { kind: "get" },
    output: { kind: "get", value },
    invokeTime,
    completeTime,
  };
}

function cas(
  client: number,
  [invokeTime, completeTime]: Interval,
  change: { expect: string | null; value: string; ok: boolean },
): Draft {
  const input: KvInput = { kind: "cas", expect: change.expect, value: change.value };
  return { client, key: "k", input, output: { kind: "cas", ok: change.ok }, invokeTime, completeTime };
}

function del(client: number, [invokeTime, completeTime]: Interval, existed: boolean): Draft {
  return {
    client,
    key: "k",
    input: { kind: "del" },
    output: { kind: "del", existed },
    invokeTime,
    completeTime,
  };
}

/** The same operation, but the client never heard back. */
function timedOut(draft: Draft): Draft {
  return { ...draft, output: null, completeTime: null };
}

function onKey(key: string, draft: Draft): Draft {
  return { ...draft, key };
}

function history(...drafts: Draft[]): Operation[] {
  return drafts.map((draft, id) => ({ id, ...draft }));
}

/** Fails with the checker's own explanation, so a wrong verdict here is as debuggable as in the simulator. */
function expectLinearizable(result: CheckResult): void {
  expect(result.ok, describeCheckResult(result)).toBe(true);
}

function expectViolation(result: CheckResult, key = "k"): void {
  expect(result.ok, describeCheckResult(result)).toBe(false);
  if (result.ok === true) return;
  expect(result.key).toBe(key);
  expect(result.ops.every((op) => op.key === key)).toBe(true);
}

// ---------------------------------------------------------------------------------------------

describe("the checker rejects what no linearizable store could answer", () => {
  it("a read that starts after a write completed does not miss that write (stale read)", () => {
    expectViolation(checkLinearizable(history(put(1, [0, 1], "v1"), get(2, [2, 3], null))));
  });

  it("a read never returns a value nobody wrote", () => {
    expectViolation(checkLinearizable(history(put(1, [0, 1], "v1"), get(2, [2, 3], "ghost"))));
  });

  it("an acknowledged write is never lost: a later read does not return the value it replaced", () => {
    const ops = history(put(1, [0, 1], "v1"), put(2, [2, 3], "v2"), get(3, [4, 5], "v1"));
    expectViolation(checkLinearizable(ops));
  });

  it("two CAS from the same expected value cannot both succeed one after the other", () => {
    const ops = history(
      put(1, [0, 1], "v0"),
      cas(2, [2, 3], { expect: "v0", value: "v1", ok: true }),
      cas(3, [4, 5], { expect: "v0", value: "v2", ok: true }),
    );
    expectViolation(checkLinearizable(ops));
  });

  it("two CAS from the same expected value cannot both succeed even when concurrent", () => {
    const ops = history(
      put(1, [0, 1], "v0"),
      cas(2, [2, 10], { expect: "v0", value: "v1", ok: true }),
      cas(3, [3, 9], { expect: "v0", value: "v2", ok: true }),
    );
    expectViolation(checkLinearizable(ops));
  });

  it("a failed CAS means the expected value was not current", () => {
    const ops = history(put(1, [0, 1], "v1"), cas(2, [2, 3], { expect: "v1", value: "v2", ok: false }));
    expectViolation(checkLinearizable(ops));
  });

  it("a create-only CAS cannot succeed on a key that exists", () => {
    const ops = history(put(1, [0, 1], "v1"), cas(2, [2, 3], { expect: null, value: "v2", ok: true }));
    expectViolation(checkLinearizable(ops));
  });

  it("a delete reports that the key existed only if it had a value", () => {
    expectViolation(checkLinearizable(history(del(1, [0, 1], true))));
    expectViolation(checkLinearizable(history(put(1, [0, 1], "v1"), del(2, [2, 3], false))));
  });

  it("a read never returns a write's value before that write was invoked", () => {
    expectViolation(checkLinearizable(history(get(1, [0, 1], "v1"), put(2, [2, 3], "v1"))));
  });

  it("once one client has seen a write, a client that reads later cannot miss it (real-time order)", () => {
    // The write is still in flight for both reads, but the reads are ordered in real time.
    const ops = history(put(1, [0, 10], "v1"), get(2, [1, 2], "v1"), get(3, [3, 4], null));
    expectViolation(checkLinearizable(ops));
  });

  it("a timed-out write that was observed cannot later be un-observed", () => {
    const ops = history(timedOut(put(1, [0, 1], "v1")), get(2, [5, 6], "v1"), get(3, [7, 8], null));
    expectViolation(checkLinearizable(ops));
  });

  it("a timed-out write cannot take effect before it was sent", () => {
    const ops = history(get(2, [0, 1], "v1"), timedOut(put(1, [2, 3], "v1")));
    expectViolation(checkLinearizable(ops));
  });

  it("a violation is reported on its own key, with only that key's operations", () => {
    const ops = history(
      onKey("a", put(1, [0, 1], "a1")),
      onKey("b", put(2, [0, 1], "b1")),
      onKey("a", get(1, [2, 3], "a1")),
      onKey("b", get(2, [2, 3], "a1")),
    );
    const result = checkLinearizable(ops);
    expectViolation(result, "b");
    if (result.ok === false) expect(result.ops.map((op) => op.id)).toEqual([1, 3]);
  });
});

describe("the checker accepts what a linearizable store may answer", () => {
  it("an empty history is linearizable", () => {
    expectLinearizable(checkLinearizable([]));
  });

  it("concurrent writes may be read in either order", () => {
    for (const seen of ["v1", "v2"]) {
      const ops = history(put(1, [0, 10], "v1"), put(2, [0, 10], "v2"), get(3, [11, 12], seen));
      expectLinearizable(checkLinearizable(ops));
    }
  });

  it("reads overlapping two concurrent writes may see the second write's value first", () => {
    const ops = history(
      put(1, [0, 10], "v1"),
      put(2, [0, 10], "v2"),
      get(3, [1, 2], "v2"),
      get(3, [3, 4], "v1"),
      get(3, [11, 12], "v1"),
    );
    expectLinearizable(checkLinearizable(ops));
  });

  it("a timed-out write may take effect, even long after the client gave up", () => {
    const ops = history(timedOut(put(1, [0, 1], "v1")), get(2, [5, 6], null), get(2, [100, 101], "v1"));
    expectLinearizable(checkLinearizable(ops));
  });

  it("a timed-out write may never take effect", () => {
    const ops = history(put(2, [0, 1], "v0"), timedOut(put(1, [2, 3], "v1")), get(2, [5, 6], "v0"));
    expectLinearizable(checkLinearizable(ops));
  });

  it("a timed-out CAS may have applied", () => {
    const ops = history(
      put(1, [0, 1], "v0"),
      timedOut(cas(1, [2, 3], { expect: "v0", value: "v1", ok: true })),
      get(2, [4, 5], "v1"),
    );
    expectLinearizable(checkLinearizable(ops));
  });

  it("a timed-out read constrains nothing", () => {
    const ops = history(put(1, [0, 1], "v1"), timedOut(get(2, [2, 3], "nonsense")), get(2, [4, 5], "v1"));
    expectLinearizable(checkLinearizable(ops));
  });

  it("CAS, delete and create-only CAS follow the key's value", () => {
    const ops = history(
      cas(1, [0, 1], { expect: null, value: "v1", ok: true }),
      cas(2, [2, 3], { expect: "v0", value: "v2", ok: false }),
      cas(2, [4, 5], { expect: "v1", value: "v3", ok: true }),
      del(1, [6, 7], true),
      del(1, [8, 9], false),
      get(3, [10, 11], null),
    );
    expectLinearizable(checkLinearizable(ops));
  });

  it("operations that meet at one instant are concurrent, not ordered", () => {
    // Timestamps come from clocks with finite resolution: a completion and an invocation at the
    // same reading may have happened in either order, so the checker must not order them.
    const touching = history(put(1, [0, 5], "v1"), get(2, [5, 6], null));
    expectLinearizable(checkLinearizable(touching));
    // One tick later the order is real, and the stale read is caught.
    const ordered = history(put(1, [0, 5], "v1"), get(2, [6, 7], null));
    expectViolation(checkLinearizable(ordered));
  });
});

describe("operations that timed out during an outage do not exhaust the search", () => {
  // Simulator seed 2040259: two dozen writes timed out while the group had no leader, puts and
  // CASes on a stale expectation, and then one read pinned one of them. Each timed-out operation
  // the search may linearize (or not) doubles the configurations it tells apart, so the search
  // ran out of budget. A timed-out operation never needs linearizing where it would change
  // nothing (a CAS whose expectation fails), nor right before a blind overwrite (a put) that
  // would erase its effect unseen: in both places it may as well go last.
  const timedOutCount = 20;
  /** Budget far below 2^timedOutCount: enough only if those writes are not branched on. */
  const budget = { maxStatesPerKey: 20_000 };
  const staleCas = (i: number): Draft =>
    cas(3 + (i % 2), [4 + i, 5 + i], { expect: "stale", value: `s${i}`, ok: true });
  const blindPut = (i: number): Draft => put(3 + (i % 2), [4 + i, 5 + i], `s${i}`);
  const outage = (write: (i: number) => Draft, seen: string | null): Operation[] =>
    history(
      put(1, [0, 1], "v0"),
      // Tried first by the search and wrong for the read below: every subset of the timed-out
      // writes gets explored beneath it before the search gives it up.
      timedOut(put(2, [2, 3], "lost")),
      ...Array.from({ length: timedOutCount }, (_, i) => timedOut(write(i))),
      timedOut(cas(5, [30, 31], { expect: "v0", value: "v1", ok: true })),
      get(6, [40, 41], seen),
      put(6, [42, 43], "v2"),
      get(1, [44, 45], "v2"),
    );

  it.each([
    ["CASes on a stale expectation", staleCas],
    ["puts", blindPut],
  ])("a read that sees one of many timed-out writes (%s) is decided linearizable", (_, write) => {
    expectLinearizable(checkLinearizable(outage(write, "v1"), budget));
    expectLinearizable(checkLinearizable(outage(write, "lost"), budget));
    expectLinearizable(checkLinearizable(outage(write, "v0"), budget));
  });

  it("a timed-out put a read saw is placed where the read needs it", () => {
    expectLinearizable(checkLinearizable(outage(blindPut, "s7"), budget));
  });

  it.each([
    ["CASes on a stale expectation", staleCas],
    ["puts", blindPut],
  ])("a read of a value no write could have left is still caught among timed-out %s", (_, write) => {
    expectViolation(checkLinearizable(outage(write, "ghost"), budget));
  });

  it("a read of a value only a CAS that could never apply wrote is caught", () => {
    expectViolation(checkLinearizable(outage(staleCas, "s7"), budget));
  });
});

describe("the checker explains its verdicts", () => {
  it("a failure names the key, the operation that could not be placed, and prints the key's history", () => {
    const ops = history(put(1, [0, 1], "v1"), put(2, [2, 3], "v2"), get(3, [4, 5], "v1"));
    const result = checkLinearizable(ops);
    expectViolation(result);
    const text = describeCheckResult(result);
    expect(text).toContain('key "k" is not linearizable');
    expect(text).toContain(
      `then this operation returned before it could be linearized:\n  ${formatOperation(ops[2]!)}`,
    );
    expect(text).toContain(formatHistory(ops));
  });

  it("formatHistory prints one line per operation in invocation order, marking unknown outcomes", () => {
    const ops = history(
      get(3, [4, 5.25], "v1"),
      timedOut(cas(2, [2, 3], { expect: null, value: "v1", ok: true })),
      del(1, [0, 1], false),
    );
    expect(formatHistory(ops).split("\n")).toEqual([
      '#2  c1  [0, 1]      "k"  del()               →  absent',
      '#1  c2  [2, ∞)      "k"  cas(absent → "v1")  →  ? (unknown outcome)',
      '#0  c3  [4, 5.250]  "k"  get()               →  "v1"',
    ]);
  });
});

describe("the checker never passes what it could not decide", () => {
  const sequential = history(...Array.from({ length: 10 }, (_, i) => put(1, [2 * i, 2 * i + 1], `v${i}`)));

  it("an exhausted search budget is reported as unknown, never as a pass", () => {
    const result = checkLinearizable(sequential, { maxStatesPerKey: 3 });
    expect(result.ok).toBe("unknown");
    if (result.ok === "unknown") {
      expect(result.key).toBe("k");
      expect(result.reason).toContain("budget exhausted");
    }
    expectLinearizable(checkLinearizable(sequential, { maxStatesPerKey: 10 }));
  });

  it("a definite violation on another key is reported ahead of an undecided key", () => {
    const ops = [
      ...sequential,
      ...history(onKey("z", get(1, [0, 1], "ghost"))).map((op) => ({ ...op, id: 99 })),
    ];
    expectViolation(checkLinearizable(ops, { maxStatesPerKey: 3 }), "z");
  });
});

describe("the checker refuses malformed histories instead of judging them", () => {
  it.each<[string, Operation[], string]>([
    [
      "a duplicate id",
      [...history(put(1, [0, 1], "v1")), ...history(put(1, [2, 3], "v2"))],
      "duplicate id 0",
    ],
    ["a completion before its invocation", history(put(1, [5, 4], "v1")), "completes before it is invoked"],
    [
      "an output of another kind",
      history({ ...put(1, [0, 1], "v1"), output: { kind: "get", value: null } }),
      "a put answered as a get",
    ],
    [
      "an output but no completion time",
      history({ ...put(1, [0, 1], "v1"), completeTime: null }),
      "no completion time",
    ],
  ])("a history where an operation has %s is refused", (_, ops, message) => {
    expect(() => checkLinearizable(ops)).toThrow(message);
  });
});

describe("HistoryRecorder", () => {
  it("stamps invocation and completion with the injected clock", () => {
    let now = 10;
    const recorder = new HistoryRecorder(() => now);
    const id = recorder.invoke(4, "k", { kind: "put", value: "v1" });
    now = 17;
    recorder.complete(id, { kind: "put" });
    expect(recorder.operations()).toEqual([
      {
        id,
        client: 4,
        key: "k",
        input: { kind: "put", value: "v1" },
        output: { kind: "put" },
        invokeTime: 10,
        completeTime: 17,
      },
    ]);
  });

  it("a timed-out operation, or one still in flight, has an unknown outcome", () => {
    const recorder = new HistoryRecorder(() => 0);
    const timedOutId = recorder.invoke(1, "k", { kind: "put", value: "v1" });
    recorder.invoke(2, "k", { kind: "get" });
    recorder.timeout(timedOutId);
    expect(recorder.operations().map((op) => [op.output, op.completeTime])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("an operation is resolved exactly once, with an output of its own kind", () => {
    const recorder = new HistoryRecorder(() => 0);
    const id = recorder.invoke(1, "k", { kind: "get" });
    expect(() => recorder.complete(id, { kind: "put" })).toThrow("completed as a put");
    recorder.complete(id, { kind: "get", value: null });
    expect(() => recorder.complete(id, { kind: "get", value: null })).toThrow("not in flight");
    expect(() => recorder.timeout(id)).toThrow("not in flight");
    expect(() => recorder.timeout(42)).toThrow("not in flight");
  });

  it("the clock must not go backwards between invocation and completion", () => {
    let now = 5;
    const recorder = new HistoryRecorder(() => now);
    const id = recorder.invoke(1, "k", { kind: "get" });
    now = 4;
    expect(() => recorder.complete(id, { kind: "get", value: null })).toThrow("clock went backwards");
  });
});

// ---------------------------------------------------------------------------------------------
// Histories produced by a correct store: operations executed one at a time against the model,
// each at its own execution point, with a client-visible interval drawn around that point.

interface PlannedOp {
  key: number;
  kind: KvInput["kind"];
  /** Which value a CAS expects: the current one, absence, or some earlier write. */
  expectPick: number;
  /** How long before/after its execution point the client sent it / saw the answer. */
  lead: number;
  lag: number;
  /** known: answered; unknown: executed but the client never heard back; lost: never executed. */
  fate: "known" | "unknown" | "lost";
}

const plannedOp: fc.Arbitrary<PlannedOp> = fc.record({
  key: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom("put", "get", "cas", "del"),
  expectPick: fc.nat(),
  lead: fc.nat({ max: 250 }),
  lag: fc.nat({ max: 250 }),
  fate: fc.constantFrom("known", "known", "known", "known", "unknown", "lost"),
});

/** Execution points are 100 apart; `overlapping` lets intervals reach over neighbouring points. */
function executePlan(plan: readonly PlannedOp[], { overlapping }: { overlapping: boolean }): Operation[] {
  const states = new Map<string, KvState>();
  const written = new Map<string, string[]>();
  return plan.map((step, id) => {
    const key = `k${step.key}`;
    const state = states.get(key) ?? null;
    const writes = written.get(key) ?? [];
    const value = `v${id}`;
    const input = plannedInput(step, { value, current: state, earlier: writes });
    const point = 100 * id;
    // Without overlap every interval stays within ±40 of its point, leaving gaps between ops.
    const invokeTime = point - (overlapping ? step.lead : step.lead % 40);
    const completeTime = point + (overlapping ? step.lag : step.lag % 40);
    if (step.fate === "lost") {
      return { id, client: id % 5, key, input, output: null, invokeTime, completeTime: null };
    }
    const { output, next } = applyKv(state, input);
    states.set(key, next);
    if (input.kind === "put" || input.kind === "cas") written.set(key, [...writes, value]);
    return step.fate === "known"
      ? { id, client: id % 5, key, input, output, invokeTime, completeTime }
      : { id, client: id % 5, key, input, output: null, invokeTime, completeTime: null };
  });
}

function plannedInput(
  step: PlannedOp,
  { value, current, earlier }: { value: string; current: KvState; earlier: readonly string[] },
): KvInput {
  switch (step.kind) {
    case "put":
      return { kind: "put", value };
    case "cas": {
      const someEarlier = earlier[Math.floor(step.expectPick / 3) % Math.max(earlier.length, 1)] ?? null;
      const expect = [current, null, someEarlier][step.expectPick % 3] ?? null;
      return { kind: "cas", expect, value };
    }
    default:
      return { kind: step.kind };
  }
}

describe("properties", () => {
  it("every history a correct store could produce is accepted, sequential or overlapping", () => {
    fc.assert(
      fc.property(fc.array(plannedOp, { maxLength: 60 }), fc.boolean(), (plan, overlapping) => {
        const result = checkLinearizable(executePlan(plan, { overlapping }));
        expect(result.ok, describeCheckResult(result)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("in a sequential history, changing any one read's result to another value is rejected", () => {
    const knownOp = plannedOp.map((step): PlannedOp => ({ ...step, fate: "known" }));
    fc.assert(
      fc.property(
        fc.array(knownOp, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        (plan, readPick, valuePick) => {
          const readIndex = readPick % plan.length;
          const forced = plan.map((step, i) => (i === readIndex ? { ...step, kind: "get" as const } : step));
          const ops = executePlan(forced, { overlapping: false });
          const read = ops[readIndex]!;
          const seen = read.output?.kind === "get" ? read.output.value : undefined;
          const writtenOnKey = ops.flatMap((op) =>
            op.key === read.key && (op.input.kind === "put" || op.input.kind === "cas")
              ? [op.input.value]
              : [],
          );
          const others = [null, "never-written", ...writtenOnKey].filter((value) => value !== seen);
          const wrong = others[valuePick % others.length] ?? null;
          const mutated = ops.map((op) =>
            op === read ? { ...op, output: { kind: "get", value: wrong } satisfies KvOutput } : op,
          );
          const result = checkLinearizable(mutated);
          expect(result.ok, `read #${readIndex} changed to ${JSON.stringify(wrong)}`).toBe(false);
          if (result.ok === false) expect(result.key).toBe(read.key);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Small histories with arbitrary answers, judged again by brute force: the search, its
// memoization and its read rule must never change a verdict.

interface RandomCall {
  client: number;
  invokeTime: number;
  duration: number;
  kind: KvInput["kind"];
  /** Which value a read returns or a CAS expects, among absence and every value written. */
  valuePick: number;
  /** A CAS's ok, a delete's existed. */
  flag: boolean;
  unknown: boolean;
}

const randomCall: fc.Arbitrary<RandomCall> = fc.record({
  client: fc.nat({ max: 3 }),
  invokeTime: fc.nat({ max: 12 }),
  duration: fc.nat({ max: 6 }),
  kind: fc.constantFrom("put", "get", "cas", "del"),
  valuePick: fc.nat(),
  flag: fc.boolean(),
  unknown: fc.boolean().chain((maybe) => (maybe ? fc.boolean() : fc.constant(false))),
});

function arbitraryHistory(calls: readonly RandomCall[]): Operation[] {
  const values = [null, ...calls.map((_, id) => `v${id}`)];
  return calls.map((call, id): Operation => {
    const picked = values[call.valuePick % values.length] ?? null;
    const [input, output]: [KvInput, KvOutput] =
      call.kind === "put"
        ? [{ kind: "put", value: `v${id}` }, { kind: "put" }]
        : call.kind === "get"
          ? [{ kind: "get" }, { kind: "get", value: picked }]
          : call.kind === "cas"
            ? [
                { kind: "cas", expect: picked, value: `v${id}` },
                { kind: "cas", ok: call.flag },
              ]
            : [{ kind: "del" }, { kind: "del", existed: call.flag }];
    const completeTime = call.invokeTime + call.duration;
    return call.unknown
      ? {
          id,
          client: call.client,
          key: "k",
          input,
          output: null,
          invokeTime: call.invokeTime,
          completeTime: null,
        }
      : { id, client: call.client, key: "k", input, output, invokeTime: call.invokeTime, completeTime };
  });
}

/**
 * Linearizability by definition: some order of the operations, each placed after every known
 * operation that completed strictly before it was invoked, in which every known answer is the
 * one a correct store gives. Unknown operations may also never happen.
 */
function linearizableByBruteForce(state: KvState, remaining: readonly Operation[]): boolean {
  if (remaining.every((op) => op.output === null)) return true;
  return remaining.some((op) => {
    const mustWait = remaining.some(
      (other) => other.completeTime !== null && other.output !== null && other.completeTime < op.invokeTime,
    );
    if (mustWait) return false;
    const { output, next } = applyKv(state, op.input);
    if (op.output !== null && !isDeepStrictEqual(op.output, output)) return false;
    return linearizableByBruteForce(
      next,
      remaining.filter((other) => other !== op),
    );
  });
}

describe("the checker agrees with the definition", () => {
  it("on small histories with arbitrary answers, it accepts exactly those some valid order explains", () => {
    fc.assert(
      fc.property(fc.array(randomCall, { maxLength: 7 }), (calls) => {
        const ops = arbitraryHistory(calls);
        const expected = linearizableByBruteForce(null, ops);
        const result = checkLinearizable(ops);
        expect(result.ok, `${describeCheckResult(result)}\n${formatHistory(ops)}`).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("two sets of linearized operations get the same signature exactly when they are equal", () => {
    const bits = { knownBits: 70, openBits: 20 };
    // The search fills known bits roughly in order, so besides single toggles, fill prefixes:
    // random toggles alone would almost never complete a word, leaving the compaction untested.
    const step = fc.oneof(
      fc.record({ toggle: fc.nat({ max: bits.knownBits + bits.openBits - 1 }) }),
      fc.record({ fillBelow: fc.nat({ max: bits.knownBits }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 100 }), (steps) => {
        const set = new LinearizedSet(bits);
        const reference = new Set<number>();
        const membersBySignature = new Map<string, string>();
        const toggle = (bit: number): void => {
          set.toggle(bit);
          if (!reference.delete(bit)) reference.add(bit);
          const members = [...reference].sort((a, b) => a - b).join(",");
          const signature = set.signature();
          expect(membersBySignature.get(signature) ?? members).toBe(members);
          membersBySignature.set(signature, members);
        };
        for (const action of steps) {
          if ("toggle" in action) {
            const n = action.toggle;
            toggle(n < bits.knownBits ? n : set.openBit(n - bits.knownBits));
          } else {
            for (let bit = 0; bit < action.fillBelow; bit++) if (!reference.has(bit)) toggle(bit);
          }
        }
        expect(new Set(membersBySignature.values()).size).toBe(membersBySignature.size);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Scale: clients running concurrently against a correct store, as the simulator will produce.

/** mulberry32: a tiny seeded generator, so these histories are the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface ClientRun {
  seed: number;
  operations: number;
  keys: number;
  clients: number;
}

/**
 * Each client has at most one call in flight. Each step one random client moves on: it sends a
 * call, or its call executes against the store (the linearization point), or the answer
 * arrives. A few calls time out: some after executing, some never executing at all.
 */
function runClients({ seed, operations, keys, clients }: ClientRun): Operation[] {
  const random = seededRandom(seed);
  const below = (n: number): number => Math.floor(random() * n);
  let now = 0;
  const recorder = new HistoryRecorder(() => now);
  const states = new Map<string, KvState>();
  const inFlight: ({ id: number; key: string; input: KvInput; output: KvOutput | null } | null)[] =
    Array.from({ length: clients }, () => null);
  let issued = 0;
  while (issued < operations || inFlight.some((call) => call !== null)) {
    now += 1;
    const client = below(clients);
    const call = inFlight[client] ?? null;
    if (call === null) {
      if (issued === operations) continue;
      const key = `k${below(keys)}`;
      const input = randomInput(below, states.get(key) ?? null, `v${issued}`);
      inFlight[client] = { id: recorder.invoke(client, key, input), key, input, output: null };
      issued++;
    } else if (call.output === null && random() < 0.01) {
      recorder.timeout(call.id);
      inFlight[client] = null;
    } else if (call.output === null) {
      const { output, next } = applyKv(states.get(call.key) ?? null, call.input);
      states.set(call.key, next);
      call.output = output;
    } else {
      if (random() < 0.02) recorder.timeout(call.id);
      else recorder.complete(call.id, call.output);
      inFlight[client] = null;
    }
  }
  return recorder.operations();
}

function randomInput(below: (n: number) => number, current: KvState, value: string): KvInput {
  switch (below(6)) {
    case 0:
    case 1:
      return { kind: "put", value };
    case 2:
      return { kind: "cas", expect: below(2) === 0 ? current : null, value };
    case 3:
      return { kind: "del" };
    default:
      return { kind: "get" };
  }
}

describe("scale", () => {
  it.each([1, 2, 3])(
    "2,000 operations over 20 keys from 5 concurrent clients check out (seed %i)",
    (seed) => {
      const ops = runClients({ seed, operations: 2000, keys: 20, clients: 5 });
      expect(ops).toHaveLength(2000);
      expectLinearizable(checkLinearizable(ops));
    },
  );

  it("2,000 operations on one hot key from 5 concurrent clients check out", () => {
    expectLinearizable(checkLinearizable(runClients({ seed: 7, operations: 2000, keys: 1, clients: 5 })));
  });

  it("one impossible read planted late in a large concurrent history is caught", () => {
    const ops = runClients({ seed: 1, operations: 2000, keys: 20, clients: 5 });
    const lastRead = ops.findLast((op) => op.output?.kind === "get");
    expect(lastRead).toBeDefined();
    const planted = ops.map((op) =>
      op === lastRead ? { ...op, output: { kind: "get" as const, value: "ghost" } } : op,
    );
    expectViolation(checkLinearizable(planted), lastRead?.key);
  });
});
