// `ringkv get --prefix` and `ringkv del --prefix`: a prefix's keys, paged through the client's
// range() so a large prefix never asks for one unbounded answer, printed as etcdctl prints them
// (each key on its line, then its value as `get` prints it; keys only: one key per line).

import { type KeyRecord, prefixEnd } from "../src/api/kv-model.ts";
import type { RingkvClient } from "../src/client/client.ts";
import type { Output } from "./output.ts";

/** Keys asked for per request when listing a prefix; a page is at most this many records. */
export const PREFIX_PAGE_KEYS = 1_000;

export interface PrefixListing {
  readonly prefix: Uint8Array;
  /** At most this many keys (0: all). */
  readonly limit: number;
  readonly keysOnly: boolean;
  readonly countOnly: boolean;
  readonly stale: boolean;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function recordJson(kv: KeyRecord, keysOnly: boolean): object {
  return {
    key: utf8OrNull(kv.key),
    keyBase64: Buffer.from(kv.key).toString("base64"),
    ...(keysOnly
      ? {}
      : { value: utf8OrNull(kv.value), valueBase64: Buffer.from(kv.value).toString("base64") }),
    version: kv.modRevision,
    createRevision: kv.createRevision,
    modRevision: kv.modRevision,
    lease: kv.lease,
  };
}

export async function listPrefix(client: RingkvClient, listing: PrefixListing, out: Output): Promise<void> {
  const { prefix, limit, keysOnly, countOnly, stale } = listing;
  const consistency = stale ? "stale" : "linearizable";
  if (countOnly) {
    const { count, revision } = await client.range({ prefix, countOnly: true, consistency });
    out.result({ count, revision }, String(count));
    return;
  }
  const kvs: KeyRecord[] = [];
  let start: Uint8Array = prefix;
  let first: { count: number; revision: number } | undefined;
  let more = true;
  // Bounded: every page but the last holds PREFIX_PAGE_KEYS keys and advances `start`.
  while (more && (limit === 0 || kvs.length < limit)) {
    const want = limit === 0 ? PREFIX_PAGE_KEYS : Math.min(PREFIX_PAGE_KEYS, limit - kvs.length);
    const end = prefixEnd(prefix);
    const page = await client.range({ start, end, limit: want, keysOnly, consistency });
    first ??= { count: page.count, revision: page.revision };
    kvs.push(...page.kvs);
    const last = page.kvs[page.kvs.length - 1];
    more = page.more && last !== undefined;
    if (last) start = Uint8Array.of(...last.key, 0);
  }
  const value = {
    kvs: kvs.map((kv) => recordJson(kv, keysOnly)),
    count: first?.count ?? 0,
    more,
    revision: first?.revision ?? 0,
  };
  const lines: Uint8Array[] = [];
  for (const kv of kvs) {
    lines.push(kv.key);
    if (!keysOnly) lines.push(kv.value);
  }
  out.result(value, joinLines(lines));
}

/** Lines joined with "\n" (Output adds the last one); nothing at all for no lines. */
function joinLines(lines: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  lines.forEach((line, i) => {
    if (i > 0) parts.push(Uint8Array.of(0x0a));
    parts.push(line);
  });
  return Buffer.concat(parts);
}

export async function deletePrefix(client: RingkvClient, prefix: Uint8Array, out: Output): Promise<void> {
  const { deleted, revision } = await client.deleteRange({ prefix });
  out.result({ deleted, revision }, String(deleted));
}
