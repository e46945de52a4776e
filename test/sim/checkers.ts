// Raft's safety properties (Raft paper, Figure 3), checked while a simulation runs, plus the
// simulator's own promises: commit and term never go backwards, committed entries are never
// overwritten on disk, replicas at the same applied index hold the same state.
//
// The checker only observes: the cluster reports what each replica did (status after each
// step, entries persisted, entries applied, state digests) and the checker records every
// broken promise as a violation string naming the replica, the tick and the evidence.
import type { ConfState, Entry, HardState, NodeId } from "../../src/raft/index.ts";
import { isJoint } from "../../src/raft/index.ts";

/** The part of a replica's status the checker reads (RawNode.status() has at least this). */
export interface ObservedStatus {
  readonly term: number;
  readonly commit: number;
  readonly role: string;
  /** The replica's applied configuration: Election Safety is checked across joint ones too. */
  readonly confState?: ConfState;
}

/** A replica's durable log, as the checker reads it (MemoryStorage has this shape). */
export interface DurableLog {
  firstIndex(): number;
  lastIndex(): number;
  term(i: number): number;
  entries(lo: number, hi: number, maxBytes: number): Entry[];
}

interface CommittedEntry {
  readonly term: number;
  readonly hash: number;
  /**
   * The lowest term any replica was in when it applied the entry. The entry was committed in
   * a term no later than this, so every leader of a higher term must hold it (Leader
   * Completeness), whenever that leader is observed.
   */
  knownAtTerm: number;
}

const entryHashes = new WeakMap<Entry, number>();

/** FNV-1a over the entry's type and data bytes (its identity apart from index and term). */
export function entryHash(e: Entry): number {
  const cached = entryHashes.get(e);
  if (cached !== undefined) return cached;
  let h = Math.imul(0x811c9dc5 ^ e.type, 0x01000193);
  for (let i = 0; i < e.data.length; i++) h = Math.imul(h ^ e.data[i]!, 0x01000193);
  const hash = h >>> 0;
  entryHashes.set(e, hash);
  return hash;
}

const LEADER = "leader";

export class SafetyChecker {
  readonly violations: string[] = [];
  /** Cap on recorded violations: one bug tends to repeat every tick. */
  readonly #violationsMax: number;
  #now = 0;
  /** Election Safety: the one leader seen in each term, over the whole run. */
  readonly #leaderOfTerm = new Map<number, NodeId>();
  /** Terms whose leader was seen leading a joint configuration (C_old,new), and as what. */
  readonly #jointTerms = new Map<number, string>();
  /** State Machine Safety: what was applied at each index, by whoever applied it first. */
  readonly #committed = new Map<number, CommittedEntry>();
  /** Replicas' state digests at each applied index. */
  readonly #digestAt = new Map<number, { digest: number; replica: NodeId }>();
  readonly #lastCommit = new Map<NodeId, number>();
  readonly #lastApplied = new Map<NodeId, number>();
  readonly #durable = new Map<NodeId, HardState>();

  constructor(violationsMax = 20) {
    this.#violationsMax = violationsMax;
  }

  /** The current simulated time, stamped on violations. */
  setTime(tick: number): void {
    this.#now = tick;
  }

  get committedCount(): number {
    return this.#committed.size;
  }

  get leaders(): ReadonlyMap<number, NodeId> {
    return this.#leaderOfTerm;
  }

  /** How many terms had a leader seen in a joint configuration: the joint transition was covered. */
  get jointTermCount(): number {
    return this.#jointTerms.size;
  }

