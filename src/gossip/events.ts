// What the gossip core tells its host. Raised only when a merge changed the local view, so a
// host can mirror the view exactly by applying events in order.
import type { MemberRecord } from "./member-record.ts";
import type { MetadataEntry } from "./metadata-entry.ts";

export type GossipEvent = MemberChanged | MetadataChanged;

export interface MemberChanged {
  readonly type: "member-changed";
  readonly member: MemberRecord;
  /** undefined: the member was not known before. */
  readonly previous: MemberRecord | undefined;
}

export interface MetadataChanged {
  readonly type: "metadata-changed";
  readonly entry: MetadataEntry;
  /** undefined: the key was not known before. */
  readonly previous: MetadataEntry | undefined;
}
