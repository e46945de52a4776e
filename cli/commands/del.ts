// `ringkv del KEY [--if-version N]`: delete a key. Deleting an absent key succeeds (exit 0) and
// says so, like `DELETE /v1/kv/{key}` answering `{"deleted": false}`.
import type { Command } from "commander";
import { integerIn, keyBytes } from "../arguments.ts";
import { type ClientFlags, clientCommand, clientFlags, runWithClient } from "../client-command.ts";

interface DelFlags extends ClientFlags {
  readonly ifVersion?: number;
}

export function registerDel(program: Command): void {
  const command = clientCommand(program, "del")
    .description("delete KEY")
    .argument("<key>", "the key (UTF-8)")
    .option(
      "--if-version <n>",
      "delete only if the key's version is N (exit 1 otherwise)",
      integerIn(0, Number.MAX_SAFE_INTEGER),
    );
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv del greeting                  # prints "deleted" or "absent"
  $ ringkv del greeting --if-version 12  # only if nobody wrote it since version 12`,
  );
  command.action(async (key: string, _: unknown, command: Command) => {
    const flags = clientFlags<DelFlags>(command);
    await runWithClient(flags, async (client, out) => {
      const options = flags.ifVersion === undefined ? {} : { ifVersion: flags.ifVersion };
      const { deleted } = await client.delete(keyBytes(key), options);
      out.result({ deleted }, deleted ? "deleted" : "absent");
    });
  });
}
