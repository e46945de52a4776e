// Parsers for command-line values. Throwing commander's InvalidArgumentError makes a bad value a
// usage error (exit 2) with commander's own message naming the flag.
import { InvalidArgumentError } from "commander";
import { RingkvError } from "../src/api/errors.ts";
import { parseLeaseId } from "../src/api/lease-id.ts";
import { parseAddress } from "../src/client/address.ts";

export function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

export function address(text: string): string {
  try {
    parseAddress(text);
    return text;
  } catch (e) {
    throw new InvalidArgumentError(e instanceof RingkvError ? e.message : String(e));
  }
}

export function addressList(text: string): string[] {
  const list = text
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  if (list.length === 0) throw new InvalidArgumentError("expected HOST:PORT[,HOST:PORT…]");
  return list.map(address);
}

/** A key as typed: its UTF-8 bytes. Size limits are the node's to enforce; emptiness is not. */
export function keyBytes(text: string): Uint8Array {
  if (text === "") throw new RingkvError("KeyEmpty", "key is empty");
  return new TextEncoder().encode(text);
}

/** A lease id, decimal ("123") or hex ("0x7b", or "694d7b2b1e3e6f0a" as etcdctl prints it). */
export function leaseIdArgument(text: string): number {
  try {
    return parseLeaseId(text);
  } catch (e) {
    throw new InvalidArgumentError(e instanceof RingkvError ? e.message : String(e));
  }
}
