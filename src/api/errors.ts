// Every error a client can see, with its stable code, and the one table that maps each code to
// its gRPC status, HTTP status and CLI exit code (STYLE.md 7, 12: one place maps errors).
import { status as GrpcStatus } from "@grpc/grpc-js";

export type ErrorCode =
  | "InvalidArgument"
  | "KeyEmpty"
  | "KeyTooLarge"
  | "ValueTooLarge"
  | "RequestTooLarge"
  | "QuotaExceeded"
  | "NotFound"
  | "VersionMismatch"
  | "NotLeader"
  | "NoQuorum"
  | "Unavailable"
  | "Timeout"
  | "NotMember"
  | "Unauthenticated"
  | "PermissionDenied"
  | "Compacted"
  | "LeaseNotFound"
  | "CrossShard"
  | "Internal";

interface Mapping {
  readonly grpc: GrpcStatus;
  readonly http: number;
  /** CLI exit code: 1 not found / CAS mismatch, 2 usage or invalid input, 3 unavailable. */
  readonly exit: 1 | 2 | 3;
}

/**
 * The codes that promise the request was certainly not applied: a client may send it again, a
 * write included. NotLeader and NoQuorum are answered before anything is proposed; Unavailable
 * only when nothing was proposed or nothing left the sender. A request whose outcome is unknown
 * (a connection broke after it was sent, a deadline passed) is Timeout, never one of these.
 */
export const NOT_APPLIED_CODES: ReadonlySet<ErrorCode> = new Set(["NotLeader", "NoQuorum", "Unavailable"]);

export const ERROR_MAPPINGS: Readonly<Record<ErrorCode, Mapping>> = {
  InvalidArgument: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 400, exit: 2 },
  KeyEmpty: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 400, exit: 2 },
  KeyTooLarge: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 400, exit: 2 },
  ValueTooLarge: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 413, exit: 2 },
  RequestTooLarge: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 413, exit: 2 },
  QuotaExceeded: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 413, exit: 2 },
  NotFound: { grpc: GrpcStatus.NOT_FOUND, http: 404, exit: 1 },
  VersionMismatch: { grpc: GrpcStatus.FAILED_PRECONDITION, http: 412, exit: 1 },
  NotLeader: { grpc: GrpcStatus.UNAVAILABLE, http: 503, exit: 3 },
  NoQuorum: { grpc: GrpcStatus.UNAVAILABLE, http: 503, exit: 3 },
  Unavailable: { grpc: GrpcStatus.UNAVAILABLE, http: 503, exit: 3 },
  Timeout: { grpc: GrpcStatus.DEADLINE_EXCEEDED, http: 504, exit: 3 },
  NotMember: { grpc: GrpcStatus.FAILED_PRECONDITION, http: 400, exit: 2 },
  // Credentials are input: a missing or wrong token (401), or one whose role is too low (403).
  Unauthenticated: { grpc: GrpcStatus.UNAUTHENTICATED, http: 401, exit: 2 },
  PermissionDenied: { grpc: GrpcStatus.PERMISSION_DENIED, http: 403, exit: 2 },
  // A watch or read from a revision older than the history a shard keeps (etcd's ErrCompacted).
  Compacted: { grpc: GrpcStatus.OUT_OF_RANGE, http: 410, exit: 1 },
  // A put with, or an operation on, a lease that does not exist (expired or revoked).
  LeaseNotFound: { grpc: GrpcStatus.NOT_FOUND, http: 404, exit: 1 },
  // A transaction whose keys live in more than one shard; the message names the shards.
  CrossShard: { grpc: GrpcStatus.FAILED_PRECONDITION, http: 409, exit: 2 },
  Internal: { grpc: GrpcStatus.INTERNAL, http: 500, exit: 3 },
};

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_MAPPINGS, code);
}

export class RingkvError extends Error {
  readonly code: ErrorCode;
  /** NotLeader: the leader's client address, if known, so callers can go straight there. */
  readonly leaderHint: string;
  /** NotLeader/NoQuorum/Unavailable: a suggested wait before retrying, in milliseconds. */
  readonly retryAfterMs: number;
  /**
   * The transport produced this failure (no connection, a broken stream, a deadline), not the
   * node's answer: whoever sees it can say which node was unreachable instead of repeating it.
   */
  readonly fromTransport: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { leaderHint?: string; retryAfterMs?: number; fromTransport?: boolean } = {},
  ) {
    super(message);
    this.name = "RingkvError";
    this.code = code;
    this.leaderHint = options.leaderHint ?? "";
    this.retryAfterMs = options.retryAfterMs ?? 0;
    this.fromTransport = options.fromTransport ?? false;
  }

  get mapping(): Mapping {
    return ERROR_MAPPINGS[this.code];
  }

  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Anything thrown inside the node, as a RingkvError (unknown failures become Internal). */
export function toRingkvError(e: unknown): RingkvError {
  if (e instanceof RingkvError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new RingkvError("Internal", message);
}
