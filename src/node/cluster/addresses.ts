// Where the other members are: every address this node has given its transport, learned from
// the meta group, the address book saved across restarts, join answers and peers' status. A
// leader we cannot address cannot hear our answers, so a missing address is looked up actively.
import type { MemberInfo } from "../../api/kv-api.ts";
import { NONE } from "../../raft/index.ts";
import type { Transport } from "../../transport/index.ts";
import type { NodeSettings } from "../config.ts";
import type { Clock } from "../host/clock.ts";
import type { Replica } from "../host/replica.ts";
import type { GossipPort } from "./gossip-keys.ts";
import type { PeerDirectory } from "./peer.ts";
import { Phase } from "./phase.ts";

export interface AddressesOptions {
  readonly id: string;
  readonly transport: Transport;
  readonly peers: PeerDirectory;
  readonly gossip: GossipPort | undefined;
  readonly clock: Clock;
  readonly settings: NodeSettings;
}

/** Looking up missing addresses: at most one round of status requests in flight. */
type RefreshPhase =
  | { readonly kind: "idle" }
  | { readonly kind: "refreshing"; readonly missing: readonly string[] };

export class Addresses {
  readonly #o: AddressesOptions;
  /** Member id → address, as given to the transport (never this node's own). */
  readonly #byId = new Map<string, string>();
  readonly #refresh = new Phase<RefreshPhase>(
    "address refresh",
    { kind: "idle" },
    { idle: ["refreshing"], refreshing: ["idle"] },
  );

  constructor(options: AddressesOptions) {
    this.#o = options;
  }

  /** Tell the transport (and gossip) where `id` is; a no-op when already known. */
  set(id: string, addr: string): void {
    if (id === this.#o.id || this.#byId.get(id) === addr) return;
    this.#byId.set(id, addr);
    this.#o.transport.setPeer(id, addr);
    this.#o.gossip?.addPeers([{ id, addr }]);
  }

  setAll(members: readonly MemberInfo[]): void {
    for (const m of members) this.set(m.id, m.addr);
  }

  /**
   * A replica here follows a leader whose address we do not know — a member that joined after
   * our meta replica fell behind, and our answers cannot reach it, so the meta log that would
   * teach us the address cannot either. Ask the members we do know for theirs.
   */
  learnMissing(replicas: Iterable<Replica>): void {
    if (!this.#refresh.is("idle")) return;
    const missing: string[] = [];
    for (const r of replicas) {
      const { leader } = r.raw.softState();
      if (leader !== NONE && leader !== this.#o.id && !this.#byId.has(leader)) missing.push(leader);
    }
    if (missing.length === 0) return;
    this.#refresh.become({ kind: "refreshing", missing });
    const { peers, clock, settings } = this.#o;
    const known = [...this.#byId.values()];
    void Promise.all(
      known.map((addr) =>
        peers
          .get(addr)
          .membership(clock.now() + settings.statusFanOutMs)
          .then((st) => this.setAll(st.members))
          .catch(() => {}),
      ),
    ).finally(() => this.#refresh.become({ kind: "idle" }));
  }
}
