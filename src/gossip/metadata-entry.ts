// One versioned key → value pair of cluster metadata, and the one rule for merging two.
//
// The node layer chooses keys and versions so that "higher version" means "newer": the
// placement epoch a node applied (version = epoch), a shard-leader hint (version = term),
// a replica's (appliedIndex, digest) (version = appliedIndex). Gossip never interprets values.
import { canonicalJson, compareText } from "./canonical.ts";
import { GossipError } from "./errors.ts";

/** Any JSON value; finite numbers only, so every value has exactly one canonical text. */
export type MetadataValue =
  | null
  | boolean
  | number
  | string
  | readonly MetadataValue[]
  | { readonly [key: string]: MetadataValue };

export interface MetadataEntry {
  readonly key: string;
  readonly value: MetadataValue;
  /** A non-negative safe integer; higher wins. */
  readonly version: number;
  /** The member that wrote this version; breaks ties between concurrent writers. */
  readonly origin: string;
}

/**
 * A total order on entries of one key: higher version wins, then the writer's id, then the
 * value's canonical text, so two different entries never tie and arrival order never decides.
 */
export function compareMetadataEntries(a: MetadataEntry, b: MetadataEntry): number {
  if (a === b) return 0;
  if (a.version !== b.version) return a.version < b.version ? -1 : 1;
  return (
    compareText(a.origin, b.origin) ||
    (a.value === b.value ? 0 : compareText(canonicalJson(a.value), canonicalJson(b.value))) ||
    compareText(a.key, b.key)
  );
}

/** Rejects what could not be merged deterministically or sent: NaN, ±Infinity, non-JSON values. */
export function assertMetadataValue(value: unknown, path = "value"): asserts value is MetadataValue {
  if (value === null || typeof value === "boolean" || typeof value === "string") return;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return;
    throw new GossipError("InvalidArgument", `metadata ${path} must be a finite number, got ${value}`);
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) assertMetadataValue(item, `${path}[${index}]`);
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) assertMetadataValue(item, `${path}.${key}`);
    return;
  }
  throw new GossipError("InvalidArgument", `metadata ${path} must be a JSON value`);
}
