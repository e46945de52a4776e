// The one assertion helper of ringkv, for every layer: the pure cores (raft, ring, gossip), the
// wire contract, storage, transport, the node and the client all import it from here. It sits
// at the bottom of src/ and imports nothing, so no layer has to reach up or sideways for it.
//
// A broken invariant is a bug, never bad input (bad input gets the module's typed error): crash
// loudly with the values involved rather than go on with corrupt state (STYLE.md habit 6).
// Assertions stay on in production; keep the message and context lazy on hot paths so a
// holding invariant costs one comparison.

/** The values an invariant was checked on, logged with the crash: indexes, ids, counts. */
export type InvariantContext = Readonly<Record<string, string | number | bigint | boolean | null>>;

/** Thrown when an invariant does not hold. Never caught to recover: it reaches onFatal. */
export class InvariantError extends Error {
  /** The stable code the node logs and maps ("Internal" on the wire, if it ever gets there). */
  readonly code = "InvariantViolated";
  readonly context: InvariantContext;

  constructor(message: string, context: InvariantContext = {}) {
    super(Object.keys(context).length === 0 ? message : `${message} ${JSON.stringify(context, bigints)}`);
    this.name = "InvariantError";
    this.context = context;
  }
}

function bigints(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * Assert that `condition` holds; otherwise throw an InvariantError with `message` and `context`.
 * Either may be a function, called only on failure.
 */
export function invariant(
  condition: boolean,
  message: string | (() => string),
  context?: InvariantContext | (() => InvariantContext),
): asserts condition {
  if (condition) return;
  throw new InvariantError(
    typeof message === "string" ? message : message(),
    typeof context === "function" ? context() : context,
  );
}
