// What the cluster layer keeps in gossip metadata (last-write-wins by version), and the gossip
// agent as it uses it. Gossip is optional (the simulator may run without it): every reader here
// treats a missing or malformed record as unknown.
import type { MemberState } from "../../api/kv-api.ts";
import type { MetadataValue } from "../../gossip/index.ts";

/**
 * The gossip agent as the cluster node uses it (src/node/gossip/agent.ts over gRPC): member
 * liveness, and last-write-wins metadata — leader hints, group configurations, applied epochs.
 * Optional: the simulator runs without it, and then nothing here depends on it.
 */
export interface GossipPort {
  addPeers(peers: readonly { readonly id: string; readonly addr: string }[]): void;
  member(id: string): { readonly state: MemberState; readonly incarnation: number } | undefined;
  publish(key: string, value: MetadataValue, version?: number): boolean;
  metadata(key: string): { readonly value: MetadataValue; readonly version: number } | undefined;
}

/** Gossip keys: who leads a group (version: term), its configuration (version: the conf-change
 * index), and the placement epoch a node has applied (version: the epoch). */
export const gossipKeys = {
  leader: (group: string) => `leader/${group}`,
  conf: (group: string) => `conf/${group}`,
  epoch: (node: string) => `epoch/${node}`,
  /** A replica's state digest at an applied index (version: that index; index 0: dropped). */
  digest: (group: string, node: string) => `digest/${group}/${node}`,
  /** Set by a leader that removed `node` for diverging (version: the removal's conf index). */
  diverged: (group: string, node: string) => `diverged/${group}/${node}`,
  /** What a node's build supports, at its gossip incarnation (version: that incarnation; features.ts). */
  features: (node: string) => `features/${node}`,
};

/** The leader gossip names for `group`, if any. */
export function gossipLeader(gossip: GossipPort | undefined, group: string): string | undefined {
  const value = gossip?.metadata(gossipKeys.leader(group))?.value;
  const leader = (value as { leader?: unknown } | null | undefined)?.leader;
  return typeof leader === "string" && leader !== "" ? leader : undefined;
}

/** A digest record's value, if well-formed. */
export function digestRecord(value: unknown): { index: number; digest: string } | undefined {
  const v = value as { index?: unknown; digest?: unknown } | null | undefined;
  return typeof v?.index === "number" && typeof v.digest === "string"
    ? { index: v.index, digest: v.digest }
    : undefined;
}

/** A configuration record's value (voters and learners), if well-formed. */
export function confRecord(
  value: unknown,
): { voters: readonly unknown[]; learners: readonly unknown[] } | undefined {
  const conf = value as { voters?: unknown; learners?: unknown } | null | undefined;
  return Array.isArray(conf?.voters) && Array.isArray(conf?.learners)
    ? { voters: conf.voters, learners: conf.learners }
    : undefined;
}
