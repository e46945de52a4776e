// The ring placement walks: every member owns `tokensPerMember` tokens hashed from its id, so a
// member's tokens are the same whoever else is in the cluster — the root of minimal movement.

import type { Hasher } from "./hasher.ts";
import { tokenPositions, utf8Bytes } from "./token-position.ts";
import { TokenRing } from "./token-ring.ts";

/**
 * A ring whose owners are indices into `ids`. Pass ids in canonical order (as placement does):
 * tokens on the same position are ordered by owner index.
 */
export function memberRing(hasher: Hasher, ids: readonly string[], tokensPerMember: number): TokenRing {
  const positions = new Uint32Array(ids.length * tokensPerMember);
  const owners = new Uint32Array(positions.length);
  ids.forEach((id, member) => {
    positions.set(tokenPositions(hasher, utf8Bytes(id), tokensPerMember), member * tokensPerMember);
    owners.fill(member, member * tokensPerMember, (member + 1) * tokensPerMember);
  });
  return new TokenRing(positions, owners);
}
