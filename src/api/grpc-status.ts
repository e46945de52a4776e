// How a RingkvError travels over gRPC, both ways: a status code from ERROR_MAPPINGS, the message
// as the status details, and the stable code plus hints in trailing metadata (proto/kv.proto).
// The server adapter (src/node/server/grpc-kv.ts) encodes with toGrpcStatus; the client decodes with
// fromGrpcStatus, so the wire form lives in this one file.
import { status as GrpcStatus, Metadata, type StatusObject } from "@grpc/grpc-js";
import { type ErrorCode, isErrorCode, RingkvError } from "./errors.ts";

export const CODE_METADATA_KEY = "ringkv-code";
export const LEADER_METADATA_KEY = "ringkv-leader";
/** An extension to the two keys kv.proto names: the server's suggested wait, so backoff can honour it. */
export const RETRY_AFTER_METADATA_KEY = "ringkv-retry-after-ms";

export interface WireStatus {
  readonly code: GrpcStatus;
  readonly details: string;
  readonly metadata: Metadata;
}

export function toGrpcStatus(error: RingkvError): WireStatus {
  const metadata = new Metadata();
  metadata.set(CODE_METADATA_KEY, error.code);
  if (error.leaderHint !== "") metadata.set(LEADER_METADATA_KEY, error.leaderHint);
  if (error.retryAfterMs > 0) metadata.set(RETRY_AFTER_METADATA_KEY, String(error.retryAfterMs));
  return { code: error.mapping.grpc, details: error.message, metadata };
}

/**
 * The RingkvError a failed call stands for. Without a `ringkv-code` the status came from gRPC
 * itself (no connection, deadline, message size): the gRPC status decides the code, and the
 * message names `address`, the node the call went to, when given.
 */
export function fromGrpcStatus(status: Partial<StatusObject>, address = ""): RingkvError {
  const code = status.code ?? GrpcStatus.UNKNOWN;
  const details = status.details ?? "";
  const ringkvCode = firstString(status.metadata, CODE_METADATA_KEY);
  if (ringkvCode !== undefined && isErrorCode(ringkvCode)) {
    const retryAfterMs = Number(firstString(status.metadata, RETRY_AFTER_METADATA_KEY) ?? "0");
    return new RingkvError(ringkvCode, details, {
      leaderHint: firstString(status.metadata, LEADER_METADATA_KEY) ?? "",
      retryAfterMs: Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : 0,
    });
  }
  const message = transportMessage(code, details);
  return new RingkvError(transportErrorCode(code), address === "" ? message : `${address}: ${message}`, {
    fromTransport: true,
  });
}

/**
 * What a status gRPC itself produced says, without grpc-js's diagnostics for its own developers:
 * it appends a resolver note (empty for literal addresses) and, on deadlines, a list of phases
 * ("Deadline exceeded after 1.529s,LB pick: 0.001s,remote_addr=…") that mean nothing to a user.
 */
export function transportMessage(code: GrpcStatus, details: string): string {
  const plain = details.replace(/\.? ?Resolution note:.*$/s, "");
  if (code === GrpcStatus.DEADLINE_EXCEEDED) {
    const after = /Deadline exceeded after ([\d.]+\s*m?s)/.exec(plain)?.[1];
    return after === undefined ? "no answer before the deadline" : `no answer within ${after}`;
  }
  return (
    plain.split(/,\s*(?:LB pick|Waiting for LB pick|remote_addr=)/)[0]?.trim() ||
    (GrpcStatus[code] ?? String(code))
  );
}

/**
 * True when gRPC failed the call before any byte of it left this process, so the server cannot
 * have acted on it: no connection to the address, or the stream never opened. These are the only
 * transport failures after which a write is safe to send elsewhere.
 */
export function isUnsentFailure(status: Partial<StatusObject>): boolean {
  if (status.code !== GrpcStatus.UNAVAILABLE) return false;
  if (firstString(status.metadata, CODE_METADATA_KEY) !== undefined) return false;
  const details = status.details ?? "";
  return (
    details.startsWith("No connection established") || details.startsWith("Failed to start HTTP/2 stream")
  );
}

function transportErrorCode(code: GrpcStatus): ErrorCode {
  switch (code) {
    case GrpcStatus.UNAVAILABLE:
    case GrpcStatus.CANCELLED:
      return "Unavailable";
    case GrpcStatus.DEADLINE_EXCEEDED:
      return "Timeout";
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return "RequestTooLarge";
    case GrpcStatus.INVALID_ARGUMENT:
      return "InvalidArgument";
    // A proxy or a TLS layer in front of the node may refuse a caller without a ringkv code.
    case GrpcStatus.UNAUTHENTICATED:
      return "Unauthenticated";
    case GrpcStatus.PERMISSION_DENIED:
      return "PermissionDenied";
    default:
      return "Internal";
  }
}

function firstString(metadata: Metadata | undefined, key: string): string | undefined {
  const value = metadata?.get(key)[0];
  return typeof value === "string" ? value : undefined;
}
