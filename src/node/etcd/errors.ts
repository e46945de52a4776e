// How a RingkvError leaves through etcd's API: the gRPC status code and message etcd itself uses
// for the same failure (etcd's api/v3rpc/rpctypes error table), so etcd clients recognise it —
// clientv3 matches the message text exactly, etcdctl prints it, etcd3 maps messages to its error
// classes. The one place that maps errors for src/node/etcd; the stable ringkv code still rides
// along in the `ringkv-code` trailing metadata.
import { status as GrpcStatus, Metadata } from "@grpc/grpc-js";
import { type ErrorCode, toRingkvError } from "../../api/errors.ts";
import { toGrpcStatus, type WireStatus } from "../../api/grpc-status.ts";

/** etcd's messages (rpctypes), word for word. */
export const ETCD_MESSAGES = {
  compacted: "mvcc: required revision has been compacted",
  futureRevision: "mvcc: required revision is a future revision",
  leaseNotFound: "etcdserver: requested lease not found",
  keyNotFound: "etcdserver: key not found",
  emptyKey: "etcdserver: key is not provided",
  tooManyOps: "etcdserver: too many operations in txn request",
  requestTooLarge: "etcdserver: request is too large",
  noSpace: "etcdserver: mvcc: database space exceeded",
  timeout: "etcdserver: request timed out",
  authNotEnabled: "etcdserver: authentication is not enabled",
  authFailed: "etcdserver: authentication failed, invalid user ID or password",
  permissionDenied: "etcdserver: permission denied",
  invalidAuthToken: "etcdserver: invalid auth token",
} as const;

interface EtcdMapping {
  readonly grpc: GrpcStatus;
  /** etcd's message; undefined: ringkv's own message (no etcd counterpart says it better). */
  readonly message?: string;
}

/** RingkvError code → what etcd answers for it. */
export const ETCD_ERROR_MAPPINGS: Readonly<Record<ErrorCode, EtcdMapping>> = {
  InvalidArgument: { grpc: GrpcStatus.INVALID_ARGUMENT },
  KeyEmpty: { grpc: GrpcStatus.INVALID_ARGUMENT, message: ETCD_MESSAGES.emptyKey },
  KeyTooLarge: { grpc: GrpcStatus.INVALID_ARGUMENT, message: ETCD_MESSAGES.requestTooLarge },
  ValueTooLarge: { grpc: GrpcStatus.INVALID_ARGUMENT, message: ETCD_MESSAGES.requestTooLarge },
  RequestTooLarge: { grpc: GrpcStatus.INVALID_ARGUMENT, message: ETCD_MESSAGES.requestTooLarge },
  QuotaExceeded: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, message: ETCD_MESSAGES.noSpace },
  // etcd's ErrGRPCKeyNotFound (a put with ignore_value/ignore_lease on a missing key).
  NotFound: { grpc: GrpcStatus.INVALID_ARGUMENT, message: ETCD_MESSAGES.keyNotFound },
  VersionMismatch: { grpc: GrpcStatus.FAILED_PRECONDITION },
  // Unavailable is what etcd answers while it has no leader; clients retry it.
  NotLeader: { grpc: GrpcStatus.UNAVAILABLE },
  NoQuorum: { grpc: GrpcStatus.UNAVAILABLE },
  Unavailable: { grpc: GrpcStatus.UNAVAILABLE },
  // etcd's ErrGRPCTimeout is Unavailable too: the outcome is unknown, as ringkv's Timeout says.
  Timeout: { grpc: GrpcStatus.UNAVAILABLE, message: ETCD_MESSAGES.timeout },
  NotMember: { grpc: GrpcStatus.FAILED_PRECONDITION },
  Unauthenticated: { grpc: GrpcStatus.UNAUTHENTICATED, message: ETCD_MESSAGES.invalidAuthToken },
  PermissionDenied: { grpc: GrpcStatus.PERMISSION_DENIED, message: ETCD_MESSAGES.permissionDenied },
  Compacted: { grpc: GrpcStatus.OUT_OF_RANGE, message: ETCD_MESSAGES.compacted },
  LeaseNotFound: { grpc: GrpcStatus.NOT_FOUND, message: ETCD_MESSAGES.leaseNotFound },
  // etcd has no cross-shard failure; FailedPrecondition with ringkv's message naming the shards.
  CrossShard: { grpc: GrpcStatus.FAILED_PRECONDITION },
  Internal: { grpc: GrpcStatus.INTERNAL },
};

/** A failure etcd answers with a status of its own and no RingkvError stands for. */
export class EtcdStatusError extends Error {
  readonly grpc: GrpcStatus;
  constructor(grpc: GrpcStatus, message: string) {
    super(message);
    this.name = "EtcdStatusError";
    this.grpc = grpc;
  }
}

/** What etcd's API answers for a call ringkv does not serve. */
export function unimplemented(what: string, instead: string): EtcdStatusError {
  return new EtcdStatusError(GrpcStatus.UNIMPLEMENTED, `ringkv does not serve etcd's ${what}; ${instead}`);
}

/** Anything a handler threw, as the status etcd would answer. */
export function toEtcdStatus(e: unknown): WireStatus {
  if (e instanceof EtcdStatusError) {
    return { code: e.grpc, details: e.message, metadata: new Metadata() };
  }
  const error = toRingkvError(e);
  const mapping = ETCD_ERROR_MAPPINGS[error.code];
  const ringkv = toGrpcStatus(error);
  return { code: mapping.grpc, details: mapping.message ?? error.message, metadata: ringkv.metadata };
}
