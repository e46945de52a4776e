// What the membership-churn process tests share (formation-kill.test.ts, and the churn soak in
// bench/soak): a key per shard, a status sampler that checks every sample of the cluster's
// status for a shard sitting at two voters, and a probe that measures how long each shard takes
// to accept a write again after a fault.

import type { StatusJson } from "../../src/api/kv-api.ts";
import { RingkvClient } from "../../src/client/index.ts";
import { createHasher, ShardRing } from "../../src/ring/index.ts";
import type { NodeProcess } from "./harness.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `count` key names for every shard of a `shardCount`-shard ring: keys[shard][i]. */
export async function keysPerShard(shardCount: number, count: number, prefix: string): Promise<string[][]> {
  const ring = new ShardRing(await createHasher(), { shardCount });
  const keys: string[][] = Array.from({ length: shardCount }, () => []);
  // Bounded: 16 shards × 100 keys need a few thousand candidates; 1000× that is a broken ring.
  for (let i = 0; i < shardCount * count * 1000 && keys.some((k) => k.length < count); i++) {
    const key = `${prefix}-${i}`;
    const bucket = keys[ring.shardOfBytes(encoder.encode(key))]!;
    if (bucket.length < count) bucket.push(key);
  }
  if (keys.some((k) => k.length < count)) throw new Error(`could not find ${count} keys per shard`);
  return keys;
}

/** Members that count toward "a cluster of three or more nodes": not left, not leaving. */
function activeMembers(st: StatusJson): number {
  return st.members.filter((m) => m.state !== "left" && !m.leaving).length;
}

/** The problems of one status sample: shards at two voters while three or more members are active. */
export function twoVoterShards(st: StatusJson): string[] {
  if (activeMembers(st) < 3) return [];
  return st.shards
    .filter((s) => s.leader !== "" && s.replicas.length === 2)
    .map(
      (s) =>
        `shard ${s.id} at two voters ${s.replicas} (+learners ${s.learners}) with ${activeMembers(st)} members`,
    );
}

/**
 * Polls `via`'s cluster status until stop(), keeps every sample and checks each with
 * twoVoterShards(). `onSample` sees each sample as it arrives (a test waits for a moment in it).
 */
export class StatusSampler {
  readonly samples: StatusJson[] = [];
  readonly problems: string[] = [];
  #via: () => NodeProcess;
  #stopped = false;
  readonly #loop: Promise<void>;
  readonly #listeners = new Set<(st: StatusJson) => void>();

  constructor(via: () => NodeProcess, intervalMs = 50, samplesMax = 20_000) {
    this.#via = via;
    this.#loop = this.#run(intervalMs, samplesMax);
  }

