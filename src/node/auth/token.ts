// Bearer tokens and their hashes. A token is 32 random bytes (256 bits), base64url, behind a
// `rk_` prefix that makes a leaked one easy to recognise (secret scanners, logs). At rest only
// its SHA-256 is kept.
//
// Why SHA-256 and not scrypt: a slow hash protects secrets a human chose, which are guessable;
// these are 256-bit random values, so no guessing attack exists for a slow hash to slow down, and
// one SHA-256 of the presented token per request costs about a microsecond where scrypt (tuned to
// be slow) would cost tens of milliseconds per request — or a cache of accepted plaintext tokens,
// which would keep the secrets in memory after all. (GitHub stores its tokens the same way.)
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "rk_";
/** Random bytes in a generated token. */
export const TOKEN_RANDOM_BYTES = 32;
/**
 * Longest token a node will hash, in bytes; a longer one is refused as unknown without hashing
 * (no request makes the node hash megabytes). Generated tokens are 46 bytes.
 */
export const TOKEN_BYTES_MAX = 256;
/** How a hash is written in the token file: the algorithm, so another can be added later. */
export const HASH_SCHEME = "sha256";
export const HASH_BYTES = 32;

/** A new random token, to be shown once and never stored. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_RANDOM_BYTES).toString("base64url");
}

/** The token's SHA-256, as stored in the token file (hex) or compared (bytes). */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** The token file's form of a hash: `sha256:<64 hex digits>`. */
export function formatHash(hash: Uint8Array): string {
  return `${HASH_SCHEME}:${Buffer.from(hash).toString("hex")}`;
}
