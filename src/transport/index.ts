// The peer transport of the multi-Raft host: the public surface of src/transport.
// Owns batched per-peer streams of Raft messages and snapshots over gRPC, and MemoryNetwork,
// its in-memory twin with partitions and drops for tests and the simulator.
// May import: src/raft (messages), src/api (protobuf loading), src/invariant.ts.
export {
  type ConfStateWire,
  decodeBatch,
  decodeGroupMessage,
  decodeRaftMessage,
  decodeSnapshotChunk,
  type EntryWire,
  encodeBatch,
  encodeGroupMessage,
  encodeRaftMessage,
  encodeSnapshotChunks,
  MAX_GROUP_ID_LENGTH,
  type MessageBatch,
  type MessageBatchWire,
  type MessageWire,
  type SnapshotChunkWire,
  wireSizeBytes,
} from "./codec.ts";
export { resolveTransportConfig, TRANSPORT_DEFAULTS, type TransportConfig } from "./config.ts";
export {
  InvalidConfigError,
  MalformedMessageError,
  SnapshotTooLargeError,
  TransportError,
  type TransportErrorCode,
} from "./errors.ts";
export { GrpcTransport, type GrpcTransportOptions } from "./grpc.ts";
export {
  type DropFilter,
  MemoryNetwork,
  type MemoryNetworkOptions,
  MemoryTransport,
  type MemoryTransportOptions,
} from "./memory.ts";
export { type LinkState, raftChannelOptions } from "./peer-link.ts";
export {
  type RaftInbound,
  raftServerOptions,
  raftServiceDefinition,
  registerRaftService,
} from "./service.ts";
export {
  emptyTransportStats,
  type GroupMessage,
  type SnapshotReporter,
  type Transport,
  type TransportStats,
} from "./transport.ts";
