// Memory per key of one shard's state machine alone, in this process: apply N puts of 16-byte
// keys and 100-byte values (at revisions 1..N), force a GC, and report what the heap, the
// off-heap buffers and RSS grew by, per key, against the raw 116 bytes. Isolates the key store
// from what a node holds besides (Raft logs, connections): bench/memory measures a whole node.
//
//   node --expose-gc --import tsx bench/state-machine-memory/main.ts [--keys 1000000] [--history-events N]
//
// The watch history (src/node/kv/event-history.ts) keeps the last events whatever N is: a fixed
// cost; --history-events 1 leaves it out. One measurement per process, so RSS is not reused.
import { KvStateMachine } from "../../src/node/kv/state-machine.ts";

const KEY_BYTES = 16;
const VALUE_BYTES = 100;

function argKeys(): number {
  const i = process.argv.indexOf("--keys");
  const n = i >= 0 ? Number(process.argv[i + 1]) : 1_000_000;
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error("--keys must be a positive integer");
  return n;
}

function settled(): { heap: number; external: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc");
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external + m.arrayBuffers, rss: m.rss };
}

function fill(sm: KvStateMachine, keys: number): void {
  const value = new Uint8Array(VALUE_BYTES).fill(120);
  for (let i = 0; i < keys; i++) {
    const key = Buffer.from(`m${String(i).padStart(KEY_BYTES - 1, "0")}`, "latin1");
    sm.apply({ put: { key, value, revision: i + 1 } }, i + 1);
  }
}

function measure(label: string, keys: number, make: () => KvStateMachine): void {
  const before = settled();
  const sm = make();
  fill(sm, keys);
  const after = settled();
  const per = (a: number, b: number) => Math.round((a - b) / keys);
  const rss = per(after.rss, before.rss);
  console.log(
    `${label.padEnd(22)} heap/key ${per(after.heap, before.heap)}  external/key ${per(after.external, before.external)}  rss/key ${rss}  ×raw ${(rss / (KEY_BYTES + VALUE_BYTES)).toFixed(2)}  (${sm.keyCount} keys)`,
  );
}

const keys = argKeys();
const label = process.argv.includes("--label")
  ? String(process.argv[process.argv.indexOf("--label") + 1])
  : "state machine";
const h = process.argv.indexOf("--history-events");
const history = h >= 0 ? { maxEvents: Number(process.argv[h + 1]) } : {};
measure(label, keys, () => new KvStateMachine({ history }));
