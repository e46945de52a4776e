// A bounded client workload against a live cluster, every operation recorded for the
// linearizability checker (test/support/history.ts).
//
// Each client runs its own loop with its own RingkvClient: put, get, compare-and-set and delete
// over a few keys, every written value unique. CAS uses the version this client last saw for the
// key together with the value it saw at that version, so the checker can compare values (see the
// harness contract in history.ts). An operation that fails for any reason other than a
// definite answer (a CAS refused with VersionMismatch) is recorded with an unknown outcome:
// the cluster may still apply it.
//
// Unknown writes are what makes a history expensive to check, so after one the client only
// reads until a read succeeds again (the client library's own backoff paces those reads): it
// resumes writing once its node can reach a leader.
//
// The loop is bounded in operations and in time; stop() ends it early and waits for it.

import { type RetrySettings, RingkvClient, RingkvError } from "../../src/client/index.ts";
import type { HistoryRecorder, KvInput, KvOutput } from "../support/history.ts";

export interface OperationMix {
  readonly put: number;
  readonly get: number;
  readonly cas: number;
  readonly del: number;
}

export const READ_WRITE_MIX: OperationMix = { put: 4, get: 4, cas: 2, del: 1 };
export const READ_ONLY_MIX: OperationMix = { put: 0, get: 1, cas: 0, del: 0 };

/**
 * The bound for a reader that a test waits on after a fault heals. A reader answered from a
 * leader's lease makes hundreds of reads a second: with the writers' bound (500) it could finish
 * before the partition it is meant to see through has healed, and the test then waits for reads
 * that never come.
 */
export const READER_OPS_MAX = 20_000;

export interface WorkloadClient {
  /** Node gRPC addresses, tried in this order (the library moves on when one fails). */
  readonly addresses: readonly string[];
  readonly mix: OperationMix;
  /** This client's bound on operations, instead of WorkloadOptions.opsPerClientMax. */
  readonly opsMax?: number;
}

export interface WorkloadOptions {
  readonly recorder: HistoryRecorder;
  readonly clients: readonly WorkloadClient[];
  readonly keys: readonly string[];
  /** Prefix of every written value, so values stay unique across workloads. */
  readonly valuePrefix: string;
  readonly opsPerClientMax: number;
  readonly durationMsMax: number;
  /** Seeds the choice of keys and operations; printed by report() so a run can be replayed. */
  readonly seed: number;
  /** Deadline of one attempt; default 2000 ms. */
  readonly deadlineMs?: number;
  readonly retry?: Partial<RetrySettings>;
}

export interface WorkloadReport {
  readonly seed: number;
  readonly operations: number;
  readonly acknowledgedWrites: number;
  readonly acknowledgedReads: number;
  readonly unknown: number;
  /** Failure code → count, e.g. {"Unavailable": 3}. */
  readonly failures: Readonly<Record<string, number>>;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class Workload {
  readonly #options: WorkloadOptions;
  readonly #clients: RingkvClient[];
  readonly #failures: Record<string, number> = {};
  #operations = 0;
  #acknowledgedWrites = 0;
  #acknowledgedReads = 0;
  #unknown = 0;
  #stopped = false;
  #done: Promise<void> = Promise.resolve();
  /** Times (performance.now) at which writes were acknowledged. */
  readonly writeAcks: number[] = [];
  /** Acknowledged reads: which client, and when (performance.now). */
  readonly readAcks: { client: number; at: number }[] = [];

  private constructor(options: WorkloadOptions) {
    this.#options = options;
    this.#clients = options.clients.map(
      (c) =>
        new RingkvClient({
          addresses: c.addresses,
          deadlineMs: options.deadlineMs ?? 2000,
          retry: { attemptsMax: 4, budgetMs: 4000, ...options.retry },
        }),
    );
  }

  static start(options: WorkloadOptions): Workload {
    const workload = new Workload(options);
    workload.#done = Promise.all(options.clients.map((c, i) => workload.#run(i, c))).then(() => undefined);
    return workload;
  }

  /** Acknowledged writes so far. */
  get acknowledgedWrites(): number {
    return this.#acknowledgedWrites;
  }

  /** Writes acknowledged after `time` (a performance.now() reading). */
  writesAckedAfter(time: number): number {
    return this.writeAcks.filter((t) => t > time).length;
  }

  /** Reads acknowledged after `time`, by client `client` if given. */
  readsAckedAfter(time: number, client?: number): number {
    return this.readAcks.filter((r) => r.at > time && (client === undefined || r.client === client)).length;
  }

