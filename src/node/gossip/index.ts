// The node's gossip shell: runs the pure SWIM member of src/gossip over the node's gRPC server
// (the GossipTransport service of proto/gossip.proto). Everything not exported here is internal.
// May import: src/gossip, src/api, src/storage (durable files), src/node/host (random),
// src/invariant.ts.
export {
  GOSSIP_ADDRESS,
  GossipAgent,
  type GossipAgentOptions,
  type GossipAgentState,
  type GossipListener,
  type GossipPeer,
  HTTP_ADDRESS,
} from "./agent.ts";
export {
  ADDRESS_LENGTH_MAX,
  ADDRESSES_MAX,
  type CodecLimits,
  decodeGossipBatch,
  decodeGossipMessage,
  encodeGossipBatch,
  encodeGossipMessage,
  type GossipBatch,
  MEMBER_ID_LENGTH_MAX,
  METADATA_DEPTH_MAX,
  METADATA_KEY_LENGTH_MAX,
  memberStateWire,
} from "./codec.ts";
export {
  BATCH_OVERHEAD_BYTES,
  GOSSIP_AGENT_DEFAULTS,
  type GossipAgentSettings,
  resolveGossipAgentSettings,
} from "./config.ts";
export {
  GossipAgentError,
  type GossipAgentErrorCode,
  GossipTooLargeError,
  grpcStatusOf,
  MalformedGossipError,
} from "./errors.ts";
export { INCARNATION_FILE } from "./incarnation-file.ts";
export { gossipChannelOptions } from "./peer-sender.ts";
export { type GossipInbound, gossipServiceDefinition, registerGossipService } from "./service.ts";
export type { GossipAgentStats } from "./stats.ts";
