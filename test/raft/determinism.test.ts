// The Raft core must be a pure function of its inputs: no clock, timer, random source or I/O.
// This guard scans its sources, and proves the scan works by planting each forbidden thing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ["clock", /\bDate\b|\bperformance\s*\.|process\.hrtime/],
  ["timer", /\bset(Timeout|Interval|Immediate)\b|queueMicrotask/],
  ["randomness", /Math\.random|crypto\.|getRandomValues/],
  ["asynchrony", /\bawait\b|\basync\b|\bPromise\b/],
  ["I/O", /from\s+["'](node:|fs|net|http|dgram|child_process|os)|\brequire\s*\(|\bprocess\.|\bconsole\./],
];

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
}

function impurities(source: string): string[] {
  const code = stripComments(source);
  return FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([what]) => what);
}

const coreDir = join(import.meta.dirname, "../../src/raft");

describe("the Raft core is deterministic", () => {
  const files = readdirSync(coreDir).filter((f) => f.endsWith(".ts"));

  it("has sources to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)("%s has no clock, timer, random source or I/O", (file) => {
    expect(impurities(readFileSync(join(coreDir, file), "utf8"))).toEqual([]);
  });

  it.each([
    ["clock", "const t = Date.now();"],
    ["timer", "setTimeout(() => tick(), 10);"],
    ["randomness", "const r = Math.random();"],
    ["asynchrony", "async function f() { await g(); }"],
    ["I/O", 'import { readFileSync } from "node:fs";'],
  ])("the guard catches a planted %s", (what, snippet) => {
    expect(impurities(`// fine\n${snippet}\n`)).toContain(what);
  });

  it("the guard ignores forbidden words in comments", () => {
    expect(impurities("// Date.now() would break replay\n/* Math.random() */\nconst x = 1;")).toEqual([]);
  });
});
