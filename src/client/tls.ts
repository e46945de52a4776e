// The client's TLS: the CA that signed the nodes' certificates, and optionally a client
// certificate (needed when the nodes run with --client-cert-auth). Contents, not paths: the
// library reads no files; the CLI reads --ca/--cert/--key (RINGKV_CA…) and passes them here.
import * as grpc from "@grpc/grpc-js";
import { RingkvError } from "../api/errors.ts";

export interface ClientTlsOptions {
  /** PEM of the CA(s) the nodes' certificates chain to; the system roots when absent. */
  readonly ca?: Uint8Array | string;
  /** PEM client certificate, with `key`. */
  readonly cert?: Uint8Array | string;
  /** PEM private key of `cert`. */
  readonly key?: Uint8Array | string;
}

function bytes(value: Uint8Array | string | undefined): Buffer | null {
  if (value === undefined) return null;
  return typeof value === "string" ? Buffer.from(value) : Buffer.from(value);
}

/** The channel credentials for `tls`, or plaintext when it is undefined. */
export function clientCredentials(tls: ClientTlsOptions | undefined): grpc.ChannelCredentials {
  if (tls === undefined) return grpc.credentials.createInsecure();
  if ((tls.cert === undefined) !== (tls.key === undefined)) {
    throw new RingkvError("InvalidArgument", "a client certificate needs its key, and a key its certificate");
  }
  return grpc.credentials.createSsl(bytes(tls.ca), bytes(tls.key), bytes(tls.cert));
}
