// Client histories of the key-value store, in the shape the linearizability checker reads.
//
// A history lists the operations clients issued, each with the interval in which it was in
// flight: from the moment the client sent it (invokeTime) to the moment the client saw its
// answer (completeTime). An operation whose answer never arrived (timeout, lost connection,
// crashed node) has an unknown outcome: the cluster may have applied it, possibly long after
// the client gave up, or never.
//
// Harness contract: every value written (by put or cas) is unique across the whole history.
// A read then names the one write it observed, and CAS can compare values instead of the
// store's per-key versions: the harness maps the version it read back to the unique value it
// read, so "current value === expect" holds exactly when "current version === ifVersion" does.

/** What a client asked for, on one key. `cas` with `expect: null` means create-only. */
export type KvInput =
  | { kind: "put"; value: string }
  | { kind: "get" }
  | { kind: "cas"; expect: string | null; value: string }
  | { kind: "del" };

/** What the client saw come back. `get` returns null for an absent key. */
export type KvOutput =
  | { kind: "put" }
  | { kind: "get"; value: string | null }
  | { kind: "cas"; ok: boolean }
  | { kind: "del"; existed: boolean };

export interface Operation {
  /** Unique within a history; only used to name operations in reports. */
  id: number;
  /** Which client issued it; only used in reports (a client may abandon a timed-out call). */
  client: number;
  key: string;
  input: KvInput;
  /** null = unknown outcome: the operation may or may not have taken effect. */
  output: KvOutput | null;
  invokeTime: number;
  /** null = never completed (unknown outcome). */
  completeTime: number | null;
}

/**
 * Records a history as clients run. Time comes from the injected clock, so the simulator
 * records simulated time and process tests record `performance.now()`; the clock must never
 * go backwards. Operations still in flight when `operations()` is called appear with an
 * unknown outcome, which is exactly what they are at that point.
 */
export class HistoryRecorder {
  readonly #now: () => number;
  readonly #ops: Operation[] = [];
  readonly #inFlight = new Set<number>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Notes that `client` sent `input` on `key`; returns the id to resolve it with. */
  invoke(client: number, key: string, input: KvInput): number {
    const id = this.#ops.length;
    this.#ops.push({ id, client, key, input, output: null, invokeTime: this.#now(), completeTime: null });
    this.#inFlight.add(id);
    return id;
  }

  /** Notes that the client saw `output` for operation `id`. */
  complete(id: number, output: KvOutput): void {
    const op = this.#inFlightOp(id, "complete");
    if (output.kind !== op.input.kind) {
      throw new Error(`HistoryRecorder: op ${id} is a ${op.input.kind} but completed as a ${output.kind}`);
    }
    const completeTime = this.#now();
    if (completeTime < op.invokeTime) {
      throw new Error(`HistoryRecorder: clock went backwards (op ${id}: ${op.invokeTime} → ${completeTime})`);
    }
    this.#inFlight.delete(id);
    op.output = output;
    op.completeTime = completeTime;
  }

  /** Notes that the client gave up on operation `id`: its outcome stays unknown forever. */
  timeout(id: number): void {
    this.#inFlight.delete(this.#inFlightOp(id, "timeout").id);
  }

  /** A snapshot of the history so far, in invocation order. */
  operations(): Operation[] {
    return this.#ops.map((op) => ({ ...op }));
  }

  #inFlightOp(id: number, verb: string): Operation {
    const op = this.#ops[id];
    if (op === undefined || !this.#inFlight.has(id)) {
      // Resolving an op twice, or one never invoked, is a harness bug that would corrupt the
      // history silently; stop here instead.
      throw new Error(`HistoryRecorder: ${verb}(${id}) but op ${id} is not in flight`);
    }
    return op;
  }
}

/** One line, e.g. `#7 c2 [12, 19] "k" cas("v3" → "v7") → ok`. */
export function formatOperation(op: Operation): string {
  return operationCells(op).join(" ");
}

/**
 * A printable rendering of a history, one aligned line per operation in invocation order, so a
 * failing simulation can show what the checker saw. Unknown outcomes print as `[t, ∞)` and `?`.
 */
export function formatHistory(ops: readonly Operation[]): string {
  const rows = [...ops].sort(byInvocation).map(operationCells);
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))),
    )
    .map((row) => row.join("  "))
    .join("\n");
}

/** Invocation time, then id: the order histories are reported in. */
export function byInvocation(a: Operation, b: Operation): number {
  return a.invokeTime - b.invokeTime || a.id - b.id;
}

function operationCells(op: Operation): string[] {
  const interval =
    op.output === null || op.completeTime === null
      ? `[${formatTime(op.invokeTime)}, ∞)`
      : `[${formatTime(op.invokeTime)}, ${formatTime(op.completeTime)}]`;
  return [
    `#${op.id}`,
    `c${op.client}`,
    interval,
    JSON.stringify(op.key),
    formatInput(op.input),
    "→",
    formatOutput(op.output),
  ];
}

function formatTime(time: number): string {
  return Number.isInteger(time) ? String(time) : time.toFixed(3);
}

function formatValue(value: string | null): string {
  return value === null ? "absent" : JSON.stringify(value);
}

function formatInput(input: KvInput): string {
  switch (input.kind) {
    case "put":
      return `put(${formatValue(input.value)})`;
    case "get":
      return "get()";
    case "cas":
      return `cas(${formatValue(input.expect)} → ${formatValue(input.value)})`;
    case "del":
      return "del()";
  }
}

function formatOutput(output: KvOutput | null): string {
  if (output === null) return "? (unknown outcome)";
  switch (output.kind) {
    case "put":
      return "ok";
    case "get":
      return formatValue(output.value);
    case "cas":
      return output.ok ? "ok" : "failed";
    case "del":
      return output.existed ? "existed" : "absent";
  }
}
