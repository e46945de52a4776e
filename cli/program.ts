// The `ringkv` command line (shared/DESIGN.md §4, a contract): one commander program, one file
// per command under commands/.
import { createRequire } from "node:module";
import { Command } from "commander";
import { addClientOptions, DEFAULT_TIMEOUT_S } from "./client-command.ts";
import { registerAuth } from "./commands/auth.ts";
import { registerDel } from "./commands/del.ts";
import { registerDev } from "./commands/dev.ts";
import { registerGet } from "./commands/get.ts";
import { registerLease } from "./commands/lease.ts";
import { registerLeave } from "./commands/leave.ts";
import { registerPut } from "./commands/put.ts";
import { registerRing } from "./commands/ring.ts";
import { registerSnapshot } from "./commands/snapshot.ts";
import { registerStart } from "./commands/start.ts";
import { registerStatus } from "./commands/status.ts";
import { registerWatch } from "./commands/watch.ts";
import { EXIT_CODES_HELP } from "./exit-codes.ts";

// By the package's own name (its "exports" lists ./package.json): the same from cli/ under tsx
// and from dist/cli in an installed package.
const { version } = createRequire(import.meta.url)("ringkv/package.json") as { version: string };

export function createProgram(): Command {
  const program = new Command("ringkv")
    .description("A sharded, replicated, strongly consistent key-value store.")
    .version(version)
    // Throw instead of exiting so main maps usage errors to exit 2; set before the subcommands
    // are created so they inherit it.
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");
  addClientOptions(program).addHelpText(
    "after",
    `
Client commands take --addr HOST:PORT[,…] (env RINGKV_ADDR, default 127.0.0.1:7001), --json and
--timeout SECONDS (default ${DEFAULT_TIMEOUT_S}), before or after the command.
${EXIT_CODES_HELP}

Examples:
  $ ringkv dev                           # a local three-node cluster
  $ ringkv put greeting hello
  $ ringkv get greeting
  $ ringkv status --addr 127.0.0.1:7002`,
  );
  registerStart(program);
  registerDev(program);
  registerPut(program);
  registerGet(program);
  registerDel(program);
  registerStatus(program);
  registerRing(program);
  registerLease(program);
  registerLeave(program);
  registerSnapshot(program);
  registerAuth(program);
  registerWatch(program);
  return program;
}
