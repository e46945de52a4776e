import { describe, expect, it } from "vitest";
import {
  formatTokenLine,
  generateToken,
  hashToken,
  parseTokenFile,
  TOKEN_PREFIX,
  TokenStore,
} from "../../../src/node/auth/index.ts";

const line = (name: string, role: "read" | "write" | "admin", token: string): string =>
  formatTokenLine({ name, role, hash: hashToken(token) });

describe("the token file", () => {
  it("round-trips what add-token writes, comments and blank lines ignored", () => {
    const text = `# header\n\n${line("ci", "write", "t1")}  ${line("ops", "admin", "t2").trim()}  # the operators\n`;
    const entries = parseTokenFile("f", text);
    expect(entries.map((e) => [e.name, e.role])).toEqual([
      ["ci", "write"],
      ["ops", "admin"],
    ]);
    expect(entries[1]?.hash.equals(hashToken("t2"))).toBe(true);
  });

  it.each([
    ["a line with two fields", "ci write\n", "line 1: expected NAME ROLE sha256:HASH, got 2 field(s)"],
    [
      "an unknown role",
      `# first\n${line("ci", "write", "t").replace("write", "reed")}`,
      'line 2: unknown role "reed"',
    ],
    ["a plain token where the hash belongs", "ci write rk_abc\n", "line 1: bad hash"],
    ["a short hash", "ci write sha256:abcd\n", "line 1: bad hash"],
    ["a bad name", line("c!i", "read", "t"), 'line 1: bad name "c!i"'],
    [
      "a name used twice",
      `${line("ci", "read", "a")}${line("ci", "read", "b")}`,
      "line 2: name ci is used twice",
    ],
    [
      "a token listed twice",
      `${line("a", "read", "t")}${line("b", "admin", "t")}`,
      "line 2: the token of b is listed twice",
    ],
  ])("refuses %s, naming the file and line", (_what, text, message) => {
    expect(() => parseTokenFile("tokens.txt", text)).toThrow(`token file tokens.txt ${message}`);
  });
});

describe("tokens", () => {
  it("are 256 random bits behind the rk_ prefix, and never repeat", () => {
    const tokens = new Set(Array.from({ length: 100 }, generateToken));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
  });

  it("are recognised by their hash only: the holder's name and role, or nothing", () => {
    const [a, b] = [generateToken(), generateToken()];
    const store = new TokenStore(parseTokenFile("f", line("ci", "write", a) + line("ops", "admin", b)));
    expect(store.authenticate(a)).toEqual({ name: "ci", role: "write" });
    expect(store.authenticate(b)).toEqual({ name: "ops", role: "admin" });
    expect(store.authenticate(`${a}x`)).toBeNull();
    expect(store.authenticate(hashToken(a).toString("hex"))).toBeNull();
    expect(store.authenticate("")).toBeNull();
    expect(store.authenticate("x".repeat(10_000))).toBeNull();
  });
});
