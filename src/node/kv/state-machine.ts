// The key-value state machine of one data group: the map every replica builds by applying the
// same committed commands in the same order. Deterministic: no clock, no randomness.
//
// It keeps a digest of everything it holds (state-digest.ts), updated with each command: every
// key with its value and version, and in the meta group every member record and the config too,
// so replicas whose states differ in any way have different digests (with probability 1-2^-64).
import type { VersionedValue } from "../../api/kv-api.ts";
import { decodeMessage, wire } from "../../api/proto.ts";
import type { ApplyResult } from "./apply-result.ts";
import type { ClusterConfig, Command, MemberRecord } from "./command.ts";
import { DigestElement, type DigestLanes, StateDigest } from "./state-digest.ts";

export type { ApplyResult } from "./apply-result.ts";

/**
 * A value is held as a one-byte (latin1) string, one char per byte, not as a Uint8Array: V8
 * keeps such a string inline on the heap (16 bytes of header), while every Uint8Array is a view
 * object, an ArrayBuffer object and an off-heap backing store. A Map of 1M 16-byte keys to
 * `{ value, version }` with 100-byte values grew RSS by ~340 bytes per key this way against ~670
 * with Uint8Array values (Node 20, measured in one process after a forced GC), at the price of
 * one copy back to bytes per read. `npm run bench:memory` measures what a whole node holds.
 */
interface Stored {
  readonly value: string;
  readonly version: number;
}

const SnapshotType = wire.command.StateSnapshot;

/** Keys are byte strings; a latin1 string holds each byte as one char, so Map lookups work. */
function keyString(key: Uint8Array): string {
  return byteString(key);
}

function byteString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

function stringBytes(s: string): Uint8Array {
  return Buffer.from(s, "latin1");
}

const utf8 = new TextEncoder();

/** A member record's digest encoding: one fixed field order, whatever the object's. */
function memberBytes(m: MemberRecord): Uint8Array {
  return utf8.encode(JSON.stringify([m.id, m.addr, m.http, m.leaving === true]));
}

function configBytes(c: ClusterConfig): Uint8Array {
  return utf8.encode(JSON.stringify([c.shardCount, c.replicationFactor]));
}

export class KvStateMachine {
  readonly #data = new Map<string, Stored>();
  readonly #members = new Map<string, MemberRecord>();
  #config: ClusterConfig | null = null;
  #bytes = 0;
  readonly #digest = new StateDigest();
  /** Bumped whenever the address book changes, so watchers can skip unchanged applies. */
  membersVersion = 0;

  get keyCount(): number {
    return this.#data.size;
  }

  /** Bytes of keys and values held (what the data quota counts). */
  get sizeBytes(): number {
    return this.#bytes;
  }

  get(key: Uint8Array): VersionedValue | null {
    const stored = this.#data.get(keyString(key));
    return stored === undefined ? null : { value: stringBytes(stored.value), version: stored.version };
  }

  version(key: Uint8Array): number {
    return this.#data.get(keyString(key))?.version ?? 0;
  }

  /** The cluster's shard count and replication factor (meta group only; null elsewhere). */
  get config(): ClusterConfig | null {
    return this.#config;
  }

