// The key-value state machine of one data group: the keys every replica builds by applying the
// same committed commands in the same order. Deterministic: no clock, no randomness, no I/O.
//
// Revisions (src/api/kv-model.ts, notes in README.md): a shard write applies at
// `command.revision` (its log index for entries written before revisions) only if that is above
// the shard's `floor`, the highest revision it applied or was fenced at; else it is refused,
// unapplied (staleRevision). So revisions increase in log order within a shard, and a read at
// any point answers `revision` = floor: every write it does not reflect has a higher one.
//
// It keeps a digest of everything it holds (state-digest.ts), updated with each command: every
// key with all that is stored of it, the floor and revoked leases, and in the meta group the
// members, config, revision reservations and lease table, so replicas whose states differ in any
// way have different digests (with probability 1-2^-64). And it keeps a bounded history of the
// changes it applied (event-history.ts) for watches; history is not state: not in the digest,
// not in snapshots.
import type { VersionedValue } from "../../api/kv-api.ts";
import type { KeyRecord, RangeQuery, RangeResult } from "../../api/kv-model.ts";
import { decodeMessage, wire } from "../../api/proto.ts";
import type { ApplyResult } from "./apply-result.ts";
import type { ClusterConfig, Command, MemberRecord } from "./command.ts";
import { type Change, EventHistory, type EventHistoryOptions } from "./event-history.ts";
import { byteString, KeyStore, type Stored, stringBytes } from "./key-store.ts";
import { keyRecord, RANGE_BOUNDS_DEFAULT, type RangeBounds, readRange } from "./range-read.ts";
import { type ShardCommand, ShardWrites } from "./shard-writes.ts";
import { DigestElement, type DigestLanes, StateDigest } from "./state-digest.ts";

export type { ApplyResult } from "./apply-result.ts";
export {
  RANGE_BOUNDS_DEFAULT,
  RANGE_MAX_BYTES_DEFAULT,
  RANGE_MAX_KEYS_DEFAULT,
  type RangeBounds,
} from "./range-read.ts";

const SnapshotType = wire.command.StateSnapshot;

const utf8 = new TextEncoder();

/** A member record's digest encoding: one fixed field order, whatever the object's. */
function memberBytes(m: MemberRecord): Uint8Array {
  return utf8.encode(JSON.stringify([m.id, m.addr, m.http, m.leaving === true]));
}

function configBytes(c: ClusterConfig): Uint8Array {
  return utf8.encode(JSON.stringify([c.shardCount, c.replicationFactor]));
}

/** A lease as the meta group holds it. */
export interface LeaseRecord {
  readonly id: number;
  readonly ttlSeconds: number;
  /** Revoked (or expired): its keys are being deleted shard by shard, then it is forgotten. */
  readonly revoking: boolean;
}

export interface KvStateMachineOptions {
  readonly history?: EventHistoryOptions;
  /** The bounds of ranges answered while applying (fence, txn). */
  readonly rangeBounds?: RangeBounds;
}

interface SnapshotKeyValue {
  key: Uint8Array;
  value: Uint8Array;
  version: number;
  createRevision?: number;
  writes?: number;
  lease?: number;
}

interface DecodedSnapshot {
  entries: SnapshotKeyValue[];
  members: MemberRecord[];
  config?: ClusterConfig;
  floor?: number;
  revokedLeases?: number[];
  revisionsReserved?: number;
  leases?: LeaseRecord[];
}

export class KvStateMachine {
  readonly #keys = new KeyStore();
  readonly #members = new Map<string, MemberRecord>();
  #config: ClusterConfig | null = null;
  #revisionsReserved = 0;
  readonly #leases = new Map<number, LeaseRecord>();
  readonly #digest = new StateDigest();
  readonly #history: EventHistory;
  readonly #writes: ShardWrites;
  /** Bumped whenever the address book changes, so watchers can skip unchanged applies. */
  membersVersion = 0;

