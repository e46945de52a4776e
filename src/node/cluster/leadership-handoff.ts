// Handing leadership away before a graceful stop, so the groups led here elect no new leader
// after an election timeout but move at once to their most caught-up voter.
import { Role } from "../../raft/index.ts";
import { handoffWaitMs } from "../config.ts";
import { sleep } from "../host/clock.ts";
import type { Replica } from "../host/replica.ts";
import type { ClusterContext } from "./context.ts";

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
