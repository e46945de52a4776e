// Typed errors of the peer transport, each with a stable code. None reaches a client: a
// malformed batch or snapshot from a peer ends that peer's stream (the node keeps running and
// the peer reconnects), and an invalid configuration stops the node from starting.

export type TransportErrorCode = "MalformedMessage" | "SnapshotTooLarge" | "InvalidConfig";

export class TransportError extends Error {
  readonly code: TransportErrorCode;
  constructor(code: TransportErrorCode, message: string) {
    super(message);
    this.name = `TransportError(${code})`;
    this.code = code;
  }
}

/** Peer input that does not validate; `path` names the offending field ("messages[2].message.term"). */
export class MalformedMessageError extends TransportError {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super("MalformedMessage", `malformed peer input at ${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/** A peer offered a snapshot larger than maxSnapshotBytes, which would have to be held in memory. */
export class SnapshotTooLargeError extends TransportError {
  readonly group: string;
  readonly sizeBytes: number;
  readonly limitBytes: number;
  constructor(group: string, sizeBytes: number, limitBytes: number) {
    super(
      "SnapshotTooLarge",
      `snapshot of group ${group} is ${sizeBytes} bytes, over maxSnapshotBytes ${limitBytes}`,
    );
    this.group = group;
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }
}

export class InvalidConfigError extends TransportError {
  readonly setting: string;
  constructor(setting: string, reason: string) {
    super("InvalidConfig", `transport setting ${setting}: ${reason}`);
    this.setting = setting;
  }
}
