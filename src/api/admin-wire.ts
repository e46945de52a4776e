// The Admin service (proto/admin.proto) as it is on the wire: message shapes as the generated
// code decodes them (proto.ts's TO_OBJECT: every field present, uint64 as number, bytes as
// Uint8Array) and the one grpc-js service definition the server, the peers and the CLI share.
import type { ServiceDefinition } from "@grpc/grpc-js";
import { type ServiceSpec, serviceDefinition, wire } from "./proto.ts";

export const ADMIN_SERVICE_NAME = "ringkv.admin.Admin";

const { admin } = wire;

/** The rpcs of `service Admin` in proto/admin.proto. */
export const ADMIN_SERVICE: ServiceSpec = {
  fullName: ADMIN_SERVICE_NAME,
  methods: {
    Snapshot: { request: admin.SnapshotRequest, response: admin.SnapshotPart, responseStream: true },
    SnapshotShard: {
      request: admin.SnapshotShardRequest,
      response: admin.SnapshotChunk,
      responseStream: true,
    },
  },
};

let definition: ServiceDefinition | undefined;

export function adminServiceDefinition(): ServiceDefinition {
  definition ??= serviceDefinition(ADMIN_SERVICE);
  return definition;
}

/** What a backup records about the cluster besides its shards. */
export interface SnapshotHeader {
  readonly shardCount: number;
  readonly replicationFactor: number;
  readonly epoch: number;
  /** Shard id → its replicas when the backup began, as JSON (information only). */
  readonly placementJson: string;
  readonly sourceNode: string;
}

/**
 * A piece of one shard's state. The first chunk of a shard carries appliedIndex, keyCount and
 * totalBytes; later ones repeat them; the data of a shard's chunks adds up to totalBytes.
 */
export interface SnapshotChunk {
  readonly shard: number;
  readonly appliedIndex: number;
  readonly keyCount: number;
  readonly totalBytes: number;
  readonly data: Uint8Array;
}

/** One shard's whole state at a linearizable point, as a backup holds it. */
export interface ShardState {
  readonly shard: number;
  /** The index the state was applied up to (at least the read index of the request). */
  readonly appliedIndex: number;
  readonly keyCount: number;
  /** The KV state machine's snapshot encoding (command.proto's StateSnapshot). */
  readonly data: Uint8Array;
}

export type SnapshotPart =
  | { readonly header: SnapshotHeader; readonly part?: "header" }
  | { readonly chunk: SnapshotChunk; readonly part?: "chunk" };

export interface SnapshotShardRequest {
  readonly shard: number;
}

/**
 * Largest piece of shard data in one stream message: well under grpc-js's default 4 MiB receive
 * limit, large enough that per-message overhead does not matter.
 */
export const SNAPSHOT_CHUNK_BYTES_MAX = 1 << 20;
