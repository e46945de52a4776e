// Where transport security plugs into authorization: a PeerIdentity tells, from what the TLS
// handshake proved, which cluster node a gRPC call comes from. A call it names passes every
// check (access.ts), so nodes need no token once their certificates are verified. Without TLS
// there is nothing to prove a peer, and NO_PEER_IDENTITY names nobody.

/** grpc-js's per-call AuthContext (not exported by its index), as far as identity needs it. */
export interface TransportAuthContext {
  readonly transportSecurityType?: string;
  readonly sslPeerCertificate?: {
    /** The certificate's DER bytes, to check who signed it. */
    readonly raw?: Buffer;
    readonly subject?: Readonly<Record<string, unknown>>;
    readonly subjectaltname?: string;
  };
}

/** The node id the call's transport proves (a peer certificate from the cluster CA), or null. */
export type PeerIdentity = (context: TransportAuthContext) => string | null;

export const NO_PEER_IDENTITY: PeerIdentity = () => null;
