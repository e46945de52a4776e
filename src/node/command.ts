// The commands a data group's log carries, encoded with proto/command.proto.
import type { MemberInfo } from "./api.ts";
import { decodeMessage, encodeMessage, messageType } from "./proto.ts";

export type Command =
  | { readonly put: { readonly key: Uint8Array; readonly value: Uint8Array; readonly ifVersion?: number } }
  | { readonly delete: { readonly key: Uint8Array } }
  | { readonly setMember: MemberInfo }
  | { readonly removeMember: string };

const CommandType = messageType("command.proto", "ringkv.command.Command");

export function encodeCommand(command: Command): Uint8Array {
  return encodeMessage(CommandType, command);
}

interface DecodedCommand {
  put?: { key: Uint8Array; value: Uint8Array; ifVersion?: number };
  delete?: { key: Uint8Array };
  setMember?: MemberInfo;
  removeMember?: string;
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
  if (c.op === "setMember" && c.setMember) return { setMember: c.setMember };
  if (c.op === "removeMember" && c.removeMember !== undefined) return { removeMember: c.removeMember };
  throw new Error(`undecodable command (op ${c.op ?? "missing"})`);
}
