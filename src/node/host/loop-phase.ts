// The phase of the host's Ready loop, one at a time, with its transitions checked (as etcd's
// becomeLeader/becomeCandidate panic on an illegal one): the host relies on at most one pass
// running at a time (two would hand out, persist and advance Readies out of order) and on none
// starting once stop() was called.
//
//   idle ──begin──▶ running ──end──▶ idle
//    │                 │
//  close             close
//    ▼                 ▼
//  closed ◀──end─── stopping        (close is idempotent; closed is final)
import { invariant } from "../../invariant.ts";

export type LoopPhaseName = "idle" | "running" | "stopping" | "closed";

export class LoopPhase {
  #name: LoopPhaseName = "idle";

  get name(): LoopPhaseName {
    return this.#name;
  }

  /** stop() was called: no pass may start, the running one (if any) finishes its pass. */
  get closing(): boolean {
    return this.#name === "stopping" || this.#name === "closed";
  }

  /** A pass starts. Only from idle: at most one runs at a time, none after close. */
  begin(): void {
    invariant(this.#name === "idle", "at most one Ready loop runs at a time, none after stop", {
      phase: this.#name,
    });
    this.#name = "running";
  }

  /** The running loop returned. */
  end(): void {
    invariant(this.#name === "running" || this.#name === "stopping", "a Ready loop ends only if one ran", {
      phase: this.#name,
    });
    this.#name = this.#name === "running" ? "idle" : "closed";
  }

  close(): void {
    if (this.#name === "idle") this.#name = "closed";
    else if (this.#name === "running") this.#name = "stopping";
  }
}
