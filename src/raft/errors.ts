// Typed errors of the Raft core, each with a stable code the node layer maps to gRPC/HTTP/CLI.
import type { NodeId } from "./types.ts";

export type RaftErrorCode =
  | "NotLeader"
  | "ProposalDropped"
  | "Compacted"
  | "SnapshotTemporarilyUnavailable"
  | "Unavailable";

export class RaftError extends Error {
  readonly code: RaftErrorCode;
  constructor(code: RaftErrorCode, message: string) {
    super(message);
    this.name = `RaftError(${code})`;
    this.code = code;
  }
}

/** This replica is not the leader; `leaderHint` is the leader it knows of (or "" if none). */
export class NotLeaderError extends RaftError {
  readonly leaderHint: NodeId;
  constructor(leaderHint: NodeId) {
    super("NotLeader", leaderHint ? `not the leader; try ${leaderHint}` : "not the leader; no leader known");
    this.leaderHint = leaderHint;
  }
}

/** The leader will not take this proposal now (leadership transfer, a pending conf change…). */
export class ProposalDroppedError extends RaftError {
  constructor(reason: string) {
    super("ProposalDropped", `proposal dropped: ${reason}`);
  }
}

/** Storage: the requested index precedes the first available entry (compacted into a snapshot). */
export class CompactedError extends RaftError {
  constructor(index: number, firstIndex: number) {
    super("Compacted", `index ${index} is compacted (first available is ${firstIndex})`);
  }
}

/** Storage: the requested index is past the last entry. */
export class UnavailableError extends RaftError {
  constructor(index: number, lastIndex: number) {
    super("Unavailable", `index ${index} is unavailable (last is ${lastIndex})`);
  }
}

/** Storage: the snapshot is being produced; the leader retries later. */
export class SnapshotTemporarilyUnavailableError extends RaftError {
  constructor() {
    super("SnapshotTemporarilyUnavailable", "snapshot temporarily unavailable");
  }
}
