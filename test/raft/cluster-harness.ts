// A minimal synchronous harness for unit tests of the core: replicas with MemoryStorage, a
// mailbox, and helpers to deliver messages until the cluster is quiet.
import { type Entry, EntryType, MemoryStorage, type Message, RawNode } from "../../src/raft/index.ts";

export function seededRandom(seed: number): { intBelow(n: number): number } {
  let s = seed >>> 0 || 1;
  return {
    intBelow(n: number): number {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s % n;
    },
  };
}

export class Harness {
  readonly nodes = new Map<string, RawNode>();
  readonly storages = new Map<string, MemoryStorage>();
  readonly applied = new Map<string, Entry[]>();
  mailbox: Message[] = [];
  /** Messages for which drop(m) is true are discarded instead of delivered. */
  drop: (m: Message) => boolean = () => false;

  constructor(ids: string[], options: { preVote?: boolean; checkQuorum?: boolean; seed?: number } = {}) {
    let seed = options.seed ?? 1;
    for (const id of ids) {
      const storage = MemoryStorage.bootstrap(ids);
      this.storages.set(id, storage);
      this.applied.set(id, []);
      this.nodes.set(
        id,
        new RawNode({
          id,
          storage,
          random: seededRandom(seed++),
          preVote: options.preVote ?? true,
          checkQuorum: options.checkQuorum ?? true,
        }),
      );
    }
  }

  node(id: string): RawNode {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  /** Process every node's Ready once: persist, queue messages, apply. */
  flush(): void {
    for (const [id, node] of this.nodes) {
      while (node.hasReady()) {
        const rd = node.ready();
        const storage = this.storages.get(id)!;
        if (rd.snapshot) storage.applySnapshot(rd.snapshot);
        storage.append(rd.entries);
        if (rd.hardState) storage.setHardState(rd.hardState);
        this.mailbox.push(...rd.messages);
        this.applied
          .get(id)!
          .push(...rd.committedEntries.filter((e) => e.type === EntryType.Normal && e.data.length > 0));
        node.advance(rd);
      }
    }
  }

  /** Deliver messages until none are left. Returns how many were delivered. */
  stabilize(limit = 10_000): number {
    let delivered = 0;
    this.flush();
    while (this.mailbox.length > 0) {
      const batch = this.mailbox;
      this.mailbox = [];
      for (const m of batch) {
        if (this.drop(m)) continue;
        const to = this.nodes.get(m.to);
        if (!to) continue;
        to.step(m);
        delivered++;
        if (delivered > limit) throw new Error("stabilize: no quiescence");
      }
      this.flush();
    }
    return delivered;
  }

  tickAll(ticks: number): void {
    for (let i = 0; i < ticks; i++) {
      for (const n of this.nodes.values()) n.tick();
      this.stabilize();
    }
  }

  leader(): string | null {
    for (const [id, n] of this.nodes) if (n.status().role === "leader") return id;
    return null;
  }
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
export const text = (b: Uint8Array): string => new TextDecoder().decode(b);
