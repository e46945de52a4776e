// Node addresses as users type them: HOST:PORT, HOST a name, an IPv4 literal or a bracketed IPv6
// literal. Kept apart from the client so the CLI can check --addr without loading gRPC.
import { RingkvError } from "../api/errors.ts";

/** HOST:PORT split into its parts; throws InvalidArgument otherwise. */
export function parseAddress(address: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:\s[\]]+):(\d{1,5})$/.exec(address);
  const port = Number(match?.[2]);
  if (!match?.[1] || !(port >= 1 && port <= 65_535)) {
    throw new RingkvError("InvalidArgument", `invalid address ${JSON.stringify(address)}: want HOST:PORT`);
  }
  return { host: match[1], port };
}
