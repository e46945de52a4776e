// Opens the node's durable store and reports what recovery found, in the node's log.
import type { Logger } from "pino";
import { DurableStore } from "../../storage/index.ts";
import type { LogStore } from "../../storage/log-store.ts";

export async function openLogStore(dir: string, logger: Logger): Promise<LogStore> {
  const store = await DurableStore.open(dir);
  const { tornTail, groups, segments, records, snapshotsSkipped } = store.recovery;
  if (tornTail) logger.warn({ tornTail }, "cut a torn write at the end of the log (an interrupted write)");
  for (const skipped of snapshotsSkipped) logger.warn({ skipped }, "skipped an unreadable snapshot file");
  logger.info({ groups, segments, records }, "storage recovered");
  return store;
}