  /** Stop issuing operations, wait for those in flight, close the clients. */
  async stop(): Promise<WorkloadReport> {
    this.#stopped = true;
    await this.#done;
    for (const c of this.#clients) c.close();
    return this.report();
  }

  report(): WorkloadReport {
    return {
      seed: this.#options.seed,
      operations: this.#operations,
      acknowledgedWrites: this.#acknowledgedWrites,
      acknowledgedReads: this.#acknowledgedReads,
      unknown: this.#unknown,
      failures: { ...this.#failures },
    };
  }

  async #run(index: number, spec: WorkloadClient): Promise<void> {
    const client = this.#clients[index]!;
    const { recorder, keys, opsPerClientMax, durationMsMax, valuePrefix } = this.#options;
    const known = new Map<string, { version: number; value: string }>();
    // One generator per client: its choices do not depend on how the clients interleave.
    const random = seeded(this.#options.seed + index);
    const endAt = performance.now() + durationMsMax;
    let recovering = false;
    const opsMax = spec.opsMax ?? opsPerClientMax;
    for (let n = 0; n < opsMax && !this.#stopped && performance.now() < endAt; n++) {
      const key = keys[Math.floor(random() * keys.length)]!;
      const kind = recovering ? "get" : pick(spec.mix, random);
      const value = `${valuePrefix}c${index}-${n}`;
      const seen = known.get(key);
      const input: KvInput =
        kind === "put"
          ? { kind, value }
          : kind === "cas"
            ? { kind, expect: seen?.value ?? null, value }
            : kind === "get"
              ? { kind }
              : { kind: "del" };
      const id = recorder.invoke(index, key, input);
      this.#operations++;
      const outcome = await this.#perform(client, key, input, seen?.version ?? 0);
      if (outcome.output === null) {
        recorder.timeout(id);
        this.#unknown++;
        this.#failures[outcome.failure] = (this.#failures[outcome.failure] ?? 0) + 1;
        recovering = true;
        continue;
      }
      recorder.complete(id, outcome.output);
      if (outcome.seen) known.set(key, outcome.seen);
      else if (input.kind === "del" || input.kind === "get") known.delete(key);
      if (input.kind === "get") {
        this.#acknowledgedReads++;
        this.readAcks.push({ client: index, at: performance.now() });
        recovering = false;
      } else if (!(input.kind === "cas" && outcome.output.kind === "cas" && !outcome.output.ok)) {
        this.#acknowledgedWrites++;
        this.writeAcks.push(performance.now());
      }
    }
  }

  async #perform(
    client: RingkvClient,
    key: string,
    input: KvInput,
    knownVersion: number,
  ): Promise<
    { output: KvOutput; seen?: { version: number; value: string } } | { output: null; failure: string }
  > {
    const keyBytes = encoder.encode(key);
    try {
      switch (input.kind) {
        case "put": {
          const { version } = await client.put(keyBytes, encoder.encode(input.value));
          return { output: { kind: "put" }, seen: { version, value: input.value } };
        }
        case "get": {
          const found = await client.get(keyBytes);
          if (found === null) return { output: { kind: "get", value: null } };
          const value = decoder.decode(found.value);
          return { output: { kind: "get", value }, seen: { version: found.version, value } };
        }
        case "cas": {
          const ifVersion = input.expect === null ? 0 : knownVersion;
          try {
            const { version } = await client.put(keyBytes, encoder.encode(input.value), { ifVersion });
            return { output: { kind: "cas", ok: true }, seen: { version, value: input.value } };
          } catch (e) {
            if (e instanceof RingkvError && e.code === "VersionMismatch")
              return { output: { kind: "cas", ok: false } };
            throw e;
          }
        }
        case "del": {
          const { deleted } = await client.delete(keyBytes);
          return { output: { kind: "del", existed: deleted } };
        }
      }
    } catch (e) {
      return {
        output: null,
        failure: e instanceof RingkvError ? e.code : e instanceof Error ? e.name : "thrown",
      };
    }
  }
}

function pick(mix: OperationMix, random: () => number): KvInput["kind"] {
  const total = mix.put + mix.get + mix.cas + mix.del;
  let r = random() * total;
  for (const kind of ["put", "get", "cas", "del"] as const) {
    r -= mix[kind];
    if (r < 0) return kind;
  }
  return "get";
}

/**
 * A linearizable read of every key through `client`, recorded as client `clientId`; the values
 * read, by key. Fails the test if a read fails: it runs after the faults are healed.
 */
export async function readAll(
  recorder: HistoryRecorder,
  client: RingkvClient,
  keys: readonly string[],
  clientId: number,
): Promise<Map<string, string | null>> {
  const values = new Map<string, string | null>();
  for (const key of keys) {
    const id = recorder.invoke(clientId, key, { kind: "get" });
    const found = await client.get(encoder.encode(key));
    const value = found === null ? null : decoder.decode(found.value);
    recorder.complete(id, { kind: "get", value });
    values.set(key, value);
  }
  return values;
}

/** mulberry32: a small seeded generator, so a workload's choices replay from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
