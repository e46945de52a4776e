// What the benchmark needs from a system under test, whichever it is: start a 3-member cluster,
// name its leader's HTTP endpoint, write one key (for the prefill), and stop.

export type SystemName = "ringkv" | "etcd";
export const SYSTEM_NAMES: readonly SystemName[] = ["ringkv", "etcd"];

export interface Leader {
  /** Member id as the system names it (n1, e2, …). */
  readonly id: string;
  /** Base URL of the leader's HTTP API, e.g. http://127.0.0.1:18001 */
  readonly url: string;
  /** Raft term (summed over shards for ringkv): a rise between two looks means an election. */
  readonly term: number;
}

export interface Member {
  readonly id: string;
  readonly pid: number;
}

export interface BenchSystem {
  readonly name: SystemName;
  /** Start the members and wait until they agree on a leader with all three voting. */
  start(): Promise<void>;
  /** Ask the cluster who leads now (not cached). */
  leader(): Promise<Leader>;
  /** Write one key through the leader, throwing unless the answer is a success. */
  put(leader: Leader, key: string, value: string): Promise<void>;
  members(): readonly Member[];
  /** Every member's HTTP base URL (for load spread over all members, as behind a balancer). */
  urls(): readonly string[];
  /** Each member's log file, for a post-mortem. */
  logFiles(): readonly string[];
  stop(): Promise<void>;
}

/** Keys of the benchmark's key space, 1-based; bench/cluster/load.lua uses the same format. */
export function keyName(i: number): string {
  return `bench${String(i).padStart(6, "0")}`;
}

/** The value every write stores; bench/cluster/load.lua uses the same one. */
export function benchValue(bytes: number): string {
  return "x".repeat(bytes);
}

/** An HTTP request with a deadline; returns status and body text. */
export async function request(
  url: string,
  init: { method: string; body?: string; timeoutMs?: number; contentType?: string },
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: init.method,
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.contentType === undefined ? {} : { headers: { "content-type": init.contentType } }),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5_000),
  });
  return { status: response.status, body: await response.text() };
}

/** Poll `probe` every `intervalMs` until it returns a value, or throw after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError = "";
  for (;;) {
    try {
      const value = await probe();
      if (value !== null) return value;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() >= until) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (${lastError})` : ""}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Reserve `count` distinct free TCP ports on 127.0.0.1 (the OS picks them). */
export async function freePorts(count: number): Promise<number[]> {
  const { createServer } = await import("node:net");
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<import("node:net").Server>((resolve, reject) => {
          const s = createServer();
          s.once("error", reject);
          s.listen(0, "127.0.0.1", () => resolve(s));
        }),
    ),
  );
  // Held open together so the OS cannot hand out the same port twice, then released.
  const ports = servers.map((s) => {
    const addr = s.address();
    if (addr === null || typeof addr === "string") throw new Error("no port");
    return addr.port;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
