// The commands a group's log carries (key-value writes in shards; members and config in meta), encoded with proto/command.proto.
import type { MemberInfo } from "../../api/kv-api.ts";

/** A member as the meta group records it: the address book plus a leave in progress. */
export interface MemberRecord extends MemberInfo {
  readonly leaving?: boolean;
}

/** Fixed at bootstrap: how many shards the key space has, and replicas per shard. */
export interface ClusterConfig {
  readonly shardCount: number;
  readonly replicationFactor: number;
}

import { decodeMessage, encodeMessage, wire } from "../../api/proto.ts";
import { invariant } from "../../invariant.ts";

export type Command =
  | { readonly put: { readonly key: Uint8Array; readonly value: Uint8Array; readonly ifVersion?: number } }
  | { readonly delete: { readonly key: Uint8Array } }
  | { readonly setMember: MemberRecord }
  | { readonly removeMember: string }
  | { readonly setConfig: ClusterConfig };

const CommandType = wire.command.Command;

export function encodeCommand(command: Command): Uint8Array {
  return encodeMessage(CommandType, command);
}

interface DecodedCommand {
  put?: { key: Uint8Array; value: Uint8Array; ifVersion?: number };
  delete?: { key: Uint8Array };
  setMember?: MemberRecord;
  removeMember?: string;
  setConfig?: ClusterConfig;
  op?: string;
}

/** Decode a committed entry. Entries were validated before proposing, so failure is a bug. */
export function decodeCommand(bytes: Uint8Array): Command {
  const c = decodeMessage<DecodedCommand>(CommandType, bytes);
  if (c.op === "put" && c.put) {
    const { key, value, ifVersion } = c.put;
    return { put: ifVersion === undefined ? { key, value } : { key, value, ifVersion } };
  }
  if (c.op === "delete" && c.delete) return { delete: { key: c.delete.key } };
  if (c.op === "setMember" && c.setMember) {
    const { id, addr, http, leaving } = c.setMember;
    return { setMember: leaving ? { id, addr, http, leaving } : { id, addr, http } };
  }
  if (c.op === "setConfig" && c.setConfig) return { setConfig: c.setConfig };
  if (c.op === "removeMember" && c.removeMember !== undefined) return { removeMember: c.removeMember };
  // Only encodeCommand writes entries, so a committed entry that does not decode is corruption.
  invariant(false, "undecodable command", { op: c.op ?? null });
}
