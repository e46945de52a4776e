// What every client command shares: the --addr, --json and --timeout flags, and running the
// command's body with a connected RingkvClient whose failures become a message and an exit code.
//
// The flags live on the program, not on each command, so they are accepted before the command
// (`ringkv --addr X get k`, as `etcdctl --endpoints X get k`) as well as after it; commander reads
// program options anywhere on the line unless positional options are enabled.
import { type Command, Option } from "commander";
import { RingkvError } from "../src/api/errors.ts";
import type { RingkvClient } from "../src/client/index.ts";
import { integerIn } from "./arguments.ts";
import { addClientTlsOptions, type ClientTlsFlags, clientTls } from "./client-tls.ts";
import { Output } from "./output.ts";

export const DEFAULT_ADDR = "127.0.0.1:7001";
/** How long a client command may take as a whole, connecting and retrying included. */
export const DEFAULT_TIMEOUT_S = 5;
export const TIMEOUT_S_MAX = 3600;

export interface ClientFlags extends ClientTlsFlags {
  readonly addr: string;
  readonly json: boolean;
  /** Seconds the whole command may take before it gives up with exit 3. */
  readonly timeout: number;
  /** Bearer token for a cluster with authentication on (--token, RINGKV_TOKEN). */
  readonly token?: string;
}

const CLIENT_FLAG_NAMES = ["addr", "json", "timeout", "token"] as const;

/** The client flags, on the program so every command (and the line before it) accepts them. */
export function addClientOptions(program: Command): Command {
  return program
    .addOption(
      new Option("--addr <host:port,...>", "client commands: node gRPC addresses to try, comma-separated")
        .env("RINGKV_ADDR")
        .default(DEFAULT_ADDR),
    )
    .option("--json", "client commands: print machine-readable JSON", false)
    .addOption(
      new Option("--timeout <seconds>", "client commands: give up (exit 3) after this many seconds")
        .argParser(integerIn(1, TIMEOUT_S_MAX))
        .default(DEFAULT_TIMEOUT_S),
    )
    .addOption(
      // The environment is the better place: a flag shows in `ps` and shell history.
      new Option("--token <token>", "client commands: bearer token when the cluster has auth on").env(
        "RINGKV_TOKEN",
      ),
    );
}

/** A client command: its help also lists the program's client flags; it takes --ca/--cert/--key. */
export function clientCommand(program: Command, name: string): Command {
  return addClientTlsOptions(program.command(name).configureHelp({ showGlobalOptions: true }));
}

/** The command's flags with the client flags, given before or after the command. */
export function clientFlags<T extends ClientFlags = ClientFlags>(command: Command): T {
  return command.optsWithGlobals<T>();
}

/**
 * The client flags, with `timeoutS` as the --timeout default for a command that waits on purpose
 * (`leave` waits for replicas to move) when the line did not give one.
 */
export function clientFlagsWaiting(command: Command, timeoutS: number): ClientFlags {
  const flags = clientFlags(command);
  const root = command.parent ?? command;
  return root.getOptionValueSource("timeout") === "default" ? { ...flags, timeout: timeoutS } : flags;
}

function tlsOption<T>(tls: T | undefined): { tls: T } | Record<string, never> {
  return tls === undefined ? {} : { tls };
}

/** Reject client flags typed on a server command (`ringkv start --json`) instead of ignoring them. */
export function refuseClientFlags(command: Command): void {
  const root = command.parent ?? command;
  for (const name of CLIENT_FLAG_NAMES) {
    if (root.getOptionValueSource(name) === "cli") {
      command.error(`error: --${name} applies to client commands, not to ${command.name()}`);
    }
  }
}

/**
 * How much sooner than --timeout the client's own retry budget ends: time for its last attempt's
 * deadline to fire and its explained error to arrive before the command's timer does.
 */
export const CLIENT_GIVE_UP_MARGIN_MS = 250;

/** The client's retry budget under --timeout: the timeout less the margin, at least half of it. */
export function clientBudgetMs(timeoutMs: number): number {
  return Math.max(timeoutMs / 2, timeoutMs - CLIENT_GIVE_UP_MARGIN_MS);
}

/**
 * Run `body` against the cluster; sets process.exitCode from any failure and always closes.
 * The whole command, retries included, is bounded by --timeout: the client's own retry budget
 * is set to it, and a timer ends the wait should anything still be pending then.
 */
export async function runWithClient(
  flags: ClientFlags,
  body: (client: RingkvClient, out: Output) => Promise<void>,
  /** `untimed`: the command runs until stopped (`watch`); --timeout bounds each attempt only. */
  how: { readonly untimed?: boolean } = {},
): Promise<void> {
  const out = new Output(flags.json);
  const timeoutMs = flags.timeout * 1000;
  let client: RingkvClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Loaded on use: --help and usage errors should not wait for gRPC and protobufjs to load.
    // The clock starts once it is loaded: --timeout bounds the wait for the cluster, not the
    // process's own start-up.
    const { RingkvClient } = await import("../src/client/index.ts");
    client = new RingkvClient({
      addresses: flags.addr.split(","),
      // The client gives up a little before the timer below, so the error says which shard and
      // why (src/client/give-up.ts) instead of only that time ran out.
      deadlineMs: clientBudgetMs(timeoutMs),
      retry: { budgetMs: clientBudgetMs(timeoutMs) },
      ...tlsOption(clientTls(flags)),
      // An empty RINGKV_TOKEN counts as unset, as shells write `RINGKV_TOKEN= ringkv get k`.
      ...(flags.token ? { token: flags.token } : {}),
    });
    const expired = new Promise<never>((_, reject) => {
      if (how.untimed) return;
      timer = setTimeout(() => {
        reject(
          new RingkvError("Timeout", `no answer from the cluster within ${flags.timeout} s (--timeout)`),
        );
      }, timeoutMs);
    });
    await Promise.race([body(client, out), expired]);
  } catch (e) {
    process.exitCode = out.failure(e);
  } finally {
    clearTimeout(timer);
    client?.close();
  }
}
