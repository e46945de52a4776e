// `ringkv leave NODE_ID`: remove a member from the cluster cleanly.
import type { Command } from "commander";
import { clientCommand, clientFlagsWaiting, runWithClient } from "../client-command.ts";

/**
 * leave's --timeout default: the node's own bound on a leave (leaveTimeoutMs, 120 s) and a
 * margin, since moving every replica off a member takes longer than a request.
 */
export const LEAVE_TIMEOUT_S = 130;

export function registerLeave(program: Command): void {
  const command = clientCommand(program, "leave")
    .description("remove NODE_ID from the cluster (its leaderships move away first)")
    .argument("<node-id>", "the member to remove, e.g. n3");
  command.addHelpText(
    "after",
    `
Waits until the member has left (--timeout default here: ${LEAVE_TIMEOUT_S} s). An unknown id is refused (exit 2).

Examples:
  $ ringkv leave n3`,
  );
  command.action(async (id: string, _: unknown, command: Command) => {
    await runWithClient(clientFlagsWaiting(command, LEAVE_TIMEOUT_S), async (client, out) => {
      await client.leave(id);
      out.result({ left: id }, `${id} left the cluster`);
    });
  });
}
