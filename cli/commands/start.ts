// `ringkv start`: run one node in this process until SIGTERM or SIGINT, then stop it gracefully
// (leaderships handed off, log flushed) and exit 0.
import { type Command, Option } from "commander";
import { RingkvError } from "../../src/api/errors.ts";
import { NODE_DEFAULTS, type NodeSettings } from "../../src/node/config.ts";
import type { NodeOptions } from "../../src/node/options.ts";
import { address, addressList, integerIn } from "../arguments.ts";
import { refuseClientFlags } from "../client-command.ts";
import { EXIT_CANNOT_LISTEN, EXIT_CODES_HELP, EXIT_REMOVED_WHILE_DOWN } from "../exit-codes.ts";
import { Output } from "../output.ts";

/** pino's levels; anything else is a usage error naming these. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

interface StartFlags {
  readonly id: string;
  readonly listen: string;
  readonly advertise?: string;
  readonly http?: string;
  readonly data: string;
  readonly bootstrap: boolean;
  readonly shards?: number;
  readonly replicas?: number;
  readonly join?: string[];
  readonly logLevel?: string;
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("run a node (restart it with the same line minus --bootstrap/--join)")
    .requiredOption("--id <id>", "stable node id, e.g. n1")
    .requiredOption("--listen <host:port>", "gRPC address for clients and peers", address)
    .option(
      "--advertise <host:port>",
      "gRPC address peers and clients use to reach this node (default: --listen)",
      address,
    )
    .option("--http <host:port>", "HTTP address for the REST API, /metrics and the status page", address)
    .requiredOption("--data <dir>", "data directory (write-ahead log, snapshots)")
    .option("--bootstrap", "create a new cluster with this node as its first member", false)
    .option("--shards <n>", "with --bootstrap: number of shards", integerIn(1, 4096))
    .option("--replicas <n>", "with --bootstrap: replicas per shard", integerIn(1, 9))
    .option("--join <host:port,...>", "ask these members (in turn) to add this node", addressList)
    .addOption(new Option("--log-level <level>", "log level").choices(LOG_LEVELS).default("info"))
    .addHelpText(
      "after",
      `
Examples:
  $ ringkv start --id n1 --listen 127.0.0.1:7001 --http 127.0.0.1:8001 --data ./data/n1 --bootstrap
  $ ringkv start --id n2 --listen 127.0.0.1:7002 --http 127.0.0.1:8002 --data ./data/n2 --join 127.0.0.1:7001
  $ ringkv start --id n1 --listen 127.0.0.1:7001 --http 127.0.0.1:8001 --data ./data/n1   # restart

--join is for a node with an empty --data only; a data directory that holds state is restarted
without it (exit 2 otherwise).

${EXIT_CODES_HELP}`,
    )
    .action(async (flags: StartFlags, command: Command) => {
      refuseClientFlags(command);
      if (flags.bootstrap && flags.join) command.error("error: --bootstrap and --join exclude each other");
      if (!flags.bootstrap && (flags.shards !== undefined || flags.replicas !== undefined)) {
        command.error("error: --shards and --replicas apply only with --bootstrap");
      }
      await runNode(nodeOptions(flags));
    });
}

export function nodeOptions(flags: StartFlags): NodeOptions {
  const bootstrap = {
    ...(flags.shards === undefined ? {} : { shards: flags.shards }),
    ...(flags.replicas === undefined ? {} : { replicas: flags.replicas }),
  };
  return {
    id: flags.id,
    listen: flags.listen,
    dataDir: flags.data,
    ...(flags.http === undefined ? {} : { http: flags.http }),
    ...(flags.advertise === undefined ? {} : { advertise: flags.advertise }),
    ...(flags.bootstrap ? { bootstrap } : {}),
    ...(flags.join === undefined ? {} : { join: flags.join }),
    ...(flags.logLevel === undefined ? {} : { logLevel: flags.logLevel }),
  };
}

/**
 * RINGKV_SETTINGS: a JSON object of node settings (src/node/config.ts) to override, for tests
 * and tuning, e.g. {"deadMemberTimeoutMs": 5000}. Unknown names and non-numbers are refused.
 */
function settingsFromEnvironment(): Partial<NodeSettings> {
  const text = process.env["RINGKV_SETTINGS"];
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RingkvError("InvalidArgument", "RINGKV_SETTINGS is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null)
    throw new RingkvError("InvalidArgument", "RINGKV_SETTINGS must be an object");
  for (const [name, value] of Object.entries(parsed)) {
    if (!(name in NODE_DEFAULTS))
      throw new RingkvError("InvalidArgument", `RINGKV_SETTINGS: unknown setting ${name}`);
    if (typeof value !== "number" || !(value > 0))
      throw new RingkvError("InvalidArgument", `RINGKV_SETTINGS: ${name} must be a positive number`);
  }
  return parsed as Partial<NodeSettings>;
}

async function runNode(options: NodeOptions): Promise<void> {
  const out = new Output(false);
  // Loaded here, not at the top: client commands should not pay for loading the whole node.
  const { startNode } = await import("../../src/node/node.ts");
  let node: Awaited<ReturnType<typeof startNode>>;
  try {
    node = await startNode(options, settingsFromEnvironment());
  } catch (e) {
    const { ListenError } = await import("../../src/node/listen-error.ts");
    if (e instanceof ListenError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = EXIT_CANNOT_LISTEN;
    } else {
      process.exitCode = out.failure(e);
    }
    return;
  }
  const http = node.httpAddr ? `, HTTP http://${node.httpAddr}` : "";
  process.stdout.write(`ringkv ${node.id} listening: gRPC ${node.addr}${http}, data ${options.dataDir}\n`);
  let stopping = false;
  const stop = (exitCode = 0): void => {
    // Later signals are ignored: the graceful stop is bounded, and SIGKILL remains for the impatient.
    if (stopping) return;
    stopping = true;
    node.stop().then(
      () => process.exit(exitCode),
      (e: unknown) => process.exit(out.failure(e)),
    );
  };
  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());
  // A node removed from the cluster has nothing left to serve. Removed by `ringkv leave` while
  // it ran, that is the end it was asked for; removed while it was down (a leave, or eviction
  // as dead), its data is stale and restarting it as is cannot help: say what to do instead.
  node.onRemoved = (whileDown) => {
    if (!whileDown) return stop();
    node.logger.error(
      { dataDir: options.dataDir, exitCode: EXIT_REMOVED_WHILE_DOWN },
      `${node.id} was removed from the cluster while it was down; wipe --data ${options.dataDir} and start it with --join to add it again`,
    );
    stop(EXIT_REMOVED_WHILE_DOWN);
  };
}
