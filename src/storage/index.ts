// Durable storage of a ringkv node: one write-ahead log with group commit for all the node's
// Raft groups, atomic snapshot files, recovery with torn-tail repair, and a data-directory lock.
// See durable-store.ts for how a node drives it.
// May import: src/raft (the Storage interface and types it implements), src/invariant.ts;
// never src/node.
export { isErrnoCode, writeFileDurably } from "./durable-file.ts";
export {
  DurableStore,
  type PersistUpdate,
  STORE_DEFAULTS,
  type StoreOptions,
  type StoreStats,
} from "./durable-store.ts";
export {
  DataDirLockedError,
  FormatTooNewError,
  InvalidGroupIdError,
  LogGapError,
  RecordTooLargeError,
  SnapshotCorruptError,
  SnapshotMissingError,
  StorageError,
  type StorageErrorCode,
  StoreClosedError,
  WalCorruptError,
  WalFailedError,
} from "./errors.ts";
export {
  checkFormatVersion,
  STORAGE_FORMAT_VERSION,
  STORAGE_FORMAT_VERSION_UNMARKED,
} from "./format-version.ts";
export type { GroupStorage } from "./group-storage.ts";
export type { RecoveryReport, TornTail } from "./recovery.ts";
export type { SkippedSnapshot } from "./snapshot-store.ts";
