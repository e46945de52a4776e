// Where the other members are, kept outside Raft as a hint for restarts. A node that joined
// learns addresses from its seed's answer, but its meta replica may hold nothing yet when it
// crashes; restarted with an empty log, it could not answer the leader that is trying to feed
// it. So the last member list seen is saved, and loaded into the transport on start.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MemberInfo } from "./api.ts";
import { writeFileDurably } from "./storage/index.ts";

export interface AddressBook {
  load(): readonly MemberInfo[];
  /** Record the member list (best effort: it is a hint, the meta group is the truth). */
  save(members: readonly MemberInfo[]): void;
}

/** The simulator's and unit tests' address book. */
export class MemoryAddressBook implements AddressBook {
  #members: readonly MemberInfo[] = [];

  load(): readonly MemberInfo[] {
    return this.#members;
  }

  save(members: readonly MemberInfo[]): void {
    this.#members = members.map(({ id, addr, http }) => ({ id, addr, http }));
  }
}

export const ADDRESS_BOOK_FILE = "members.json";

/** `members.json` in the data directory. */
export class FileAddressBook implements AddressBook {
  readonly #path: string;
  #saving: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.#path = join(dataDir, ADDRESS_BOOK_FILE);
  }

  load(): readonly MemberInfo[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.#path, "utf8"));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (m): m is MemberInfo =>
          typeof m?.id === "string" && typeof m?.addr === "string" && typeof m?.http === "string",
      );
    } catch {
      return []; // absent or unreadable: a hint lost, nothing more
    }
  }

  save(members: readonly MemberInfo[]): void {
    const text = JSON.stringify(members.map(({ id, addr, http }) => ({ id, addr, http })));
    // In order, one at a time; a failure is only a lost hint.
    const bytes = new TextEncoder().encode(text);
    this.#saving = this.#saving.then(() => writeFileDurably(this.#path, bytes)).catch(() => {});
  }

  /** Wait for the last save (on stop). */
  flushed(): Promise<void> {
    return this.#saving;
  }
}
