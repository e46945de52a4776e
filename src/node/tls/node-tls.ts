// A node's TLS: the certificate its gRPC and HTTP ports present to clients (--cert/--key), the CA
// that signed client certificates (--ca, required of every caller with --client-cert-auth), and
// its peer identity (--peer-cert/--peer-key, signed by the cluster's peer CA --peer-ca).
//
// Clients and peers share the one gRPC port (docs/api.md, "TLS"). The port asks every caller for
// a certificate and trusts both CAs in the handshake; with --client-cert-auth a caller without a
// certificate from either CA is refused there. The peer-only RPCs (Raft, gossip, forwarding,
// Join, Leave) additionally need a certificate signed by the peer CA: the guard below checks it
// when the call's headers arrive, before the first message is read, and answers Unauthenticated.
// Peers dial each other presenting their peer certificate and check the server's certificate
// against --ca, as any client does: the server certificate is the node's one identity on the port.

import { X509Certificate } from "node:crypto";
import type { ServerOptions as HttpsServerOptions } from "node:https";
import * as grpc from "@grpc/grpc-js";
import { RingkvError } from "../../api/errors.ts";
import { CODE_METADATA_KEY } from "../../api/grpc-status.ts";
import {
  type CredentialPath,
  issuedBy,
  type LoadedCaBundle,
  type LoadedKeyPair,
  loadCaBundle,
  loadKeyPair,
} from "./credential-files.ts";

/** The TLS paths of `ringkv start`, as given (flags, env or config file). */
export interface NodeTlsOptions {
  readonly cert?: string;
  readonly key?: string;
  readonly ca?: string;
  /** Refuse, in the handshake, callers without a certificate from --ca or --peer-ca. */
  readonly clientCertAuth?: boolean;
  readonly peerCert?: string;
  readonly peerKey?: string;
  readonly peerCa?: string;
}

/** Why a peer-only call was refused, for the node's log. */
export interface PeerRefusal {
  readonly method: string;
  /** The caller's address as gRPC reports it. */
  readonly peer: string;
  readonly reason: string;
}

function path(flag: string, value: string | undefined): CredentialPath | null {
  return value === undefined ? null : { path: value, flag };
}

function pairOf(certFlag: string, cert: string | undefined, keyFlag: string, key: string | undefined) {
  const c = path(certFlag, cert);
  const k = path(keyFlag, key);
  if ((c === null) !== (k === null)) {
    throw new RingkvError("InvalidArgument", `${c ? certFlag : keyFlag} needs ${c ? keyFlag : certFlag}`);
  }
  return c && k ? loadKeyPair(c, k) : null;
}

/** A node's TLS material, loaded and checked; null from load() when the node runs plaintext. */
export class NodeTls {
  readonly #server: LoadedKeyPair;
  readonly #ca: LoadedCaBundle | null;
  readonly #clientCertAuth: boolean;
  readonly #peer: { readonly pair: LoadedKeyPair; readonly ca: LoadedCaBundle } | null;

  private constructor(
    server: LoadedKeyPair,
    ca: LoadedCaBundle | null,
    clientCertAuth: boolean,
    peer: { readonly pair: LoadedKeyPair; readonly ca: LoadedCaBundle } | null,
  ) {
    this.#server = server;
    this.#ca = ca;
    this.#clientCertAuth = clientCertAuth;
    this.#peer = peer;
  }

  /**
   * Read and check every file; refuses (InvalidArgument, exit 2) a half-given pair, an option
   * that needs another, and any unusable file, naming the flag and the path.
   */
  static load(options: NodeTlsOptions): NodeTls | null {
    const server = pairOf("--cert", options.cert, "--key", options.key);
    const peerGiven = [options.peerCert, options.peerKey, options.peerCa].filter((v) => v !== undefined);
    if (peerGiven.length > 0 && peerGiven.length < 3) {
      throw new RingkvError("InvalidArgument", "--peer-cert, --peer-key and --peer-ca go together");
    }
    if (server === null) {
      if (peerGiven.length > 0 || options.ca !== undefined || options.clientCertAuth === true) {
        throw new RingkvError(
          "InvalidArgument",
          "--ca, --client-cert-auth and --peer-* need --cert and --key: peers and clients share the gRPC port, which must speak TLS first",
        );
      }
      return null;
    }
    if (options.clientCertAuth === true && options.ca === undefined && peerGiven.length === 0) {
      throw new RingkvError(
        "InvalidArgument",
        "--client-cert-auth needs --ca: the CA that signed the client certificates",
      );
    }
    const caPath = path("--ca", options.ca);
    const ca = caPath ? loadCaBundle(caPath) : null;
    const peerPair = pairOf("--peer-cert", options.peerCert, "--peer-key", options.peerKey);
    const peerCaPath = path("--peer-ca", options.peerCa);
    const peer = peerPair && peerCaPath ? { pair: peerPair, ca: loadCaBundle(peerCaPath) } : null;
    if (peer && !issuedBy(peer.pair.leaf, peer.ca)) {
      throw new RingkvError(
        "InvalidArgument",
        `--peer-cert ${options.peerCert}: not signed by a certificate in --peer-ca ${options.peerCa}`,
      );
    }
    return new NodeTls(server, ca, options.clientCertAuth === true, peer);
  }

  /** Peer-only RPCs need a peer certificate (false: peer TLS not configured, the port is open). */
  get peerAuth(): boolean {
    return this.#peer !== null;
  }

