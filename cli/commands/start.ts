// `ringkv start`: run one node in this process until SIGTERM or SIGINT, then stop it gracefully
// (leaderships handed off, log flushed) and exit 0.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { RingkvError } from "../../src/api/errors.ts";
import type { NodeOptions } from "../../src/node/options.ts";
import { refuseClientFlags } from "../client-command.ts";
import {
  EXIT_CANNOT_LISTEN,
  EXIT_CODES_HELP,
  EXIT_DATA_FORMAT_TOO_NEW,
  EXIT_REMOVED_WHILE_DOWN,
  EXIT_USAGE,
} from "../exit-codes.ts";
import { Output } from "../output.ts";
import {
  CONFIG_ENV,
  LOG_LEVELS,
  parseConfigFile,
  REPLICAS_MAX,
  type ResolvedStartConfig,
  redactSecrets,
  resolveStartConfig,
  SETTINGS_ENV,
  SHARDS_MAX,
  type StartConfig,
} from "../start-config.ts";

export { LOG_LEVELS } from "../start-config.ts";

interface StartFlags {
  readonly config?: string;
  readonly printConfig?: boolean;
  readonly [flag: string]: string | boolean | undefined;
}

export function registerStart(program: Command): void {
  // Values are taken as typed and checked by resolveStartConfig, the same way whether they come
  // from a flag, the environment or the config file; so no parsers, defaults or required
  // options here (--id, --listen and --data may come from the environment or the file).
  program
    .command("start")
    .description("run a node (restart it with the same line minus --bootstrap/--join)")
    .option("--config <file>", `config file, YAML or JSON (env ${CONFIG_ENV})`)
    .option(
      "--print-config",
      "print the effective configuration as JSON, and where each value came from; then exit",
    )
    .option("--id <id>", "stable node id, e.g. n1 (required)")
    .option("--listen <host:port>", "gRPC address for clients and peers (required)")
    .option(
      "--advertise <host:port>",
      "gRPC address peers and clients use to reach this node (default: --listen)",
    )
    .option("--http <host:port>", "HTTP address for the REST API, /metrics and the status page")
    .option(
      "--advertise-http <host:port>",
      "HTTP address other nodes and clients use (status page links, members' http; default: --http)",
    )
    .option("--data <dir>", "data directory: write-ahead log, snapshots (required)")
    .option("--bootstrap", "create a new cluster with this node as its first member")
    .option("--shards <n>", `with --bootstrap: number of shards (1–${SHARDS_MAX})`)
    .option("--replicas <n>", `with --bootstrap: replicas per shard (1–${REPLICAS_MAX})`)
    .option("--join <host:port,...>", "ask these members (in turn) to add this node")
    .option("--log-level <level>", `log level: ${LOG_LEVELS.join(", ")} (default: info)`)
    .option("--cert <file>", "PEM certificate the gRPC and HTTP ports present (TLS)")
    .option("--key <file>", "PEM private key of --cert")
    .option("--ca <file>", "PEM CA bundle that signed --cert's peers' and clients' certificates")
    .option("--client-cert-auth", "refuse callers without a certificate from --ca or --peer-ca")
    .option("--peer-cert <file>", "PEM certificate this node presents to other nodes (mutual TLS)")
    .option("--peer-key <file>", "PEM private key of --peer-cert")
    .option(
      "--peer-ca <file>",
      "PEM CA bundle of the cluster's nodes: only its certificates may call peer RPCs",
    )
    .option("--insecure", "allow plaintext on a non-loopback address (refused otherwise)")
    .option(
      "--auth-file <file>",
      "token file (NAME ROLE sha256:HASH lines, `ringkv auth add-token`): turns authentication on; reloaded on SIGHUP",
    )
    .option(
      "--peer-token <token>",
      "with --auth-file: admin token this node presents to its peers (prefer RINGKV_PEER_TOKEN: flags show in ps)",
    )
    .addHelpText(
      "after",
      `
Every flag can also be set by an environment variable RINGKV_<FLAG> (RINGKV_LISTEN,
RINGKV_ADVERTISE_HTTP, RINGKV_JOIN=h1:p1,h2:p2, RINGKV_BOOTSTRAP=true, …) or by a key of the
--config file, the flag in camelCase (listen, advertiseHttp, data, join: [h1:p1, h2:p2], …);
node settings go under its \`settings:\` key or in ${SETTINGS_ENV} (JSON). Precedence: flag > env >
file > default.

Examples:
  $ ringkv start --id n1 --listen 127.0.0.1:7001 --http 127.0.0.1:8001 --data ./data/n1 --bootstrap
  $ ringkv start --id n2 --listen 127.0.0.1:7002 --http 127.0.0.1:8002 --data ./data/n2 --join 127.0.0.1:7001
  $ ringkv start --id n1 --listen 127.0.0.1:7001 --http 127.0.0.1:8001 --data ./data/n1   # restart
  $ ringkv start --config n1.yaml --print-config

--join is for a node with an empty --data only; a data directory that holds state is restarted
without it (exit 2 otherwise).

${EXIT_CODES_HELP}`,
    )
    .action(async (flags: StartFlags, command: Command) => {
      refuseClientFlags(command);
      const { config: configFlag, printConfig, ...startFlags } = flags;
      const resolved = await resolveFromProcess(startFlags, configFlag);
      if (printConfig === true) {
        process.stdout.write(`${JSON.stringify(redactSecrets(resolved), null, 2)}\n`);
        return;
      }
      await runNode(resolved.config);
    });
}

