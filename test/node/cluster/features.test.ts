// The feature gate (src/node/cluster/features.ts): a conditional delete is refused while any
// member cannot apply it — an older build (no features record), or a node downgraded after
// publishing one in a past life (the record's incarnation is not its current one).
import { describe, expect, test } from "vitest";
import type { MemberState } from "../../../src/api/kv-api.ts";
import type { MetadataValue } from "../../../src/gossip/index.ts";
import { FeatureGate, featuresRecord } from "../../../src/node/cluster/features.ts";
import { type GossipPort, gossipKeys } from "../../../src/node/cluster/gossip-keys.ts";

/** Gossip as a node sees it: members at incarnations, and metadata entries. */
class FakeGossip implements GossipPort {
  readonly incarnations = new Map<string, number>();
  readonly entries = new Map<string, { value: MetadataValue; version: number }>();
  addPeers(): void {}
  member(id: string): { state: MemberState; incarnation: number } | undefined {
    const incarnation = this.incarnations.get(id);
    return incarnation === undefined ? undefined : { state: "alive", incarnation };
  }
  publish(key: string, value: MetadataValue, version = 0): boolean {
    this.entries.set(key, { value, version });
    return true;
  }
  metadata(key: string): { value: MetadataValue; version: number } | undefined {
    return this.entries.get(key);
  }
  /** `id` runs this build at `incarnation` and published its record. */
  current(id: string, incarnation: number): void {
    this.incarnations.set(id, incarnation);
    this.publish(gossipKeys.features(id), featuresRecord(incarnation), incarnation);
  }
}

const members = ["n1", "n2", "n3"];

describe("conditional deletes in a mixed-version cluster", () => {
  test("open when every member publishes the feature at its current incarnation", () => {
    const gossip = new FakeGossip();
    for (const id of members) gossip.current(id, 4);
    const gate = new FeatureGate(() => members, gossip);
    expect(gate.lacking("delete-if-version")).toEqual([]);
    expect(() => gate.require("delete-if-version", "a conditional delete")).not.toThrow();
  });

  test("a simulated old node (no features record) closes it, and the refusal names it", () => {
    const gossip = new FakeGossip();
    gossip.current("n1", 2);
    gossip.current("n2", 2);
    gossip.incarnations.set("n3", 7); // alive, but an older build: publishes nothing
    const gate = new FeatureGate(() => members, gossip);
    expect(gate.lacking("delete-if-version")).toEqual(["n3"]);
    expect(() => gate.require("delete-if-version", "a conditional delete")).toThrow(
      expect.objectContaining({
        code: "Unavailable",
        message: expect.stringMatching(
          /^a conditional delete needs every member to support delete-if-version; n3 does not/,
        ),
      }),
    );
  });

  test("a node downgraded after publishing (its record is from a past incarnation) closes it", () => {
    const gossip = new FakeGossip();
    for (const id of members) gossip.current(id, 3);
    gossip.incarnations.set("n2", 4); // restarted as an older build: raised its incarnation, published nothing
    expect(new FeatureGate(() => members, gossip).lacking("delete-if-version")).toEqual(["n2"]);
  });

  test("a member gossip has no record of at all closes it; a record without the feature too", () => {
    const gossip = new FakeGossip();
    gossip.current("n1", 1);
    gossip.incarnations.set("n2", 1);
    gossip.publish(gossipKeys.features("n2"), { features: ["something-else"], incarnation: 1 }, 1);
    expect(new FeatureGate(() => members, gossip).lacking("delete-if-version")).toEqual(["n2", "n3"]);
  });

  test("without gossip (the simulator: one build) it is open", () => {
    expect(new FeatureGate(() => members, undefined).lacking("delete-if-version")).toEqual([]);
  });
});
