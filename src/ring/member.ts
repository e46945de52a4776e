// Members as placement sees them: distinct, non-empty ids in one canonical order. Callers may
// pass bare ids or member records (gossip's `{ id, addr, state, … }`); only the id matters here.

import { RingError } from "./errors.ts";
import { memberIdLengthMax, membersMax } from "./settings.ts";

export type MemberInput = string | { readonly id: string };

/**
 * The member ids sorted by UTF-16 code units — not `localeCompare`, whose order depends on the
 * runtime's locale data and would let two nodes disagree on a placement.
 */
export function canonicalMemberIds(members: readonly MemberInput[]): string[] {
  if (members.length === 0) {
    throw new RingError("EmptyMembership", "placement needs at least one member");
  }
  if (members.length > membersMax) {
    throw new RingError("TooManyMembers", `at most ${membersMax} members, got ${members.length}`, {
      members: members.length,
    });
  }
  const ids = members.map((member) => requireValidId(typeof member === "string" ? member : member.id));
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] === ids[i - 1]) {
      throw new RingError("DuplicateMember", `member id ${JSON.stringify(ids[i])} appears twice`, {
        id: ids[i]!,
      });
    }
  }
  return ids;
}

function requireValidId(id: unknown): string {
  if (typeof id !== "string" || id.length === 0 || id.length > memberIdLengthMax) {
    throw new RingError(
      "InvalidMemberId",
      `member id must be a string of 1..${memberIdLengthMax} characters, got ${JSON.stringify(id)}`,
      { id: String(id) },
    );
  }
  return id;
}
