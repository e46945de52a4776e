// The token file (`--auth-file`): one token per line, `NAME ROLE sha256:HEX`, where HEX is the
// SHA-256 of the token (token.ts). `#` starts a comment; blank lines are ignored. A line-based
// format so `ringkv auth add-token` can append with one write, an operator can revoke with an
// editor, and every problem is reported with its line number.
//
//   # name   role   hash
//   ci       write  sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
import { RingkvError } from "../../api/errors.ts";
import { isRole, ROLES, type Role } from "./role.ts";
import { formatHash, HASH_BYTES, HASH_SCHEME } from "./token.ts";

/** Token names: short, printable, no spaces (they are the file's first column and go in logs). */
const NAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;
/** Most tokens one file may hold: every request compares against each of them. */
export const TOKENS_MAX = 1024;

export interface TokenEntry {
  readonly name: string;
  readonly role: Role;
  /** SHA-256 of the token. */
  readonly hash: Buffer;
}

function refuse(path: string, line: number, problem: string): never {
  throw new RingkvError("InvalidArgument", `token file ${path} line ${line}: ${problem}`);
}

/** The entries of a token file's text; InvalidArgument naming the file and line otherwise. */
export function parseTokenFile(path: string, text: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const names = new Set<string>();
  const hashes = new Set<string>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const content = (lines[i] ?? "").replace(/#.*$/, "").trim();
    if (content === "") continue;
    const fields = content.split(/\s+/);
    if (fields.length !== 3) {
      refuse(path, lineNo, `expected NAME ROLE ${HASH_SCHEME}:HASH, got ${fields.length} field(s)`);
    }
    const [name = "", role = "", hashText = ""] = fields;
    if (!NAME_PATTERN.test(name))
      refuse(path, lineNo, `bad name ${JSON.stringify(name)} (letters, digits, ._@-, at most 64)`);
    if (!isRole(role))
      refuse(path, lineNo, `unknown role ${JSON.stringify(role)} (expected ${ROLES.join(", ")})`);
    const hash = parseHash(hashText);
    if (hash === null) {
      refuse(
        path,
        lineNo,
        `bad hash: expected ${HASH_SCHEME}: and ${HASH_BYTES * 2} hex digits (a token itself never goes in this file)`,
      );
    }
    if (names.has(name)) refuse(path, lineNo, `name ${name} is used twice`);
    const hex = hash.toString("hex");
    if (hashes.has(hex)) refuse(path, lineNo, `the token of ${name} is listed twice`);
    names.add(name);
    hashes.add(hex);
    entries.push({ name, role, hash });
    if (entries.length > TOKENS_MAX) refuse(path, lineNo, `more than ${TOKENS_MAX} tokens`);
  }
  return entries;
}

function parseHash(text: string): Buffer | null {
  const prefix = `${HASH_SCHEME}:`;
  if (!text.startsWith(prefix)) return null;
  const hex = text.slice(prefix.length);
  if (!new RegExp(`^[0-9a-fA-F]{${HASH_BYTES * 2}}$`).test(hex)) return null;
  return Buffer.from(hex, "hex");
}

/** One line of the token file for `entry`, newline included. */
export function formatTokenLine(entry: TokenEntry): string {
  return `${entry.name} ${entry.role} ${formatHash(entry.hash)}\n`;
}

/** Whether `name` is a valid token name (for `ringkv auth add-token --name`). */
export function isTokenName(name: string): boolean {
  return NAME_PATTERN.test(name);
}
