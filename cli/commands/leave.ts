// `ringkv leave NODE_ID`: remove a member from the cluster cleanly.
import type { Command } from "commander";
import { clientCommand, clientFlags, runWithClient } from "../client-command.ts";

export function registerLeave(program: Command): void {
  const command = clientCommand(program, "leave")
    .description("remove NODE_ID from the cluster (its leaderships move away first)")
    .argument("<node-id>", "the member to remove, e.g. n3");
  command.addHelpText(
    "after",
    `
Examples:
  $ ringkv leave n3`,
  );
  command.action(async (id: string, _: unknown, command: Command) => {
    await runWithClient(clientFlags(command), async (client, out) => {
      await client.leave(id);
      out.result({ left: id }, `${id} left the cluster`);
    });
  });
}
