// A node that cannot take its address must say which address and why, and stop having released
// everything it took (the data-dir lock above all): a busy port is the most common first-run
// failure, and "No address added out of total 1 resolved" does not name it.
import net from "node:net";

/** Which of the node's listeners an address is for. */
export type ListenerRole = "gRPC" | "HTTP";

const REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: "address already in use",
  EADDRNOTAVAIL: "address not available on this machine",
  EACCES: "permission denied (ports below 1024 need privileges)",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name could not be resolved",
};

export class ListenError extends Error {
  readonly address: string;
  readonly role: ListenerRole;
  /** The errno code (EADDRINUSE…), or "" when the cause did not carry one. */
  readonly errno: string;

  constructor(address: string, role: ListenerRole, cause: unknown) {
    const errno = errnoOf(cause);
    const reason = REASONS[errno] ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cannot listen on ${address} (${role}): ${reason}`);
    this.name = "ListenError";
    this.address = address;
    this.role = role;
    this.errno = errno;
  }
}

/**
 * The errno code in a listen failure: Node's own errors carry `.code`; grpc-js folds the
 * underlying errors into its message ("… errors: [Error: listen EADDRINUSE: …]").
 */
function errnoOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("E")) return code;
  const message = e instanceof Error ? e.message : String(e);
  return /\b(E[A-Z_]{3,})\b/.exec(message)?.[1] ?? "";
}

/**
 * Fail fast, before the data directory is opened, when `address` cannot be listened on: bind it
 * and let go at once. The real bind follows moments later and can still lose a race; that
 * failure is reported as a ListenError too (node.ts).
 */
export async function checkCanListen(
  address: string,
  role: ListenerRole,
  host: string,
  port: number,
): Promise<void> {
  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port, host, exclusive: true }, () => resolve());
    });
  } catch (e) {
    throw new ListenError(address, role, e);
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
