// Reconnecting to a member as soon as gossip sees it alive again. Both the Raft links
// (src/transport) and the forwarding channels (peer-clients.ts) back off after failed connects;
// the backoff is bounded, but a member gossip has just heard from is known to answer, so waiting
// out the rest of a backoff only delays its return: its replicas counting toward quorums and the
// requests forwarded through it.
import type { MemberState } from "../../api/kv-api.ts";
import type { Transport } from "../../transport/index.ts";
import type { ClusterContext } from "./context.ts";

export class PeerRevival {
  readonly #ctx: ClusterContext;
  readonly #transport: Transport;
  /** Member id → the gossip state seen at the last round. */
  readonly #seen = new Map<string, MemberState>();

  constructor(ctx: ClusterContext, transport: Transport) {
    this.#ctx = ctx;
    this.#transport = transport;
  }

  /** Compare each member's gossip state with the last round's; reconnect to those now alive. */
  round(): void {
    const { id, gossip, meta, peers } = this.#ctx;
    if (!gossip) return;
    for (const m of meta.sm.members()) {
      if (m.id === id) continue;
      const state = gossip.member(m.id)?.state;
      if (state === undefined) continue;
      const before = this.#seen.get(m.id);
      this.#seen.set(m.id, state);
      if (state !== "alive" || before === undefined || before === "alive") continue;
      this.#transport.reconnect?.(m.id);
      peers.reconnect?.(m.addr);
    }
  }
}
