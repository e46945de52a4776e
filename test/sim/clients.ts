// Simulated clients. Each runs one operation at a time against the group: it sends the request
// to the replica it believes leads (or any replica), follows NotLeader hints, and waits for the
// replica to answer or for its deadline. Every operation is recorded in the history with
// simulated time: an answer completes it, a deadline or a lost answer leaves its outcome
// unknown. Reads are linearizable (ReadIndex), served by whichever replica took them.

import type { NodeId } from "../../src/raft/index.ts";
import { NotLeaderError, ProposalDroppedError } from "../../src/raft/index.ts";
import type { HistoryRecorder, KvInput } from "../support/history.ts";
import type { Cluster } from "./cluster.ts";
import type { KvCommand } from "./command.ts";
import type { Rng } from "./random.ts";
import type { ReadOutcome, WriteOutcome } from "./replica.ts";
import { ReplicaDownError } from "./replica.ts";

export interface ClientSettings {
  readonly clientCount: number;
  readonly keys: readonly string[];
  /** Chance per tick that an idle client starts an operation. */
  readonly requestRate: number;
  /** Ticks after invocation when a client gives up (outcome unknown). */
  readonly deadlineTicks: number;
  /** Ticks a read waits at one replica before the client retries it elsewhere. */
  readonly readRetryTicks: number;
  /** Operation mix, as relative weights. */
  readonly weights: {
    readonly put: number;
    readonly get: number;
    readonly cas: number;
    readonly del: number;
  };
}

export interface ClientStats {
  invoked: number;
  ok: number;
  unknown: number;
  /** Given up before any replica accepted them (no effect, like an "unavailable" error). */
  unavailable: number;
  /** Definite failures retried (a different entry took the proposal's index). */
  retried: number;
  redirects: number;
}

/** What a client last saw of a key: a value and the version it had (the harness's value↔version map). */
interface Known {
  readonly value: string | null;
  readonly version: number;
}

interface Running {
  /**
   * Set when a replica first accepts the request. Until then it cannot have had any effect,
   * so it enters the history only then; one no replica ever took is not in the history.
   */
  historyId: number | null;
  readonly startTick: number;
  readonly key: string;
  readonly input: KvInput;
  readonly command: KvCommand | null;
  readonly deadline: number;
  /** "routing": looking for a replica to accept it; "waiting": a replica took it. */
  phase: "routing" | "waiting";
  /** For reads: the context and replica of the attempt in flight. */
  readContext: string | null;
  readAt: NodeId | null;
  readRetryAt: number;
  attempts: number;
}

class Client {
  readonly id: number;
  readonly #random: Rng;
  readonly #known = new Map<string, Known>();
  #target: NodeId | null = null;
  #running: Running | null = null;
  #seq = 0;

  constructor(id: number, random: Rng) {
    this.id = id;
    this.#random = random;
  }

  get busy(): boolean {
    return this.#running !== null;
  }

  get running(): Running | null {
    return this.#running;
  }

  nextValue(): string {
    return `c${this.id}.${++this.#seq}`;
  }

  nextContext(): string {
    return `c${this.id}.r${++this.#seq}`;
  }

  known(key: string): Known {
    return this.#known.get(key) ?? { value: null, version: 0 };
  }

  learn(key: string, k: Known): void {
    this.#known.set(key, k);
  }

  start(op: Running): void {
    this.#running = op;
  }

  finish(): void {
    this.#running = null;
  }

  /** The replica to try next: the last hint, else a random one. */
  target(candidates: readonly NodeId[]): NodeId {
    if (this.#target !== null && candidates.includes(this.#target)) return this.#target;
    this.#target = this.#random.pick(candidates);
    return this.#target;
  }

  retarget(hint: NodeId | null): void {
    this.#target = hint;
  }

  get random(): Rng {
    return this.#random;
  }
}

export class Clients {
  readonly stats: ClientStats = { invoked: 0, ok: 0, unknown: 0, unavailable: 0, retried: 0, redirects: 0 };
  /** Operations that ended without an answer: when they started, and why. */
  readonly unanswered: { readonly startTick: number; readonly why: string }[] = [];
  readonly #cluster: Cluster;
  readonly #history: HistoryRecorder;
  readonly #settings: ClientSettings;
  readonly #clients: Client[];
  /** Whether idle clients start new operations. */
  active = true;

  constructor(cluster: Cluster, history: HistoryRecorder, settings: ClientSettings, random: Rng) {
    this.#cluster = cluster;
    this.#history = history;
    this.#settings = settings;
    this.#clients = Array.from(
      { length: settings.clientCount },
      (_, i) => new Client(i, random.fork(`client/${i}`)),
    );
  }

  /** Operations in flight. */
  get inFlight(): number {
    return this.#clients.filter((c) => c.busy).length;
  }

