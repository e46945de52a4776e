// `ringkv del KEY`: delete a key. Deleting an absent key succeeds (exit 0) and says so, like
// `DELETE /v1/kv/{key}` answering `{"deleted": false}`.
import type { Command } from "commander";
import { keyBytes } from "../arguments.ts";
import { addClientOptions, type ClientFlags, runWithClient } from "../client-command.ts";

export function registerDel(program: Command): void {
  const command = program.command("del").description("delete KEY").argument("<key>", "the key (UTF-8)");
  addClientOptions(command).addHelpText(
    "after",
    `
Examples:
  $ ringkv del greeting                  # prints "deleted" or "absent"`,
  );
  command.action(async (key: string, flags: ClientFlags) => {
    await runWithClient(flags, async (client, out) => {
      const { deleted } = await client.delete(keyBytes(key));
      out.result({ deleted }, deleted ? "deleted" : "absent");
    });
  });
}