  constructor(options: KvStateMachineOptions = {}) {
    this.#history = new EventHistory(options.history);
    this.#writes = new ShardWrites(this.#keys, this.#digest, options.rangeBounds ?? RANGE_BOUNDS_DEFAULT);
  }

  get keyCount(): number {
    return this.#keys.size;
  }

  /** Bytes of keys and values held (what the data quota counts). */
  get sizeBytes(): number {
    return this.#keys.bytes;
  }

  /** The highest revision this shard applied or was fenced at. */
  get floor(): number {
    return this.#writes.floor;
  }

  /** Recent changes, for watches. */
  get history(): EventHistory {
    return this.#history;
  }

  get(key: Uint8Array): VersionedValue | null {
    const stored = this.#keys.get(byteString(key));
    return stored === undefined ? null : { value: stringBytes(stored.value), version: stored.modRevision };
  }

  /** The key with everything stored of it, or null. */
  record(key: Uint8Array): KeyRecord | null {
    const k = byteString(key);
    const stored = this.#keys.get(k);
    return stored === undefined ? null : keyRecord(k, stored);
  }

  /** The key's version (its mod revision), 0 if absent. */
  version(key: Uint8Array): number {
    return this.#keys.get(byteString(key))?.modRevision ?? 0;
  }

  /** The query over this shard at this point; `revision` is the floor. */
  range(query: RangeQuery, bounds: RangeBounds = RANGE_BOUNDS_DEFAULT): RangeResult {
    return readRange(this.#keys, query, bounds, this.#writes.floor);
  }

  /** The keys of this shard attached to `lease`, in byte order. */
  leaseKeys(lease: number): Uint8Array[] {
    return this.#keys
      .leaseKeys(lease)
      .sort()
      .map((k) => stringBytes(k));
  }

  /** Leases whose keys this shard deleted (a put with one is refused), ascending. */
  revokedLeases(): number[] {
    return this.#writes.revokedLeases();
  }

  /** Meta: the highest revision the timestamp oracle may hand out. */
  get revisionsReserved(): number {
    return this.#revisionsReserved;
  }

  /** Meta: every lease, by id. */
  leases(): LeaseRecord[] {
    return [...this.#leases.values()].sort((a, b) => a.id - b.id);
  }

  lease(id: number): LeaseRecord | undefined {
    return this.#leases.get(id);
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

  /** Apply the command committed at `index` (the revision of a write that carries none). */
  apply(command: Command, index: number): ApplyResult {
    if (isShardCommand(command)) {
      const events: Change[] = [];
      const floor = this.#writes.floor;
      const result = this.#writes.apply(command, index, events);
      if (events.length > 0 || this.#writes.floor !== floor) this.#history.record(events, this.#writes.floor);
      return result;
    }
    return this.#applyMeta(command);
  }

  #applyMeta(command: Exclude<Command, ShardCommand>): ApplyResult {
    if ("reserveRevisions" in command) {
      const upTo = command.reserveRevisions.upTo;
      if (upTo > this.#revisionsReserved) {
        this.#digest.toggleNumbers(DigestElement.revisionsReserved, this.#revisionsReserved);
        this.#revisionsReserved = upTo;
        this.#digest.toggleNumbers(DigestElement.revisionsReserved, upTo);
      }
      return { kind: "revisionsReserved", upTo: this.#revisionsReserved };
    }
    if ("grantLease" in command) {
      const { id, ttlSeconds } = command.grantLease;
      // Idempotent: a retried grant keeps the lease as it is (and a revoking one stays revoking).
      if (!this.#leases.has(id)) this.#setLease({ id, ttlSeconds, revoking: false });
      return { kind: "lease" };
    }
    if ("revokeLease" in command) {
      const current = this.#leases.get(command.revokeLease.id);
      if (current && !current.revoking) this.#setLease({ ...current, revoking: true });
      return { kind: "lease" };
    }
    if ("forgetLease" in command) {
      this.#dropLease(command.forgetLease.id);
      return { kind: "lease" };
    }
    if ("setMember" in command) {
      this.#setMember(command.setMember);
    } else if ("setConfig" in command) {
      this.#setConfig(command.setConfig);
    } else {
      this.#removeMember(command.removeMember);
    }
    this.membersVersion++;
    return { kind: "member" };
  }

  #setLease(lease: LeaseRecord): void {
    this.#dropLease(lease.id);
    this.#leases.set(lease.id, lease);
    this.#digest.toggleNumbers(
      DigestElement.lease,
      lease.id,
      lease.ttlSeconds * 2 + (lease.revoking ? 1 : 0),
    );
  }

  #dropLease(id: number): void {
    const current = this.#leases.get(id);
    if (current === undefined) return;
    this.#leases.delete(id);
    this.#digest.toggleNumbers(
      DigestElement.lease,
      current.id,
      current.ttlSeconds * 2 + (current.revoking ? 1 : 0),
    );
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
    const entries: SnapshotKeyValue[] = [];
    for (const [k, s] of this.#keys.entries()) {
      entries.push({
        key: stringBytes(k),
        value: stringBytes(s.value),
        version: s.modRevision,
        createRevision: s.createRevision,
        writes: s.writes,
        lease: s.lease,
      });
    }
    // Encoded straight from our own well-typed objects: verify/fromObject (encodeMessage's checks
    // for untrusted input) cost more than the encoding on a large map, on the Ready loop.
    return SnapshotType.encode({
      entries,
      members: this.members(),
      config: this.#config,
      floor: this.#writes.floor,
      revokedLeases: this.#writes.revokedLeases(),
      revisionsReserved: this.#revisionsReserved,
      leases: this.leases(),
    }).finish();
  }

  restore(bytes: Uint8Array): void {
    this.#keys.clear();
    this.#members.clear();
    this.#config = null;
    this.#revisionsReserved = 0;
    this.#leases.clear();
    this.#digest.reset();
    this.#writes.reset();
    this.membersVersion++;
    if (bytes.byteLength > 0) this.#restoreFrom(decodeMessage<DecodedSnapshot>(SnapshotType, bytes));
    this.#history.reset(this.#writes.floor);
  }

  #restoreFrom(snap: DecodedSnapshot): void {
    // A snapshot from before revisions has no floor: its keys' versions were applied, so the
    // floor is at least the highest of them.
    let floor = snap.floor ?? 0;
    for (const e of snap.entries) {
      floor = Math.max(floor, e.version);
      // A snapshot from before revisions holds only the version: the key was created by it.
      const stored: Stored = {
        value: byteString(e.value),
        modRevision: e.version,
        createRevision: e.createRevision || e.version,
        writes: e.writes || 1,
        lease: e.lease ?? 0,
      };
      this.#keys.set(byteString(e.key), stored);
      this.#digest.toggleRecord(e.key, e.value, stored);
    }
    this.#writes.restore(floor, snap.revokedLeases ?? []);
    for (const m of snap.members) {
      const { id, addr, http, leaving } = m;
      this.#setMember(leaving ? { id, addr, http, leaving } : { id, addr, http });
    }
    if (snap.config?.shardCount) this.#setConfig(snap.config);
    if (snap.revisionsReserved) this.#applyMeta({ reserveRevisions: { upTo: snap.revisionsReserved } });
    for (const lease of snap.leases ?? []) {
      this.#setLease({ id: lease.id, ttlSeconds: lease.ttlSeconds, revoking: lease.revoking === true });
    }
  }
}

function isShardCommand(command: Command): command is ShardCommand {
  return (
    "put" in command ||
    "delete" in command ||
    "deleteRange" in command ||
    "txn" in command ||
    "fence" in command ||
    "revokeLeaseKeys" in command
  );
}
