// What every client command shares: the --addr and --json flags, and running the command's body
// with a connected RingkvClient whose failures become a message and an exit code.
import { type Command, Option } from "commander";
import type { RingkvClient } from "../src/client/index.ts";
import { Output } from "./output.ts";

export const DEFAULT_ADDR = "127.0.0.1:7001";

export interface ClientFlags {
  readonly addr: string;
  readonly json: boolean;
}

export function addClientOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--addr <host:port,...>", "node gRPC addresses to try, comma-separated")
        .env("RINGKV_ADDR")
        .default(DEFAULT_ADDR),
    )
    .option("--json", "print machine-readable JSON", false);
}

/** Run `body` against the cluster; sets process.exitCode from any failure and always closes. */
export async function runWithClient(
  flags: ClientFlags,
  body: (client: RingkvClient, out: Output) => Promise<void>,
): Promise<void> {
  const out = new Output(flags.json);
  let client: RingkvClient | undefined;
  try {
    // Loaded on use: --help and usage errors should not wait for gRPC and protobufjs to load.
    const { RingkvClient } = await import("../src/client/index.ts");
    client = new RingkvClient({ addresses: flags.addr.split(",") });
    await body(client, out);
  } catch (e) {
    process.exitCode = out.failure(e);
  } finally {
    client?.close();
  }
}
