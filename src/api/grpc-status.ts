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
 * itself (no connection, a broken connection, a deadline): transportFailure decides the code
 * and says the cause in ringkv's words, and the message names `address`, the node the call
 * went to, when given.
 */
export function fromGrpcStatus(status: Partial<StatusObject>, address = ""): RingkvError {
  const details = status.details ?? "";
  const ringkvCode = firstString(status.metadata, CODE_METADATA_KEY);
  if (ringkvCode !== undefined && isErrorCode(ringkvCode)) {
    const retryAfterMs = Number(firstString(status.metadata, RETRY_AFTER_METADATA_KEY) ?? "0");
    return new RingkvError(ringkvCode, details, {
      leaderHint: firstString(status.metadata, LEADER_METADATA_KEY) ?? "",
      retryAfterMs: Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : 0,
    });
  }
  const failure = transportFailure(status);
  return new RingkvError(failure.code, address === "" ? failure.message : `${address}: ${failure.message}`, {
    fromTransport: true,
    ...(failure.code === "Unavailable" ? { retryAfterMs: UNSENT_RETRY_AFTER_MS } : {}),
  });
}

/** The wait suggested after a call that never left (the node may be restarting). */
export const UNSENT_RETRY_AFTER_MS = 100;

/** What a status gRPC itself produced means for the call that failed. */
export interface TransportFailure {
  /**
   * Nothing of the call left this process (no connection, the address did not resolve, the
   * stream never started, the deadline passed while waiting for a connection): the server
   * cannot have acted on it, and a write may be sent elsewhere.
   */
  readonly unsent: boolean;
  /**
   * Unavailable only when unsent; a call that was sent and then lost its connection or its
   * deadline is Timeout, because the server may have applied it.
   */
  readonly code: ErrorCode;
  /** The cause in ringkv's words: "no connection (connection refused)". */
  readonly cause: string;
  /** The cause, and for a sent call that its outcome is unknown. */
  readonly message: string;
}

/**
 * grpc-js's words that mean nothing to a user (resolver notes, LB pick timings, peer addresses,
 * filter stages, raw errno codes). No message a user reads may match it (tests check).
 */
export const GRPC_INTERNALS =
  /LB pick|[Nn]ame resolution|Resolution note|remote_addr|metadata filters|No connection established|Last error|HTTP\/2|[Ss]ubchannel|\bE[A-Z]{3,}(_[A-Z]+)?\b/;

/** Node's socket errno codes, as a user would say them. */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connect timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed",
  EPIPE: "connection closed",
  EADDRNOTAVAIL: "address not available",
};

function errnoWords(details: string): string | undefined {
  const errno = /\b(E[A-Z_]{3,})\b/.exec(details)?.[1];
  return errno === undefined ? undefined : (ERRNO_WORDS[errno] ?? "socket error");
}

/** grpc-js's deadline text: "Deadline exceeded after 1.529s,…" → "1.5 s". */
function deadlineWaited(details: string): string | undefined {
  const after = /Deadline exceeded after ([\d.]+)(m?s)/.exec(details);
  if (after === undefined || after === null) return undefined;
  const ms = Number(after[1]) * (after[2] === "ms" ? 1 : 1000);
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : undefined;
}

const OUTCOME_UNKNOWN = "; the outcome is unknown";

function unsent(cause: string): TransportFailure {
  return { unsent: true, code: "Unavailable", cause, message: cause };
}

function sentAndLost(cause: string): TransportFailure {
  return { unsent: false, code: "Timeout", cause, message: `${cause}${OUTCOME_UNKNOWN}` };
}

/**
 * Classify a status gRPC produced itself (real grpc-js 1.14 texts, collected from real
 * failures in test/api/grpc-failures.test.ts): whether the call left this process, the honest
 * code, and the cause without grpc-js's internals.
 */
export function transportFailure(status: Partial<StatusObject>): TransportFailure {
  const code = status.code ?? GrpcStatus.UNKNOWN;
  const details = status.details ?? "";
  switch (code) {
    case GrpcStatus.DEADLINE_EXCEEDED: {
      const waited = deadlineWaited(details);
      // grpc-js lists "Waiting for LB pick" (or no pick at all) when the call never got a
      // connection to go out on, and "LB pick: …s,remote_addr=…" once it did.
      if (/Waiting for (LB pick|name resolution)|Waiting for connection/i.test(details)) {
        return unsent(waited === undefined ? "no connection in time" : `no connection within ${waited}`);
      }
      return sentAndLost(waited === undefined ? "no answer in time" : `no answer within ${waited}`);
    }
    case GrpcStatus.UNAVAILABLE:
    case GrpcStatus.CANCELLED:
    case GrpcStatus.INTERNAL:
    case GrpcStatus.UNKNOWN: {
      if (details.startsWith("No connection established")) {
        const why = errnoWords(details);
        return unsent(why === undefined ? "no connection" : `no connection (${why})`);
      }
      if (details.startsWith("Name resolution failed") || details.startsWith("Failed to parse DNS")) {
        return unsent("no connection (the address does not resolve)");
      }
      if (
        details.startsWith("Failed to start HTTP/2 stream") ||
        details.startsWith("Channel closed before")
      ) {
        return unsent("no connection (the call could not start)");
      }
      if (code === GrpcStatus.CANCELLED && /cancelled on client/i.test(details)) {
        return sentAndLost("the call was cancelled before an answer");
      }
      const why = errnoWords(details) ?? (code === GrpcStatus.CANCELLED ? "cancelled" : "connection closed");
      return sentAndLost(`the connection broke before an answer (${why})`);
    }
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return {
        unsent: /Attempted to send message/.test(details),
        code: "RequestTooLarge",
        cause: "a message was larger than the gRPC message limit",
        message: "a message was larger than the gRPC message limit",
      };
    case GrpcStatus.UNIMPLEMENTED:
      return {
        unsent: false,
        code: "Internal",
        cause: "the server does not offer this ringkv call (another program, or another version)",
        message: "the server does not offer this ringkv call (another program, or another version)",
      };
    default: {
      const name = GrpcStatus[code] ?? String(code);
      const cause = `the call failed in gRPC (${name})`;
      return { unsent: false, code: transportErrorCode(code), cause, message: cause };
    }
  }
}

/**
 * What a status gRPC itself produced says, in ringkv's words (transportFailure's message):
 * kept for callers that only need the text.
 */
export function transportMessage(code: GrpcStatus, details: string): string {
  return transportFailure({ code, details }).message;
}

/**
 * True when gRPC failed the call before any byte of it left this process, so the server cannot
 * have acted on it. These are the only transport failures after which a write is safe to send
 * elsewhere.
 */
export function isUnsentFailure(status: Partial<StatusObject>): boolean {
  if (firstString(status.metadata, CODE_METADATA_KEY) !== undefined) return false;
  if (status.code === GrpcStatus.OK) return false;
  return transportFailure(status).unsent;
}

function transportErrorCode(code: GrpcStatus): ErrorCode {
  switch (code) {
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
