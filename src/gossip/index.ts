// The gossip module's public surface: SWIM membership with Lifeguard's refinements and a
// last-write-wins metadata map, as a pure state machine (gossip-member.ts). Everything not
// exported here is internal.
// May import: src/invariant.ts only (the node's shell, src/node/gossip, does the I/O).
export { Awareness } from "./awareness.ts";
export { BroadcastQueue, type BroadcastSelection } from "./broadcast-queue.ts";
export { canonicalJson } from "./canonical.ts";
export {
  type ClusterSnapshot,
  ClusterState,
  canonicalSnapshot,
  DEFAULT_MERGE_RULES,
  type Merge,
  type MergeRules,
} from "./cluster-state.ts";
export {
  GOSSIP_DEFAULTS,
  type GossipConfig,
  gossipConfig,
  pushPullIntervalTicks,
  retransmitLimit,
  suspicionConfirmationsExpected,
  suspicionMaxTicks,
  suspicionMinTicks,
} from "./config.ts";
export { GossipError, type GossipErrorCode } from "./errors.ts";
export type { GossipEvent, MemberChanged, MetadataChanged } from "./events.ts";
export {
  GossipMember,
  type GossipMemberOptions,
  type GossipOutput,
  type GossipStats,
} from "./gossip-member.ts";
export { compareMemberRecords, isLive, type MemberRecord, type MemberState } from "./member-record.ts";
export {
  encodeMessage,
  type Gossip,
  type IndirectProbeRequest,
  type IndirectProbeResponse,
  type MemberUpdate,
  type Message,
  type MetadataUpdate,
  messageBytes,
  type PiggybackMessage,
  type ProbeRequest,
  type ProbeResponse,
  type PushPullRequest,
  type PushPullResponse,
  type Update,
  updateBytes,
} from "./message.ts";
export {
  assertMetadataValue,
  compareMetadataEntries,
  type MetadataEntry,
  type MetadataValue,
} from "./metadata-entry.ts";
export { ProbeSchedule } from "./probe-schedule.ts";
export { type Random, sampleDistinct, shuffleInPlace } from "./random.ts";
export { Suspicion, type SuspicionTimeout, suspicionTimeoutTicks } from "./suspicion.ts";
