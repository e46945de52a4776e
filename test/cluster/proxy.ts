// A TCP fault proxy on loopback (node:net), put in front of a node's advertised gRPC address so a
// test can cut the node off and heal it.
//
// Modes:
// - pass: every accepted connection is piped to the target, both ways;
// - drop: new connections are refused (accepted and destroyed at once, before a byte is read)
//   and every existing one is destroyed on both sides, so no traffic in either direction gets
//   through any more.
//
// A proxy can also block single origins: with an `originOf` that names the process at the far
// end of a connection (origin.ts), connections from a blocked origin are dropped the same way,
// whatever the mode. A cluster partitions a node with both: its own proxy drops everything
// (nobody reaches it) and every other proxy blocks it as an origin (it reaches nobody).
import * as net from "node:net";

export type ProxyMode = "pass" | "drop";

export interface FaultProxyOptions {
  /** HOST:PORT to forward to. */
  readonly target: string;
  /** Who opened `socket` (an accepted connection), or null when unknown. */
  readonly originOf?: (socket: net.Socket) => Promise<string | null>;
}

export interface ProxyStats {
  /** Connections piped to the target. */
  readonly forwarded: number;
  /** Connections refused on arrival (drop mode or a blocked origin). */
  readonly refused: number;
  /** Established connections destroyed by cut() or block(). */
  readonly severed: number;
  /** Bytes forwarded, client to target and target to client. */
  readonly bytesUp: number;
  readonly bytesDown: number;
}

interface Link {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
  readonly origin: string | null;
}

export class FaultProxy {
  readonly #server: net.Server;
  readonly #target: { host: string; port: number };
  readonly #originOf: FaultProxyOptions["originOf"];
  readonly #links = new Set<Link>();
  readonly #blocked = new Set<string>();
  #mode: ProxyMode = "pass";
  #stats = { forwarded: 0, refused: 0, severed: 0, bytesUp: 0, bytesDown: 0 };
  /** HOST:PORT the proxy listens on. */
  address = "";

  private constructor(options: FaultProxyOptions) {
    const at = options.target.lastIndexOf(":");
    this.#target = { host: options.target.slice(0, at), port: Number(options.target.slice(at + 1)) };
    this.#originOf = options.originOf;
    this.#server = net.createServer({ pauseOnConnect: true }, (socket) => {
      this.#accept(socket).catch(() => socket.destroy());
    });
  }

  /** A proxy listening on a free loopback port, in pass mode. */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = new FaultProxy(options);
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once("error", reject);
      proxy.#server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = proxy.#server.address() as net.AddressInfo;
    proxy.address = `127.0.0.1:${port}`;
    return proxy;
  }

  get mode(): ProxyMode {
    return this.#mode;
  }

  get stats(): ProxyStats {
    return { ...this.#stats };
  }

  /** Connections currently piped. */
  get openLinks(): number {
    return this.#links.size;
  }

  /** Drop mode: refuse new connections and destroy every open one. */
  cut(): void {
    this.#mode = "drop";
    for (const link of [...this.#links]) this.#sever(link);
  }

  /** Pass mode again. Blocked origins stay blocked. */
  heal(): void {
    this.#mode = "pass";
  }

  /** Refuse connections from `origin` and destroy its open ones. */
  block(origin: string): void {
    this.#blocked.add(origin);
    for (const link of [...this.#links]) if (link.origin === origin) this.#sever(link);
  }

  unblock(origin: string): void {
    this.#blocked.delete(origin);
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #refuses(origin: string | null): boolean {
    return this.#mode === "drop" || (origin !== null && this.#blocked.has(origin));
  }

  async #accept(client: net.Socket): Promise<void> {
    client.on("error", () => client.destroy());
    if (this.#refuses(null)) {
      this.#refuse(client);
      return;
    }
    const origin = this.#originOf ? await this.#originOf(client).catch(() => null) : null;
    // The mode may have changed while the origin was looked up.
    if (this.#refuses(origin) || client.destroyed) {
      this.#refuse(client);
      return;
    }
    const upstream = net.connect(this.#target.port, this.#target.host);
    const link: Link = { client, upstream, origin };
    this.#links.add(link);
    this.#stats.forwarded++;
    const close = (): void => {
      this.#links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    upstream.on("error", close).on("close", close);
    client.on("close", close);
    client.on("data", (chunk: Buffer) => {
      this.#stats.bytesUp += chunk.byteLength;
    });
    upstream.on("data", (chunk: Buffer) => {
      this.#stats.bytesDown += chunk.byteLength;
    });
    client.pipe(upstream);
    upstream.pipe(client);
  }

  #refuse(client: net.Socket): void {
    this.#stats.refused++;
    // resetAndDestroy (RST) rather than FIN: a refused peer sees a failed connection at once.
    client.resetAndDestroy();
  }

  #sever(link: Link): void {
    this.#links.delete(link);
    this.#stats.severed++;
    // Unpipe first so nothing buffered is flushed after the cut, then reset both ends.
    link.client.unpipe(link.upstream);
    link.upstream.unpipe(link.client);
    link.client.resetAndDestroy();
    link.upstream.resetAndDestroy();
  }
}
