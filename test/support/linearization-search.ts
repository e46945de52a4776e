// A search for a linearization of one object's history, generic over its sequential model.
//
// The algorithm is Wing & Gong's backtracking search with Lowe's refinements, as Porcupine
// does it:
//
// - The history becomes one list of call and return events ordered by time. The search walks
//   it from the front. At a call it tries to linearize that operation now: if the model accepts
//   the operation's output in the current state, the operation's call and return are lifted
//   out of the list and the walk restarts from the front with the new state. At a return it
//   has met an operation that finished before being linearized, so the last choice was wrong:
//   it backtracks (unlifts the last linearized operation, restores the state) and tries the
//   next call after it. Only operations whose call precedes every pending return are ever
//   candidates, which is "just-in-time" linearization: the real-time order is never violated
//   and never checked separately.
// - Every configuration reached, (set of linearized operations, model state), goes into a hash
//   set (configuration-set.ts). Reaching one again means its whole subtree was already explored
//   (and failed, or we would have stopped), so it is pruned. This turns an exponential search
//   into one that is usually close to linear in the history length.
// - Three additions of ours. The read rule (see #startConfiguration): an operation that
//   changes no state is linearized as soon as it fits, without branching. Two rules for
//   operations with an unknown outcome, which never returned and so are ordered before nothing:
//   the no-op rule, such an operation is never linearized where it would leave the state as it
//   is (a CAS whose expectation fails); and the blind rule, a blind overwrite (a put, see
//   SequentialModel.isBlind) is never linearized right after such an operation. In both cases
//   the unknown operation can as well go last: every other operation sees the same states
//   (a blind overwrite answers and leaves the same whatever it overwrote). So the search stops
//   as soon as every operation with a known outcome is linearized, the unknown ones left going
//   last, and whether the last operation linearized had an unknown outcome is part of a
//   configuration (it restricts what may come next). Linearizations exist that obey all three
//   rules whenever any exists, since moving such operations as described keeps one valid.
//
// The search stays exponential in the worst case: the number of configurations grows with the
// number of operations in flight at once on the object. A history whose key sees a handful of
// concurrent clients is cheap; one with dozens concurrent on one key may exhaust the budget.
//
// An operation with an unknown outcome has its return at +∞ and a null output that matches
// anything, so it may be linearized anywhere after its call, including after every other
// operation, which is indistinguishable from "it never took effect". Each one the search may
// linearize or not doubles the (linearized set, state) configurations the memo tells apart.
// Simulator seed 2040259 had 24 writes on one key time out during an outage (puts, and CASes
// on a stale expectation), then a read that pinned one of them: the search went past a million
// configurations without deciding. With the no-op rule it decided after 79,056; with the blind
// rule too, after 457.
//
// Events at equal times: a call sorts before a return at the same time. Two operations that
// touch at one instant are therefore concurrent, never ordered. That can only accept more
// histories, never reject a correct one, which is the safe side when timestamps come from a
// coarse or shared clock.

import { ConfigurationSet, LinearizedSet } from "./configuration-set.ts";
import type { SequentialModel } from "./model.ts";

export interface TimedOperation<Input, Output> {
  input: Input;
  /** null = unknown outcome; such an operation must have `returnTime: Infinity`. */
  output: Output | null;
  invokeTime: number;
  returnTime: number;
}

export interface SearchOptions {
  /** The most distinct configurations to remember before giving up; bounds memory and time. */
  maxStates: number;
}

/** Operations are named by their index in the searched array. */
export type SearchResult<State> =
  | { ok: true; statesExplored: number; order: number[] }
  | { ok: false; statesExplored: number; deepest: DeepestAttempt<State> }
  | { ok: "unknown"; statesExplored: number };

/**
 * The furthest the search got before every branch failed: the operations it had linearized,
 * the state they led to, and the operation that then returned before it could be linearized.
 * The blocked operation is usually the one that saw something impossible.
 */
export interface DeepestAttempt<State> {
  order: number[];
  state: State;
  blockedOp: number;
}

interface Links<Input, Output> {
  prev: Entry<Input, Output> | null;
  next: Entry<Input, Output> | null;
}

interface CallEntry<Input, Output> extends Links<Input, Output> {
  kind: "call";
  index: number;
  time: number;
  operation: TimedOperation<Input, Output>;
  /** See SequentialModel.isReadOnly; decided once per operation. */
  readOnly: boolean;
  /** See SequentialModel.isBlind; decided once per operation. */
  blind: boolean;
  /** Its bit in the linearized set: known outcomes in invocation order, then unknown ones. */
  bit: number;
  ret: ReturnEntry<Input, Output>;
}

interface ReturnEntry<Input, Output> extends Links<Input, Output> {
  kind: "return";
  index: number;
  time: number;
}

interface HeadEntry<Input, Output> extends Links<Input, Output> {
  kind: "head";
}