  /**
   * Who a call's verified certificate proves it is, for authorization (src/node/auth's
   * PeerIdentity): a certificate signed by the peer CA names a node (its subject's CN, or
   * "peer"); anything else, or no peer TLS at all, names nobody.
   */
  peerIdentity(): PeerCertificateIdentity | undefined {
    const peer = this.#peer;
    if (peer === null) return undefined;
    return (context) => {
      const certificate = context.sslPeerCertificate;
      if (certificate?.raw === undefined) return null;
      if (!issuedBy(new X509Certificate(certificate.raw), peer.ca)) return null;
      const cn = certificate.subject?.["CN"];
      return typeof cn === "string" && cn !== "" ? cn : "peer";
    };
  }

  /** Both CAs a caller's certificate may chain to, as one PEM bundle. */
  #trusted(): Buffer | null {
    const parts = [this.#ca?.pem, this.#peer?.ca.pem].filter((p): p is Buffer => p !== undefined);
    return parts.length === 0 ? null : Buffer.concat(parts.flatMap((p) => [p, Buffer.from("\n")]));
  }

  /**
   * The gRPC port's credentials. `peerMethods` are the full method paths only nodes may call;
   * `onRefused` hears each refusal (the node logs it).
   */
  serverCredentials(
    peerMethods: ReadonlySet<string>,
    onRefused: (refusal: PeerRefusal) => void,
    leading: readonly grpc.ServerInterceptor[] = [],
  ): grpc.ServerCredentials {
    const trusted = this.#trusted();
    // `leading` runs before the guard: grpc-js runs these before the server's own interceptors.
    const guard = [...leading, ...(this.#peer ? [peerGuard(this.#peer.ca, peerMethods, onRefused)] : [])];
    return new NodeServerCredentials(
      // Without --client-cert-auth a caller without a certificate is let in (an anonymous
      // client); a certificate is still asked for, so that peers can present theirs.
      { requestCert: trusted !== null, rejectUnauthorized: this.#clientCertAuth },
      { cert: this.#server.certPem, key: this.#server.keyPem, ...(trusted ? { ca: trusted } : {}) },
      guard,
    );
  }

  /** The HTTP port's TLS options: the same certificate and client-certificate policy. */
  httpsOptions(): HttpsServerOptions {
    const ca = this.#ca?.pem;
    return {
      cert: this.#server.certPem,
      key: this.#server.keyPem,
      ...(ca ? { ca, requestCert: this.#clientCertAuth, rejectUnauthorized: this.#clientCertAuth } : {}),
    };
  }

  /**
   * What this node dials peers with: their server certificate checked against --ca (the system
   * roots when --ca is not given), and its peer certificate presented.
   */
  peerChannelCredentials(): grpc.ChannelCredentials {
    return grpc.credentials.createSsl(
      this.#ca?.pem ?? null,
      this.#peer?.pair.keyPem ?? null,
      this.#peer?.pair.certPem ?? null,
    );
  }
}

/** What a call's TLS handshake proved, as far as telling a peer needs it (grpc-js AuthContext). */
export type PeerCertificateIdentity = (context: {
  readonly sslPeerCertificate?: {
    readonly raw?: Buffer;
    readonly subject?: Readonly<Record<string, unknown>>;
  };
}) => string | null;

/** ServerCredentials with Node's TLS options as given (grpc-js's createSsl ties two of them). */
class NodeServerCredentials extends grpc.ServerCredentials {
  readonly #interceptors: grpc.ServerInterceptor[];

  constructor(
    serverOptions: { requestCert: boolean; rejectUnauthorized: boolean },
    context: { cert: Buffer; key: Buffer; ca?: Buffer },
    interceptors: grpc.ServerInterceptor[],
  ) {
    super(serverOptions, context);
    this.#interceptors = interceptors;
  }

  override _getInterceptors(): grpc.ServerInterceptor[] {
    return this.#interceptors;
  }

  override _equals(other: grpc.ServerCredentials): boolean {
    return other === this;
  }
}

/** Why the caller of a peer-only method is not a peer, or null when it is. */
function notPeer(call: grpc.ServerInterceptingCallInterface, peerCa: LoadedCaBundle): string | null {
  const raw = call.getAuthContext().sslPeerCertificate?.raw;
  if (raw === undefined)
    return "no client certificate from a trusted CA: peer RPCs need a --peer-cert signed by the cluster's peer CA";
  return issuedBy(new X509Certificate(raw), peerCa)
    ? null
    : "the client certificate is not signed by the peer CA: only nodes may call this (use a node's --peer-cert)";
}

function peerGuard(
  peerCa: LoadedCaBundle,
  peerMethods: ReadonlySet<string>,
  onRefused: (refusal: PeerRefusal) => void,
): grpc.ServerInterceptor {
  return (method, call) => {
    if (!peerMethods.has(method.path)) return new grpc.ServerInterceptingCall(call);
    return new grpc.ServerInterceptingCall(call, {
      start: (next) =>
        next({
          // Checked on the headers, so no message of a refused call is ever read or decoded.
          onReceiveMetadata: (metadata, forward) => {
            const reason = notPeer(call, peerCa);
            if (reason === null) return forward(metadata);
            onRefused({ method: method.path, peer: call.getPeer(), reason });
            // With ringkv's code attached, clients show the reason, not gRPC's status name.
            const trailers = new grpc.Metadata();
            trailers.set(CODE_METADATA_KEY, "Unauthenticated");
            call.sendStatus({
              code: grpc.status.UNAUTHENTICATED,
              details: `refused: ${reason}`,
              metadata: trailers,
            });
          },
        }),
    });
  };
}
