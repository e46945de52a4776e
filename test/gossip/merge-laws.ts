// The laws every merge rule must obey, written once and run against the real rules and against
// planted bugs (planted-bug.test.ts), so a check that cannot fail is itself caught.
//
// A merge keeps the held record unless the incoming one ranks strictly higher — exactly what
// ClusterState does on every arrival — so the laws are checked on the same operation the
// protocol runs, not on a model of it.
import fc from "fast-check";
import { canonicalJson } from "../../src/gossip/canonical.ts";
import {
  ClusterState,
  canonicalSnapshot,
  type MemberRecord,
  type MemberState,
  type MergeRules,
  type MetadataEntry,
  type MetadataValue,
} from "../../src/gossip/index.ts";

export interface MergeLaw {
  readonly name: string;
  readonly property: fc.IProperty<unknown>;
}

const STATES: readonly MemberState[] = ["alive", "suspect", "dead", "left"];
const RANK: Readonly<Record<MemberState, number>> = { alive: 0, suspect: 1, dead: 2, left: 3 };

/** Records about few members, with few incarnations and addresses, so that ties are common. */
export function memberRecordArbitrary(ids: readonly string[] = ["a"]): fc.Arbitrary<MemberRecord> {
  return fc.record({
    id: fc.constantFrom(...ids),
    addresses: fc.dictionary(fc.constantFrom("gossip", "http"), fc.constantFrom("10.0.0.1:1", "10.0.0.2:2"), {
      maxKeys: 2,
    }),
    state: fc.constantFrom(...STATES),
    incarnation: fc.nat(3),
  });
}

/** JSON values as the protocol accepts them: finite numbers, plain objects, nested a little. */
const metadataValueArbitrary: fc.Arbitrary<MetadataValue> = fc.letrec<{ value: MetadataValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, false, 0, 1, "x"),
    fc.integer(),
    fc.string({ maxLength: 4 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

export function metadataEntryArbitrary(keys: readonly string[] = ["k"]): fc.Arbitrary<MetadataEntry> {
  return fc.record({
    key: fc.constantFrom(...keys),
    value: fc.oneof(fc.constantFrom(1, 2, "x", null), metadataValueArbitrary),
    version: fc.nat(3),
    origin: fc.constantFrom("n1", "n2"),
  });
}

function mergeWith<T>(compare: (a: T, b: T) => number): (held: T, incoming: T) => T {
  return (held, incoming) => (compare(incoming, held) > 0 ? incoming : held);
}

/** Commutative, associative, idempotent — for any order of two or three records. */
function semilatticeLaws<T>(
  label: string,
  arbitrary: fc.Arbitrary<T>,
  compare: (a: T, b: T) => number,
): MergeLaw[] {
  const merge = mergeWith(compare);
  const same = (a: T, b: T): boolean => canonicalJson(a) === canonicalJson(b);
  return [
    {
      name: `${label} merge is commutative`,
      property: fc.property(arbitrary, arbitrary, (a, b) => same(merge(a, b), merge(b, a))),
    },
    {
      name: `${label} merge is associative`,
      property: fc.property(arbitrary, arbitrary, arbitrary, (a, b, c) =>
        same(merge(merge(a, b), c), merge(a, merge(b, c))),
      ),
    },
    {
      name: `${label} merge is idempotent`,
      property: fc.property(arbitrary, arbitrary, (a, b) => same(merge(merge(a, b), b), merge(a, b))),
    },
  ];
}

/** The member laws: the semilattice ones plus the precedence SWIM's correctness rests on. */
export function memberMergeLaws(compare: MergeRules["compareMembers"]): MergeLaw[] {
  const arbitrary = memberRecordArbitrary();
  const merge = mergeWith(compare);
  return [
    ...semilatticeLaws("member", arbitrary, compare),
    {
      name: "a higher incarnation wins; at equal incarnation left > dead > suspect > alive",
      property: fc.property(arbitrary, arbitrary, (a, b) => {
        const kept = merge(a, b);
        if (a.incarnation !== b.incarnation) {
          return kept.incarnation === Math.max(a.incarnation, b.incarnation);
        }
        return RANK[kept.state] === Math.max(RANK[a.state], RANK[b.state]);
      }),
    },
  ];
}

export function metadataMergeLaws(compare: MergeRules["compareMetadata"]): MergeLaw[] {
  const arbitrary = metadataEntryArbitrary();
  const merge = mergeWith(compare);
  return [
    ...semilatticeLaws("metadata", arbitrary, compare),
    {
      name: "the higher metadata version wins",
      property: fc.property(
        arbitrary,
        arbitrary,
        (a, b) => merge(a, b).version === Math.max(a.version, b.version),
      ),
    },
  ];
}

type Delivery =
  | { readonly kind: "member"; readonly record: MemberRecord }
  | { readonly kind: "metadata"; readonly entry: MetadataEntry };

/**
 * Any delivery order converges: two members that receive the same updates — in different
 * orders, one of them with repeats — end with the same view.
 */
export function convergenceLaw(rules: MergeRules): MergeLaw {
  const delivery: fc.Arbitrary<Delivery> = fc.oneof(
    memberRecordArbitrary(["a", "b", "c"]).map((record) => ({ kind: "member" as const, record })),
    metadataEntryArbitrary(["epoch", "leader/0"]).map((entry) => ({ kind: "metadata" as const, entry })),
  );
  const scenario = fc
    .array(delivery, { minLength: 1, maxLength: 12 })
    .chain((updates) =>
      fc.tuple(
        fc.constant(updates),
        fc.shuffledSubarray(updates, { minLength: updates.length, maxLength: updates.length }),
        fc.array(fc.nat(updates.length - 1), { maxLength: 6 }),
      ),
    );
  return {
    name: "any delivery order of the same updates converges to the same view",
    property: fc.property(scenario, ([inOrder, shuffled, repeats]) => {
      const withRepeats = [...shuffled, ...repeats.map((index) => inOrder[index]!)];
      return viewAfter(rules, inOrder) === viewAfter(rules, withRepeats);
    }),
  };
}

function viewAfter(rules: MergeRules, deliveries: readonly Delivery[]): string {
  const state = new ClusterState(rules);
  for (const delivery of deliveries) {
    if (delivery.kind === "member") state.mergeMember(delivery.record);
    else state.mergeMetadata(delivery.entry);
  }
  return canonicalSnapshot(state.snapshot());
}

/** All laws for a set of rules. */
export function allMergeLaws(rules: MergeRules): MergeLaw[] {
  return [
    ...memberMergeLaws(rules.compareMembers),
    ...metadataMergeLaws(rules.compareMetadata),
    convergenceLaw(rules),
  ];
}
