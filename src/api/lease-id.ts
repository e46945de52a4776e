// Lease ids as people type and read them. The node prints both forms, decimal and hex, because
// etcdctl prints hex (without a prefix) and ringkv's own tools decimal; both are accepted back.
// Ids are positive integers up to 2^53 - 1, the largest a JavaScript number holds exactly (etcd's
// are int64: an etcd client naming a larger id is refused, never rounded to another lease).
import { RingkvError } from "./errors.ts";

/** The largest lease id: Number.MAX_SAFE_INTEGER. */
export const LEASE_ID_MAX = Number.MAX_SAFE_INTEGER;

/**
 * "123" is decimal; "0x7b" and any string with a hex letter ("694d7b2b1e3e6f0a", as etcdctl
 * prints) are hex. A hex id of digits only needs the 0x prefix.
 */
export function parseLeaseId(text: string): number {
  const t = text.trim();
  let id: bigint;
  if (/^[0-9]+$/.test(t)) id = BigInt(t);
  else if (/^0[xX][0-9a-fA-F]+$/.test(t)) id = BigInt(t);
  else if (/^[0-9a-fA-F]+$/.test(t)) id = BigInt(`0x${t}`);
  else throw new RingkvError("InvalidArgument", `lease id ${JSON.stringify(text)} is not a number`);
  if (id < 1n || id > BigInt(LEASE_ID_MAX)) {
    throw new RingkvError("InvalidArgument", `lease id ${t} is outside 1..${LEASE_ID_MAX}`);
  }
  return Number(id);
}

/** "123 (0x7b)". */
export function formatLeaseId(id: number): string {
  return `${id} (0x${id.toString(16)})`;
}

/** Refuse an id a request names that no lease can have (0 means "pick one" only in a grant). */
export function validateLeaseId(id: number, what = "lease id"): void {
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new RingkvError("InvalidArgument", `${what} must be an integer in 1..${LEASE_ID_MAX}, got ${id}`);
  }
}
