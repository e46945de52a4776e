// A minimal synchronous harness for unit tests of the core: replicas with MemoryStorage, a
// mailbox, and helpers to deliver messages until the cluster is quiet.

import { seededRandom } from "../../src/node/host/random.ts";
import {
  type Entry,
  EntryType,
  type LeaseState,
  MemoryStorage,
  type Message,
  MessageType,
  RawNode,
  type ReadState,
} from "../../src/raft/index.ts";

export interface HarnessOptions {
  readonly preVote?: boolean;
  readonly checkQuorum?: boolean;
  readonly seed?: number;
  readonly learners?: readonly string[];
  /** Idle groups go quiet (RaftConfig.quiesce); liveness answers come from `Harness.live`. */
  readonly quiesce?: boolean;
  /** Replicas refuse votes during their first election timeout (RaftConfig.leaseOnStart). */
  readonly leaseOnStart?: boolean;
  /** Leaders ask `Harness.lease` before a read round (RaftConfig.leaseRead); needs leaseOnStart. */
  readonly leaseRead?: boolean;
}

export class Harness {
  readonly nodes = new Map<string, RawNode>();
  readonly storages = new Map<string, MemoryStorage>();
  readonly applied = new Map<string, Entry[]>();
  /** Read states each node's Ready handed out, in order. */
  readonly reads = new Map<string, ReadState[]>();
  mailbox: Message[] = [];
  /** Messages for which drop(m) is true are discarded instead of delivered. */
  drop: (m: Message) => boolean = () => false;
  /** The liveness oracle every node consults: does `observer` see `target` alive? */
  live: (observer: string, target: string) => boolean = () => true;
  /** With options.leaseRead: does a lease for `state` cover this moment on `id`? Asked states are kept. */
  lease: (id: string, state: LeaseState) => boolean = () => false;
  readonly leaseAsked: { id: string; state: LeaseState }[] = [];

  readonly #options: HarnessOptions;
  #seed: number;

  /** `ids` are the voters; `options.learners` join them as non-voting members. */
  constructor(ids: string[], options: HarnessOptions = {}) {
    this.#options = options;
    this.#seed = options.seed ?? 1;
    const learners = options.learners ?? [];
    for (const id of [...ids, ...learners]) {
      const storage = new MemoryStorage();
      storage.applySnapshot({
        meta: {
          index: 1,
          term: 1,
          confState: { voters: ids, learners, votersOutgoing: [], learnersNext: [], autoLeave: false },
        },
        data: new Uint8Array(0),
      });
      this.storages.set(id, storage);
      this.applied.set(id, []);
      this.nodes.set(id, this.#newNode(id, storage));
    }
  }

  #newNode(id: string, storage: MemoryStorage): RawNode {
    return new RawNode({
      id,
      storage,
      random: seededRandom(this.#seed++),
      preVote: this.#options.preVote ?? true,
      checkQuorum: this.#options.checkQuorum ?? true,
      quiesce: this.#options.quiesce ?? false,
      leaseOnStart: this.#options.leaseOnStart ?? false,
      isLive: (target) => this.live(id, target),
      ...(this.#options.leaseRead
        ? {
            leaseRead: (state: LeaseState) => {
              this.leaseAsked.push({ id, state });
              return this.lease(id, state);
            },
          }
        : {}),
    });
  }

  /** Crash and restart `id`: everything not in its storage is lost. */
  restart(id: string): void {
    this.nodes.set(id, this.#newNode(id, this.storages.get(id)!));
  }

  /** Drop every message to or from the given nodes. */
  isolate(...ids: string[]): void {
    this.drop = (m) => ids.includes(m.from) || ids.includes(m.to);
  }

  heal(): void {
    this.drop = () => false;
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
        this.reads.set(id, [...(this.reads.get(id) ?? []), ...rd.readStates]);
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

/** A message with every field defaulted; an App unless `type` says otherwise. */
export function message(fields: Partial<Message> & Pick<Message, "from" | "to" | "term">): Message {
  return {
    type: MessageType.App,
    logTerm: 0,
    index: 0,
    entries: [],
    commit: 0,
    reject: false,
    rejectHint: 0,
    rejectTerm: 0,
    snapshot: null,
    context: "",
    ...fields,
  };
}
