// The state machine against a simple reference model (reference-model.ts): random sequences of
// shard commands, applied through the log encoding, must give the same apply results, records,
// range answers and watch events as the model, and two machines fed the same commands the same
// digest. A machine with a planted bug must be caught.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Compare, RangeQuery, TxnOp, WatchEvent } from "../../../src/api/kv-model.ts";
import { type Command, decodeCommand, encodeCommand } from "../../../src/node/kv/command.ts";
import { KvStateMachine } from "../../../src/node/kv/state-machine.ts";
import { ReferenceShard } from "./reference-model.ts";

const KEYS = ["", "a", "ab", "b", "b\xff", "c", "\xff"];
const MAX_KEYS = 3;
const bytes = (s: string): Uint8Array => Buffer.from(s, "latin1");
const EVERYTHING: RangeQuery = { start: new Uint8Array(0), end: new Uint8Array(0) };

const key = fc.constantFrom(...KEYS).map(bytes);
const value = fc.constantFrom("", "x", "y", "zz").map(bytes);
const lease = fc.constantFrom(0, 0, 1, 2);
const span = fc.oneof(
  key.map((start) => ({ start })),
  fc.tuple(key, key).map(([start, end]) => ({ start, end })),
  key.map((start) => ({ start, end: new Uint8Array(0) })),
);
const query: fc.Arbitrary<RangeQuery> = fc
  .record(
    {
      limit: fc.nat(4),
      keysOnly: fc.boolean(),
      countOnly: fc.boolean(),
      sortOrder: fc.constantFrom("none", "ascend", "descend"),
      sortTarget: fc.constantFrom("key", "version", "create", "mod", "value"),
      minModRevision: fc.nat(30),
      maxCreateRevision: fc.nat(30),
    },
    { requiredKeys: [] },
  )
  .chain((q) => span.map((s) => ({ ...s, ...q })));
const putOp = fc.record(
  { key, value, lease, prevKv: fc.boolean(), ignoreValue: fc.boolean(), ignoreLease: fc.boolean() },
  { requiredKeys: ["key", "value"] },
);
const compare: fc.Arbitrary<Compare> = fc.oneof(
  fc.record({
    key,
    target: fc.constantFrom("version", "create", "mod", "lease"),
    result: fc.constantFrom("equal", "greater", "less", "notEqual"),
    operand: fc.nat(20),
  }),
  fc.record({
    key,
    target: fc.constant("value"),
    result: fc.constantFrom("equal", "notEqual"),
    operand: value,
  }),
  fc.tuple(key, key, fc.nat(20)).map(([k, end, operand]) => ({
    key: k,
    rangeEnd: end,
    target: "mod" as const,
    result: "greater" as const,
    operand,
  })),
);
const txnOp: fc.Arbitrary<TxnOp> = fc.oneof(
  putOp.map((put) => ({ put })),
  query.map((range) => ({ range })),
  span.chain((s) => fc.boolean().map((prevKv) => ({ deleteRange: { ...s, prevKv } }))),
);

/** A command, given the revision step: mostly above the floor, sometimes not (stale). */
const command = (revision: number): fc.Arbitrary<Command> =>
  fc.oneof(
    putOp.chain((p) =>
      fc.option(fc.constantFrom(0, revision - 1, revision - 2), { nil: undefined }).map((ifVersion) => ({
        put: ifVersion === undefined ? { ...p, revision } : { ...p, revision, ifVersion },
      })),
    ),
    key.map((k) => ({ delete: { key: k, revision } })),
    span.chain((s) => fc.boolean().map((prevKv) => ({ deleteRange: { ...s, revision, prevKv } }))),
    fc
      .tuple(
        fc.array(compare, { maxLength: 2 }),
        fc.array(txnOp, { maxLength: 3 }),
        fc.array(txnOp, { maxLength: 2 }),
      )
      .map(([compares, success, failure]) => ({ txn: { compares, success, failure, revision } })),
    fc.option(query, { nil: undefined }).map((q) => ({ fence: q ? { revision, query: q } : { revision } })),
    lease.map((l) => ({ revokeLeaseKeys: { lease: l || 1, revision } })),
  );

/** Commands with revisions that mostly climb, by steps of -2..3 (≤ 0: stale). */
const commands = fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 1, maxLength: 40 }).chain((steps) => {
  let revision = 0;
  return fc.tuple(
    ...steps.map((step) => {
      revision = Math.max(1, revision + step);
      return command(revision);
    }),
  );
});

/** Bytes as arrays, so results compare by content (decoded buffers vs fresh arrays). */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return [...v];
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

interface Shard {
  apply(command: Command, index: number): unknown;
  range(query: RangeQuery, bounds: { maxKeys: number; maxBytes: number }): unknown;
  digest(): string;
  readonly history: { subscribe(listener: (events: readonly WatchEvent[]) => void): () => void };
}

/** Run `list` through two machines and the model; throws on the first disagreement. */
function agree(list: readonly Command[], make: () => Shard): void {
  const bounds = { maxKeys: MAX_KEYS, maxBytes: 1 << 20 };
  const machine = make();
  const twin = make();
  const model = new ReferenceShard();
  const events: WatchEvent[] = [];
  machine.history.subscribe((e) => events.push(...e));
  for (const [i, c] of list.entries()) {
    const logged = decodeCommand(encodeCommand(c));
    const got = machine.apply(logged, i + 1);
    twin.apply(logged, i + 1);
    expect(plain(got)).toEqual(plain(model.apply(logged, i + 1, MAX_KEYS)));
    expect(plain(machine.range(EVERYTHING, { maxKeys: 100, maxBytes: 1 << 20 }))).toEqual(
      plain(model.range(EVERYTHING, 100)),
    );
    expect(twin.digest()).toBe(machine.digest());
  }
  expect(plain(events)).toEqual(plain(model.events));
  if (machine instanceof KvStateMachine) {
    const restored = new KvStateMachine();
    restored.restore(machine.snapshot());
    expect(restored.digest()).toBe(machine.digest());
  }
  for (const q of [
    EVERYTHING,
    { start: bytes("a"), end: bytes("c"), sortTarget: "value", limit: 2 } as const,
  ]) {
    expect(plain(machine.range(q, bounds))).toEqual(plain(model.range(q, MAX_KEYS)));
  }
}

describe("the state machine against a reference model", () => {
  it("agrees on results, records, ranges, events and digests for random command sequences", () => {
    fc.assert(
      fc.property(commands, (list) =>
        agree(list, () => new KvStateMachine({ rangeBounds: { maxKeys: MAX_KEYS, maxBytes: 1 << 20 } })),
      ),
      { numRuns: 200 },
    );
  });

  it("catches a planted bug: an apply that drops ifVersion from puts", () => {
    const buggy = (): Shard => {
      const sm = new KvStateMachine({ rangeBounds: { maxKeys: MAX_KEYS, maxBytes: 1 << 20 } });
      return {
        apply: (c, index) => {
          if ("put" in c && c.put.ifVersion !== undefined) {
            const { ifVersion: _dropped, ...put } = c.put;
            return sm.apply({ put }, index);
          }
          return sm.apply(c, index);
        },
        range: (q, bounds) => sm.range(q, bounds),
        digest: () => sm.digest(),
        history: sm.history,
      };
    };
    const outcome = fc.check(
      fc.property(commands, (list) => agree(list, buggy)),
      { numRuns: 300 },
    );
    expect(outcome.failed).toBe(true);
  });
});
