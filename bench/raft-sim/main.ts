// Committed entries per second of one 3-replica Raft group in one process with no I/O: the
// core's own cost (log, progress, quorum, message building), with storage in memory and
// messages handed over directly. Proposals arrive in batches of 64 entries of 100 bytes.
//
//   npm run bench:raft [-- --entries 2000000]
import { parseArgs } from "node:util";
import { MemoryStorage, type Message, RawNode } from "../../src/raft/index.ts";

const { values } = parseArgs({ options: { entries: { type: "string", default: "1000000" } } });
const totalEntries = Number(values.entries);
const BATCH = 64;
const ENTRY_BYTES = 100;
const ids = ["n1", "n2", "n3"];

let seed = 7;
const random = {
  intBelow(n: number): number {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed % n;
  },
};
const storages = new Map(ids.map((id) => [id, MemoryStorage.bootstrap(ids)]));
const nodes = new Map(ids.map((id) => [id, new RawNode({ id, storage: storages.get(id)!, random })]));
let mailbox: Message[] = [];
let committed = 0;

/** One pass over every replica's Ready: persist to memory, collect messages, count commits. */
function drain(): void {
  for (const [id, node] of nodes) {
    while (node.hasReady()) {
      const rd = node.ready();
      const storage = storages.get(id)!;
      storage.append(rd.entries);
      if (rd.hardState) storage.setHardState(rd.hardState);
      for (const m of rd.messages) mailbox.push(m);
      if (id === "n1") committed += rd.committedEntries.length;
      node.advance(rd);
    }
    // Keep the in-memory logs small, as a node compacting after snapshots would.
    const st = node.status();
    if (st.applied > 10_000 && st.applied % 4096 < BATCH + 4) {
      compactLog(id, st.applied - 1000);
    }
  }
}

function compactLog(id: string, index: number): void {
  const s = storages.get(id)!;
  s.createSnapshot(index, nodes.get(id)!.confState(), new Uint8Array(0));
  s.compact(index);
}

function deliver(): void {
  while (mailbox.length > 0) {
    const batch = mailbox;
    mailbox = [];
    for (const m of batch) nodes.get(m.to)!.step(m);
    drain();
  }
}

const leader = nodes.get("n1")!;
leader.campaign();
drain();
deliver();

const payload = new Uint8Array(ENTRY_BYTES).fill(42);
const start = performance.now();
let proposed = 0;
let lastPrint = start;
while (committed < totalEntries) {
  for (let i = 0; i < BATCH && proposed < totalEntries; i++, proposed++) leader.propose(payload);
  drain();
  deliver();
  const now = performance.now();
  if (now - lastPrint > 1000) {
    process.stderr.write(`\r${committed.toLocaleString()} / ${totalEntries.toLocaleString()} committed`);
    lastPrint = now;
  }
  if (now - start > 120_000) break; // bounded in time as well as in count
}
const seconds = (performance.now() - start) / 1000;
process.stderr.write("\n");
const rate = Math.round(committed / seconds);
console.log(
  `raft-sim: ${committed.toLocaleString()} entries committed in ${seconds.toFixed(2)} s = ${rate.toLocaleString()} entries/s ` +
    `(3 replicas, batches of ${BATCH} × ${ENTRY_BYTES} B, in-process, no I/O; target ≥ 200,000/s)`,
);
