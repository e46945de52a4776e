// `ringkv leave NODE_ID`: remove a member from the cluster cleanly.
import type { Command } from "commander";
import { addClientOptions, type ClientFlags, runWithClient } from "../client-command.ts";

export function registerLeave(program: Command): void {
  const command = program
    .command("leave")
    .description("remove NODE_ID from the cluster (its leaderships move away first)")
    .argument("<node-id>", "the member to remove, e.g. n3");
  addClientOptions(command).addHelpText(
    "after",
    `
Examples:
  $ ringkv leave n3`,
  );
  command.action(async (id: string, flags: ClientFlags) => {
    await runWithClient(flags, async (client, out) => {
      await client.leave(id);
      out.result({ left: id }, `${id} left the cluster`);
    });
  });
}
