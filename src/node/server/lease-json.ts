// The lease routes' JSON (POST /v1/lease and the rest): ids as numbers and as hex (what etcdctl
// prints), keys in base64 (keys are any bytes; etcd's JSON gateway does the same).
import { RingkvError } from "../../api/errors.ts";
import type { LeaseTimeToLive } from "../../api/kv-model.ts";
import { validateLeaseId } from "../../api/lease-id.ts";

export interface LeaseJson {
  readonly id: number;
  /** The id in hex, without a prefix, as etcdctl prints it. */
  readonly hex: string;
  readonly ttl?: number;
}

export function leaseJson(id: number, ttlSeconds?: number): LeaseJson {
  const hex = id.toString(16);
  return ttlSeconds === undefined ? { id, hex } : { id, hex, ttl: ttlSeconds };
}

export function leaseTtlJson(left: LeaseTimeToLive, withKeys: boolean): object {
  const base = { ...leaseJson(left.id, left.ttlSeconds), grantedTtl: left.grantedTtlSeconds };
  if (!withKeys) return base;
  return { ...base, keys: left.keys.map((k) => Buffer.from(k).toString("base64")) };
}

/** `{"ttl": N[, "id": N]}`: TTL in seconds; id 0 or absent lets the cluster pick one. */
export function parseGrantBody(body: Uint8Array): { ttl: number; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    throw new RingkvError("InvalidArgument", 'the body must be JSON: {"ttl": seconds[, "id": n]}');
  }
  if (typeof parsed !== "object" || parsed === null) {
    throw new RingkvError("InvalidArgument", 'the body must be an object: {"ttl": seconds[, "id": n]}');
  }
  const { ttl, id = 0, ...rest } = parsed as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0)
    throw new RingkvError("InvalidArgument", `unknown field ${JSON.stringify(unknown[0])}`);
  if (typeof ttl !== "number" || !Number.isSafeInteger(ttl) || ttl < 1) {
    throw new RingkvError(
      "InvalidArgument",
      `ttl must be an integer ≥ 1 (seconds), got ${JSON.stringify(ttl)}`,
    );
  }
  if (typeof id !== "number")
    throw new RingkvError("InvalidArgument", `id must be a number, got ${JSON.stringify(id)}`);
  if (id !== 0) validateLeaseId(id);
  return { ttl, id };
}