type Entry<Input, Output> = CallEntry<Input, Output> | ReturnEntry<Input, Output> | HeadEntry<Input, Output>;

interface Frame<State, Input, Output> {
  call: CallEntry<Input, Output>;
  stateBefore: State;
  /** Linearized by the read rule: if it leads nowhere, neither does the configuration before it. */
  forced: boolean;
}

export function searchLinearization<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  ops: readonly TimedOperation<Input, Output>[],
  options: SearchOptions,
): SearchResult<State> {
  return new LinearizationSearch(model, ops).run(options.maxStates);
}

/**
 * One search over one history. A configuration is the set of linearized operations (lifted out
 * of the event list, recorded in `#linearized`) plus the model state they lead to.
 */
class LinearizationSearch<State, Input, Output> {
  readonly #model: SequentialModel<State, Input, Output>;
  readonly #head: HeadEntry<Input, Output>;
  readonly #linearized: LinearizedSet;
  readonly #seen: ConfigurationSet<State>;
  readonly #stack: Frame<State, Input, Output>[] = [];
  #state: State;
  #deepest: DeepestAttempt<State> | null = null;
  /** Operations with a known outcome not linearized yet; at zero the search has succeeded. */
  #knownLeft: number;

  constructor(model: SequentialModel<State, Input, Output>, ops: readonly TimedOperation<Input, Output>[]) {
    this.#model = model;
    const openBits = ops.filter((op) => op.output === null).length;
    this.#linearized = new LinearizedSet({ knownBits: ops.length - openBits, openBits });
    this.#head = buildEventList(ops, model, this.#linearized);
    this.#seen = new ConfigurationSet(model);
    this.#state = model.init();
    this.#knownLeft = ops.length - openBits;
  }

  run(maxStates: number): SearchResult<State> {
    let cursor = this.#startConfiguration();
    // Once only unknown outcomes are left, they go last, in invocation order (see the header).
    while (this.#knownLeft > 0) {
      if (this.#seen.size > maxStates) return { ok: "unknown", statesExplored: this.#seen.size };
      if (cursor === null) {
        return { ok: false, statesExplored: this.#seen.size, deepest: this.#deepestAttempt() };
      }
      if (cursor.kind === "call") {
        // Read-only operations that fit were all taken by #startConfiguration; the rest cannot fit.
        const { ok, next } = cursor.readOnly ? { ok: false, next: this.#state } : this.#step(cursor);
        const useful =
          ok &&
          !(cursor.operation.output === null && this.#model.equal(next, this.#state)) &&
          !(cursor.blind && this.#afterUnknown());
        cursor =
          useful && this.#enter(cursor, next, false) ? this.#startConfiguration() : followingEntry(cursor);
      } else {
        // An operation returned before we linearized it: the choices on the stack are wrong.
        if (cursor.kind === "return") this.#noteDeepest(cursor);
        cursor = this.#backtrack();
      }
    }
    const order = this.#stack.map((frame) => frame.call.index);
    for (let entry = this.#head.next; entry !== null; entry = entry.next) {
      if (entry.kind === "call") order.push(entry.index);
    }
    return { ok: true, statesExplored: this.#seen.size, order };
  }

  /**
   * Called on reaching a configuration for the first time; returns where to scan from, or null
   * if the search is over. First applies the read rule: a read-only operation that may be
   * linearized now, and fits the state, is linearized now without considering alternatives.
   * That loses nothing: in any linearization that places it later, it can be moved here, since
   * every operation that returned before its invocation is already linearized (it is callable),
   * and moving an operation that changes no state leaves what every other operation sees alone.
   * Without this rule, k concurrent reads of one value would multiply configurations by 2^k.
   */
  #startConfiguration(): Entry<Input, Output> | null {
    for (;;) {
      const read = this.#fittingRead();
      if (read === null) return this.#head.next;
      // Seen before means explored and failed; by the read rule so has this configuration.
      if (!this.#enter(read.call, read.next, true)) return this.#backtrack();
    }
  }

  #fittingRead(): { call: CallEntry<Input, Output>; next: State } | null {
    for (let entry = this.#head.next; entry !== null && entry.kind === "call"; entry = entry.next) {
      if (!entry.readOnly) continue;
      const { ok, next } = this.#step(entry);
      if (ok) return { call: entry, next };
    }
    return null;
  }

  /** Whether the last operation linearized has an unknown outcome (see the blind rule). */
  #afterUnknown(): boolean {
    return this.#stack.at(-1)?.call.operation.output === null;
  }

  #step(call: CallEntry<Input, Output>): { ok: boolean; next: State } {
    return this.#model.step(this.#state, call.operation.input, call.operation.output);
  }

  /** Linearizes `call` next, unless that configuration was already explored. */
  #enter(call: CallEntry<Input, Output>, next: State, forced: boolean): boolean {
    this.#linearized.toggle(call.bit);
    // What may come next depends on whether `call` has an unknown outcome (the blind rule), so
    // that is part of the configuration.
    if (!this.#seen.addIfAbsent(this.#linearized, next, call.operation.output === null)) {
      this.#linearized.toggle(call.bit);
      return false;
    }
    this.#stack.push({ call, stateBefore: this.#state, forced });
    if (call.operation.output !== null) this.#knownLeft--;
    this.#state = next;
    lift(call);
    return true;
  }

  /** Undoes linearizations up to the last real choice; returns where to resume scanning, or null if none is left. */
  #backtrack(): Entry<Input, Output> | null {
    for (;;) {
      const frame = this.#stack.pop();
      if (frame === undefined) return null;
      this.#state = frame.stateBefore;
      this.#linearized.toggle(frame.call.bit);
      if (frame.call.operation.output !== null) this.#knownLeft++;
      unlift(frame.call);
      if (!frame.forced) return followingEntry(frame.call);
    }
  }

  #noteDeepest(blocked: ReturnEntry<Input, Output>): void {
    if (this.#deepest === null || this.#stack.length > this.#deepest.order.length) {
      const order = this.#stack.map((frame) => frame.call.index);
      this.#deepest = { order, state: this.#state, blockedOp: blocked.index };
    }
  }

