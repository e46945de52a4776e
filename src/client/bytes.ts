// What the client library takes for keys and values: a string (sent as its UTF-8 bytes) or a
// Uint8Array (Buffer included, sent as it is). Anything else is refused with InvalidArgument here,
// before it reaches the wire — protobufjs would take a string for a `bytes` field as base64 and
// silently send other bytes (issue 11: "user" was stored as 0xBAC7AB).
import { RingkvError } from "../api/errors.ts";

export type BytesInput = string | Uint8Array;

const utf8 = new TextEncoder();

/** `input` as bytes; `what` names it in the error ("key", "value"). */
export function toBytes(input: unknown, what: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (typeof input === "string") return utf8.encode(input);
  throw new RingkvError(
    "InvalidArgument",
    `${what} must be a string or a Uint8Array, got ${describe(input)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return value.constructor?.name ?? "an object";
}
