// What the fault tests share around a recorded history: a seed to print, the checker's verdict
// as an assertion, and client address lists.
import { expect } from "vitest";
import type { Operation } from "../support/history.ts";
import { checkLinearizable, describeCheckResult } from "../support/linearizability.ts";
import type { NodeProcess } from "./harness.ts";

/** RINGKV_SEED, or a fresh one; the test prints it so a run's workload can be replayed. */
export function workloadSeed(): number {
  const fromEnv = process.env["RINGKV_SEED"];
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}

/** Assert that `ops` is linearizable; on failure the message holds the offending key's history. */
export function expectLinearizable(ops: readonly Operation[], label: string): void {
  const started = performance.now();
  const result = checkLinearizable(ops);
  const ms = Math.round(performance.now() - started);
  const keys = new Set(ops.map((o) => o.key)).size;
  const unknown = ops.filter((o) => o.output === null).length;
  console.log(`${label}: ${ops.length} operations on ${keys} keys (${unknown} unknown) checked in ${ms} ms`);
  expect(result.ok, describeCheckResult(result)).toBe(true);
}

/** The nodes' advertised addresses, starting at the `first`-th: clients spread their first choice. */
export function addressesFrom(nodes: readonly NodeProcess[], first: number): string[] {
  const addresses = nodes.map((n) => n.advertise);
  const at = first % addresses.length;
  return [...addresses.slice(at), ...addresses.slice(0, at)];
}