/** Read the config file (--config, else RINGKV_CONFIG) and resolve; the I/O around the pure part. */
async function resolveFromProcess(
  flags: Readonly<Record<string, string | boolean | undefined>>,
  configFlag: string | undefined,
): Promise<ResolvedStartConfig> {
  const path = configFlag ?? (process.env[CONFIG_ENV] || undefined);
  let file: { path: string; content: unknown } | undefined;
  if (path !== undefined) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (e) {
      const origin = configFlag === undefined ? `env ${CONFIG_ENV}` : "flag --config";
      throw new RingkvError(
        "InvalidArgument",
        `${origin}: cannot read config file ${path}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    file = { path, content: parseConfigFile(path, text) };
  }
  return resolveStartConfig({ flags, env: process.env, ...(file ? { file } : {}) });
}

export function nodeOptions(config: StartConfig): NodeOptions {
  const tls = {
    ...(config.cert === undefined ? {} : { cert: config.cert }),
    ...(config.key === undefined ? {} : { key: config.key }),
    ...(config.ca === undefined ? {} : { ca: config.ca }),
    ...(config.clientCertAuth === undefined ? {} : { clientCertAuth: config.clientCertAuth }),
    ...(config.peerCert === undefined ? {} : { peerCert: config.peerCert }),
    ...(config.peerKey === undefined ? {} : { peerKey: config.peerKey }),
    ...(config.peerCa === undefined ? {} : { peerCa: config.peerCa }),
  };
  const bootstrap = {
    ...(config.shards === undefined ? {} : { shards: config.shards }),
    ...(config.replicas === undefined ? {} : { replicas: config.replicas }),
  };
  return {
    id: config.id,
    listen: config.listen,
    dataDir: config.data,
    ...(config.http === undefined ? {} : { http: config.http }),
    ...(config.advertiseHttp === undefined ? {} : { advertiseHttp: config.advertiseHttp }),
    ...(config.advertise === undefined ? {} : { advertise: config.advertise }),
    ...(config.bootstrap ? { bootstrap } : {}),
    ...(config.join === undefined ? {} : { join: config.join }),
    logLevel: config.logLevel,
    ...(Object.keys(tls).length === 0 ? {} : { tls }),
    ...(config.insecure === true ? { insecure: true } : {}),
    ...(config.authFile === undefined
      ? {}
      : {
          auth: {
            file: config.authFile,
            ...(config.peerToken === undefined ? {} : { peerToken: config.peerToken }),
          },
        }),
  };
}

async function runNode(config: StartConfig): Promise<void> {
  const options = nodeOptions(config);
  const out = new Output(false);
  // Loaded here, not at the top: client commands should not pay for loading the whole node.
  const { startNode } = await import("../../src/node/node.ts");
  let node: Awaited<ReturnType<typeof startNode>>;
  try {
    node = await startNode(options, config.settings);
  } catch (e) {
    const { ListenError } = await import("../../src/node/listen-error.ts");
    if (e instanceof ListenError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = EXIT_CANNOT_LISTEN;
    } else if (e instanceof Error && storageCode(e) === "FormatTooNew") {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = EXIT_DATA_FORMAT_TOO_NEW;
    } else if (e instanceof Error && storageCode(e) === "DataDirLocked") {
      // A second node on a directory another one runs on: a usage mistake, not a fault.
      process.stderr.write(
        `error: ${e.message}: another ringkv node runs on it; give this one its own --data\n`,
      );
      process.exitCode = EXIT_USAGE;
    } else {
      process.exitCode = out.failure(e);
    }
    return;
  }
  const secure = options.tls?.cert !== undefined;
  const http = node.httpAddr ? `, HTTP ${secure ? "https" : "http"}://${node.httpAddr}` : "";
  const grpcLabel = secure ? "gRPC (TLS)" : "gRPC";
  process.stdout.write(
    `ringkv ${node.id} listening: ${grpcLabel} ${node.addr}${http}, data ${options.dataDir}\n`,
  );
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
  // SIGHUP reloads the token file, as daemons reload their configuration; a bad file is logged
  // naming its line and the tokens in force stay (AuthGate.reload). Without auth it is ignored
  // rather than ending the process, as SIGHUP does by default.
  process.on("SIGHUP", () => {
    node.reloadAuth().catch(() => {});
  });
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

/** The stable code of a storage error (src/storage/errors.ts), which the CLI may not import. */
function storageCode(e: Error): unknown {
  return e.name.startsWith("StorageError") ? (e as { code?: unknown }).code : undefined;
}
