// What this version of ringkv can do that an older one cannot, and the gate that keeps a
// mixed-version cluster from using it until every member can.
//
// The case that needs it: a conditional delete (`if_version`) is one Raft command that every
// replica of the shard applies. An older node ignores `if_version` on delete: as a replica it
// would delete unconditionally while the others keep the key (diverged replicas), and as the
// leader it would propose the delete unconditionally (a CAS that is not one). No encoding of the
// command can make an old applier refuse it, so the request is refused before it is proposed,
// until every member says it applies conditional deletes.
//
// How a member says so: gossip metadata `features/<id>` = { features, incarnation }, published
// by each node at its current gossip incarnation (gossip-publisher.ts). Older nodes publish no
// such record. A record counts only while its incarnation is the member's current one: every
// start raises the incarnation, so a node downgraded to an older version (which publishes
// nothing) cannot be vouched for by the record of its newer past life. Members are those the
// meta group lists, leaving ones included (they still hold replicas).
//
// Why gossip and not the meta member record: a new field in the member record is itself a
// change old appliers of the meta log would drop; gossip metadata is opaque to them and relayed.
import { RingkvError } from "../../api/errors.ts";
import type { MetadataValue } from "../../gossip/index.ts";
import { type GossipPort, gossipKeys } from "./gossip-keys.ts";

/** What this build applies; older builds publish none of them. */
export const NODE_FEATURES = ["delete-if-version", "revisions"] as const;
export type NodeFeature = (typeof NODE_FEATURES)[number];

/** The features record a node publishes at gossip incarnation `incarnation`. */
export function featuresRecord(incarnation: number): MetadataValue {
  return { features: [...NODE_FEATURES], incarnation };
}

export class FeatureGate {
  readonly #members: () => readonly string[];
  readonly #gossip: GossipPort | undefined;

  /** `members`: the ids the meta group lists. Without gossip (the simulator) every member is this build. */
  constructor(members: () => readonly string[], gossip: GossipPort | undefined) {
    this.#members = members;
    this.#gossip = gossip;
  }

  /** Members not known to support `feature` (an older build, or not heard from in this life). */
  lacking(feature: NodeFeature): string[] {
    const gossip = this.#gossip;
    if (!gossip) return [];
    return this.#members().filter((id) => !supports(gossip, id, feature));
  }

  /** Throw Unavailable naming the members that lack `feature`, if any; `instead`: what to do meanwhile. */
  require(feature: NodeFeature, what: string, instead = "or use an unconditional delete"): void {
    const lacking = this.lacking(feature);
    if (lacking.length === 0) return;
    throw new RingkvError(
      "Unavailable",
      `${what} needs every member to support ${feature}; ${lacking.join(", ")} ${lacking.length === 1 ? "does" : "do"} not (an older version, or not heard from since it started): upgrade ${lacking.length === 1 ? "it" : "them"}${instead ? `, ${instead}` : ""}`,
    );
  }
}

function supports(gossip: GossipPort, id: string, feature: NodeFeature): boolean {
  const value = gossip.metadata(gossipKeys.features(id))?.value as
    | { features?: unknown; incarnation?: unknown }
    | null
    | undefined;
  const incarnation = gossip.member(id)?.incarnation;
  return (
    Array.isArray(value?.features) &&
    value.features.includes(feature) &&
    incarnation !== undefined &&
    value.incarnation === incarnation
  );
}