  violate(what: string): void {
    if (this.violations.length < this.#violationsMax) this.violations.push(`tick ${this.#now}: ${what}`);
  }

  /**
   * A replica's status after it stepped, ticked or handled a Ready. `log` is its durable log,
   * read only the first time it is seen leading a term (Leader Completeness).
   */
  observeStatus(replica: NodeId, status: ObservedStatus, log: DurableLog): void {
    const last = this.#lastCommit.get(replica) ?? 0;
    if (status.commit < last) {
      this.violate(`${replica}: commit index went backwards from ${last} to ${status.commit}`);
    }
    this.#lastCommit.set(replica, status.commit);
    if (status.role !== LEADER) return;
    const cs = status.confState;
    if (cs !== undefined && isJoint(cs)) this.#observeJointLeader(replica, status.term, cs);
    const leader = this.#leaderOfTerm.get(status.term);
    if (leader === undefined) {
      this.#leaderOfTerm.set(status.term, replica);
      this.#checkLeaderCompleteness(replica, status.term, log);
    } else if (leader !== replica) {
      const joint = this.#jointTerms.get(status.term);
      this.violate(
        `election safety: ${leader} and ${replica} are both leaders of term ${status.term}` +
          (joint === undefined ? "" : ` (across a joint configuration: ${joint})`),
      );
    }
  }

  /**
   * A leader of a joint configuration must be a voter of one of its halves (a removed or
   * demoted leader leads only until the leave is applied, still as a voter of C_old).
   */
  #observeJointLeader(replica: NodeId, term: number, cs: ConfState): void {
    const described = `C_old {${cs.votersOutgoing.join(",")}} C_new {${cs.voters.join(",")}}`;
    if (!this.#jointTerms.has(term)) this.#jointTerms.set(term, `${replica} led ${described}`);
    if (!cs.voters.includes(replica) && !cs.votersOutgoing.includes(replica)) {
      this.violate(`joint leader: ${replica} leads term ${term} without being a voter of ${described}`);
    }
  }

  #checkLeaderCompleteness(replica: NodeId, term: number, log: DurableLog): void {
    const first = log.firstIndex();
    const lastIndex = log.lastIndex();
    for (const [index, c] of this.#committed) {
      // Entries folded into a snapshot were committed when the snapshot was taken.
      if (c.knownAtTerm >= term || index < first) continue;
      if (index > lastIndex) {
        this.violate(
          `leader completeness: ${replica} leads term ${term} but its log ends at ${lastIndex}, ` +
            `before entry ${index} (term ${c.term}) committed by term ${c.knownAtTerm}`,
        );
        return;
      }
      const t = log.term(index);
      if (t !== c.term) {
        this.violate(
          `leader completeness: ${replica} leads term ${term} with term ${t} at index ${index}, ` +
            `but the committed entry there has term ${c.term}`,
        );
        return;
      }
    }
  }

  /**
   * A replica (re)started from disk. Its volatile commit restarts from the durable one, which
   * itself never went backwards; `recovered` is what the new incarnation reports.
   */
  observeRestart(replica: NodeId, durable: HardState, recovered: ObservedStatus, appliedIndex: number): void {
    if (recovered.commit < durable.commit) {
      this.violate(
        `${replica}: restarted with commit ${recovered.commit} below its durable commit ${durable.commit}`,
      );
    }
    if (recovered.term < durable.term) {
      this.violate(`${replica}: restarted in term ${recovered.term} below its durable term ${durable.term}`);
    }
    this.#lastCommit.set(replica, recovered.commit);
    this.#lastApplied.set(replica, appliedIndex);
  }

  /**
   * A hard state about to be made durable. Term and commit never go backwards on disk, and a
   * replica never changes its vote within a term (that is how it could elect two leaders).
   */
  observePersistHardState(replica: NodeId, next: HardState): void {
    const prev = this.#durable.get(replica);
    this.#durable.set(replica, next);
    if (prev === undefined) return;
    if (next.term < prev.term)
      this.violate(`${replica}: durable term went backwards ${prev.term} → ${next.term}`);
    if (next.commit < prev.commit) {
      this.violate(`${replica}: durable commit went backwards ${prev.commit} → ${next.commit}`);
    }
    if (next.term === prev.term && prev.vote !== "" && next.vote !== prev.vote) {
      this.violate(`${replica}: changed its vote in term ${next.term} from ${prev.vote} to ${next.vote}`);
    }
  }

