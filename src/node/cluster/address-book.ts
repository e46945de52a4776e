// Where the other members are, kept outside Raft as a hint for restarts. A node that joined
// learns addresses from its seed's answer, but its meta replica may hold nothing yet when it
// crashes; restarted with an empty log, it could not answer the leader that is trying to feed
// it. So the last member list seen is saved, and loaded into the transport on start.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MemberInfo } from "../../api/kv-api.ts";
import {
  checkFormatVersion,
  FormatTooNewError,
  STORAGE_FORMAT_VERSION,
  STORAGE_FORMAT_VERSION_UNMARKED,
  writeFileDurably,
} from "../../storage/index.ts";

export interface AddressBookEntry {
  readonly members: readonly MemberInfo[];
  /** The placement epoch of this node's own join (0: not known to have joined). */
  readonly joinEpoch: number;
}

export interface AddressBook {
  load(): AddressBookEntry;
  /**
   * Record the member list, and the join epoch when given (kept otherwise). Best effort: it is a
   * hint, the meta group is the truth.
   */
  save(members: readonly MemberInfo[], joinEpoch?: number): void;
}

const EMPTY: AddressBookEntry = { members: [], joinEpoch: 0 };

function entry(members: readonly MemberInfo[], joinEpoch: number): AddressBookEntry {
  return { members: members.map(({ id, addr, http }) => ({ id, addr, http })), joinEpoch };
}

/** The simulator's and unit tests' address book. */
export class MemoryAddressBook implements AddressBook {
  #entry: AddressBookEntry = EMPTY;

  load(): AddressBookEntry {
    return this.#entry;
  }

  save(members: readonly MemberInfo[], joinEpoch?: number): void {
    this.#entry = entry(members, joinEpoch ?? this.#entry.joinEpoch);
  }
}

export const ADDRESS_BOOK_FILE = "members.json";

/** `members.json` in the data directory. */
export class FileAddressBook implements AddressBook {
  readonly #path: string;
  #saving: Promise<void> = Promise.resolve();
  #joinEpoch: number | null = null;

  constructor(dataDir: string) {
    this.#path = join(dataDir, ADDRESS_BOOK_FILE);
  }

  load(): AddressBookEntry {
    try {
      const parsed = JSON.parse(readFileSync(this.#path, "utf8")) as
        | (Partial<AddressBookEntry> & { formatVersion?: unknown })
        | null;
      // Without the field: written before versions were recorded (src/storage/format-version.ts).
      const version = parsed?.formatVersion ?? STORAGE_FORMAT_VERSION_UNMARKED;
      if (typeof version === "number") checkFormatVersion(this.#path, version);
      const members = Array.isArray(parsed?.members)
        ? parsed.members.filter(
            (m): m is MemberInfo =>
              typeof m?.id === "string" && typeof m?.addr === "string" && typeof m?.http === "string",
          )
        : [];
      const joinEpoch = Number.isSafeInteger(parsed?.joinEpoch) ? (parsed?.joinEpoch as number) : 0;
      this.#joinEpoch = joinEpoch;
      return { members, joinEpoch };
    } catch (e) {
      // A newer format's file is not a lost hint: that ringkv's data must not be run here.
      if (e instanceof FormatTooNewError) throw e;
      return EMPTY; // absent or unreadable: a hint lost, nothing more
    }
  }

  save(members: readonly MemberInfo[], joinEpoch?: number): void {
    this.#joinEpoch = joinEpoch ?? this.#joinEpoch ?? this.load().joinEpoch;
    const file = { formatVersion: STORAGE_FORMAT_VERSION, ...entry(members, this.#joinEpoch) };
    const bytes = new TextEncoder().encode(JSON.stringify(file));
    // In order, one at a time; a failure is only a lost hint.
    this.#saving = this.#saving.then(() => writeFileDurably(this.#path, bytes)).catch(() => {});
  }

  /** Wait for the last save (on stop). */
  flushed(): Promise<void> {
    return this.#saving;
  }
}