  /** One tick of client activity. */
  tick(): void {
    const now = this.#cluster.now();
    for (const c of this.#clients) {
      const r = c.running;
      if (r !== null && now >= r.deadline) {
        this.#giveUp(c, r);
        continue;
      }
      if (r === null && this.active && c.random.chance(this.#settings.requestRate)) this.#invoke(c);
      const running = c.running;
      if (running === null) continue;
      if (running.phase === "routing") this.#route(c, running);
      else if (running.readContext !== null && now >= running.readRetryAt) this.#retryRead(c, running);
    }
  }

  #invoke(c: Client): void {
    const s = this.#settings;
    const key = c.random.pick(s.keys);
    const w = s.weights;
    const roll = c.random.float() * (w.put + w.get + w.cas + w.del);
    let input: KvInput;
    let command: KvCommand | null;
    if (roll < w.put) {
      const value = c.nextValue();
      input = { kind: "put", value };
      command = { kind: "put", key, value };
    } else if (roll < w.put + w.get) {
      input = { kind: "get" };
      command = null;
    } else if (roll < w.put + w.get + w.cas) {
      // Usually a CAS on what this client last saw; sometimes create-only.
      const known = c.random.chance(0.2) ? { value: null, version: 0 } : c.known(key);
      const value = c.nextValue();
      input = { kind: "cas", expect: known.value, value };
      command = { kind: "cas", key, ifVersion: known.version, value };
    } else {
      input = { kind: "del" };
      command = { kind: "del", key };
    }
    this.stats.invoked++;
    c.start({
      historyId: null,
      startTick: this.#cluster.now(),
      key,
      input,
      command,
      deadline: this.#cluster.now() + s.deadlineTicks,
      phase: "routing",
      readContext: null,
      readAt: null,
      readRetryAt: 0,
      attempts: 0,
    });
  }

  /** Try one replica this tick (a request round trip); on refusal, pick where to go next. */
  #route(c: Client, r: Running): void {
    const candidates = [...this.#cluster.replicas.keys()];
    const to = c.target(candidates);
    const replica = this.#cluster.replica(to);
    r.attempts++;
    try {
      if (r.command === null) {
        const context = c.nextContext();
        replica.submitRead(r.key, context, (o) => this.#readDone(c, r, context, o));
        r.readContext = context;
        r.readAt = to;
        r.readRetryAt = this.#cluster.now() + this.#settings.readRetryTicks;
      } else {
        const envelope = { requestId: `c${c.id}.${r.startTick}.${r.attempts}`, command: r.command };
        replica.submitWrite(envelope, (o) => this.#writeDone(c, r, o));
      }
      r.phase = "waiting";
      r.historyId ??= this.#history.invoke(c.id, r.key, r.input);
    } catch (e) {
      if (e instanceof NotLeaderError) {
        this.stats.redirects++;
        c.retarget(e.leaderHint !== "" && e.leaderHint !== to ? e.leaderHint : null);
      } else if (e instanceof ReplicaDownError) {
        c.retarget(null);
      } else if (!(e instanceof ProposalDroppedError)) {
        throw e;
      }
    }
  }

  #writeDone(c: Client, r: Running, o: WriteOutcome): void {
    if (c.running !== r) return;
    switch (o.kind) {
      case "applied": {
        const res = o.result;
        const input = r.input;
        if (res.kind === "put" && input.kind === "put") {
          c.learn(r.key, { value: input.value, version: res.version });
          this.#complete(c, r, { kind: "put" });
        } else if (res.kind === "cas" && input.kind === "cas") {
          if (res.ok) c.learn(r.key, { value: input.value, version: res.version });
          this.#complete(c, r, { kind: "cas", ok: res.ok });
        } else if (res.kind === "del") {
          c.learn(r.key, { value: null, version: 0 });
          this.#complete(c, r, { kind: "del", existed: res.existed });
        }
        return;
      }
      case "failed":
        // A different entry took the index, so this one can never apply: safe to resend.
        this.stats.retried++;
        r.phase = "routing";
        c.retarget(null);
        return;
      case "lost":
        this.#giveUp(c, r);
        return;
    }
  }

  #readDone(c: Client, r: Running, context: string, o: ReadOutcome): void {
    if (c.running !== r || r.readContext !== context) return;
    if (o.kind === "lost") {
      this.#retryRead(c, r);
      return;
    }
    c.learn(r.key, o.read);
    this.#complete(c, r, { kind: "get", value: o.read.value });
  }

  /** A read has no effect, so an unanswered one can simply be asked again elsewhere. */
  #retryRead(c: Client, r: Running): void {
    if (r.readContext !== null && r.readAt !== null)
      this.#cluster.replicas.get(r.readAt)?.abandonRead(r.readContext);
    r.readContext = null;
    r.readAt = null;
    r.phase = "routing";
    c.retarget(null);
  }

  #complete(c: Client, r: Running, output: Parameters<HistoryRecorder["complete"]>[1]): void {
    if (r.historyId === null) throw new Error("client: an answer to a request no replica accepted");
    this.#history.complete(r.historyId, output);
    this.stats.ok++;
    c.finish();
  }

  #giveUp(c: Client, r: Running): void {
    if (r.readContext !== null && r.readAt !== null)
      this.#cluster.replicas.get(r.readAt)?.abandonRead(r.readContext);
    if (r.historyId === null) {
      this.stats.unavailable++;
      this.unanswered.push({
        startTick: r.startTick,
        why: `${r.input.kind} on ${r.key}: no replica accepted it`,
      });
    } else {
      this.#history.timeout(r.historyId);
      this.stats.unknown++;
      this.unanswered.push({
        startTick: r.startTick,
        why: `${r.input.kind} on ${r.key}: history #${r.historyId} unanswered`,
      });
    }
    c.finish();
  }

  /** Every client gives up on what it is waiting for (end of run). */
  abandonAll(): void {
    for (const c of this.#clients) {
      const r = c.running;
      if (r !== null) this.#giveUp(c, r);
    }
  }
}
