// `ringkv del KEY`: delete a key. Deleting an absent key succeeds (exit 0) and says so, like
// `DELETE /v1/kv/{key}` answering `{"deleted": false}`.
import type { Command } from "commander";
import { keyBytes } from "../arguments.ts";
import { clientCommand, clientFlags, runWithClient } from "../client-command.ts";

export function registerDel(program: Command): void {
  const command = clientCommand(program, "del")
    .description("delete KEY")
    .argument("<key>", "the key (UTF-8)");
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv del greeting                  # prints "deleted" or "absent"`,
  );
  command.action(async (key: string, _: unknown, command: Command) => {
    await runWithClient(clientFlags(command), async (client, out) => {
      const { deleted } = await client.delete(keyBytes(key));
      out.result({ deleted }, deleted ? "deleted" : "absent");
    });
  });
}
