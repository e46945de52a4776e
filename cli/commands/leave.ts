// `ringkv leave NODE_ID`: remove a member from the cluster cleanly, and wait for the outcome.
import type { Command } from "commander";
import {
  CLIENT_GIVE_UP_MARGIN_MS,
  clientCommand,
  clientFlagsWaiting,
  runWithClient,
} from "../client-command.ts";
import { describeProgress, type LeaveProgress, leaveAndWait } from "../leave-watch.ts";

/**
 * leave's --timeout default: the node's own bound on a leave (leaveTimeoutMs, 120 s) and a
 * margin, since moving every replica off a member takes longer than a request.
 */
export const LEAVE_TIMEOUT_S = 130;
/** How often the command checks the cluster's status while the leave is under way, in ms. */
export const LEAVE_POLL_MS = 1_000;
/** How long it waits before asking again after a request that failed, in ms. */
export const LEAVE_RETRY_MS = 500;

export function registerLeave(program: Command): void {
  const command = clientCommand(program, "leave")
    .description("remove NODE_ID from the cluster (its replicas and leaderships move away first)")
    .argument("<node-id>", "the member to remove, e.g. n3");
  command.addHelpText(
    "after",
    `
Waits until the member is gone from the member list (--timeout default here: ${LEAVE_TIMEOUT_S} s),
asking again after timeouts and unavailable nodes, and shows progress on a terminal. If time
runs out it says how far the leave got (the leave goes on in the cluster; exit 3).
An unknown id is refused (exit 2).

Examples:
  $ ringkv leave n3`,
  );
  command.action(async (id: string, _: unknown, command: Command) => {
    const flags = clientFlagsWaiting(command, LEAVE_TIMEOUT_S);
    await runWithClient(flags, async (client, out) => {
      const progress = progressLine(process.stderr, id);
      try {
        const outcome = await leaveAndWait(client, id, {
          // Ends before runWithClient's own timer, so the error says how far the leave got.
          untilMs: performance.now() + flags.timeout * 1000 - CLIENT_GIVE_UP_MARGIN_MS,
          pollMs: LEAVE_POLL_MS,
          retryMs: LEAVE_RETRY_MS,
          onProgress: progress.show,
        });
        progress.end();
        const seconds = (outcome.elapsedMs / 1000).toFixed(1);
        out.result(
          { left: id, attempts: outcome.attempts, elapsedMs: Math.round(outcome.elapsedMs) },
          `${id} left the cluster (${seconds} s)`,
        );
      } finally {
        progress.end();
      }
    });
  });
}

/** A progress line rewritten in place on a terminal; nothing when stderr is a pipe or a file. */
export function progressLine(
  stream: { readonly isTTY?: boolean; write(text: string): unknown },
  id: string,
): { show: (p: LeaveProgress) => void; end: () => void } {
  let shown = false;
  return {
    show: (p) => {
      if (stream.isTTY !== true) return;
      stream.write(`\r\x1b[2K${describeProgress(id, p)}`);
      shown = true;
    },
    end: () => {
      if (shown) stream.write("\n");
      shown = false;
    },
  };
}
