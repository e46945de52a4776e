// Handing leadership away before a graceful stop, so the groups led here elect no new leader
// after an election timeout but move at once to their most caught-up voter.
import { Role } from "../../raft/index.ts";
import { handoffWaitMs } from "../config.ts";
import { sleep } from "../host/clock.ts";
import type { Replica } from "../host/replica.ts";
import type { ClusterContext } from "./context.ts";

/** How often a stopping node looks whether its proposals in flight have applied. */
const SETTLE_POLL_MS = 5;

/**
 * Before a graceful stop hands leadership away: let the proposals in flight on groups led here
 * apply while this node still leads them, at most `boundMs`. New requests are refused by then
 * (the node is stopping), so this ends within about one commit. Without it, a write proposed just
 * before SIGTERM waits for the transfer, the successor's election and its first commit, and a
 * client with a short deadline sees an unknown outcome (Timeout) for a write that was about to
 * commit anyway.
 */
export async function settleProposals(ctx: ClusterContext, boundMs: number): Promise<void> {
  const { host, clock } = ctx;
  const until = clock.now() + boundMs;
  const pending = (): boolean => {
    for (const r of host.replicas()) if (r.isLeader() && r.pendingProposals > 0) return true;
    return false;
  };
  while (pending() && clock.now() < until) await sleep(clock, SETTLE_POLL_MS);
}

/** Hand leadership of every group led here to its most caught-up voter; wait (handoffWaitMs). */
export async function transferLeadershipAway(ctx: ClusterContext): Promise<void> {
  const { id, host, clock, settings, logger } = ctx;
  const moving: [Replica, string][] = [];
  for (const r of host.replicas()) {
    const st = r.raw.status();
    if (st.role !== Role.Leader) continue;
    const candidates = st.confState.voters.filter((v) => v !== id);
    if (candidates.length === 0) continue;
    const best = candidates.reduce((a, b) =>
      (st.progress.get(a)?.match ?? 0) >= (st.progress.get(b)?.match ?? 0) ? a : b,
    );
    r.raw.transferLeadership(best);
    moving.push([r, best]);
  }
  if (moving.length === 0) return;
  host.kick();
  const until = clock.now() + handoffWaitMs(settings);
  while (moving.some(([r]) => r.isLeader()) && clock.now() < until) await sleep(clock, settings.tickMs);
  for (const [r, to] of moving) {
    logger.info({ group: r.group, to, moved: !r.isLeader() }, "leadership transfer");
  }
}
