// The replicated key-value state machine each replica applies committed entries to. A key's
// version is the raft index of its last write, so versions are unique per write and a CAS on a
// version is a CAS on the one write that produced it. The snapshot is the serialized map.
import type { CommandEnvelope, KvResult } from "./command.ts";
import { hashString32 } from "./random.ts";

export interface KvRecord {
  readonly value: string;
  readonly version: number;
}

/** What a read sees: the value and its version, or (null, 0) for an absent key. */
export interface KvRead {
  readonly value: string | null;
  readonly version: number;
}

/**
 * A hook to plant bugs (see bugs.ts): returns false to make the state machine silently skip a
 * write it should have made. Production-shaped runs never set it.
 */
export type WriteFilter = (envelope: CommandEnvelope, index: number) => boolean;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One record's contribution to the state digest. */
function recordHash(key: string, r: KvRecord): number {
  return hashString32(`${key}\u0000${r.value}\u0000${r.version}`);
}

export class KvStateMachine {
  #records = new Map<string, KvRecord>();
  /** XOR of every record's hash: order-free, and updated in O(1) per write. */
  #digest = 0;
  #appliedIndex: number;
  readonly #writeFilter: WriteFilter | null;

  private constructor(appliedIndex: number, writeFilter: WriteFilter | null) {
    this.#appliedIndex = appliedIndex;
    this.#writeFilter = writeFilter;
  }

  static empty(writeFilter: WriteFilter | null = null): KvStateMachine {
    return new KvStateMachine(0, writeFilter);
  }

  /** The state machine as of snapshot `index`, from the bytes `serialize()` produced. */
  static restore(data: Uint8Array, index: number, writeFilter: WriteFilter | null = null): KvStateMachine {
    const sm = new KvStateMachine(index, writeFilter);
    if (data.byteLength === 0) return sm;
    const parsed: unknown = JSON.parse(decoder.decode(data));
    if (!Array.isArray(parsed)) throw new Error("KV snapshot: not an array");
    for (const row of parsed) {
      if (
        !Array.isArray(row) ||
        typeof row[0] !== "string" ||
        typeof row[1] !== "string" ||
        typeof row[2] !== "number"
      ) {
        throw new Error(`KV snapshot: malformed row ${JSON.stringify(row)}`);
      }
      sm.#set(row[0], { value: row[1], version: row[2] });
    }
    return sm;
  }

  get appliedIndex(): number {
    return this.#appliedIndex;
  }

  /** Rows sorted by key, so equal states serialize to equal bytes (digests compare states). */
  serialize(): Uint8Array {
    const rows = [...this.#records.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, r]) => [k, r.value, r.version]);
    return encoder.encode(JSON.stringify(rows));
  }

  /** A 32-bit digest of the whole state, compared across replicas at the same applied index. */
  digest(): number {
    return this.#digest >>> 0;
  }

  #set(key: string, r: KvRecord): void {
    this.#delete(key);
    this.#records.set(key, r);
    this.#digest ^= recordHash(key, r);
  }

  #delete(key: string): void {
    const old = this.#records.get(key);
    if (old === undefined) return;
    this.#records.delete(key);
    this.#digest ^= recordHash(key, old);
  }

  /** Entries without a command (the leader's no-op, conf changes) still advance the index. */
  skip(index: number): void {
    this.#advanceTo(index);
  }

  apply(envelope: CommandEnvelope, index: number): KvResult {
    this.#advanceTo(index);
    const c = envelope.command;
    const current = this.#records.get(c.key);
    const write = this.#writeFilter === null || this.#writeFilter(envelope, index);
    switch (c.kind) {
      case "put":
        if (write) this.#set(c.key, { value: c.value, version: index });
        return { kind: "put", version: index };
      case "cas": {
        const ok = (current?.version ?? 0) === c.ifVersion;
        if (ok && write) this.#set(c.key, { value: c.value, version: index });
        return { kind: "cas", ok, version: ok ? index : (current?.version ?? 0) };
      }
      case "del":
        if (write) this.#delete(c.key);
        return { kind: "del", existed: current !== undefined };
    }
  }

  read(key: string): KvRead {
    const r = this.#records.get(key);
    return r === undefined ? { value: null, version: 0 } : { value: r.value, version: r.version };
  }

  #advanceTo(index: number): void {
    // Applying out of order or twice is a harness bug (or a core bug handing out entries
    // twice); either way the state would be wrong, so stop.
    if (index !== this.#appliedIndex + 1) {
      throw new Error(`state machine: applying index ${index} after ${this.#appliedIndex}`);
    }
    this.#appliedIndex = index;
  }
}
