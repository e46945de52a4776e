// Which shards a key span touches. Keys are hash-sharded (src/ring), so neighbouring keys live in
// unrelated shards: a single key is in exactly one shard, and any span of more than one key may
// hold keys of every shard. Knowing which shards actually hold keys of a span would need an
// index per prefix; asking every shard costs one request per shard instead.
import type { KeySpan } from "../../api/kv-model.ts";

/** Bytes in byte order (the order of keys in ranges): negative, zero or positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * The one key a span holds, or undefined when it may hold more (or none): `end` absent, or `end`
 * = `start` + 0x00, the smallest key after `start` (etcd clients name one key that way).
 */
export function singleKeyOf(span: KeySpan): Uint8Array | undefined {
  const { start, end } = span;
  if (end === undefined) return start;
  if (end.length !== start.length + 1 || end[start.length] !== 0) return undefined;
  for (let i = 0; i < start.length; i++) if (end[i] !== start[i]) return undefined;
  return start;
}

/** True when the span holds no key: `end` given, not empty (= "to the end") and ≤ `start`. */
export function isEmptySpan(span: KeySpan): boolean {
  const { start, end } = span;
  return end !== undefined && end.length > 0 && compareBytes(end, start) <= 0;
}

/**
 * The shards a span's keys may live in, ascending: the key's shard for a single key, none for an
 * empty span, every shard otherwise.
 */
export function shardsOfSpan(
  span: KeySpan,
  ring: { readonly shardCount: number; shardOf(key: Uint8Array): number },
): number[] {
  const key = singleKeyOf(span);
  if (key !== undefined) return [ring.shardOf(key)];
  if (isEmptySpan(span)) return [];
  return Array.from({ length: ring.shardCount }, (_, shard) => shard);
}
