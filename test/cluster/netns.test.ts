// The partition helper of the soak (netns.ts): a node in its own namespace is reachable through
// the bridge, cut() makes it silent (a connect times out, nothing refuses it), heal() brings it
// back, and destroy() leaves no namespace behind. Needs root and iproute2; skipped otherwise.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as net from "node:net";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { NetnsFabric, netnsAvailable } from "./netns.ts";
import { within } from "./wait-for.ts";

const PORT = 7411;
/** A connect to a live peer on a local bridge takes microseconds; this is "no answer". */
const SILENCE_MS = 1500;

/** Connect to `host:port`; "connected", "refused" (or another error code) or "silent". */
function tryConnect(host: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: PORT });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve("silent");
    }, SILENCE_MS);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === "ECONNREFUSED" ? "refused" : (e.code ?? "error"));
    });
  });
}

/** A TCP server inside node i's namespace; resolves once it listens. */
async function serveIn(fabric: NetnsFabric, i: number): Promise<ChildProcess> {
  const [command, ...rest] = fabric.command(i);
  const script = `require("net").createServer((s) => s.end()).listen(${PORT}, "${fabric.host(i)}", () => console.log("up"))`;
  const child = spawn(command!, [...rest, process.execPath, "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const up = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).once("line", () => resolve());
  });
  await within(up, { timeoutMs: 10_000, what: "the server in the namespace to listen" });
  return child;
}

describe.skipIf(!netnsAvailable())("network namespace partitions", () => {
  let fabric: NetnsFabric | undefined;
  let server: ChildProcess | undefined;
  afterEach(() => {
    server?.kill("SIGKILL");
    fabric?.destroy();
  });

  it("a cut node is silent both ways until healed, and destroy leaves nothing behind", async () => {
    fabric = NetnsFabric.create(2);
    server = await serveIn(fabric, 1);
    const host = fabric.host(1);
    expect(await tryConnect(host)).toBe("connected");

    fabric.cut(1);
    expect(fabric.isCut(1)).toBe(true);
    // Silent, not refused: a peer must find out from its own timeouts, as on a real split.
    expect(await tryConnect(host)).toBe("silent");
    // The other direction too: node 2's namespace cannot reach node 1 either.
    const [command, ...rest] = fabric.command(2);
    const probe = `require("net").connect(${PORT}, "${host}").on("connect", () => process.exit(0)).on("error", () => process.exit(2)); setTimeout(() => process.exit(3), ${SILENCE_MS})`;
    const exitOf = (): number => {
      try {
        execFileSync(command!, [...rest, process.execPath, "-e", probe], { stdio: "ignore" });
        return 0;
      } catch (e) {
        return (e as { status?: number }).status ?? -1;
      }
    };
    expect(exitOf()).toBe(3);

    fabric.heal(1);
    expect(await tryConnect(host)).toBe("connected");
    expect(exitOf()).toBe(0);

    const names = (): string => execFileSync("ip", ["netns", "list"], { encoding: "utf8" });
    expect(names()).toContain(`rk${process.pid % 100_000}-n1`);
    fabric.destroy();
    expect(names()).not.toContain(`rk${process.pid % 100_000}-n`);
  }, 30_000);
});
