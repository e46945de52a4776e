// `ringkv dev [--nodes 3] [--data ./data]`: a local cluster of real node processes, for trying
// ringkv out. Ctrl-C stops every node gracefully; a second Ctrl-C kills them. Run again with
// the same --data, it restarts the cluster from disk.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type Command, Option } from "commander";
import { integerIn } from "../arguments.ts";
import { refuseClientFlags } from "../client-command.ts";
import type { DevCluster, DevNode } from "../dev-cluster.ts";
import type { DevTlsFiles } from "../dev-tls.ts";
import { EXIT_CODES_HELP } from "../exit-codes.ts";
import { LOG_FORMATS, type LogFormat } from "../log-format.ts";
import { Output } from "../output.ts";
import { LOG_LEVELS } from "./start.ts";

interface DevFlags {
  readonly nodes: number;
  readonly data: string;
  readonly grpcPort: number;
  readonly httpPort: number;
  readonly logFormat?: LogFormat;
  readonly logLevel?: string;
  readonly tls?: boolean;
  readonly auth?: boolean;
}

export function registerDev(program: Command): void {
  program
    .command("dev")
    .description("run a local cluster: nodes on 127.0.0.1:7001.. (gRPC) and 8001.. (HTTP)")
    .option("--nodes <n>", "number of nodes", integerIn(1, 20), 3)
    .option("--data <dir>", "root of the nodes' data directories", "./data")
    .option(
      "--grpc-port <port>",
      "gRPC port of n1; n2 takes the next, and so on",
      integerIn(1, 65535),
      DEV_GRPC_PORT,
    )
    .option(
      "--http-port <port>",
      "HTTP port of n1; n2 takes the next, and so on",
      integerIn(1, 65535),
      DEV_HTTP_PORT,
    )
    .option("--tls", "TLS everywhere, mutual TLS between nodes; certificates made in <data>/tls on first use")
    .addOption(
      new Option("--log-format <format>", "pretty: one coloured line per event; json: the nodes' JSON lines")
        .choices(LOG_FORMATS)
        .default(undefined, "pretty in a terminal, else json"),
    )
    .option(
      "--auth",
      "turn token authentication on: write a new admin token's hash to DATA/tokens and print the token",
    )
    .addOption(
      new Option("--log-level <level>", "least severe node log line shown")
        .choices(LOG_LEVELS)
        .default(undefined, "warn with pretty, info with json"),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ ringkv dev                           # three nodes, data in ./data/n1..n3
  $ ringkv dev --nodes 5 --data /tmp/ringkv
  $ ringkv dev --log-format json > dev.log
  $ ringkv dev --tls                     # certificates in ./data/tls, made once
Run it again with the same --data to restart the cluster from disk.

${EXIT_CODES_HELP}`,
    )
    .action(async (flags: DevFlags, command: Command) => {
      refuseClientFlags(command);
      await runDev(flags);
    });
}

async function runDev(flags: DevFlags): Promise<void> {
  const out = new Output(false);
  const { DevCluster, devNodes, restartCommand, ringkvArgs } = await import("../dev-cluster.ts");
  const { ensureDevTls } = await import("../dev-tls.ts");
  const { LogRelay } = await import("../log-relay.ts");
  const format = flags.logFormat ?? (process.stdout.isTTY ? "pretty" : "json");
  const shownLevel = flags.logLevel ?? (format === "pretty" ? "warn" : "info");
  const relay = new LogRelay({
    format,
    shownLevel,
    out: process.stdout,
    colour: process.stdout.isTTY === true,
  });
  let cluster: DevCluster;
  let tls: DevTlsFiles | null = null;
  let token: string | undefined;
  try {
    if (flags.tls === true) {
      const made = await ensureDevTls(flags.data);
      tls = made.files;
      relay.event(
        "info",
        `${made.generated ? "generated" : "reusing"} TLS certificates in ${dirname(tls.ca)}`,
      );
    }
    const ports = { grpcPortFirst: flags.grpcPort, httpPortFirst: flags.httpPort };
    // The nodes log at the level shown, unless it is above info: lifecycle lines stay in the log.
    const nodeLevel = shownLevel === "debug" || shownLevel === "trace" ? shownLevel : "info";
    const auth = flags.auth ? await devAuth(flags.data) : undefined;
    cluster = new DevCluster(devNodes(flags.nodes, flags.data, ports), relay, nodeLevel, tls, auth);
    token = auth?.token;
  } catch (e) {
    process.exitCode = out.failure(e);
    return;
  }
  const restarting = cluster.nodes.some((n) => !n.fresh);
  relay.event(
    "info",
    `${restarting ? "restarting" : "starting"} ${cluster.nodes.length} node(s), data in ${flags.data}`,
  );
  let signals = 0;
  const onSignal = (): void => {
    signals++;
    const signal = signals === 1 ? "SIGTERM" : "SIGKILL";
    if (signals === 1) relay.event("info", "stopping the cluster (Ctrl-C again to kill it)");
    cluster.stop(signal).then(() => process.exit(signals === 1 ? 0 : 1));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await cluster.start();
  } catch (e) {
    if (signals > 0) return;
    // A node that could not start said why (its own exit code: 2, 4, 5…); dev ends the same way.
    const { NodeExitedError } = await import("../dev-cluster.ts");
    if (e instanceof NodeExitedError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = e.exitCode !== null && e.exitCode > 0 ? e.exitCode : 3;
    } else {
      process.exitCode = out.failure(e);
    }
    await cluster.stop();
    process.exit();
  }
  const nodes = cluster.nodes.map((n) => ({
    ...n,
    pid: cluster.pid(n.id) ?? 0,
    restart: [
      ...(token ? [`RINGKV_PEER_TOKEN=${token}`] : []),
      process.execPath,
      ...ringkvArgs(),
      ...restartCommand(n, "info", tls),
      ...(token ? ["--auth-file", join(flags.data, DEV_TOKEN_FILE)] : []),
    ]
      .map(shellQuote)
      .join(" "),
  }));
  if (format === "pretty") {
    const note =
      shownLevel === "warn" ? "Only warnings and errors are shown below (--log-level info for more).\n" : "";
    process.stdout.write(`${bannerText(nodes, flags.data, tls, token)}${note}${RULE}\n`);
  } else {
    relay.event("info", "ringkv dev: cluster ready", {
      nodes: nodes.map(bannerFields),
      data: flags.data,
      // With --tls the HTTP addresses speak https, and clients need this CA (RINGKV_CA).
      ...(tls ? { scheme: "https", ca: tls.ca } : {}),
      ...(token ? { token } : {}),
    });
  }
}

/** The token file of `ringkv dev --auth`, under the data root. */
export const DEV_TOKEN_FILE = "tokens";

/**
 * A new admin token for this run, its hash written (replacing the last run's) to the token file
 * the nodes read: a dev cluster's token is as throwaway as the cluster.
 */
async function devAuth(dataRoot: string): Promise<{ file: string; token: string }> {
  const { formatTokenLine, generateToken, hashToken } = await import("../../src/node/auth/index.ts");
  const { TOKEN_FILE_MODE } = await import("./auth.ts");
  const token = generateToken();
  const file = join(dataRoot, DEV_TOKEN_FILE);
  await mkdir(dataRoot, { recursive: true });
  await writeFile(file, formatTokenLine({ name: "dev-admin", role: "admin", hash: hashToken(token) }), {
    mode: TOKEN_FILE_MODE,
  });
  return { file, token };
}

export interface RunningNode extends DevNode {
  readonly pid: number;
  /** The exact shell line that restarts this node from its data. */
  readonly restart: string;
}

const RULE = "─".repeat(72);

/** What the banner says of one node, for the JSON form. */
function bannerFields(n: RunningNode): Record<string, unknown> {
  return { id: n.id, pid: n.pid, addr: n.addr, http: n.http, data: n.dataDir, restart: n.restart };
}

const DEV_GRPC_PORT = 7001;
const DEV_HTTP_PORT = 8001;
const DEV_NODES = 3;

function portOf(address: string | undefined): number {
  return Number(address?.slice(address.lastIndexOf(":") + 1));
}

export function bannerText(
  nodes: readonly RunningNode[],
  dataRoot: string,
  tls: DevTlsFiles | null = null,
  token?: string,
): string {
  const addrs = nodes.map((n) => n.addr).join(",");
  const scheme = tls ? "https" : "http";
  const http = `${scheme}://${nodes[0]?.http ?? ""}`;
  // With --auth every example carries the token: the CLI through RINGKV_TOKEN, curl a header.
  const tokenLine = token ? `\n  export RINGKV_TOKEN=${token}` : "";
  const curlAuth = token ? ` -H "Authorization: Bearer $RINGKV_TOKEN"` : "";
  const curl = `${tls ? `curl --cacert ${tls.ca}` : "curl"}${curlAuth}`;
  const rows = nodes.map(
    (n) =>
      `  ${n.id}  pid ${n.pid}  gRPC${tls ? " (TLS)" : ""} ${n.addr}  HTTP ${scheme}://${n.http}  data ${n.dataDir}`,
  );
  const ca = tls ? `  export RINGKV_CA=${tls.ca}\n` : "";
  // The same flags again: the nodes' addresses are recorded in the cluster, so a restart on
  // other ports would leave every node unable to reach the others.
  const again = [
    nodes.length === DEV_NODES ? "" : ` --nodes ${nodes.length}`,
    portOf(nodes[0]?.addr) === DEV_GRPC_PORT ? "" : ` --grpc-port ${portOf(nodes[0]?.addr)}`,
    portOf(nodes[0]?.http) === DEV_HTTP_PORT ? "" : ` --http-port ${portOf(nodes[0]?.http)}`,
    tls ? " --tls" : "",
    token ? " --auth" : "",
  ].join("");
  const example = nodes[nodes.length - 1];
  const failover = example
    ? `
Failover exercise: kill a node, watch the others carry on, then restart it from its data
in another terminal (it is then no longer under this dev process; Ctrl-C there stops it):
  kill -9 ${example.pid}
  ${example.restart}`
    : "";
  return `
${RULE}
ringkv dev: ${nodes.length} node(s) up
${rows.join("\n")}

Point the CLI at the cluster:
${ca}  export RINGKV_ADDR=${addrs}${tokenLine}
  npx ringkv put greeting hello
  npx ringkv get greeting
  npx ringkv status

Or use HTTP:
  ${curl} -X PUT --data-binary hello ${http}/v1/kv/greeting
  ${curl} ${http}/v1/kv/greeting
  ${curl} ${http}/v1/status
  open ${http}/ (status page) or ${http}/metrics
${failover}

Ctrl-C stops the cluster; \`ringkv dev --data ${dataRoot}${again}\` restarts it from disk.
`;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
