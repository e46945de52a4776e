// A node reachable from other machines must not serve plaintext by accident: anyone who reaches
// a plaintext gRPC port can read and write every key and send Raft and gossip messages. So a
// non-loopback listen address needs full TLS (client and peer), or an explicit --insecure.
import { RingkvError } from "../../api/errors.ts";

/** Whether a listen host only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function hostOf(addr: string): string {
  return addr.slice(0, addr.lastIndexOf(":"));
}

/**
 * Refuse (InvalidArgument, exit 2; one line) a non-loopback listener without TLS. `tls` says
 * what is configured: client-port TLS (`client`) and peer mutual TLS (`peer`).
 */
export function checkExposure(
  listeners: { readonly listen: string; readonly http?: string | undefined },
  tls: { readonly client: boolean; readonly peer: boolean },
  insecure: boolean,
): void {
  if (insecure) return;
  const grpcExposed = !isLoopbackHost(hostOf(listeners.listen));
  if (grpcExposed && !(tls.client && tls.peer)) {
    const missing = tls.client
      ? "--peer-cert/--peer-key/--peer-ca"
      : "--cert/--key and --peer-cert/--peer-key/--peer-ca";
    throw new RingkvError(
      "InvalidArgument",
      `refusing to listen on ${listeners.listen} without TLS: give ${missing}, or --insecure to serve plaintext beyond loopback`,
    );
  }
  if (listeners.http !== undefined && !isLoopbackHost(hostOf(listeners.http)) && !tls.client) {
    throw new RingkvError(
      "InvalidArgument",
      `refusing to listen on ${listeners.http} (HTTP) without TLS: give --cert/--key, or --insecure to serve plaintext beyond loopback`,
    );
  }
}
