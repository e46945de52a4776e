// ringkv's ring module: keys → shards on a consistent-hash ring, shards → members by a
// bounded-load placement, and the report behind `ringkv ring`. Everything but `createHasher`
// is synchronous and pure: the hasher is the one piece that needs an async WebAssembly load.
// May import: src/invariant.ts only.

export { isRingError, RingError, type RingErrorCode } from "./errors.ts";
export { createHasher, type Hasher, type HasherOptions, type RingKey } from "./hasher.ts";
export type { MemberInput } from "./member.ts";
export { memberRing } from "./member-ring.ts";
export {
  type LoadCapacity,
  type LoadCapacityInput,
  loadCapacity,
  type Placement,
  type PlacementRequest,
  placement,
} from "./placement.ts";
export {
  type BalanceReport,
  maxOverMean,
  type NodeReport,
  type RingReport,
  ringReport,
  type ShardReport,
} from "./report.ts";
export { formatRingReport, formatTable } from "./report-format.ts";
export {
  hashSeedDefault,
  loadSlackDefault,
  memberIdLengthMax,
  membersMax,
  replicationFactorDefault,
  replicationFactorMax,
  shardCountDefault,
  shardCountMax,
  tokensMax,
  tokensPerMemberDefault,
  tokensPerShardDefault,
  tokensPerShardFor,
} from "./settings.ts";
export { ShardRing, type ShardRingOptions } from "./shard-ring.ts";
export { TokenRing } from "./token-ring.ts";
