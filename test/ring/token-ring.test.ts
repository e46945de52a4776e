import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenRing } from "../../src/ring/index.ts";

const edge = fc.constantFrom(0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_fffe, 0xffff_ffff);
const position = fc.oneof(edge, fc.integer({ min: 0, max: 0xffff_ffff }));
const tokens = fc.array(fc.record({ position, owner: fc.nat({ max: 9 }) }), { minLength: 1, maxLength: 200 });

type Token = { readonly position: number; readonly owner: number };

/** The obvious model: sort by position, ties in generation order, scan for the first ≥ p. */
function sortedModel(list: readonly Token[]): Token[] {
  return list
    .map((token, generation) => ({ ...token, generation }))
    .sort((a, b) => a.position - b.position || a.generation - b.generation);
}

function modelOwnerAt(list: readonly Token[], p: number): number {
  const sorted = sortedModel(list);
  return (sorted.find((token) => token.position >= p) ?? sorted[0]!).owner;
}

function ringOf(list: readonly Token[]): TokenRing {
  return new TokenRing(
    list.map((token) => token.position),
    list.map((token) => token.owner),
  );
}

describe("token ring", () => {
  it("a position belongs to the first token at or after it, wrapping past the last", () => {
    const queries = fc.array(position, { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(tokens, queries, (list, points) => {
        const ring = ringOf(list);
        // Probe each token's own position and its neighbours too: the edges of every arc.
        const probes = [
          ...points,
          ...list.flatMap((t) => [t.position, t.position + 1, t.position - 1]),
        ].filter((p) => p >= 0 && p <= 0xffff_ffff);
        for (const p of probes) {
          expect(ring.ownerAt(p)).toBe(modelOwnerAt(list, p));
        }
      }),
    );
  });

  it("lookups stay exact when thousands of tokens crowd into one bucket of the index", () => {
    const crowded = fc.array(
      fc.record({ position: fc.integer({ min: 0x1234_0000, max: 0x1234_ffff }), owner: fc.nat({ max: 9 }) }),
      { minLength: 2000, maxLength: 3000 },
    );
    fc.assert(
      fc.property(
        crowded,
        fc.array(fc.integer({ min: 0x1233_ff00, max: 0x1235_0100 }), { maxLength: 50 }),
        (list, points) => {
          const ring = ringOf(list);
          for (const p of [...points, 0, 0xffff_ffff]) {
            expect(ring.ownerAt(p)).toBe(modelOwnerAt(list, p));
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it("tokens on the same position keep their generation order: the first one owns the arc", () => {
    const ring = new TokenRing([500, 100, 500, 100], [7, 8, 9, 6]);
    expect(ring.ownerAt(100)).toBe(8);
    expect(ring.ownerAt(101)).toBe(7);
    expect(ring.ownerAt(501)).toBe(8);
    expect([...ring.shares(10)].map((s) => s * 2 ** 32)).toEqual([
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      400,
      2 ** 32 - 400,
      0,
    ]);
  });

  it("key shares are the exact arcs between consecutive tokens and sum to 1", () => {
    fc.assert(
      fc.property(tokens, (list) => {
        const sorted = sortedModel(list);
        const arcs = new Array<number>(10).fill(0);
        sorted.forEach((token, i) => {
          const previous = i === 0 ? sorted[sorted.length - 1]!.position - 2 ** 32 : sorted[i - 1]!.position;
          arcs[token.owner]! += token.position - previous;
        });
        const shares = ringOf(list).shares(10);
        arcs.forEach((arc, owner) => {
          expect(shares[owner]! * 2 ** 32).toBeCloseTo(arc, 0);
        });
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });
});