  /** The first sample (from now on) for which `predicate` holds; rejects after `timeoutMs`. */
  next(predicate: (st: StatusJson) => boolean, timeoutMs: number, what: string): Promise<StatusJson> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`no status sample showed ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (st: StatusJson): void => {
        if (!predicate(st)) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve(st);
      };
      this.#listeners.add(listener);
    });
  }

  /** Call `listener` with every sample from now until stop(). */
  onSample(listener: (st: StatusJson) => void): void {
    this.#listeners.add(listener);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#loop;
  }

  async #run(intervalMs: number, samplesMax: number): Promise<void> {
    while (!this.#stopped && this.samples.length < samplesMax) {
      try {
        const st = await this.#via().status(3000, "cluster");
        this.samples.push(st);
        this.problems.push(...twoVoterShards(st));
        for (const listener of [...this.#listeners]) listener(st);
      } catch {
        // A node busy or restarting: the next sample will do.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/**
 * Every write a test made: the last acknowledged value of each key, and the writes whose outcome
 * is unknown (timed out, connection lost). Values carry a sequence number, so a read may show an
 * unknown write only if it was issued after the key's last acknowledged one.
 */
export class WriteLedger {
  readonly #acked = new Map<string, { value: string; seq: number }>();
  readonly #unknown = new Map<string, Set<string>>();
  #seq = 0;

  /** A fresh, unique value for `key`. */
  value(key: string, tag: string): string {
    return `${tag}#${++this.#seq}#${key}`;
  }

  acknowledge(key: string, value: string): void {
    const seq = seqOf(value);
    const last = this.#acked.get(key);
    if (!last || last.seq < seq) this.#acked.set(key, { value, seq });
  }

  unknown(key: string, value: string): void {
    const set = this.#unknown.get(key) ?? new Set<string>();
    this.#unknown.set(key, set.add(value));
  }

  get size(): number {
    return this.#acked.size;
  }

  keys(): string[] {
    return [...this.#acked.keys()];
  }

  /** Why `read` is not a value `key` may hold now, or undefined if it may. */
  check(key: string, read: string | null): string | undefined {
    const acked = this.#acked.get(key);
    if (!acked) return undefined;
    if (read === acked.value) return undefined;
    if (read !== null && this.#unknown.get(key)?.has(read) && seqOf(read) > acked.seq) return undefined;
    return `${key}: read ${read ?? "absent"}, acknowledged ${acked.value}`;
  }
}

function seqOf(value: string): number {
  return Number(value.split("#")[1] ?? -1);
}

/** Between two failed probe writes of one shard. */
const PROBE_PAUSE_MS = 20;
/** Failed attempts a ShardWriter keeps per shard (the latest), for explaining a gap. */
const FAILURES_KEPT_MAX = 2_000;

export interface ShardProbeResult {
  /** Per shard: ms from the fault to its first acknowledged write (Infinity if none in time). */
  readonly recoveryMs: readonly number[];
  /** What the failed attempts answered: "code message" → count (for a failure report). */
  readonly errors: ReadonlyMap<string, number>;
}

/**
 * After a fault at `faultAt` (performance.now()): write to every shard, each in its own loop of
 * short attempts, until each has one acknowledged write or `timeoutMs` passes.
 */
export async function probeShards(options: {
  readonly addresses: readonly string[];
  readonly keys: readonly (readonly string[])[];
  readonly faultAt: number;
  readonly timeoutMs: number;
  readonly ledger: WriteLedger;
  readonly tag: string;
}): Promise<ShardProbeResult> {
  const client = new RingkvClient({
    addresses: options.addresses,
    deadlineMs: 500,
    retry: { attemptsMax: 1, budgetMs: 500 },
  });
  const errors = new Map<string, number>();
  try {
    const recoveryMs = await Promise.all(
      options.keys.map(async (keys) => {
        for (let attempt = 0; performance.now() - options.faultAt < options.timeoutMs; attempt++) {
          const key = keys[attempt % keys.length]!;
          const value = options.ledger.value(key, options.tag);
          try {
            await client.put(encoder.encode(key), encoder.encode(value));
            options.ledger.acknowledge(key, value);
            return performance.now() - options.faultAt;
          } catch (e) {
            options.ledger.unknown(key, value);
            const said =
              e instanceof Error ? `${(e as { code?: string }).code ?? e.name} ${e.message}` : String(e);
            errors.set(said.slice(0, 160), (errors.get(said.slice(0, 160)) ?? 0) + 1);
            await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
          }
        }
        return Number.POSITIVE_INFINITY;
      }),
    );
    return { recoveryMs, errors };
  } finally {
    client.close();
  }
}

/** Writes a fresh value to every key, several at a time, through the ledger. */
export async function writeAll(
  addresses: readonly string[],
  keys: readonly string[],
  tag: string,
  ledger: WriteLedger,
): Promise<void> {
  const client = new RingkvClient({ addresses });
  try {
    for (let i = 0; i < keys.length; i += 32) {
      await Promise.all(
        keys.slice(i, i + 32).map(async (key) => {
          const value = ledger.value(key, tag);
          await client.put(encoder.encode(key), encoder.encode(value));
          ledger.acknowledge(key, value);
        }),
      );
    }
  } finally {
    client.close();
  }
}

/** The keys whose linearizable read is not a value the ledger allows (at most 10). */
export async function lostWrites(addresses: readonly string[], ledger: WriteLedger): Promise<string[]> {
  const client = new RingkvClient({ addresses });
  const wrong: string[] = [];
  try {
    const keys = ledger.keys();
    for (let i = 0; i < keys.length && wrong.length < 10; i += 32) {
      await Promise.all(
        keys.slice(i, i + 32).map(async (key) => {
          const found = await client.get(encoder.encode(key));
          const problem = ledger.check(key, found ? decoder.decode(found.value) : null);
          if (problem) wrong.push(problem);
        }),
      );
    }
  } finally {
    client.close();
  }
  return wrong;
}

/**
 * One write loop per shard, over that shard's keys, until stop(): each write a fresh value
 * through the ledger, each acknowledgement's time kept per shard, so the longest gap without an
 * acknowledged write of every shard can be read off afterwards.
 */
export class ShardWriter {
  /** Per shard: performance.now() of every acknowledged write, in order. */
  readonly acks: number[][];
  readonly failures = new Map<string, number>();
  /** Per shard: the latest failed attempts (at most FAILURES_KEPT_MAX), to explain a long gap. */
  readonly failed: { at: number; ms: number; said: string }[][];
  readonly #ledger: WriteLedger;
  readonly #client: RingkvClient;
  readonly #loops: Promise<void>[];
  readonly #started = performance.now();
  #stopped = false;

  constructor(options: {
    readonly addresses: readonly string[];
    readonly keys: readonly (readonly string[])[];
    readonly ledger: WriteLedger;
    readonly tag: string;
    /** Deadline of one write; a shard's gap cannot be measured finer than this. */
    readonly deadlineMs?: number;
  }) {
    this.#ledger = options.ledger;
    this.#client = new RingkvClient({
      addresses: options.addresses,
      deadlineMs: options.deadlineMs ?? 1000,
      retry: { attemptsMax: 2, budgetMs: options.deadlineMs ?? 1000 },
    });
    this.acks = options.keys.map(() => []);
    this.failed = options.keys.map(() => []);
    this.#loops = options.keys.map((keys, shard) => this.#run(shard, keys, options.tag));
  }

  async #run(shard: number, keys: readonly string[], tag: string): Promise<void> {
    // Bounded in count as well as by stop(): a runaway loop ends on its own.
    for (let i = 0; !this.#stopped && i < 10_000_000; i++) {
      const key = keys[i % keys.length]!;
      const value = this.#ledger.value(key, tag);
      const at = performance.now();
      try {
        await this.#client.put(encoder.encode(key), encoder.encode(value));
        this.#ledger.acknowledge(key, value);
        this.acks[shard]!.push(performance.now());
      } catch (e) {
        this.#ledger.unknown(key, value);
        const code = (e as { code?: string }).code ?? "other";
        this.failures.set(code, (this.failures.get(code) ?? 0) + 1);
        const failed = this.failed[shard]!;
        const said = `${code} ${e instanceof Error ? e.message : String(e)}`.slice(0, 300);
        failed.push({ at, ms: performance.now() - at, said });
        if (failed.length > FAILURES_KEPT_MAX) failed.shift();
        await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
      }
    }
  }

  /** Per shard: the longest time in ms without an acknowledged write, from start to stop. */
  gapsMs(until = performance.now()): number[] {
    return this.worstGaps(until).map((g) => g.ms);
  }

  /** Per shard: the longest gap without an acknowledged write and when it began (performance.now). */
  worstGaps(until = performance.now()): { ms: number; from: number }[] {
    return this.acks.map((times) => {
      let last = this.#started;
      let worst = { ms: 0, from: this.#started };
      for (const t of [...times, until]) {
        if (t - last > worst.ms) worst = { ms: t - last, from: last };
        last = t;
      }
      return worst;
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(this.#loops);
    this.#client.close();
  }
}