  #deepestAttempt(): DeepestAttempt<State> {
    // The first failure of any search is an operation returning unlinearized; dead ends found
    // through the configuration set only repeat earlier failures.
    if (this.#deepest === null) throw new Error("linearization search: failed without a blocked operation");
    return this.#deepest;
  }
}

/** Builds the doubly linked, time-ordered list of call and return events behind a head sentinel. */
function buildEventList<Input, Output>(
  ops: readonly TimedOperation<Input, Output>[],
  model: Pick<SequentialModel<unknown, Input, Output>, "isReadOnly" | "isBlind">,
  linearized: LinearizedSet,
): HeadEntry<Input, Output> {
  const events: (CallEntry<Input, Output> | ReturnEntry<Input, Output>)[] = [];
  ops.forEach((operation, index) => {
    if (!(operation.returnTime >= operation.invokeTime)) {
      throw new Error(`linearization search: op ${index} returns (${operation.returnTime}) before its call`);
    }
    if (operation.output === null && operation.returnTime !== Number.POSITIVE_INFINITY) {
      throw new Error(`linearization search: op ${index} has an unknown outcome but a finite return time`);
    }
    const ret: ReturnEntry<Input, Output> = {
      kind: "return",
      index,
      time: operation.returnTime,
      prev: null,
      next: null,
    };
    events.push(ret, {
      kind: "call",
      index,
      time: operation.invokeTime,
      operation,
      readOnly: model.isReadOnly(operation.input, operation.output),
      blind: model.isBlind(operation.input, operation.output),
      bit: -1,
      ret,
      prev: null,
      next: null,
    });
  });
  // Comparisons rather than subtraction: Infinity - Infinity is NaN.
  events.sort((a, b) => {
    if (a.time !== b.time) return a.time < b.time ? -1 : 1;
    if (a.kind !== b.kind) return a.kind === "call" ? -1 : 1;
    return a.index - b.index;
  });
  const head: HeadEntry<Input, Output> = { kind: "head", prev: null, next: null };
  let last: Entry<Input, Output> = head;
  let knownCount = 0;
  let openCount = 0;
  for (const event of events) {
    if (event.kind === "call") {
      event.bit = event.operation.output === null ? linearized.openBit(openCount++) : knownCount++;
    }
    event.prev = last;
    last.next = event;
    last = event;
  }
  return head;
}

/**
 * The entry after `entry`. A call always has its own return somewhere after it while it is in
 * the list, so running off the end here would mean the list is corrupt.
 */
function followingEntry<Input, Output>(entry: CallEntry<Input, Output>): Entry<Input, Output> {
  if (entry.next === null) throw new Error("linearization search: a call is the last event in the list");
  return entry.next;
}

function lift<Input, Output>(call: CallEntry<Input, Output>): void {
  unlink(call);
  unlink(call.ret);
}

/** Undoes `lift`; lifts must be undone in reverse order, which the search's stack guarantees. */
function unlift<Input, Output>(call: CallEntry<Input, Output>): void {
  relink(call.ret);
  relink(call);
}

// Dancing links: an unlinked entry keeps its own prev/next, so relinking it is O(1).
function unlink<Input, Output>(entry: CallEntry<Input, Output> | ReturnEntry<Input, Output>): void {
  if (entry.prev === null) throw new Error("linearization search: unlinking an entry with no predecessor");
  entry.prev.next = entry.next;
  if (entry.next !== null) entry.next.prev = entry.prev;
}

function relink<Input, Output>(entry: CallEntry<Input, Output> | ReturnEntry<Input, Output>): void {
  if (entry.prev === null) throw new Error("linearization search: relinking an entry with no predecessor");
  entry.prev.next = entry;
  if (entry.next !== null) entry.next.prev = entry;
}
