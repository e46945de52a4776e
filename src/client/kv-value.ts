// A value as the client library returns it: the stored bytes, readable as bytes or as text, the
// way the `etcd3` client's `get(key).string()` reads.
import type { VersionedValue } from "../api/kv-api.ts";

/** Invalid UTF-8 decodes to U+FFFD rather than throwing: ringkv stores any bytes. */
const utf8 = new TextDecoder("utf-8");

export class KvValue implements VersionedValue {
  /** The value exactly as stored. */
  readonly bytes: Uint8Array;
  /** The Raft index of the key's last write (per shard, not a cluster-wide revision). */
  readonly version: number;

  constructor(bytes: Uint8Array, version: number) {
    this.bytes = bytes;
    this.version = version;
  }

  /** The bytes again, under the name KvApi gives them (the node's own API returns these). */
  get value(): Uint8Array {
    return this.bytes;
  }

  /** The value decoded as UTF-8 (invalid sequences become U+FFFD). */
  string(): string {
    return utf8.decode(this.bytes);
  }
}
