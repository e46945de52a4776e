// Typed errors of the node's gossip shell, each with a stable code. None reaches a client: a
// malformed or oversized batch from a peer is refused with its gRPC status (grpcStatusOf) and
// counted, and the node keeps running; a bad setting or an unreadable state file stops the
// node from starting.
import * as grpc from "@grpc/grpc-js";

export type GossipAgentErrorCode = "MalformedMessage" | "MessageTooLarge" | "InvalidConfig" | "StateCorrupt";

export class GossipAgentError extends Error {
  readonly code: GossipAgentErrorCode;
  constructor(code: GossipAgentErrorCode, message: string) {
    super(message);
    this.name = `GossipAgentError(${code})`;
    this.code = code;
  }
}

/** Peer input that does not validate; `path` names the offending field ("batch.messages[2].to"). */
export class MalformedGossipError extends GossipAgentError {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super("MalformedMessage", `malformed gossip input at ${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/** A message or batch over its byte limit: refused before it is parsed (or sent). */
export class GossipTooLargeError extends GossipAgentError {
  readonly path: string;
  readonly sizeBytes: number;
  readonly limitBytes: number;
  constructor(path: string, sizeBytes: number, limitBytes: number) {
    super("MessageTooLarge", `gossip ${path} is ${sizeBytes} bytes, over the limit of ${limitBytes}`);
    this.path = path;
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }
}

/** The one place these errors become gRPC statuses. */
const GRPC_STATUS: Readonly<Record<GossipAgentErrorCode, grpc.status>> = {
  MalformedMessage: grpc.status.INVALID_ARGUMENT,
  MessageTooLarge: grpc.status.RESOURCE_EXHAUSTED,
  InvalidConfig: grpc.status.INTERNAL,
  StateCorrupt: grpc.status.INTERNAL,
};

export function grpcStatusOf(code: GossipAgentErrorCode): grpc.status {
  return GRPC_STATUS[code];
}
