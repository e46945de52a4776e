// The messages members exchange. Plain data: the node layer encodes them onto the wire
// (proto/gossip.proto) and the simulator passes them as they are. Request/response pairs:
//
//   ProbeRequest          → ProbeResponse             is the target alive? (SWIM ping / ack)
//   IndirectProbeRequest  → IndirectProbeResponse     probe it for me (ping-req), reached or not
//   PushPullRequest       → PushPullResponse          full state both ways (anti-entropy)
//   Gossip                                            one-way: pending updates only
//
// Every message but push-pull piggybacks updates, bounded by messageBytesMax and
// piggybackedUpdatesMax; sizes are measured on the one JSON encoding below.
import { utf8Bytes } from "./canonical.ts";
import type { MemberRecord } from "./member-record.ts";
import type { MetadataEntry } from "./metadata-entry.ts";

/** One piece of news, merged last-write-wins on arrival. */
export type Update = MemberUpdate | MetadataUpdate;

export interface MemberUpdate {
  readonly kind: "member";
  readonly record: MemberRecord;
  /**
   * Who asserted this record. For a suspect record it names the member whose probe failed,
   * so that independent suspicions can be counted as confirmations (Lifeguard).
   */
  readonly from: string;
}

export interface MetadataUpdate {
  readonly kind: "metadata";
  readonly entry: MetadataEntry;
}

interface Envelope {
  readonly from: string;
  readonly to: string;
}

export interface ProbeRequest extends Envelope {
  readonly type: "probe-request";
  readonly seq: number;
  readonly updates: readonly Update[];
}

export interface ProbeResponse extends Envelope {
  readonly type: "probe-response";
  /** The request's seq. */
  readonly seq: number;
  readonly updates: readonly Update[];
}

export interface IndirectProbeRequest extends Envelope {
  readonly type: "indirect-probe-request";
  /** The origin's probe seq, echoed in the response. */
  readonly seq: number;
  readonly target: string;
  readonly updates: readonly Update[];
}

export interface IndirectProbeResponse extends Envelope {
  readonly type: "indirect-probe-response";
  readonly seq: number;
  /** true: the target answered; false (a nack): it did not, but we could reach the origin. */
  readonly reached: boolean;
  readonly updates: readonly Update[];
}

export interface Gossip extends Envelope {
  readonly type: "gossip";
  readonly updates: readonly Update[];
}

export interface PushPullRequest extends Envelope {
  readonly type: "push-pull-request";
  readonly members: readonly MemberRecord[];
  readonly metadata: readonly MetadataEntry[];
}

export interface PushPullResponse extends Envelope {
  readonly type: "push-pull-response";
  readonly members: readonly MemberRecord[];
  readonly metadata: readonly MetadataEntry[];
}

export type Message =
  | ProbeRequest
  | ProbeResponse
  | IndirectProbeRequest
  | IndirectProbeResponse
  | Gossip
  | PushPullRequest
  | PushPullResponse;

/** Messages that carry piggybacked updates (all but push-pull). */
export type PiggybackMessage = Extract<Message, { readonly updates: readonly Update[] }>;

/** The encoding sizes are measured in. */
export function encodeMessage(message: Message): string {
  return JSON.stringify(message);
}

export function messageBytes(message: Message): number {
  return utf8Bytes(encodeMessage(message));
}

/** An update's bytes inside a message's `updates` array (excluding the separating comma). */
export function updateBytes(update: Update): number {
  return utf8Bytes(JSON.stringify(update));
}

/** Updates about the same subject share a key: a newer one replaces the queued older one. */
export function updateKey(update: Update): string {
  return update.kind === "member" ? `member:${update.record.id}` : `metadata:${update.entry.key}`;
}
