// The sequential specification a linearizability search checks a history against.
//
// A model describes one object executed by one client at a time: from a state, an input and
// the output the client saw, it says whether that output is possible and what the next state
// is. The search (linearization-search.ts) only ever talks to this interface, so the same
// search checks the key-value store, a Raft log, or anything else with a sequential model.

export interface StepResult<State> {
  /** Whether `output` is a possible answer to the input in this state. */
  ok: boolean;
  /** The state after the input; only meaningful when `ok`. */
  next: State;
}

/**
 * States must be immutable values: the search keeps earlier states to backtrack to, and
 * memoizes them in a hash set.
 */
export interface SequentialModel<State, Input, Output> {
  init(): State;
  /**
   * Applies `input` to `state`. `output` is what the client saw, or null when the outcome is
   * unknown; a null output matches whatever the input would return, so `ok` must be true.
   */
  step(state: State, input: Input, output: Output | null): StepResult<State>;
  /**
   * True when this input, answered with this output, leaves unchanged every state in which it
   * fits (a read, a failed compare-and-set). The search then linearizes it as soon as it fits,
   * without branching. Answering false is always correct, only slower; an unknown output can
   * rarely be read-only, since the operation might have been a successful write.
   */
  isReadOnly(input: Input, output: Output | null): boolean;
  /**
   * True when this input, answered with this output, fits every state and leaves the same state
   * whatever the state was (a blind overwrite, such as a put). The search then never places it
   * right after an operation with an unknown outcome, whose effect it would erase unseen.
   * Answering false is always correct, only slower.
   */
  isBlind(input: Input, output: Output | null): boolean;
  equal(a: State, b: State): boolean;
  /** A 32-bit integer hash consistent with `equal`. */
  hash(state: State): number;
}
