// The replicated, last-write-wins view: one record per member and one entry per metadata key.
// Every change goes through one merge rule per record type (keep the higher-ranked), which
// makes the view a join-semilattice: merges commute, associate and are idempotent, so members
// that have seen the same updates hold the same view, whatever the order or repetition.
import { canonicalJson, compareText } from "./canonical.ts";
import { compareMemberRecords, isLive, type MemberRecord } from "./member-record.ts";
import { compareMetadataEntries, type MetadataEntry } from "./metadata-entry.ts";

/** The orders merges keep the maximum of. Replaceable only to plant bugs in tests. */
export interface MergeRules {
  readonly compareMembers: (a: MemberRecord, b: MemberRecord) => number;
  readonly compareMetadata: (a: MetadataEntry, b: MetadataEntry) => number;
}

export const DEFAULT_MERGE_RULES: MergeRules = {
  compareMembers: compareMemberRecords,
  compareMetadata: compareMetadataEntries,
};

export interface Merge<T> {
  /** The incoming record outranked the held one (or there was none) and replaced it. */
  readonly accepted: boolean;
  readonly previous: T | undefined;
}

export interface ClusterSnapshot {
  /** Sorted by id. */
  readonly members: readonly MemberRecord[];
  /** Sorted by key. */
  readonly metadata: readonly MetadataEntry[];
}

export class ClusterState {
  readonly rules: MergeRules;
  readonly #members = new Map<string, MemberRecord>();
  readonly #metadata = new Map<string, MetadataEntry>();
  #liveCount = 0;

  constructor(rules: MergeRules = DEFAULT_MERGE_RULES) {
    this.rules = rules;
  }

  member(id: string): MemberRecord | undefined {
    return this.#members.get(id);
  }

  members(): IterableIterator<MemberRecord> {
    return this.#members.values();
  }

  get memberCount(): number {
    return this.#members.size;
  }

  /** N: members alive or suspect. */
  get liveCount(): number {
    return this.#liveCount;
  }

  metadata(key: string): MetadataEntry | undefined {
    return this.#metadata.get(key);
  }

  metadataEntries(): IterableIterator<MetadataEntry> {
    return this.#metadata.values();
  }

  get metadataCount(): number {
    return this.#metadata.size;
  }

  mergeMember(record: MemberRecord): Merge<MemberRecord> {
    const previous = this.#members.get(record.id);
    if (previous !== undefined && this.rules.compareMembers(record, previous) <= 0) {
      return { accepted: false, previous };
    }
    this.#putMember(record, previous);
    return { accepted: true, previous };
  }

  /**
   * Sets the member's own record without a merge. Only the member itself may do this: it is
   * the authority on its own liveness, and its refutation must stand even if a (buggy) merge
   * rule would rank it lower.
   */
  replaceOwnRecord(record: MemberRecord): MemberRecord | undefined {
    const previous = this.#members.get(record.id);
    this.#putMember(record, previous);
    return previous;
  }

  mergeMetadata(entry: MetadataEntry): Merge<MetadataEntry> {
    const previous = this.#metadata.get(entry.key);
    if (previous !== undefined && this.rules.compareMetadata(entry, previous) <= 0) {
      return { accepted: false, previous };
    }
    this.#metadata.set(entry.key, entry);
    return { accepted: true, previous };
  }

  snapshot(): ClusterSnapshot {
    return {
      members: [...this.#members.values()].sort((a, b) => compareText(a.id, b.id)),
      metadata: [...this.#metadata.values()].sort((a, b) => compareText(a.key, b.key)),
    };
  }

  #putMember(record: MemberRecord, previous: MemberRecord | undefined): void {
    if (previous !== undefined && isLive(previous.state)) this.#liveCount--;
    if (isLive(record.state)) this.#liveCount++;
    this.#members.set(record.id, record);
  }
}

/** One text per view: two members hold the same view exactly when their texts are equal. */
export function canonicalSnapshot(snapshot: ClusterSnapshot): string {
  return canonicalJson(snapshot);
}
