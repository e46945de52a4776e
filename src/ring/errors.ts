// Typed errors of the ring module. Every code here means "the caller passed something invalid",
// so the node layer maps all of them to one class: HTTP 400, gRPC INVALID_ARGUMENT, CLI exit 2.
// Codes are part of the public surface: keep them stable, add new ones rather than renaming.

export type RingErrorCode =
  | "InvalidShardCount"
  | "InvalidReplicationFactor"
  | "InvalidTokenCount"
  | "InvalidLoadSlack"
  | "InvalidSeed"
  | "InvalidMemberId"
  | "EmptyMembership"
  | "DuplicateMember"
  | "TooManyMembers"
  | "ShardCountMismatch";

export class RingError extends Error {
  override readonly name = "RingError";
  readonly code: RingErrorCode;
  /** The offending values, for logs and the `{"error": …}` body; always JSON-safe. */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: RingErrorCode, message: string, details: Readonly<Record<string, string | number>> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isRingError(error: unknown): error is RingError {
  return error instanceof RingError;
}

/** Throws `code` unless `value` is an integer in [min, max]; returns it for chaining. */
export function requireIntegerIn(
  code: RingErrorCode,
  name: string,
  value: number,
  range: { readonly min: number; readonly max: number },
): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new RingError(code, `${name} must be an integer in ${range.min}..${range.max}, got ${value}`, {
      [name]: value,
    });
  }
  return value;
}
