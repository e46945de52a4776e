// What a failed connection says about TLS, in the user's words. grpc-js reports a failed
// handshake as UNAVAILABLE "No connection established. Last error: Error: self-signed
// certificate in certificate chain", which the retry loop would spend its whole budget on and
// then call "unreachable". A certificate problem does not go away on retry: it ends the call at
// once as InvalidArgument (exit 2) saying which flag to fix. A plaintext client on a TLS port
// sees only "Failed to connect" (the node closes a connection that does not start a handshake),
// which a node going down can produce too: that stays retryable, with a hint in the message.
import { RingkvError } from "../api/errors.ts";

const UNTRUSTED =
  /self[- ]signed certificate|unable to (?:get local issuer|verify the first) certificate|certificate (?:has expired|is not yet valid)|unsuitable certificate purpose/i;
const WRONG_NAME =
  /Hostname\/IP does not match|ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames/i;
const CLIENT_CERT_WANTED =
  /certificate required|alert number 116|alert handshake failure|sslv3 alert bad certificate/i;
const NOT_TLS = /wrong version number|packet length too long|unknown protocol|record layer failure/i;
/** A connection closed without an errno: on a plaintext channel, most likely a TLS port. */
const CLOSED_AT_ONCE = /Last error: Failed to connect \(/;

/** Appended to a plaintext client's failure that looks like a TLS port closing on it. */
export const TLS_PORT_HINT = "if the cluster runs TLS, give --ca (RINGKV_CA)";

/** The error a TLS-looking transport failure stands for, or null when it is not one. */
export function tlsFailure(details: string, address: string, tls: boolean): RingkvError | null {
  const reason = /Last error: (?:Error: )?([^.]*)/.exec(details)?.[1]?.trim() ?? details;
  if (tls) {
    if (UNTRUSTED.test(details)) {
      return new RingkvError(
        "InvalidArgument",
        `${address}: TLS: the node's certificate is not trusted (${reason}): give --ca (RINGKV_CA) the CA that signed the cluster's certificates`,
      );
    }
    if (WRONG_NAME.test(details)) {
      return new RingkvError(
        "InvalidArgument",
        `${address}: TLS: the node's certificate is not valid for this address (${reason}): connect by a name or IP its certificate lists`,
      );
    }
    if (CLIENT_CERT_WANTED.test(details)) {
      return new RingkvError(
        "InvalidArgument",
        `${address}: TLS: the node refused the handshake (${reason}): it wants a client certificate from its CA: give --cert and --key (RINGKV_CERT, RINGKV_KEY)`,
      );
    }
    if (NOT_TLS.test(details)) {
      return new RingkvError(
        "InvalidArgument",
        `${address}: TLS: the node does not speak TLS (${reason}): drop --ca/--cert/--key (RINGKV_CA…) or check the address`,
      );
    }
    return null;
  }
  if (CLOSED_AT_ONCE.test(details)) {
    return new RingkvError(
      "Unavailable",
      `${address}: closed the connection before gRPC started; ${TLS_PORT_HINT}`,
      {
        fromTransport: true,
      },
    );
  }
  return null;
}

/** `explained` (the give-up error), keeping the TLS hint of the failure it was made from. */
export function keepTlsHint(explained: RingkvError, failure: RingkvError): RingkvError {
  if (!failure.message.endsWith(TLS_PORT_HINT) || explained.message.endsWith(TLS_PORT_HINT)) return explained;
  return new RingkvError(explained.code, `${explained.message}; ${TLS_PORT_HINT}`, {
    leaderHint: explained.leaderHint,
    retryAfterMs: explained.retryAfterMs,
    fromTransport: explained.fromTransport,
  });
}
