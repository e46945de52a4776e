import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RingkvError } from "../../../src/api/errors.ts";
import {
  type Access,
  AuthGate,
  type AuthLog,
  formatTokenLine,
  generateToken,
  hashToken,
  type Role,
} from "../../../src/node/auth/index.ts";

const tokens = { read: generateToken(), write: generateToken(), admin: generateToken() };
const fileText = (Object.keys(tokens) as Role[])
  .map((role) => formatTokenLine({ name: `${role}er`, role, hash: hashToken(tokens[role]) }))
  .join("");

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringkv-auth-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function codeOf(run: () => unknown): string {
  try {
    run();
    return "allowed";
  } catch (e) {
    if (e instanceof RingkvError) return e.code;
    throw e;
  }
}

const bearer = (token: string): { authorization: string; peer: null } => ({
  authorization: `Bearer ${token}`,
  peer: null,
});

describe("the auth gate", () => {
  it("answers each access with 401/403 exactly where the role is missing or too low", async () => {
    const path = join(dir, "tokens");
    await writeFile(path, fileText);
    const gate = await AuthGate.open(path);
    const accesses: Access[] = ["open", "transport", "read", "write", "admin", "peer"];
    const table = accesses.map((access) => [
      access,
      codeOf(() => gate.check({ authorization: undefined, peer: null }, access, "op")),
      codeOf(() => gate.check(bearer(generateToken()), access, "op")),
      codeOf(() => gate.check(bearer(tokens.read), access, "op")),
      codeOf(() => gate.check(bearer(tokens.write), access, "op")),
      codeOf(() => gate.check(bearer(tokens.admin), access, "op")),
      codeOf(() => gate.check({ authorization: undefined, peer: "n2" }, access, "op")),
    ]);
    const [U, P, A] = ["Unauthenticated", "PermissionDenied", "allowed"];
    // access       none  unknown read  write admin peer-certificate
    expect(table).toEqual([
      ["open", A, A, A, A, A, A],
      ["transport", A, A, A, A, A, A],
      ["read", U, U, A, A, A, A],
      ["write", U, U, P, A, A, A],
      ["admin", U, U, P, P, A, A],
      ["peer", U, U, P, P, A, A],
    ]);
  });

  it("takes the scheme in any case but nothing other than Bearer <token>", async () => {
    const gate = await gateOf(fileText);
    expect(
      codeOf(() => gate.check({ authorization: `bearer ${tokens.read}`, peer: null }, "read", "op")),
    ).toBe("allowed");
    for (const authorization of [
      tokens.read,
      `Basic ${tokens.read}`,
      `Bearer ${tokens.read} extra`,
      "Bearer",
    ]) {
      expect(codeOf(() => gate.check({ authorization, peer: null }, "read", "op"))).toBe("Unauthenticated");
    }
  });

  it("names the token, its role and what the operation needs when it refuses", async () => {
    const gate = await gateOf(fileText);
    expect(() => gate.check(bearer(tokens.read), "write", "PUT /v1/kv/{key}")).toThrow(
      "token reader has role read; PUT /v1/kv/{key} needs role write",
    );
  });

  it("refuses to open a bad file, naming the line", async () => {
    await expect(gateOf(`${fileText}oops\n`)).rejects.toThrow(/line 4: expected NAME ROLE/);
    await expect(AuthGate.open(join(dir, "missing"))).rejects.toThrow(/cannot read token file/);
  });

  it("reloads a good file, and keeps the old tokens over a bad one, logging the line", async () => {
    const path = join(dir, "tokens");
    await writeFile(path, fileText);
    const logged: string[] = [];
    const log: AuthLog = { info: () => {}, error: (_fields, message) => logged.push(message) };
    const gate = await AuthGate.open(path, log);
    const added = generateToken();
    await writeFile(path, fileText + formatTokenLine({ name: "late", role: "read", hash: hashToken(added) }));
    expect(await gate.reload()).toBeNull();
    expect(codeOf(() => gate.check(bearer(added), "read", "op"))).toBe("allowed");

    await writeFile(path, `${fileText}late reed sha256:00\n`);
    const error = await gate.reload();
    expect(error?.message).toMatch(/line 4: unknown role "reed"/);
    expect(logged).toEqual([expect.stringMatching(/previous tokens stay in force.*line 4/)]);
    expect(codeOf(() => gate.check(bearer(added), "read", "op"))).toBe("allowed");
    expect(gate.tokenCount).toBe(4);

    // Revoking is deleting the line and reloading.
    await writeFile(path, fileText);
    await gate.reload();
    expect(codeOf(() => gate.check(bearer(added), "read", "op"))).toBe("Unauthenticated");
  });
});

async function gateOf(text: string): Promise<AuthGate> {
  const path = join(dir, "tokens");
  await writeFile(path, text);
  return AuthGate.open(path);
}
