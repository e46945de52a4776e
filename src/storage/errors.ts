// Typed errors of the node's durable storage, each with a stable code. None of them reaches a
// client: they stop a node from starting (corruption, a held lock) or from writing on after a
// failed fsync. The node maps every one to "Internal" (see src/api/errors.ts) and logs the
// fields, which name the file, the byte offset or the group involved.

export type StorageErrorCode =
  | "WalCorrupt"
  | "WalFailed"
  | "LogGap"
  | "DataDirLocked"
  | "SnapshotCorrupt"
  | "SnapshotMissing"
  | "InvalidGroupId"
  | "RecordTooLarge"
  | "StoreClosed"
  | "FormatTooNew";

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = `StorageError(${code})`;
    this.code = code;
  }
}

/**
 * The write-ahead log holds damage that is not a torn tail: a bad record followed by valid
 * data, a bad record in a sealed segment, or a missing segment. Starting anyway would lose
 * acknowledged writes silently, so the node refuses; `file` and `offset` say where to look.
 */
export class WalCorruptError extends StorageError {
  readonly file: string;
  readonly offset: number;
  readonly reason: string;
  constructor(file: string, offset: number, reason: string) {
    super("WalCorrupt", `write-ahead log corrupt in ${file} at byte ${offset}: ${reason}`);
    this.file = file;
    this.offset = offset;
    this.reason = reason;
  }
}

/**
 * A write or fsync of the log failed. After a failed fsync the kernel may have dropped the
 * dirty pages, so nothing buffered can be trusted to be durable: every later call fails too,
 * and the node must restart and recover from what is on disk.
 */
export class WalFailedError extends StorageError {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super("WalFailed", `write-ahead log failed; restart to recover: ${detail}`, { cause });
  }
}

/** A group's entries do not continue its log: data between the snapshot and the log is missing. */
export class LogGapError extends StorageError {
  readonly group: string;
  readonly expectedIndex: number;
  readonly gotIndex: number;
  constructor(group: string, expectedIndex: number, gotIndex: number, where: string) {
    super(
      "LogGap",
      `group ${group}: entries resume at index ${gotIndex} but the log ends before ${expectedIndex}${where}`,
    );
    this.group = group;
    this.expectedIndex = expectedIndex;
    this.gotIndex = gotIndex;
  }
}

/** Another live process (or this one) holds the data directory. */
export class DataDirLockedError extends StorageError {
  readonly dir: string;
  /** The holder's process id, or null when it could not be read. */
  readonly pid: number | null;
  constructor(dir: string, pid: number | null) {
    const holder = pid === null ? "another process" : pid === process.pid ? "this process" : `process ${pid}`;
    super("DataDirLocked", `data directory ${dir} is locked by ${holder}`);
    this.dir = dir;
    this.pid = pid;
  }
}

/** A snapshot file fails its checksum or does not decode. */
export class SnapshotCorruptError extends StorageError {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super("SnapshotCorrupt", `snapshot ${file} is corrupt: ${reason}`);
    this.file = file;
    this.reason = reason;
  }
}

/**
 * The log refers to a snapshot newer than any valid snapshot file of its group (the newest
 * was corrupt and skipped), or the hard state commits entries that no longer exist.
 */
export class SnapshotMissingError extends StorageError {
  readonly group: string;
  readonly index: number;
  constructor(group: string, index: number, detail: string) {
    super("SnapshotMissing", `group ${group}: snapshot at index ${index} is missing: ${detail}`);
    this.group = group;
    this.index = index;
  }
}

/** Group ids name directories, so they are limited to a safe alphabet. */
export class InvalidGroupIdError extends StorageError {
  constructor(group: string) {
    super(
      "InvalidGroupId",
      `invalid group id ${JSON.stringify(group)}: use 1-128 of [A-Za-z0-9._-], not starting with "."`,
    );
  }
}

/** One encoded record would exceed recordBytesMax. */
export class RecordTooLargeError extends StorageError {
  readonly sizeBytes: number;
  readonly limitBytes: number;
  constructor(sizeBytes: number, limitBytes: number) {
    super("RecordTooLarge", `record of ${sizeBytes} bytes exceeds recordBytesMax ${limitBytes}`);
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }
}

export class StoreClosedError extends StorageError {
  constructor() {
    super("StoreClosed", "durable store is closed");
  }
}

/**
 * A file of the data directory was written by a newer on-disk format than this code reads
 * (format-version.ts): the node must not start on it. Run the ringkv that wrote it (or newer).
 */
export class FormatTooNewError extends StorageError {
  readonly file: string;
  readonly version: number;
  readonly supported: number;
  constructor(file: string, version: number, supported: number) {
    super(
      "FormatTooNew",
      `${file} was written in on-disk format version ${version}; this ringkv reads versions 1 to ${supported}: run a ringkv that supports version ${version}`,
    );
    this.file = file;
    this.version = version;
    this.supported = supported;
  }
}
