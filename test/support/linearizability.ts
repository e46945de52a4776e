// The linearizability checker for client histories of the key-value store.
//
// Linearizability is compositional (Herlihy & Wing's locality; Porcupine's P-compositionality):
// a history is linearizable iff each key's sub-history is, because operations on different keys
// neither observe nor affect each other. So the history is split by key and every key is
// searched on its own against the single-key model, which keeps each search small.
//
// Verdicts: `ok: true` only when every key has a linearization. `ok: false` names a key with
// none, with an explanation and its sub-history. `ok: "unknown"` means the search budget ran
// out on some key before deciding; callers must treat it as a failure to investigate (shrink
// the history, or raise the budget), never as a pass.

import {
  byInvocation,
  formatHistory,
  formatOperation,
  type KvInput,
  type KvOutput,
  type Operation,
} from "./history.ts";
import { type KvState, kvModel } from "./kv-model.ts";
import { type SearchResult, searchLinearization, type TimedOperation } from "./linearization-search.ts";

export interface CheckOptions {
  /** Distinct (linearized set, state) configurations to remember per key before answering "unknown". */
  maxStatesPerKey?: number;
}

/**
 * The default budget. A remembered configuration costs a few hundred bytes at most (less when
 * few operations are in flight at once), so this bounds one key's search to roughly 250 MB and,
 * on a slow machine, some tens of seconds. Correct histories with a few concurrent clients per
 * key need a few configurations per operation.
 */
export const maxStatesPerKeyDefault = 1_000_000;

export type CheckResult =
  | { ok: true }
  | { ok: false; key: string; reason: string; ops: Operation[] }
  | { ok: "unknown"; key: string; reason: string; ops: Operation[] };

/** How many linearized operations a failure explanation shows before the blocked one. */
const explainedPrefixMax = 8;

/**
 * Checks that a history of the store is linearizable. Throws on a malformed history (a harness
 * bug, not a store bug): duplicate ids, an output of the wrong kind, a completion before the
 * invocation, or a known output without a completion time.
 */
export function checkLinearizable(ops: readonly Operation[], options: CheckOptions = {}): CheckResult {
  assertWellFormed(ops);
  const maxStates = options.maxStatesPerKey ?? maxStatesPerKeyDefault;
  let unknown: CheckResult | null = null;
  const byKey = splitByKey(ops);
  // Sorted so that which violation gets reported does not depend on the history's order.
  for (const key of [...byKey.keys()].sort()) {
    const result = checkKey(key, byKey.get(key) ?? [], maxStates);
    if (result.ok === false) return result;
    // Keep looking: a definite violation on a later key is more useful than "unknown" here.
    if (result.ok === "unknown" && unknown === null) unknown = result;
  }
  return unknown ?? { ok: true };
}

/** The verdict as text: a one-liner for a pass, otherwise the reason and the key's sub-history. */
export function describeCheckResult(result: CheckResult): string {
  if (result.ok === true) return "linearizable";
  return `${result.reason}\nhistory of key ${JSON.stringify(result.key)}:\n${formatHistory(result.ops)}`;
}

function checkKey(key: string, subHistory: Operation[], maxStates: number): CheckResult {
  subHistory.sort(byInvocation);
  // A read with an unknown outcome changes nothing and matches anything: it constrains no
  // linearization, so leaving it out only makes the search smaller.
  const searched = subHistory.filter((op) => !(op.output === null && op.input.kind === "get"));
  const result = searchLinearization(kvModel, searched.map(toTimedOperation), { maxStates });
  switch (result.ok) {
    case true:
      return { ok: true };
    case false:
      return { ok: false, key, reason: explainViolation(key, searched, result), ops: subHistory };
    case "unknown":
      return {
        ok: "unknown",
        key,
        reason:
          `key ${JSON.stringify(key)}: search budget exhausted after ${result.statesExplored} states ` +
          `over ${searched.length} operations without deciding; raise maxStatesPerKey or shorten the history`,
        ops: subHistory,
      };
  }
}

function toTimedOperation(op: Operation): TimedOperation<KvInput, KvOutput> {
  // An unknown outcome stays open forever: the cluster may still apply the request after the
  // client gave up, so its completion time, if any was recorded, bounds nothing.
  const returnTime =
    op.output === null || op.completeTime === null ? Number.POSITIVE_INFINITY : op.completeTime;
  return { input: op.input, output: op.output, invokeTime: op.invokeTime, returnTime };
}

function explainViolation(
  key: string,
  searched: readonly Operation[],
  result: Extract<SearchResult<KvState>, { ok: false }>,
): string {
  const { order, state, blockedOp } = result.deepest;
  const name = (index: number): string => {
    const op = searched[index];
    return op === undefined ? `<op ${index}>` : formatOperation(op);
  };
  const shown = order.slice(-explainedPrefixMax);
  const lines = [
    `key ${JSON.stringify(key)} is not linearizable: no order of its ${searched.length} operations ` +
      `respects both real time and the sequential key-value model.`,
    `The deepest attempt linearized ${order.length} of them` +
      (order.length > shown.length ? ` (last ${shown.length} shown):` : order.length > 0 ? ":" : "."),
    ...shown.map((index) => `  ${name(index)}`),
    `leaving the key ${state === null ? "absent" : `= ${JSON.stringify(state)}`}; then this operation returned ` +
      `before it could be linearized:`,
    `  ${name(blockedOp)}`,
  ];
  return lines.join("\n");
}

function splitByKey(ops: readonly Operation[]): Map<string, Operation[]> {
  const byKey = new Map<string, Operation[]>();
  for (const op of ops) {
    const subHistory = byKey.get(op.key);
    if (subHistory === undefined) byKey.set(op.key, [op]);
    else subHistory.push(op);
  }
  return byKey;
}

function assertWellFormed(ops: readonly Operation[]): void {
  const ids = new Set<number>();
  for (const op of ops) {
    const problem = malformation(op, ids);
    if (problem !== null) throw new Error(`malformed history: ${problem}: ${formatOperation(op)}`);
    ids.add(op.id);
  }
}

function malformation(op: Operation, seenIds: ReadonlySet<number>): string | null {
  if (seenIds.has(op.id)) return `duplicate id ${op.id}`;
  if (!Number.isFinite(op.invokeTime)) return "invocation time is not a finite number";
  if (op.completeTime !== null && !(op.completeTime >= op.invokeTime)) {
    return "completes before it is invoked";
  }
  if (op.output === null) return null;
  if (op.completeTime === null) return "has an output but no completion time";
  if (op.output.kind !== op.input.kind) return `a ${op.input.kind} answered as a ${op.output.kind}`;
  return null;
}