  /**
   * Entries about to be appended to a replica's disk, which already holds `log` and durably
   * knows `commit`. Overwriting a committed entry with a different one loses a write.
   */
  observePersistEntries(replica: NodeId, entries: readonly Entry[], log: DurableLog, commit: number): void {
    const first = entries[0];
    if (first === undefined) return;
    const stop = Math.min(commit, log.lastIndex());
    for (const e of entries) {
      if (e.index > stop) break;
      if (e.index < log.firstIndex()) continue;
      const t = log.term(e.index);
      if (t !== e.term) {
        this.violate(
          `${replica}: overwrites committed entry ${e.index} (term ${t}) with one of term ${e.term}`,
        );
        return;
      }
    }
  }

  /**
   * A replica applied `entry` while in `term`. Every replica must apply the same entry at an
   * index (State Machine Safety), and each replica applies indexes in order, once.
   */
  observeApply(replica: NodeId, entry: Entry, term: number): void {
    const lastApplied = this.#lastApplied.get(replica);
    if (lastApplied !== undefined && entry.index !== lastApplied + 1) {
      this.violate(`${replica}: applied index ${entry.index} right after ${lastApplied}`);
    }
    this.#lastApplied.set(replica, entry.index);
    const hash = entryHash(entry);
    const seen = this.#committed.get(entry.index);
    if (seen === undefined) {
      this.#committed.set(entry.index, { term: entry.term, hash, knownAtTerm: term });
      return;
    }
    if (seen.term !== entry.term || seen.hash !== hash) {
      this.violate(
        `state machine safety: ${replica} applied (term ${entry.term}, hash ${hash.toString(16)}) at ` +
          `index ${entry.index}, where (term ${seen.term}, hash ${seen.hash.toString(16)}) was applied`,
      );
    }
    seen.knownAtTerm = Math.min(seen.knownAtTerm, term);
  }

  /** A replica installed a snapshot at `index`: its next apply is index + 1. */
  observeSnapshotApplied(replica: NodeId, index: number): void {
    this.#lastApplied.set(replica, index);
  }

  /** A replica's state machine digest right after applying `index` (or installing a snapshot). */
  observeDigest(replica: NodeId, index: number, digest: number): void {
    const seen = this.#digestAt.get(index);
    if (seen === undefined) {
      this.#digestAt.set(index, { digest, replica });
    } else if (seen.digest !== digest) {
      this.violate(
        `replica divergence: at applied index ${index} ${replica}'s state digest is ${digest.toString(16)} ` +
          `but ${seen.replica}'s was ${seen.digest.toString(16)}`,
      );
    }
  }

  /**
   * Log Matching: if two logs hold an entry with the same index and term, they are identical
   * up to and including it. Checked pairwise over the durable logs' overlap.
   */
  checkLogMatching(logs: ReadonlyMap<NodeId, DurableLog>): void {
    const ids = [...logs.keys()];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const problem = logMismatch(logs.get(ids[i]!)!, logs.get(ids[j]!)!);
        if (problem !== null) this.violate(`log matching: ${ids[i]} vs ${ids[j]}: ${problem}`);
      }
    }
  }
}

/** Where two logs break Log Matching, or null if they don't. */
export function logMismatch(a: DurableLog, b: DurableLog): string | null {
  const lo = Math.max(a.firstIndex(), b.firstIndex());
  const hi = Math.min(a.lastIndex(), b.lastIndex());
  if (lo > hi) return null;
  // The highest index where the terms agree; everything up to it must be identical.
  let k = hi;
  while (k >= lo && a.term(k) !== b.term(k)) k--;
  if (k < lo) return null;
  const ea = a.entries(lo, k + 1, Number.POSITIVE_INFINITY);
  const eb = b.entries(lo, k + 1, Number.POSITIVE_INFINITY);
  for (let n = 0; n < ea.length; n++) {
    const x = ea[n]!;
    const y = eb[n]!;
    if (x.term !== y.term || entryHash(x) !== entryHash(y)) {
      return `both hold term ${a.term(k)} at index ${k}, but differ at index ${x.index} (terms ${x.term}/${y.term})`;
    }
  }
  return null;
}
