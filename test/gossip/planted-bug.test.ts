// A check that cannot fail proves nothing. Each test here plants a plausible bug in the merge
// rules and demands that the very checks the real rules pass (merge-laws.ts, scenarios.ts)
// catch it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareMemberRecords,
  compareMetadataEntries,
  DEFAULT_MERGE_RULES,
  type MemberRecord,
  type MergeRules,
  type MetadataEntry,
} from "../../src/gossip/index.ts";
import { allMergeLaws, type MergeLaw } from "./merge-laws.ts";
import { partitionScenario, pauseScenario } from "./scenarios.ts";

/** Bug: a lower incarnation wins, so a refutation can never override a suspicion. */
const lowerIncarnationWins: MergeRules = {
  ...DEFAULT_MERGE_RULES,
  compareMembers: (a: MemberRecord, b: MemberRecord) =>
    a.incarnation !== b.incarnation ? b.incarnation - a.incarnation : compareMemberRecords(a, b),
};

/** Bug: on a version tie the arriving entry wins, so arrival order decides. */
const arrivalWinsTies: MergeRules = {
  ...DEFAULT_MERGE_RULES,
  compareMetadata: (a: MetadataEntry, b: MetadataEntry) =>
    a.version === b.version ? 1 : compareMetadataEntries(a, b),
};

/** Bug: the member tie-break ignores addresses, so two different records can tie. */
const addressBlindTies: MergeRules = {
  ...DEFAULT_MERGE_RULES,
  compareMembers: (a: MemberRecord, b: MemberRecord) =>
    a.incarnation !== b.incarnation
      ? a.incarnation - b.incarnation
      : compareMemberRecords({ ...a, addresses: {} }, { ...b, addresses: {} }),
};

function brokenLaws(rules: MergeRules): string[] {
  const failed = (law: MergeLaw) => fc.check(law.property, { numRuns: 300, seed: 7 }).failed;
  return allMergeLaws(rules)
    .filter(failed)
    .map((law) => law.name);
}

describe("planted merge bugs are caught", () => {
  it("lower-incarnation-wins breaks the precedence law", () => {
    expect(brokenLaws(lowerIncarnationWins)).toContain(
      "a higher incarnation wins; at equal incarnation left > dead > suspect > alive",
    );
  });

  it("lower-incarnation-wins keeps a resumed member dead in the simulation", () => {
    const { violations } = pauseScenario({ size: 8, seed: 11, until: "dead", rules: lowerIncarnationWins });
    expect(violations.some((v) => v.includes("was not seen alive again"))).toBe(true);
  });

  it("lower-incarnation-wins keeps a healed partition from converging", () => {
    const { violations } = partitionScenario({
      size: 5,
      seed: 11,
      rules: lowerIncarnationWins,
      config: { pushPullIntervalTicks: 100 },
    });
    expect(violations.some((v) => v.includes("had not converged"))).toBe(true);
  });

  it("arrival-wins-ties breaks commutativity and order-independent convergence", () => {
    const broken = brokenLaws(arrivalWinsTies);
    expect(broken).toContain("metadata merge is commutative");
    expect(broken).toContain("any delivery order of the same updates converges to the same view");
  });

  it("an address-blind tie-break breaks commutativity", () => {
    expect(brokenLaws(addressBlindTies)).toContain("member merge is commutative");
  });

  it("the real rules break no law", () => {
    expect(brokenLaws(DEFAULT_MERGE_RULES)).toEqual([]);
  });
});
