// Evicting dead members, on the meta leader: a member gossip has called dead for longer than
// deadMemberTimeoutMs is treated as gone — marked leaving, so placement stops counting it and
// every shard it held is re-replicated onto the others (and membership.ts finishes its leave
// once none holds it). If it comes back later it finds itself removed and stops.
import { toRingkvError } from "../../api/errors.ts";
import type { ClusterContext } from "./context.ts";
import { Phase } from "./phase.ts";
import type { Proposer } from "./proposer.ts";

type EvictionPhase =
  | { readonly kind: "watching" }
  /** One eviction proposed at a time, on the meta leader. */
  | { readonly kind: "evicting"; readonly member: string };

export class Eviction {
  readonly #ctx: ClusterContext;
  readonly #proposer: Proposer;
  /** Member → when this node first saw gossip call it dead (cleared when it is alive again). */
  readonly #deadSince = new Map<string, number>();
  readonly #phase = new Phase<EvictionPhase>(
    "eviction",
    { kind: "watching" },
    { watching: ["evicting"], evicting: ["watching"] },
  );

  constructor(ctx: ClusterContext, proposer: Proposer) {
    this.#ctx = ctx;
    this.#proposer = proposer;
  }

  round(): void {
    const { id, gossip, clock, meta, settings, logger } = this.#ctx;
    if (!gossip) return;
    const now = clock.now();
    for (const m of meta.sm.members()) {
      const state = gossip.member(m.id)?.state;
      if (state === "dead") {
        if (!this.#deadSince.has(m.id)) this.#deadSince.set(m.id, now);
      } else {
        this.#deadSince.delete(m.id);
      }
    }
    if (!this.#phase.is("watching") || !meta.isLeader()) return;
    const active = meta.sm.members().filter((m) => !m.leaving);
    const overdue = active.find((m) => {
      const since = this.#deadSince.get(m.id);
      return m.id !== id && since !== undefined && now - since >= settings.deadMemberTimeoutMs;
    });
    // Never evict down to nothing: the last active member stays whatever gossip says.
    if (!overdue || active.length <= 1) return;
    this.#phase.become({ kind: "evicting", member: overdue.id });
    const deadMs = now - (this.#deadSince.get(overdue.id) ?? now);
    logger.warn({ member: overdue.id, deadMs }, "member dead too long: re-replicating its shards");
    this.#proposer
      .propose(meta, { setMember: { ...overdue, leaving: true } })
      .catch((e: unknown) => logger.warn({ err: toRingkvError(e).message }, "evicting a dead member failed"))
      .finally(() => this.#phase.become({ kind: "watching" }));
  }
}
