// Typed errors of the gossip core, each with a stable code the node layer maps to gRPC/HTTP/CLI.
// Only the host's own calls throw: input from the network is never trusted enough to crash on,
// so a malformed or over-limit remote update is dropped and counted instead (see GossipStats).

export type GossipErrorCode = "InvalidConfig" | "InvalidArgument" | "LimitExceeded";

export class GossipError extends Error {
  readonly code: GossipErrorCode;
  constructor(code: GossipErrorCode, message: string) {
    super(message);
    this.name = `GossipError(${code})`;
    this.code = code;
  }
}
