// Network partitions for real processes without iptables: every node runs in its own network
// namespace, joined to this process's namespace by a veth pair whose host end sits on one bridge.
// The test process (and the CLI commands it runs) reach every node through the bridge, the nodes
// reach each other the same way, and cutting a node off puts the `blackhole` qdisc (drop every
// packet) on the egress of both ends of its veth: packets vanish silently in both directions, as
// on a real network split — no RST, no FIN, no ICMP, so a peer learns of the split only from its
// own timeouts (the proxy of proxy.ts closes connections instead, which a gRPC channel notices at
// once). `netem loss 100%` would do the same, but kernels without sch_netem (this one) lack it;
// blackhole is built into every kernel with traffic control.
//
// Needs root (CAP_NET_ADMIN) and `ip`/`tc` (iproute2). Everything created carries a name derived
// from this process's pid, so two runs do not collide and destroy() (also run on exit, SIGINT and
// SIGTERM) removes exactly what this run made.
import { execFileSync } from "node:child_process";

/** Nodes one fabric holds at most (addresses .1 … .NODES_MAX of its /24; .254 is the bridge). */
const NODES_MAX = 50;
/** A command of ip/tc that does not finish in this time is a broken host, not a slow one. */
const COMMAND_TIMEOUT_MS = 10_000;

/** Whether this process may create namespaces (root on Linux with `ip` available). */
export function netnsAvailable(): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  try {
    execFileSync("ip", ["netns", "list"], { stdio: "ignore", timeout: COMMAND_TIMEOUT_MS });
    execFileSync("tc", ["-V"], { stdio: "ignore", timeout: COMMAND_TIMEOUT_MS });
    return true;
  } catch {
    return false;
  }
}

function run(command: "ip" | "tc", args: readonly string[]): void {
  execFileSync(command, args, { stdio: ["ignore", "ignore", "pipe"], timeout: COMMAND_TIMEOUT_MS });
}

/** Like run(), for cleanup: what is already gone is no error. */
function runQuietly(command: "ip" | "tc", args: readonly string[]): void {
  try {
    run(command, args);
  } catch {
    // Already removed (a namespace takes its veth end with it) or never created.
  }
}

export class NetnsFabric {
  /** The IPv4 address every node i (1-based) listens on. */
  readonly #subnet: string;
  readonly #tag: string;
  readonly #count: number;
  readonly #cut = new Set<number>();
  #destroyed = false;
  readonly #onExit = (): void => this.destroy();
  readonly #onSignal = (signal: NodeJS.Signals): void => {
    this.destroy();
    // Exit rather than re-raise: the exit hooks (the harness kills its children) still run.
    process.exit(signal === "SIGINT" ? 130 : 143);
  };

  private constructor(count: number) {
    // Names live in one kernel-wide table: the pid keeps concurrent runs apart; interface names
    // are at most 15 bytes ("rk" + 5 digits + "h" + 2 digits = 10).
    this.#tag = `rk${process.pid % 100_000}`;
    this.#subnet = `10.${200 + (process.pid % 50)}.${Math.floor(process.pid / 50) % 250}`;
    this.#count = count;
  }

  /** A bridge and `count` namespaces, one per node, each with its address; removed on exit. */
  static create(count: number): NetnsFabric {
    if (count < 1 || count > NODES_MAX) throw new Error(`a fabric holds 1…${NODES_MAX} nodes, not ${count}`);
    const fabric = new NetnsFabric(count);
    process.once("exit", fabric.#onExit);
    process.once("SIGINT", fabric.#onSignal);
    process.once("SIGTERM", fabric.#onSignal);
    try {
      fabric.#build();
    } catch (e) {
      fabric.destroy();
      throw e;
    }
    return fabric;
  }

  /** Node i's (1-based) address, to listen on and advertise. */
  host(i: number): string {
    this.#check(i);
    return `${this.#subnet}.${i}`;
  }

  /** The command prefix that runs a program inside node i's namespace. */
  command(i: number): readonly string[] {
    this.#check(i);
    return ["ip", "netns", "exec", this.#namespace(i)];
  }

  /** Whether node i is cut off now. */
  isCut(i: number): boolean {
    return this.#cut.has(i);
  }

  /** Drop every packet to and from node i (both ends of its veth), silently. */
  cut(i: number): void {
    this.#check(i);
    if (this.#cut.has(i)) return;
    run("tc", ["qdisc", "add", "dev", this.#hostEnd(i), "root", "blackhole"]);
    run("ip", [
      "netns",
      "exec",
      this.#namespace(i),
      "tc",
      "qdisc",
      "add",
      "dev",
      "eth0",
      "root",
      "blackhole",
    ]);
    this.#cut.add(i);
  }

  /** Let node i's packets through again. */
  heal(i: number): void {
    this.#check(i);
    if (!this.#cut.has(i)) return;
    runQuietly("tc", ["qdisc", "del", "dev", this.#hostEnd(i), "root"]);
    runQuietly("ip", ["netns", "exec", this.#namespace(i), "tc", "qdisc", "del", "dev", "eth0", "root"]);
    this.#cut.delete(i);
  }

  /** Remove every namespace and the bridge (the veths go with them). Safe to call twice. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    process.off("exit", this.#onExit);
    process.off("SIGINT", this.#onSignal);
    process.off("SIGTERM", this.#onSignal);
    for (let i = 1; i <= this.#count; i++) {
      runQuietly("ip", ["link", "del", this.#hostEnd(i)]);
      runQuietly("ip", ["netns", "del", this.#namespace(i)]);
    }
    runQuietly("ip", ["link", "del", this.#bridge()]);
  }

  #build(): void {
    const bridge = this.#bridge();
    run("ip", ["link", "add", bridge, "type", "bridge"]);
    run("ip", ["addr", "add", `${this.#subnet}.254/24`, "dev", bridge]);
    run("ip", ["link", "set", bridge, "up"]);
    for (let i = 1; i <= this.#count; i++) {
      const ns = this.#namespace(i);
      const host = this.#hostEnd(i);
      const inner = `${this.#tag}c${i}`;
      run("ip", ["netns", "add", ns]);
      run("ip", ["link", "add", host, "type", "veth", "peer", "name", inner]);
      run("ip", ["link", "set", host, "master", bridge]);
      run("ip", ["link", "set", host, "up"]);
      run("ip", ["link", "set", inner, "netns", ns]);
      const inside = (args: readonly string[]): void => run("ip", ["netns", "exec", ns, "ip", ...args]);
      inside(["link", "set", inner, "name", "eth0"]);
      inside(["addr", "add", `${this.host(i)}/24`, "dev", "eth0"]);
      inside(["link", "set", "eth0", "up"]);
      inside(["link", "set", "lo", "up"]);
    }
  }

  #namespace(i: number): string {
    return `${this.#tag}-n${i}`;
  }

  #hostEnd(i: number): string {
    return `${this.#tag}h${i}`;
  }

  #bridge(): string {
    return `${this.#tag}br`;
  }

  #check(i: number): void {
    if (!Number.isInteger(i) || i < 1 || i > this.#count) throw new Error(`no node ${i} in this fabric`);
  }
}
