// Gossip agents on real loopback gRPC servers, all in this process: each has its own
// grpc.Server on 127.0.0.1 and its own data directory, and can be crashed (server and agent
// stopped without a word) and restarted on the same port and directory.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import pino from "pino";
import type { GossipConfig, MemberState, MergeRules } from "../../../src/gossip/index.ts";
import { GossipAgent, gossipServiceDefinition } from "../../../src/node/gossip/index.ts";
import { seededRandom } from "../../../src/node/host/random.ts";
import { waitFor } from "../../cluster/wait-for.ts";

export const TICK_MS = 20;

/**
 * Fast protocol timings for 20 ms ticks: a probe every 100 ms with a 40 ms ack timeout,
 * gossip every 40 ms, push-pull every 500 ms; suspicion lasts 400 ms with the expected
 * confirmations and at most 1.2 s without.
 */
// Fast, but not so tight that a test worker starved of CPU (two test files at a time on two
// cores, each running node processes) misses an ack and suspects a live member: these tests
// check what the protocol decides, not how fast a loaded machine answers.
export const FAST_CONFIG: Partial<GossipConfig> = {
  probeIntervalTicks: 8,
  probeTimeoutTicks: 3,
  gossipIntervalTicks: 2,
  pushPullIntervalTicks: 25,
  suspicionMultiplier: 4,
  suspicionMaxMultiplier: 3,
};

const logger = pino({ level: process.env["LOG_LEVEL"] ?? "silent" });

export interface LoopbackNode {
  readonly id: string;
  readonly dataDir: string;
  readonly port: number;
  readonly addr: string;
  readonly server: grpc.Server;
  readonly agent: GossipAgent;
}

export interface StartOptions {
  /** Reuse this port (a restart); default a fresh one. */
  readonly port?: number;
  readonly seed?: number;
  readonly rules?: MergeRules;
}

export class LoopbackCluster {
  readonly #root: string;
  readonly #nodes = new Map<string, LoopbackNode>();

  private constructor(root: string) {
    this.#root = root;
  }

  static async create(): Promise<LoopbackCluster> {
    return new LoopbackCluster(await mkdtemp(join(tmpdir(), "ringkv-gossip-")));
  }

  node(id: string): LoopbackNode {
    const node = this.#nodes.get(id);
    if (node === undefined) throw new Error(`no running node ${id}`);
    return node;
  }

  /** The running nodes. */
  nodes(): LoopbackNode[] {
    return [...this.#nodes.values()];
  }

  async start(id: string, options: StartOptions = {}): Promise<LoopbackNode> {
    const server = new grpc.Server();
    const port = await bind(server, `127.0.0.1:${options.port ?? 0}`);
    const addr = `127.0.0.1:${port}`;
    const dataDir = join(this.#root, id);
    const agent = await GossipAgent.open({
      id,
      addr,
      http: `127.0.0.1:${port + 1}`,
      dataDir,
      tickMs: TICK_MS,
      config: FAST_CONFIG,
      logger: logger.child({ node: id }),
      random: seededRandom(options.seed ?? hash(id)),
      ...(options.rules === undefined ? {} : { rules: options.rules }),
    });
    agent.register(server);
    const node = { id, dataDir, port, addr, server, agent };
    this.#nodes.set(id, node);
    return node;
  }

  /**
   * Starts an agent for each id and tells each of the first only: gossip has to spread the
   * rest (the meta group would tell every node of every other).
   */
  async startAll(ids: readonly string[], options: Omit<StartOptions, "port"> = {}): Promise<void> {
    for (const id of ids) await this.start(id, options);
    const seed = this.node(ids[0]!);
    for (const node of this.nodes()) {
      node.agent.start();
      node.agent.addPeers([{ id: seed.id, addr: seed.addr }]);
    }
  }

  /** A crash: the agent stops and the server goes away without a word to anyone. */
  async crash(id: string): Promise<LoopbackNode> {
    const node = this.node(id);
    this.#nodes.delete(id);
    node.server.forceShutdown();
    await node.agent.stop();
    return node;
  }

  async close(): Promise<void> {
    for (const node of this.#nodes.values()) {
      node.server.forceShutdown();
      await node.agent.stop();
    }
    this.#nodes.clear();
    await rm(this.#root, { recursive: true, force: true });
  }
}

/** Waits until `accept` holds on every one of `nodes`; the failure names those it did not. */
export async function waitForEach(
  nodes: readonly LoopbackNode[],
  what: string,
  accept: (node: LoopbackNode) => boolean,
  timeoutMs = 8_000,
): Promise<void> {
  await waitFor(
    () => {
      const failing = nodes.filter((node) => !accept(node)).map((node) => node.id);
      if (failing.length > 0) throw new Error(`not yet at ${failing.join(", ")}`);
      return true;
    },
    { timeoutMs, what, intervalMs: 10 },
  );
}

/** Waits until every one of `observers` holds a record of `id` that `accept` takes. */
export async function waitForView(
  observers: readonly LoopbackNode[],
  id: string,
  accept: (state: MemberState | undefined, incarnation: number) => boolean,
  what: string,
  timeoutMs = 8_000,
): Promise<void> {
  await waitFor(
    () => {
      const views = observers.map((o) => ({ at: o.id, view: o.agent.member(id) }));
      if (views.every(({ view }) => accept(view?.state, view?.incarnation ?? -1))) return true;
      // The failure message shows what each observer last held.
      throw new Error(JSON.stringify(views.map(({ at, view }) => [at, view?.state, view?.incarnation])));
    },
    { timeoutMs, what: `${what} (${id})`, intervalMs: 10 },
  );
}

export /** One Deliver call with `bytes` as the request, as a peer that does not follow the schema would. */
function deliverRaw(addr: string, bytes: Uint8Array): Promise<grpc.status> {
  const client = new grpc.Client(addr, grpc.credentials.createInsecure());
  const method = gossipServiceDefinition()["Deliver"]!;
  return new Promise<grpc.status>((resolve) => {
    client.makeUnaryRequest(
      method.path,
      (b: Uint8Array) => Buffer.from(b),
      method.responseDeserialize,
      bytes,
      new grpc.Metadata(),
      { deadline: Date.now() + 2_000 },
      (error: grpc.ServiceError | null) => resolve(error?.code ?? grpc.status.OK),
    );
  }).finally(() => client.close());
}

function bind(server: grpc.Server, addr: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(addr, grpc.ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    );
  });
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
