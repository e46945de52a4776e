// Loopback ports for test processes that no one else will take between the moment a test picks
// one and the moment a child process binds it.
//
// Binding port 0 and handing the number on (the old freePort) lost that race: the port comes
// from the kernel's ephemeral range, where every outgoing connection of every process also takes
// its local port, and where another vitest worker's port-0 bind can land on it too (seen:
// EADDRINUSE in partition.test.ts). So ports come from below the ephemeral range
// (/proc/sys/net/ipv4/ip_local_port_range), where the kernel never assigns one on its own, and
// each is claimed with a file created exclusively under the system temp directory, naming the
// claiming process: parallel workers, and parallel test runs of other worktrees, skip claimed
// ports. A claim whose process is gone is stale and taken over. Each candidate is still bound
// once before it is handed out, for ports a non-test process listens on.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";

/** Lowest port handed out: above the well-known and common service ports (etcd 2379, dev 7001/8001). */
export const PORT_FLOOR = 15_000;
/** Fewest ports a usable range must hold. */
const RANGE_PORTS_MIN = 1_000;
/** Candidates tried per call before giving up (each costs a file create and a bind). */
const ATTEMPTS_MAX = 2_000;
export const CLAIM_DIR = join(tmpdir(), "ringkv-test-ports");

export interface PortRange {
  /** First port, inclusive. */
  readonly low: number;
  /** Last port, inclusive. */
  readonly high: number;
}

/** Ports the kernel does not hand out on its own: below its ephemeral range, else above it. */
export function portRangeOutside(ephemeral: PortRange): PortRange {
  if (ephemeral.low - PORT_FLOOR >= RANGE_PORTS_MIN) return { low: PORT_FLOOR, high: ephemeral.low - 1 };
  if (65_535 - ephemeral.high >= RANGE_PORTS_MIN) return { low: ephemeral.high + 1, high: 65_535 };
  throw new Error(
    `no port range of ${RANGE_PORTS_MIN} outside the ephemeral ${ephemeral.low}-${ephemeral.high}`,
  );
}

function ephemeralRange(): PortRange {
  try {
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low !== undefined && high !== undefined && low > 0 && high >= low) return { low, high };
  } catch {
    // Not Linux: the IANA dynamic range, which macOS and Windows use.
  }
  return { low: 49_152, high: 65_535 };
}

const RANGE = portRangeOutside(ephemeralRange());
const RANGE_SIZE = RANGE.high - RANGE.low + 1;
/** Where this process starts looking: spread by vitest worker and pid so workers rarely meet. */
let cursor =
  (Number(process.env["VITEST_POOL_ID"] ?? process.env["VITEST_WORKER_ID"] ?? 0) * 997 + process.pid * 31) %
  RANGE_SIZE;
const claimed = new Set<number>();
mkdirSync(CLAIM_DIR, { recursive: true });

process.once("exit", () => {
  for (const port of claimed) rmSync(claimPath(port), { force: true });
});

function claimPath(port: number): string {
  return join(CLAIM_DIR, String(port));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claim `port` for this worker; false if a live one holds it. A claim names the process and the
 * thread (vitest may run workers as threads of one process): "pid thread".
 */
export function claimPort(port: number): boolean {
  const path = claimPath(port);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid} ${threadId}\n`, { flag: "wx" });
      claimed.add(port);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (heldByOther(readFileSync(path, "utf8"), port)) return false;
    rmSync(path, { force: true }); // stale: its process is gone
  }
  return false;
}

function heldByOther(claim: string, port: number): boolean {
  const [pid, thread] = claim.trim().split(" ").map(Number);
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return false; // torn or foreign: stale
  // Our own pid: another thread of this process holds it, or this thread does; a claim of ours
  // that this thread does not know of was left by an earlier process that had the same pid.
  if (pid === process.pid) return thread !== threadId || claimed.has(port);
  return isAlive(pid);
}

/** Give a claimed port back (for tests of this module). */
export function releasePort(port: number): void {
  if (!claimed.delete(port)) return;
  rmSync(claimPath(port), { force: true });
}

export function canBind(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The port freePort() will try next (for tests of this module). */
export function nextCandidate(): number {
  return RANGE.low + (cursor % RANGE_SIZE);
}

export function portRange(): PortRange {
  return RANGE;
}

/** A loopback port this process now owns: claimed, outside the ephemeral range, bindable. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
    const port = RANGE.low + (cursor++ % RANGE_SIZE);
    if (!claimPort(port)) continue;
    if (await canBind(port)) return port;
    releasePort(port);
  }
  throw new Error(`no free port in ${RANGE.low}-${RANGE.high} after ${ATTEMPTS_MAX} tries`);
}

/** `count` consecutive ports, each as freePort() hands them out (for `ringkv dev`'s port runs). */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
    const first = await freePort();
    const taken = [first];
    for (let port = first + 1; port < first + count && port <= RANGE.high; port++) {
      if (!claimPort(port)) break;
      taken.push(port);
      if (!(await canBind(port))) break;
    }
    if (taken.length === count && (await canBind(taken[count - 1] ?? 0))) {
      cursor += count - 1;
      return first;
    }
    for (const port of taken) releasePort(port);
  }
  throw new Error(`no run of ${count} free ports in ${RANGE.low}-${RANGE.high}`);
}
