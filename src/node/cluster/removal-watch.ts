// Discovering this node's own removal from the cluster. Its meta replica may never learn of it:
// the leader stops sending to a removed member, and a member removed while it was down (a leave
// of a crashed node) comes back with the old list. So besides watching its own meta replica, it
// asks one member at a time — every tick while it is leaving, every membershipCheckTicks
// otherwise — whether a meta state at least as new as its own still lists it.
import type { ClusterContext } from "./context.ts";
import { Phase } from "./phase.ts";

type WatchPhase =
  | { readonly kind: "idle" }
  | { readonly kind: "asking"; readonly peer: string; readonly epoch: number }
  /** Terminal: onRemoved was called. */
  | { readonly kind: "removed" };

export class RemovalWatch {
  readonly #ctx: ClusterContext;
  readonly #onRemoved: (whileDown: boolean) => void;
  readonly #phase = new Phase<WatchPhase>(
    "removal watch",
    { kind: "idle" },
    { idle: ["asking", "removed"], asking: ["idle", "removed"], removed: [] },
  );
  /** This node's own meta replica has listed it (so vanishing from it means removal). */
  #everMember = false;
  /** The placement epoch of this node's join, from the join's answer (0: unknown). */
  #joinEpoch = 0;
  /** Which of the other members to ask next (round robin). */
  #nextPeer = 0;
  /**
   * This process saw its own member record first active, then marked leaving: a removal it was
   * up for. A record already leaving when this process started (it stopped before the removal
   * reached it) is not one: its data is as stale as after a removal while down.
   */
  #sawOwnLeave = false;
  /** This process saw its own member record listed and not leaving. */
  #sawSelfActive = false;

  /**
   * `onRemoved(whileDown)`: `whileDown` when this process never saw its leave start, so the
   * removal (a leave or a dead-member eviction) happened while it was down and its data is stale.
   */
  constructor(ctx: ClusterContext, onRemoved: (whileDown: boolean) => void) {
    this.#ctx = ctx;
    this.#onRemoved = onRemoved;
  }

  /** This node's join was confirmed at placement epoch `epoch` (a join answer, or the book). */
  joined(epoch: number): void {
    this.#joinEpoch = epoch;
  }

  /** The meta replica applied a new epoch: is this node on its member list? */
  observeMeta(listed: boolean): void {
    if (listed) this.#everMember = true;
    if (this.#everMember && !listed && this.#ctx.meta.applied > 0) this.#markRemoved();
  }

  /** This node's own member record is listed and not leaving. */
  sawSelfActive(): void {
    this.#sawSelfActive = true;
  }

  /** This node's own member record is marked leaving (a leave or eviction it is up for). */
  sawOwnLeave(): void {
    if (this.#sawSelfActive) this.#sawOwnLeave = true;
  }

  /** Ask the next member whether this node is still listed (one question at a time). */
  check(): void {
    if (!this.#phase.is("idle")) return;
    if (!this.#everMember && this.#joinEpoch === 0) return; // not known to have joined yet
    const { id, meta, peers, clock, settings } = this.#ctx;
    const others = meta.sm.members().filter((m) => m.id !== id);
    const peer = others[this.#nextPeer++ % Math.max(1, others.length)];
    if (!peer) return;
    const epoch = Math.max(meta.epoch, this.#joinEpoch);
    this.#phase.become({ kind: "asking", peer: peer.id, epoch });
    void peers
      .get(peer.addr)
      .membership(clock.now() + settings.statusFanOutMs)
      .then((st) => {
        if (st.epoch >= epoch && !st.members.some((x) => x.id === id)) this.#markRemoved();
      })
      .catch(() => {}) // unreachable: ask another next time
      .finally(() => {
        if (this.#phase.is("asking")) this.#phase.become({ kind: "idle" });
      });
  }

  #markRemoved(): void {
    if (this.#phase.is("removed")) return;
    this.#phase.become({ kind: "removed" });
    this.#ctx.logger.info("removed from the cluster");
    this.#onRemoved(!this.#sawOwnLeave);
  }
}
