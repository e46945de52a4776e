// What the collaborators of ClusterNode share, read-only: this node's identity and settings, its
// clock and logger, the multi-Raft host with the meta replica, the placement view, the peers and
// (optionally) gossip. Each collaborator owns its own mutable fields; none of them lives here.
import type { Logger } from "pino";
import type { NodeSettings } from "../config.ts";
import type { Clock } from "../host/clock.ts";
import type { MultiRaftHost } from "../host/host.ts";
import type { Replica } from "../host/replica.ts";
import type { ClusterView } from "../placement/cluster-view.ts";
import type { GossipPort } from "./gossip-keys.ts";
import type { PeerDirectory } from "./peer.ts";

export interface ClusterContext {
  readonly id: string;
  readonly settings: NodeSettings;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly host: MultiRaftHost;
  /** This node's replica of the meta group (members, cluster config). */
  readonly meta: Replica;
  readonly view: ClusterView;
  readonly peers: PeerDirectory;
  readonly gossip: GossipPort | undefined;
}
