// How a node is started: the `ringkv start` flags, as data.

import type { PeerIdentity } from "./auth/index.ts";
import type { NodeTlsOptions } from "./tls/node-tls.ts";

/** Token authentication (src/node/auth). */
export interface NodeAuthOptions {
  /** The token file (`--auth-file`), read at start and again by RingkvNode.reloadAuth(). */
  readonly file: string;
  /**
   * The token this node presents on its own calls to peers (joins, forwarding, status): an admin
   * token of the cluster's token file. Needed until peers are proven by certificates.
   */
  readonly peerToken?: string;
  /** Who a verified peer certificate names (the TLS layer's); nobody by default. */
  readonly peerIdentity?: PeerIdentity;
}

export interface NodeOptions {
  /** Stable node id, e.g. "n1". */
  readonly id: string;
  /** gRPC listen address HOST:PORT (client API and peer traffic share it). */
  readonly listen: string;
  /**
   * The gRPC address the other nodes and clients are told to use (default: listen). Differs from
   * listen behind a NAT or a proxy — the fault-injection tests put a proxy here.
   */
  readonly advertise?: string;
  /** HTTP listen address HOST:PORT, or undefined for none. */
  readonly http?: string;
  /**
   * The HTTP address other nodes and clients are told to use (default: http): members' `http` in
   * status and the status page's links. Differs from http behind a NAT, a proxy or 0.0.0.0.
   */
  readonly advertiseHttp?: string;
  /** Data directory: write-ahead log, snapshots, lock file. */
  readonly dataDir: string;
  /** Create a new cluster with this node as its only member. */
  readonly bootstrap?: { readonly shards?: number; readonly replicas?: number };
  /** Ask one of these members (HOST:PORT, tried in turn) to add this node. */
  readonly join?: readonly string[];
  /** Certificates and keys (src/node/tls/node-tls.ts); none: plaintext, on loopback only. */
  readonly tls?: NodeTlsOptions;
  /** Serve plaintext on a non-loopback address anyway (refused without it). */
  readonly insecure?: boolean;
  /** pino level; default "info". */
  readonly logLevel?: string;
  /** Token authentication; off (every route open to anyone who can reach it) when absent. */
  readonly auth?: NodeAuthOptions;
}
