import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHasher, hashSeedDefault, isRingError } from "../../src/ring/index.ts";

const hasher = await createHasher();
const utf8 = new TextEncoder();
// Arbitrary UTF-16 code units: lone surrogates, pairs, ASCII and the rest of the BMP alike.
const utf16 = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 64 })
  .map((units) => String.fromCharCode(...units));

describe("hasher", () => {
  it("a string hashes exactly like its UTF-8 bytes, lone surrogates included", () => {
    fc.assert(
      fc.property(utf16, (key) => {
        const bytes = utf8.encode(key);
        expect([hasher.hash(key), hasher.hashString(key)]).toEqual([
          hasher.hash(bytes),
          hasher.hashBytes(bytes),
        ]);
      }),
    );
    expect(hasher.hash("clé 𝄞")).toBe(
      hasher.hash(Uint8Array.from([0x63, 0x6c, 0xc3, 0xa9, 0x20, 0xf0, 0x9d, 0x84, 0x9e])),
    );
  });

  it("hashes are unsigned 32-bit integers", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (key) => {
        const h = hasher.hash(key);
        expect(Number.isInteger(h) && h >= 0 && h <= 0xffff_ffff).toBe(true);
      }),
    );
  });

  it("separately loaded hashers with the same seed agree; the default seed is fixed", async () => {
    const other = await createHasher({ seed: hashSeedDefault });
    expect(hasher.seed).toBe(hashSeedDefault);
    fc.assert(
      fc.property(fc.string(), (key) => {
        expect(other.hash(key)).toBe(hasher.hash(key));
      }),
    );
  });

  it("a different seed moves keys", async () => {
    const reseeded = await createHasher({ seed: 1 });
    const keys = Array.from({ length: 100 }, (_, i) => `key-${i}`);
    const unchanged = keys.filter((key) => reseeded.hash(key) === hasher.hash(key));
    expect(unchanged).toEqual([]);
  });

  it.each([-1, 2 ** 32, 1.5, Number.NaN])("rejects seed %s with InvalidSeed", async (seed) => {
    const error = await createHasher({ seed }).catch((e: unknown) => e);
    expect(isRingError(error) && error.code).toBe("InvalidSeed");
  });
});
