// The pure Raft core: the public surface of src/raft.
// Owns consensus for one group: log, progress and inflights, quorum, read-only, conf changes,
// the Storage interface, and RawNode's Ready/advance cycle. Pure: no I/O, timers or clocks.
// May import: src/invariant.ts only.
export {
  applyConfChange,
  ConfChangeError,
  changeConf,
  decodeConfChange,
  encodeConfChange,
  enterJoint,
  isJoint,
  leaveJoint,
  members,
  simple,
} from "./confchange.ts";
export { RAFT_DEFAULTS, type RaftConfig, type RaftOptions } from "./config.ts";
export {
  CompactedError,
  NotLeaderError,
  ProposalDroppedError,
  RaftError,
  type RaftErrorCode,
  SnapshotTemporarilyUnavailableError,
  UnavailableError,
} from "./errors.ts";
export { ProgressState } from "./progress.ts";
export { type ProgressStatus, type RaftStatus, RawNode } from "./rawnode.ts";
export {
  EMPTY_CONF_STATE,
  EMPTY_HARD_STATE,
  EMPTY_SNAPSHOT,
  entrySizeBytes,
  type InitialState,
  limitSize,
  MemoryStorage,
  type Storage,
} from "./storage.ts";
export * from "./types.ts";
