// The Forward service (proto/forward.proto) as it is on the wire: message shapes as protobufjs
// decodes them, and a grpc-js service definition whose serialisers skip the per-message verify
// pass of src/api/proto.ts: both ends build these messages themselves, from validated values,
// and a batch can carry hundreds of them.
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import type { ErrorCode } from "../../api/errors.ts";
import type { PutOptions } from "../../api/kv-api.ts";
import type {
  WireDeleteRangeRequest,
  WireDeleteRangeResponse,
  WireRangeRequest,
  WireRangeResponse,
  WireTxnRequest,
  WireTxnResponse,
} from "../../api/kv-model-wire.ts";
import type {
  DeleteRequest,
  DeleteResponse,
  GetRequest,
  GetResponse,
  PutRequest,
  PutResponse,
} from "../../api/kv-wire.ts";
import { decodeMessage, type MessageCodec, wire } from "../../api/proto.ts";
import type { LeaseForward, LeaseForwardReply } from "./lease-wire.ts";

export const FORWARD_SERVICE_NAME = "ringkv.forward.Forward";

/** A block of revisions from the timestamp oracle (the meta leader): `count`, the first ≥ atLeast. */
export interface RevisionsRequest {
  readonly count: number;
  readonly atLeast: number;
}

/** The block first .. first + count - 1. */
export interface RevisionsResponse {
  readonly first: number;
}

/** One forwarded operation (the `op` oneof; protobufjs names the set member in `op` on decode). */
export type ForwardOp =
  | { readonly put: PutRequest; readonly op?: "put" }
  | { readonly get: GetRequest; readonly op?: "get" }
  | { readonly delete: DeleteRequest; readonly op?: "delete" }
  | { readonly revisions: RevisionsRequest; readonly op?: "revisions" }
  | { readonly lease: LeaseForward; readonly op?: "lease" }
  | { readonly rangePart: WireRangePart; readonly op?: "rangePart" }
  | { readonly deleteRangePart: WireDeleteRangePart; readonly op?: "deleteRangePart" }
  | { readonly txn: WireTxnRequest; readonly op?: "txn" };

/** One shard's part of a range (range-ops.ts), as forward.proto RangePart carries it. */
export interface WireRangePart {
  readonly shard: number;
  readonly query: WireRangeRequest | null;
  readonly fenceRevision?: number;
}

/** One shard's part of a range delete, as forward.proto DeleteRangePart carries it. */
export interface WireDeleteRangePart {
  readonly shard: number;
  readonly span: WireDeleteRangeRequest | null;
  readonly revision: number;
}

/**
 * `revision` (with a put): one the caller took from the timestamp oracle after the client's request
 * began, because it could at once (forward.proto): the leader proposes with it first.
 */
export type ForwardRequest = ForwardOp & { readonly id: number; readonly revision?: number };

/** A put's options at the shard leader: with the revision a forwarding node took, if it did. */
export interface ForwardedPutOptions extends PutOptions {
  readonly revision?: number;
}

export interface ForwardBatch {
  readonly requests: readonly ForwardRequest[];
}

export interface WireForwardError {
  readonly code: ErrorCode | string;
  readonly message: string;
  readonly leaderHint: string;
  readonly retryAfterMs: number;
}

export type ForwardReply =
  | { readonly id: number; readonly put: PutResponse; readonly result?: "put" }
  | { readonly id: number; readonly get: GetResponse; readonly result?: "get" }
  | { readonly id: number; readonly delete: DeleteResponse; readonly result?: "delete" }
  | { readonly id: number; readonly lease: LeaseForwardReply; readonly result?: "lease" }
  | { readonly id: number; readonly revisions: RevisionsResponse; readonly result?: "revisions" }
  | { readonly id: number; readonly rangePart: WireRangeResponse; readonly result?: "rangePart" }
  | {
      readonly id: number;
      readonly deleteRangePart: WireDeleteRangeResponse;
      readonly result?: "deleteRangePart";
    }
  | { readonly id: number; readonly txn: WireTxnResponse; readonly result?: "txn" }
  | { readonly id: number; readonly error: WireForwardError; readonly result?: "error" };

export interface ForwardReplies {
  readonly replies: readonly ForwardReply[];
}

let definition: ServiceDefinition | undefined;

function encoder(codec: MessageCodec): (value: object) => Buffer {
  return (value) => {
    const bytes = codec.encode(value).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

export function forwardServiceDefinition(): ServiceDefinition {
  if (definition) return definition;
  const batch = wire.forward.ForwardBatch;
  const replies = wire.forward.ForwardReplies;
  const stream: MethodDefinition<object, object> = {
    path: `/${FORWARD_SERVICE_NAME}/Stream`,
    requestStream: true,
    responseStream: true,
    requestSerialize: encoder(batch),
    requestDeserialize: (bytes: Buffer) => decodeMessage<object>(batch, bytes),
    responseSerialize: encoder(replies),
    responseDeserialize: (bytes: Buffer) => decodeMessage<object>(replies, bytes),
    originalName: "Stream",
  };
  definition = { Stream: stream } as ServiceDefinition;
  return definition;
}
