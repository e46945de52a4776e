// Proposing a shard write at a cluster-wide revision (shared/DESIGN of issue 13, "Revisions" 2):
// the revision is carried in the command and checked at apply against the shard's floor; a
// write refused as stale (another write or a fence with a higher revision applied first) asks
// the oracle for one above the floor and is proposed again, a bounded number of times.
import { RingkvError } from "../../api/errors.ts";
import type { ApplyResult } from "../kv/apply-result.ts";
import type { Command } from "../kv/command.ts";
import type { RevisionSource } from "./revision-source.ts";

export interface RevisionWrite {
  /** Propose `command` on the shard's leader here and wait for its apply result. */
  readonly propose: (command: Command) => Promise<ApplyResult>;
  readonly revisions: RevisionSource;
  /** The command to propose at `revision`. */
  readonly command: (revision: number) => Command;
  /** The first revision to try (a range delete gives each shard the same one); default next(). */
  readonly revision?: number | undefined;
  /** staleRevision answers retried before giving up (NodeSettings.staleRevisionRetriesMax). */
  readonly retriesMax: number;
}

/**
 * The apply result of the write, never staleRevision: after `retriesMax` stale answers,
 * Unavailable, which is true (a write refused at apply changed nothing).
 */
export async function proposeAtRevision(write: RevisionWrite): Promise<ApplyResult> {
  let revision = write.revision ?? (await write.revisions.next());
  for (let retries = 0; ; retries++) {
    const result = await write.propose(write.command(revision));
    if (result.kind !== "staleRevision") return result;
    if (retries >= write.retriesMax) {
      throw new RingkvError(
        "Unavailable",
        `the write met newer revisions ${retries + 1} times (shard floor ${result.floor}); nothing was applied`,
      );
    }
    revision = await write.revisions.next(result.floor + 1);
  }
}
