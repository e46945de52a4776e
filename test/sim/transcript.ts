// A tiny harness for scenario tests written as transcripts: a handful of RawNodes, and a
// message pool the test delivers by hand (deliver one round, stabilize, isolate, block by
// rule, campaign, tick until). Readies are handled in full at once (persist, send into the
// pool, apply); nothing crashes and nothing is random but the cores' seeded election timers.

import type { Entry, Message, NodeId, RaftStatus, ReadState } from "../../src/raft/index.ts";
import { ConfChangeTransition, ConfChangeType, MemoryStorage, RawNode, Role } from "../../src/raft/index.ts";
import { Rng } from "./random.ts";

export interface TranscriptOptions {
  readonly electionTicks?: number;
  readonly heartbeatTicks?: number;
  readonly preVote?: boolean;
  readonly checkQuorum?: boolean;
  readonly maxMsgBytes?: number;
  readonly maxInflightMsgs?: number;
  readonly seed?: number;
}

interface Peer {
  readonly node: RawNode;
  readonly storage: MemoryStorage;
  /** Every entry this peer applied, in order. */
  readonly applied: Entry[];
  readonly readStates: ReadState[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The text of a command entry; "" for a no-op, `conf` for a conf change. */
export function entryText(e: Entry): string {
  return e.type === 0 ? decoder.decode(e.data) : "conf";
}

export class Transcript {
  readonly peers = new Map<NodeId, Peer>();
  /** Messages sent and not yet delivered or dropped. */
  pool: Message[] = [];
  /** Every message ever sent, for counting round trips. */
  readonly sent: Message[] = [];
  readonly #isolated = new Set<NodeId>();
  /** Applied to each message on delivery, in order: a rule returns it (maybe rewritten) or null to drop it. */
  readonly #rules: ((m: Message) => Message | null)[] = [];
  readonly #options: TranscriptOptions;
  readonly #genesis: readonly NodeId[];
  readonly #random: Rng;

  constructor(voters: readonly NodeId[], options: TranscriptOptions = {}) {
    this.#options = options;
    this.#genesis = voters;
    this.#random = new Rng(options.seed ?? 1);
    for (const id of voters) this.#addPeer(id);
  }

  #addPeer(id: NodeId): Peer {
    const o = this.#options;
    const storage = MemoryStorage.bootstrap(this.#genesis);
    const node = new RawNode({
      id,
      storage,
      random: this.#random.fork(id),
      electionTicks: o.electionTicks ?? 10,
      heartbeatTicks: o.heartbeatTicks ?? 1,
      preVote: o.preVote ?? true,
      checkQuorum: o.checkQuorum ?? true,
      ...(o.maxMsgBytes === undefined ? {} : { maxMsgBytes: o.maxMsgBytes }),
      ...(o.maxInflightMsgs === undefined ? {} : { maxInflightMsgs: o.maxInflightMsgs }),
    });
    const peer: Peer = { node, storage, applied: [], readStates: [] };
    this.peers.set(id, peer);
    return peer;
  }

  peer(id: NodeId): Peer {
    const p = this.peers.get(id);
    if (p === undefined) throw new Error(`no peer ${id}`);
    return p;
  }

  node(id: NodeId): RawNode {
    return this.peer(id).node;
  }

  status(id: NodeId): RaftStatus {
    return this.node(id).status();
  }

  /** The leader with the highest term, or null. */
  leader(): NodeId | null {
    let best: NodeId | null = null;
    let term = -1;
    for (const [id, p] of this.peers) {
      const s = p.node.status();
      if (s.role === Role.Leader && s.term > term) {
        best = id;
        term = s.term;
      }
    }
    return best;
  }

  /** Handle every pending Ready: persist, put messages in the pool, apply, advance. */
  process(): void {
    let busy = true;
    while (busy) {
      busy = false;
      for (const p of this.peers.values()) {
        if (!p.node.hasReady()) continue;
        busy = true;
        const rd = p.node.ready();
        if (rd.snapshot) p.storage.applySnapshot(rd.snapshot);
        p.storage.append(rd.entries);
        if (rd.hardState) p.storage.setHardState(rd.hardState);
        this.pool.push(...rd.messages);
        this.sent.push(...rd.messages);
        p.applied.push(...rd.committedEntries);
        p.readStates.push(...rd.readStates);
        p.node.advance(rd);
      }
    }
  }

  /** The message as it arrives, or null if it is lost. */
  #transit(m: Message): Message | null {
    if (this.#isolated.has(m.from) || this.#isolated.has(m.to)) return null;
    let out: Message | null = m;
    for (const rule of this.#rules) {
      if (out === null) return null;
      out = rule(out);
    }
    return out;
  }

  /** Deliver every message now in the pool (those they cause wait for the next round). */
  deliver(): number {
    this.process();
    const batch = this.pool;
    this.pool = [];
    let delivered = 0;
    for (const sent of batch) {
      const m = this.#transit(sent);
      if (m === null) continue;
      this.peers.get(m.to)?.node.step(m);
      delivered++;
    }
    this.process();
    return delivered;
  }

  /** Deliver rounds until no message is left. */
  stabilize(roundsMax = 100): void {
    for (let i = 0; i < roundsMax; i++) if (this.deliver() === 0 && this.pool.length === 0) return;
    throw new Error(`not stable after ${roundsMax} rounds`);
  }

  /** Cut `id` off: messages from or to it are dropped. */
  isolate(...ids: NodeId[]): void {
    for (const id of ids) this.#isolated.add(id);
  }

  /** Drop messages matching `rule` from now on (until heal). */
  block(rule: (m: Message) => boolean): void {
    this.#rules.push((m) => (rule(m) ? null : m));
  }

  /** Deliver messages as `rule` rewrites them from now on (until heal): partial delivery. */
  rewrite(rule: (m: Message) => Message): void {
    this.#rules.push(rule);
  }

  heal(): void {
    this.#isolated.clear();
    this.#rules.length = 0;
  }

  tick(id: NodeId, times = 1): void {
    for (let i = 0; i < times; i++) this.node(id).tick();
    this.process();
  }

  /** Tick everyone once and deliver a round, until `done` holds; throws after `ticksMax`. */
  tickUntil(done: () => boolean, ticksMax = 200): number {
    for (let t = 0; t < ticksMax; t++) {
      if (done()) return t;
      for (const p of this.peers.values()) p.node.tick();
      this.deliver();
    }
    if (done()) return ticksMax;
    throw new Error(`condition not reached in ${ticksMax} ticks`);
  }

  campaign(id: NodeId): void {
    this.node(id).campaign();
    this.process();
  }

  /** Campaign with `id` and stabilize, again if it lost, until it leads. */
  elect(id: NodeId, triesMax = 5): void {
    for (let i = 0; i < triesMax; i++) {
      this.campaign(id);
      this.stabilize();
      if (this.status(id).role === Role.Leader) return;
    }
    throw new Error(`${id} was not elected in ${triesMax} campaigns`);
  }

  propose(id: NodeId, text: string): { index: number; term: number } {
    const at = this.node(id).propose(encoder.encode(text));
    this.process();
    return at;
  }

  /** Add a learner through the leader and stabilize. */
  addLearner(leader: NodeId, id: NodeId): void {
    this.#addPeer(id);
    this.node(leader).proposeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.AddLearner, nodeId: id }],
    });
    this.stabilize();
  }

  /** Texts of the entries `id` applied, leaving out no-ops and conf changes. */
  appliedTexts(id: NodeId): string[] {
    return this.peer(id)
      .applied.filter((e) => e.type === 0 && e.data.byteLength > 0)
      .map(entryText);
  }

  /** (index, term) of every entry in `id`'s durable log. */
  logTerms(id: NodeId): string {
    const s = this.peer(id).storage;
    const out: string[] = [];
    for (let i = s.firstIndex(); i <= s.lastIndex(); i++) out.push(`${i}:${s.term(i)}`);
    return out.join(" ");
  }

  /** The term `id`'s log holds at `index`. */
  termAt(id: NodeId, index: number): number {
    return this.peer(id).storage.term(index);
  }

  /** Messages sent so far matching `pred`. */
  countSent(pred: (m: Message) => boolean): number {
    return this.sent.filter(pred).length;
  }
}
