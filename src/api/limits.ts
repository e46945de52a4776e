// Input limits of the client API and the one place that checks them, shared by the gRPC
// adapter (grpc-kv.ts) and the HTTP server (http-server.ts) so both reject the same inputs with
// the same codes. Checks run before the request reaches the node: an invalid request never
// costs a Raft proposal.
import { RingkvError } from "./errors.ts";

export interface KvLimits {
  /** A key is any byte string of 1..maxKeyBytes bytes. */
  readonly maxKeyBytes: number;
  /** A value is any byte string of 0..maxValueBytes bytes. */
  readonly maxValueBytes: number;
}

export const DEFAULT_KV_LIMITS: KvLimits = {
  maxKeyBytes: 4096,
  maxValueBytes: 1024 * 1024,
};

export function validateKey(key: Uint8Array, maxKeyBytes = DEFAULT_KV_LIMITS.maxKeyBytes): void {
  if (key.byteLength === 0) throw new RingkvError("KeyEmpty", "key is empty");
  if (key.byteLength > maxKeyBytes) {
    throw new RingkvError("KeyTooLarge", `key is ${key.byteLength} bytes, the limit is ${maxKeyBytes} bytes`);
  }
}

export function validateValue(value: Uint8Array, maxValueBytes = DEFAULT_KV_LIMITS.maxValueBytes): void {
  if (value.byteLength > maxValueBytes) {
    throw new RingkvError(
      "ValueTooLarge",
      `value is ${value.byteLength} bytes, the limit is ${maxValueBytes} bytes`,
    );
  }
}

/** `partial` with every missing limit at its default. */
export function kvLimits(partial: Partial<KvLimits> = {}): KvLimits {
  return {
    maxKeyBytes: partial.maxKeyBytes ?? DEFAULT_KV_LIMITS.maxKeyBytes,
    maxValueBytes: partial.maxValueBytes ?? DEFAULT_KV_LIMITS.maxValueBytes,
  };
}

/** A compare-and-set version: a non-negative safe integer (0 means "only if absent"). */
export function validateVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new RingkvError("InvalidArgument", `version must be a non-negative integer, got ${version}`);
  }
}

/** A node id as used by Join and Leave: non-empty, printable, bounded. */
export function validateNodeId(id: string): void {
  if (id.length === 0 || id.length > 256 || !/^[\x21-\x7e]+$/.test(id)) {
    throw new RingkvError("InvalidArgument", `invalid node id ${JSON.stringify(id)}`);
  }
}

/**
 * A key span of a range or range delete (kv-model.ts KeySpan): one key (no end) is a key; a
 * span with an end may start at the empty key (the first key) and end anywhere up to a key's
 * length + 1 (a prefix's end, or key + 0x00).
 */
export function validateSpan(
  span: { readonly start: Uint8Array; readonly end?: Uint8Array | undefined },
  maxKeyBytes = DEFAULT_KV_LIMITS.maxKeyBytes,
): void {
  if (span.end === undefined) {
    validateKey(span.start, maxKeyBytes);
    return;
  }
  if (span.start.byteLength > maxKeyBytes) {
    throw new RingkvError(
      "KeyTooLarge",
      `range start is ${span.start.byteLength} bytes, the limit is ${maxKeyBytes} bytes`,
    );
  }
  if (span.end.byteLength > maxKeyBytes + 1) {
    throw new RingkvError(
      "KeyTooLarge",
      `range end is ${span.end.byteLength} bytes, the limit is ${maxKeyBytes + 1} bytes`,
    );
  }
}

/** A count (a range's limit, a revision bound): a non-negative safe integer. */
export function validateCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RingkvError("InvalidArgument", `${name} must be a non-negative integer, got ${n}`);
  }
}
