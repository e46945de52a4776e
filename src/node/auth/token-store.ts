// The tokens a node accepts, checked in constant time: the presented token is hashed and its hash
// compared with every entry's (timingSafeEqual, no early exit), so the time taken says nothing
// about which entry, or how much of one, matched.
import { timingSafeEqual } from "node:crypto";
import type { Role } from "./role.ts";
import { hashToken, TOKEN_BYTES_MAX } from "./token.ts";
import type { TokenEntry } from "./token-file.ts";

/** Who a token says the caller is. */
export interface TokenHolder {
  readonly name: string;
  readonly role: Role;
}

export class TokenStore {
  readonly #entries: readonly TokenEntry[];

  constructor(entries: readonly TokenEntry[]) {
    this.#entries = entries;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The holder of `token`, or null when no entry lists it. */
  authenticate(token: string): TokenHolder | null {
    if (token === "" || Buffer.byteLength(token, "utf8") > TOKEN_BYTES_MAX) return null;
    const presented = hashToken(token);
    let found: TokenEntry | null = null;
    for (const entry of this.#entries) {
      // Every entry is compared, a match or not; names are unique and hashes too (token-file.ts).
      if (timingSafeEqual(presented, entry.hash) && found === null) found = entry;
    }
    return found === null ? null : { name: found.name, role: found.role };
  }
}