  members(): MemberRecord[] {
    return [...this.#members.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  member(id: string): MemberRecord | undefined {
    return this.#members.get(id);
  }

  /** The digest of the whole state: 16 hex characters, equal on replicas with equal states. */
  digest(): string {
    return this.#digest.hex();
  }

  /** The digest as two int32 lanes, for recording it without building a string. */
  digestLanes(): DigestLanes {
    return this.#digest;
  }

  /** Apply the command committed at `index` (which becomes the version of what it writes). */
  apply(command: Command, index: number): ApplyResult {
    if ("put" in command) {
      const { key, value, ifVersion } = command.put;
      const k = keyString(key);
      const current = this.#data.get(k);
      const currentVersion = current?.version ?? 0;
      if (ifVersion !== undefined && ifVersion !== currentVersion) {
        return { kind: "versionMismatch", current: currentVersion };
      }
      this.#bytes += value.byteLength - (current ? current.value.length : -key.byteLength);
      // The old entry's hash is recomputed, not stored: storing it would spare one hash per
      // overwrite and delete (~90 ns for 100 bytes, bench/state-digest) but cost memory for
      // every key held, two boxed 32-bit lanes per entry in V8.
      if (current) this.#digest.toggleEntry(key, stringBytes(current.value), current.version);
      this.#digest.toggleEntry(key, value, index);
      // A copy, so the decoded command's (possibly larger) buffer is not pinned.
      this.#data.set(k, { value: byteString(value), version: index });
      return { kind: "put", version: index };
    }
    if ("delete" in command) {
      const { key, ifVersion } = command.delete;
      const k = keyString(key);
      const current = this.#data.get(k);
      // Checked here, at apply time, not before proposing: a write committed in between would
      // otherwise be deleted unseen.
      if (ifVersion !== undefined && ifVersion !== (current?.version ?? 0)) {
        return { kind: "versionMismatch", current: current?.version ?? 0 };
      }
      if (!current) return { kind: "delete", deleted: false, revision: index };
      this.#data.delete(k);
      this.#bytes -= key.byteLength + current.value.length;
      this.#digest.toggleEntry(key, stringBytes(current.value), current.version);
      return { kind: "delete", deleted: true, revision: index };
    }
    if ("setMember" in command) {
      this.#setMember(command.setMember);
    } else if ("setConfig" in command) {
      this.#setConfig(command.setConfig);
    } else if ("removeMember" in command) {
      this.#removeMember(command.removeMember);
    } else {
      // The richer commands of issue 13 are proposed only once their apply exists.
      throw new Error(`command ${Object.keys(command)[0]} is not applied yet`);
    }
    this.membersVersion++;
    return { kind: "member" };
  }

  #setMember(record: MemberRecord): void {
    this.#removeMember(record.id);
    this.#members.set(record.id, record);
    this.#digest.toggle(DigestElement.member, memberBytes(record));
  }

  #removeMember(id: string): void {
    const current = this.#members.get(id);
    if (current === undefined) return;
    this.#members.delete(id);
    this.#digest.toggle(DigestElement.member, memberBytes(current));
  }

  #setConfig(config: ClusterConfig): void {
    if (this.#config) this.#digest.toggle(DigestElement.config, configBytes(this.#config));
    this.#config = config;
    this.#digest.toggle(DigestElement.config, configBytes(config));
  }

  snapshot(): Uint8Array {
    const entries = [...this.#data].map(([k, v]) => ({
      key: stringBytes(k),
      value: stringBytes(v.value),
      version: v.version,
    }));
    // Encoded straight from our own well-typed objects: verify/fromObject (encodeMessage's checks
    // for untrusted input) cost more than the encoding on a large map, on the Ready loop.
    return SnapshotType.encode({ entries, members: this.members(), config: this.#config }).finish();
  }

  restore(bytes: Uint8Array): void {
    this.#data.clear();
    this.#members.clear();
    this.#config = null;
    this.#bytes = 0;
    this.#digest.reset();
    this.membersVersion++;
    if (bytes.byteLength === 0) return;
    const snap = decodeMessage<{
      entries: { key: Uint8Array; value: Uint8Array; version: number }[];
      members: MemberRecord[];
      config?: ClusterConfig;
    }>(SnapshotType, bytes);
    for (const e of snap.entries) {
      this.#data.set(keyString(e.key), { value: byteString(e.value), version: e.version });
      this.#bytes += e.key.byteLength + e.value.byteLength;
      this.#digest.toggleEntry(e.key, e.value, e.version);
    }
    for (const m of snap.members) {
      const { id, addr, http, leaving } = m;
      this.#setMember(leaving ? { id, addr, http, leaving } : { id, addr, http });
    }
    if (snap.config?.shardCount) this.#setConfig(snap.config);
  }
}
