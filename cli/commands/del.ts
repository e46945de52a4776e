// `ringkv del KEY [--if-version N]`: delete a key (--prefix: every key starting with KEY). Deleting an absent key succeeds (exit 0) and
// says so, like `DELETE /v1/kv/{key}` answering `{"deleted": false}`.
import type { Command } from "commander";
import { RingkvError } from "../../src/api/errors.ts";
import { integerIn, keyBytes } from "../arguments.ts";
import { type ClientFlags, clientCommand, clientFlags, runWithClient } from "../client-command.ts";
import { deletePrefix } from "../prefix-listing.ts";

interface DelFlags extends ClientFlags {
  readonly ifVersion?: number;
  readonly prefix: boolean;
}

export function registerDel(program: Command): void {
  const command = clientCommand(program, "del")
    .description("delete KEY")
    .argument("<key>", "the key (UTF-8)")
    .option(
      "--if-version <n>",
      "delete only if the key's version is N (exit 1 otherwise)",
      integerIn(0, Number.MAX_SAFE_INTEGER),
    )
    .option("--prefix", "delete every key starting with KEY; prints how many", false);
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv del greeting                  # prints "deleted" or "absent"
  $ ringkv del greeting --if-version 12  # only if nobody wrote it since version 12
  $ ringkv del --prefix user/            # prints how many keys were deleted`,
  );
  command.action(async (key: string, _: unknown, command: Command) => {
    const flags = clientFlags<DelFlags>(command);
    if (flags.prefix && flags.ifVersion !== undefined) {
      throw new RingkvError("InvalidArgument", "--if-version does not go with --prefix");
    }
    await runWithClient(flags, async (client, out) => {
      if (flags.prefix) return deletePrefix(client, keyBytes(key), out);
      const options = flags.ifVersion === undefined ? {} : { ifVersion: flags.ifVersion };
      const { deleted } = await client.delete(keyBytes(key), options);
      out.result({ deleted }, deleted ? "deleted" : "absent");
    });
  });
}
