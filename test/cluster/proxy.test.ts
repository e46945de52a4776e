// The fault proxy the partition tests rely on: it forwards both ways in pass mode, and a cut
// stops traffic in both directions on open connections and refuses new ones until healed. A
// partition test that "passes" because the proxy never cut anything would prove nothing.
import { spawn } from "node:child_process";
import * as net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socketOrigin } from "./origin.ts";
import { FaultProxy } from "./proxy.ts";
import { waitFor, within } from "./wait-for.ts";

/** An echo server that also remembers its accepted sockets and whether they closed. */
interface EchoServer {
  readonly port: number;
  readonly accepted: net.Socket[];
  readonly closed: Set<net.Socket>;
  readonly server: net.Server;
}

async function echoServer(): Promise<EchoServer> {
  const accepted: net.Socket[] = [];
  const closed = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    accepted.push(socket);
    socket.on("error", () => {});
    socket.on("close", () => closed.add(socket));
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { port: (server.address() as net.AddressInfo).port, accepted, closed, server };
}

/** A connected client that collects what it receives. */
async function connect(
  address: string,
): Promise<{ socket: net.Socket; received: () => string; closed: Promise<void> }> {
  const at = address.lastIndexOf(":");
  const socket = net.connect(Number(address.slice(at + 1)), address.slice(0, at));
  let received = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => {
    received += chunk;
  });
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("error", reject);
  });
  return { socket, received: () => received, closed };
}

describe("FaultProxy", () => {
  let echo: EchoServer;
  beforeAll(async () => {
    echo = await echoServer();
  });
  afterAll(async () => {
    for (const s of echo.accepted) s.destroy();
    await new Promise<void>((resolve) => echo.server.close(() => resolve()));
  });

  it("forwards both ways in pass mode", async () => {
    const proxy = await FaultProxy.start({ target: `127.0.0.1:${echo.port}` });
    try {
      const c = await connect(proxy.address);
      c.socket.write("ping");
      await waitFor(() => c.received() === "ping", { timeoutMs: 5000, what: "the echo through the proxy" });
      expect(proxy.stats.bytesUp).toBe(4);
      expect(proxy.stats.bytesDown).toBe(4);
      c.socket.destroy();
    } finally {
      await proxy.close();
    }
  });

  it("a cut closes open connections at both ends and refuses new ones until healed", async () => {
    const proxy = await FaultProxy.start({ target: `127.0.0.1:${echo.port}` });
    try {
      const c = await connect(proxy.address);
      c.socket.write("before");
      await waitFor(() => c.received() === "before", { timeoutMs: 5000, what: "the echo before the cut" });
      const upstream = echo.accepted.at(-1)!;

      proxy.cut();
      // Both directions end: the client's connection and the target's side both close.
      await within(c.closed, { timeoutMs: 5000, what: "the client side to close on cut" });
      await waitFor(() => echo.closed.has(upstream), {
        timeoutMs: 5000,
        what: "the target side to close on cut",
      });
      expect(proxy.stats.severed).toBe(1);

      // A new connection is accepted by the kernel but reset before anything is forwarded.
      const acceptedBefore = echo.accepted.length;
      const refused = await connect(proxy.address).catch(() => null);
      if (refused) {
        refused.socket.write("during");
        await within(refused.closed, { timeoutMs: 5000, what: "a connection during the cut to be reset" });
        expect(refused.received()).toBe("");
      }
      expect(echo.accepted.length).toBe(acceptedBefore);
      expect(proxy.stats.refused).toBe(1);

      proxy.heal();
      const after = await connect(proxy.address);
      after.socket.write("after");
      await waitFor(() => after.received() === "after", { timeoutMs: 5000, what: "the echo after healing" });
      after.socket.destroy();
    } finally {
      await proxy.close();
    }
  });

  it("blocks connections from one origin only, open and new, until unblocked", async () => {
    let nextOrigin = "a";
    const proxy = await FaultProxy.start({
      target: `127.0.0.1:${echo.port}`,
      originOf: async () => nextOrigin,
    });
    try {
      const fromA = await connect(proxy.address);
      nextOrigin = "b";
      const fromB = await connect(proxy.address);
      fromA.socket.write("a");
      fromB.socket.write("b");
      await waitFor(() => fromA.received() === "a" && fromB.received() === "b", {
        timeoutMs: 5000,
        what: "both echoes",
      });

      proxy.block("a");
      await within(fromA.closed, { timeoutMs: 5000, what: "a's connection to close when a is blocked" });
      fromB.socket.write("b");
      await waitFor(() => fromB.received() === "bb", {
        timeoutMs: 5000,
        what: "b's echo while a is blocked",
      });

      nextOrigin = "a";
      const againA = await connect(proxy.address).catch(() => null);
      if (againA)
        await within(againA.closed, { timeoutMs: 5000, what: "a new connection from a to be reset" });
      expect(proxy.stats.refused).toBe(1);

      proxy.unblock("a");
      const healedA = await connect(proxy.address);
      healedA.socket.write("a");
      await waitFor(() => healedA.received() === "a", { timeoutMs: 5000, what: "a's echo after unblocking" });
      healedA.socket.destroy();
      fromB.socket.destroy();
    } finally {
      await proxy.close();
    }
  });
});

describe("socketOrigin", () => {
  it("names the process that opened a loopback connection", async () => {
    const accepted: net.Socket[] = [];
    const server = net.createServer((socket) => {
      accepted.push(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const { port } = server.address() as net.AddressInfo;
    // A child process that connects and stays connected until we end it.
    const child = spawn(
      process.execPath,
      [
        "-e",
        `require("net").connect(${port}, "127.0.0.1").on("error", () => {}); setInterval(() => {}, 1000);`,
      ],
      { stdio: "ignore" },
    );
    const mine = net.connect(port, "127.0.0.1");
    mine.on("error", () => {});
    try {
      await waitFor(() => accepted.length === 2, { timeoutMs: 20_000, what: "two connections" });
      const names = await Promise.all(
        accepted.map((s) =>
          socketOrigin(
            s,
            new Map([
              ["child", child.pid!],
              ["self", process.pid],
            ]),
          ),
        ),
      );
      expect(names.sort()).toEqual(["child", "self"]);
      // A process that holds neither socket is never named.
      expect(await socketOrigin(accepted[0]!, new Map([["other", 1]]))).toBeNull();
    } finally {
      child.kill("SIGKILL");
      mine.destroy();
      for (const s of accepted) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
