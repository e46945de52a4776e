// The phase of one background duty, as data: a discriminated union whose transitions are
// declared up front and checked on every move, as etcd-io/raft's becomeCandidate/becomeLeader
// panic on an illegal role change. A duty in flight is a phase, not a boolean flag, so a reader
// sees every state the duty can be in and what may follow it; a move not in the table is a bug
// and throws with the duty, both phases and the current phase's data.

/** A phase: a `kind` tag plus whatever that phase carries (the member being evicted, …). */
export interface PhaseShape {
  readonly kind: string;
}

/** For each phase, the phases it may move to. */
export type Transitions<P extends PhaseShape> = { readonly [K in P["kind"]]: readonly P["kind"][] };

export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
}

export class Phase<P extends PhaseShape> {
  readonly #duty: string;
  readonly #transitions: Transitions<P>;
  #current: P;

  constructor(duty: string, initial: P, transitions: Transitions<P>) {
    this.#duty = duty;
    this.#current = initial;
    this.#transitions = transitions;
  }

  get current(): P {
    return this.#current;
  }

  is(kind: P["kind"]): boolean {
    return this.#current.kind === kind;
  }

  /** Move to `next`; throws IllegalTransitionError if the table does not allow it. */
  become(next: P): void {
    const from = this.#current;
    const allowed: readonly string[] = this.#transitions[from.kind as P["kind"]];
    if (!allowed.includes(next.kind)) {
      throw new IllegalTransitionError(
        `${this.#duty}: illegal transition ${from.kind} → ${next.kind} (in ${JSON.stringify(from)}; ` +
          `${from.kind} may become ${allowed.join(", ") || "nothing"})`,
      );
    }
    this.#current = next;
  }
}
