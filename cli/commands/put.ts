// `ringkv put KEY VALUE [--if-version N]`: write a value, print its new version.
import type { Command } from "commander";
import { integerIn, keyBytes, leaseIdArgument } from "../arguments.ts";
import { type ClientFlags, clientCommand, clientFlags, runWithClient } from "../client-command.ts";

interface PutFlags extends ClientFlags {
  readonly ifVersion?: number;
  readonly lease?: number;
}

export function registerPut(program: Command): void {
  const command = clientCommand(program, "put")
    .description("write VALUE under KEY and print the new version")
    .argument("<key>", "the key (UTF-8)")
    .argument("<value>", "the value (UTF-8)")
    .option(
      "--if-version <n>",
      "compare-and-set: write only if the key's version is N (0: only if absent)",
      integerIn(0, Number.MAX_SAFE_INTEGER),
    )
    .option(
      "--lease <id>",
      "attach the key to a lease (decimal, or hex as etcdctl prints it): deleted when the lease ends",
      leaseIdArgument,
    );
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv put greeting hello            # prints the new version, e.g. 12
  $ ringkv put greeting hi --if-version 12
  $ ringkv put lock me --if-version 0    # create only; exit 1 if it exists
  $ ringkv put session alive --lease 0x694d7b2b1e3e6f0a`,
  );
  command.action(async (key: string, value: string, _: unknown, command: Command) => {
    const flags = clientFlags<PutFlags>(command);
    await runWithClient(flags, async (client, out) => {
      const options = {
        ...(flags.ifVersion === undefined ? {} : { ifVersion: flags.ifVersion }),
        ...(flags.lease === undefined ? {} : { lease: flags.lease }),
      };
      const { version } = await client.put(keyBytes(key), new TextEncoder().encode(value), options);
      out.result({ version }, String(version));
    });
  });
}
