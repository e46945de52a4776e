// A node's authentication and authorization: the tokens of its --auth-file (reloaded on SIGHUP)
// and the one check every server calls with what the caller presented and what the operation
// needs (access.ts). Failures are RingkvErrors — Unauthenticated (401, UNAUTHENTICATED) for a
// missing, malformed or unknown token; PermissionDenied (403, PERMISSION_DENIED) for a role too
// low — so they leave every server through the one error table.
import { readFile } from "node:fs/promises";
import { RingkvError } from "../../api/errors.ts";
import type { Access } from "./access.ts";
import { type Role, roleAllows } from "./role.ts";
import { parseTokenFile } from "./token-file.ts";
import { type TokenHolder, TokenStore } from "./token-store.ts";

/** What a caller presented. */
export interface Credentials {
  /** The `Authorization` header (HTTP) or `authorization` metadata (gRPC), as sent. */
  readonly authorization: string | undefined;
  /** The node a verified peer certificate names (peer-identity.ts), or null. */
  readonly peer: string | null;
}

/** Who was let through, for logs. */
export type Caller =
  | { readonly kind: "anyone" }
  | { readonly kind: "peer"; readonly id: string }
  | ({ readonly kind: "token" } & TokenHolder);

/** Where reload outcomes go (a pino logger fits). */
export interface AuthLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const ANYONE: Caller = { kind: "anyone" };

export class AuthGate {
  readonly path: string;
  #store: TokenStore;
  readonly #log: AuthLog | undefined;

  private constructor(path: string, store: TokenStore, log: AuthLog | undefined) {
    this.path = path;
    this.#store = store;
    this.#log = log;
  }

  /** The gate of token file `path`; a missing or bad file is refused (the node must not start). */
  static async open(path: string, log?: AuthLog): Promise<AuthGate> {
    return new AuthGate(path, await loadStore(path), log);
  }

  /** A gate over tokens already parsed (tests). */
  static of(store: TokenStore, path = "(memory)"): AuthGate {
    return new AuthGate(path, store, undefined);
  }

  get tokenCount(): number {
    return this.#store.size;
  }

  /**
   * Read the token file again. A file that cannot be read or parsed changes nothing: the old
   * tokens stay, and the error (naming the line) is logged and returned.
   */
  async reload(): Promise<RingkvError | null> {
    try {
      this.#store = await loadStore(this.path);
      this.#log?.info({ file: this.path, tokens: this.#store.size }, "reloaded the token file");
      return null;
    } catch (e) {
      const error = e instanceof RingkvError ? e : new RingkvError("InvalidArgument", String(e));
      this.#log?.error(
        { file: this.path, err: error.message },
        `token file not reloaded, the previous tokens stay in force: ${error.message}`,
      );
      return error;
    }
  }

  /**
   * Let the caller through to `operation` (named in the error) if `credentials` meet `access`;
   * throws Unauthenticated or PermissionDenied otherwise.
   */
  check(credentials: Credentials, access: Access, operation: string): Caller {
    if (access === "open" || access === "transport") return ANYONE;
    if (credentials.peer !== null) return { kind: "peer", id: credentials.peer };
    const holder = this.#holder(credentials.authorization);
    const needed: Role = access === "peer" ? "admin" : access;
    if (!roleAllows(holder.role, needed)) {
      const what = access === "peer" ? "a peer certificate or an admin token" : `role ${needed}`;
      throw new RingkvError(
        "PermissionDenied",
        `token ${holder.name} has role ${holder.role}; ${operation} needs ${what}`,
      );
    }
    return { kind: "token", ...holder };
  }

  #holder(authorization: string | undefined): TokenHolder {
    if (authorization === undefined || authorization.trim() === "") {
      throw new RingkvError(
        "Unauthenticated",
        "this node requires a token: send Authorization: Bearer <token> (CLI: RINGKV_TOKEN or --token)",
      );
    }
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) {
      throw new RingkvError("Unauthenticated", "authorization must be Bearer <token>");
    }
    const holder = this.#store.authenticate(match[1]);
    if (holder === null) {
      throw new RingkvError("Unauthenticated", "the token is not known to this node (wrong, or revoked)");
    }
    return holder;
  }
}

async function loadStore(path: string): Promise<TokenStore> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new RingkvError("InvalidArgument", `cannot read token file ${path}: ${why}`);
  }
  return new TokenStore(parseTokenFile(path, text));
}
