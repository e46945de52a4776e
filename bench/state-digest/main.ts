// What keeping the state digest (src/node/kv/state-digest.ts) costs per applied command: puts of
// fresh keys, overwrites and deletes through KvStateMachine.apply, and the hash alone on the
// same data. Commands are built before timing, so the numbers are the state machine's own.
//
//   npx tsx bench/state-digest/main.ts [--puts 1000000] [--valueBytes 100] [--baseline FILE]
//
// --baseline names another state-machine module exporting KvStateMachine (e.g. a copy of the
// version before the digest, placed beside src/node/kv/state-machine.ts so its imports resolve),
// measured alternately with the current one for an A/B comparison.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Command } from "../../src/node/kv/command.ts";
import { StateDigest } from "../../src/node/kv/state-digest.ts";
import { KvStateMachine } from "../../src/node/kv/state-machine.ts";

const { values } = parseArgs({
  options: {
    puts: { type: "string", default: "1000000" },
    valueBytes: { type: "string", default: "100" },
    rounds: { type: "string", default: "3" },
    baseline: { type: "string" },
  },
});
const puts = Number(values.puts);
const valueBytes = Number(values.valueBytes);
const rounds = Number(values.rounds);

interface StateMachineLike {
  apply(command: Command, index: number): unknown;
}
type Machine = new () => StateMachineLike;

const encoder = new TextEncoder();
const keys = Array.from({ length: puts }, (_, i) => encoder.encode(`user:${String(i).padStart(10, "0")}`));
const value = (i: number) => Uint8Array.from({ length: valueBytes }, (_, j) => (i * 31 + j) & 0xff);
const values1 = keys.map((_, i) => value(i));
const values2 = keys.map((_, i) => value(i + 1));
const firstPuts: Command[] = keys.map((key, i) => ({ put: { key, value: values1[i]! } }));
const overwrites: Command[] = keys.map((key, i) => ({ put: { key, value: values2[i]! } }));
const deletes: Command[] = keys.map((key) => ({ delete: { key } }));

/** Nanoseconds per command for each phase on a fresh machine: new keys, overwrites, deletes. */
function run(machine: Machine): [number, number, number] {
  const sm = new machine();
  const phase = (commands: readonly Command[], first: number) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < commands.length; i++) sm.apply(commands[i]!, first + i);
    return Number(process.hrtime.bigint() - start) / commands.length;
  };
  return [phase(firstPuts, 1), phase(overwrites, puts + 1), phase(deletes, 2 * puts + 1)];
}

/** Nanoseconds per entry hash, over the same keys and values. */
function hashOnly(): number {
  const digest = new StateDigest();
  const start = process.hrtime.bigint();
  for (let i = 0; i < puts; i++) digest.toggleEntry(keys[i]!, values1[i]!, i + 1);
  return Number(process.hrtime.bigint() - start) / puts;
}

const machines: [string, Machine][] = [["with digest", KvStateMachine]];
if (values.baseline) {
  const module = (await import(pathToFileURL(values.baseline).href)) as { KvStateMachine: Machine };
  machines.unshift(["baseline", module.KvStateMachine]);
}

const fmt = (ns: number) => `${ns.toFixed(0).padStart(5)} ns`;
console.log(`${puts} keys, ${valueBytes}-byte values, ${rounds} rounds (best of each shown)`);
const best = new Map<string, [number, number, number]>();
for (let round = 0; round < rounds; round++) {
  for (const [name, machine] of round % 2 === 0 ? machines : [...machines].reverse()) {
    const result = run(machine);
    const prev = best.get(name);
    best.set(
      name,
      prev ? ([0, 1, 2].map((k) => Math.min(prev[k]!, result[k]!)) as [number, number, number]) : result,
    );
  }
}
console.log(`${"".padEnd(12)}   new key    overwrite   delete`);
for (const [name, [p, o, d]] of best) console.log(`${name.padEnd(12)} ${fmt(p)}  ${fmt(o)}  ${fmt(d)}`);
console.log(`hash alone   ${fmt(Math.min(...Array.from({ length: rounds }, hashOnly)))} per entry`);
