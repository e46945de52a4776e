// `ringkv leave` waits for the outcome, not for one RPC: the leave is idempotent on the node
// (a member already marked leaving is only waited on), so the command asks again after a
// timeout, an unavailable node or a meta leader that moved, and meanwhile watches the cluster's
// status. It ends when the member is gone from the member list (left), when the node refuses
// the leave outright (unknown id, last member), or at its deadline — then saying what the
// cluster shows, never a transport's raw error text.
import { RingkvError, toRingkvError } from "../src/api/errors.ts";
import type { StatusJson } from "../src/api/kv-api.ts";

/** What the leave needs of a client (RingkvClient; tests pass a fake). */
export interface LeaveClient {
  leave(id: string): Promise<void>;
  status(): Promise<StatusJson>;
}

export interface LeaveWatchSettings {
  /** When to give up, in ms on `now()`'s clock. */
  readonly untilMs: number;
  /** Between two status checks while the leave is under way, in ms. */
  readonly pollMs: number;
  /** Before asking again after a failed leave request, in ms. */
  readonly retryMs: number;
  readonly now?: () => number;
  /** Told what the cluster shows after each status check (for the TTY progress line). */
  readonly onProgress?: (progress: LeaveProgress) => void;
}

/** What a status check showed of the leaving member. */
export interface LeaveProgress {
  /** Still on the member list. */
  readonly listed: boolean;
  /** Its gossip state and whether it is marked leaving ("" when unknown). */
  readonly state: string;
  readonly leaving: boolean;
  /** Shards whose replicas or learners still include it. */
  readonly holdingShards: readonly number[];
  readonly elapsedMs: number;
}

export interface LeaveOutcome {
  /** Leave requests sent (1 when the first one answered). */
  readonly attempts: number;
  readonly elapsedMs: number;
}

/** Codes after which the leave may still be under way: ask again, and watch the status. */
const STILL_GOING = new Set(["Timeout", "Unavailable", "NotLeader"]);

export async function leaveAndWait(
  client: LeaveClient,
  id: string,
  settings: LeaveWatchSettings,
): Promise<LeaveOutcome> {
  const now = settings.now ?? (() => performance.now());
  const started = now();
  let attempts = 0;
  let last: LeaveProgress | null = null;
  let gone = false;
  const check = async (): Promise<void> => {
    const status = await client.status().catch(() => null);
    if (status === null) return; // no answer now: the next check or attempt tells
    last = progressOf(status, id, now() - started);
    if (!last.listed) gone = true;
    settings.onProgress?.(last);
  };
  while (true) {
    attempts++;
    const request = client.leave(id).then(
      () => null,
      (e: unknown) => toRingkvError(e),
    );
    // Watch while the request waits: the member can be gone before the answer comes back.
    let answered: RingkvError | null | undefined;
    void request.then((r) => {
      answered = r;
    });
    while (answered === undefined && !gone && now() < settings.untilMs) {
      await Promise.race([request, delay(settings.pollMs)]);
      if (answered === undefined) await check();
    }
    if (gone || answered === null) return { attempts, elapsedMs: now() - started };
    if (answered !== undefined) {
      // An unknown id on the first request is the operator's mistake; on a later one it means
      // the member left between our requests.
      if (answered.code === "NotMember" && attempts > 1) return { attempts, elapsedMs: now() - started };
      if (!STILL_GOING.has(answered.code)) throw answered;
    }
    if (now() >= settings.untilMs) throw stillLeaving(id, last, now() - started);
    await delay(Math.min(settings.retryMs, Math.max(0, settings.untilMs - now())));
    await check();
    if (gone) return { attempts, elapsedMs: now() - started };
    if (now() >= settings.untilMs) throw stillLeaving(id, last, now() - started);
  }
}

function progressOf(status: StatusJson, id: string, elapsedMs: number): LeaveProgress {
  const member = status.members.find((m) => m.id === id);
  const holdingShards = status.shards
    .filter((s) => s.replicas.includes(id) || s.learners.includes(id))
    .map((s) => s.id);
  return {
    listed: member !== undefined,
    state: member?.state ?? "",
    leaving: (member as { leaving?: boolean } | undefined)?.leaving === true,
    holdingShards,
    elapsedMs,
  };
}

/** One line for people: how the leave stands. */
export function describeProgress(id: string, p: LeaveProgress): string {
  if (!p.listed) return `${id} has left`;
  const marked = p.leaving ? "leaving" : "not yet marked leaving";
  const shards =
    p.holdingShards.length === 0
      ? "no shard holds a replica on it"
      : `${p.holdingShards.length} shard(s) still hold a replica on it (${p.holdingShards.join(", ")})`;
  return `${id}: ${marked}, gossip ${p.state || "unknown"}, ${shards}`;
}

function stillLeaving(id: string, last: LeaveProgress | null, elapsedMs: number): RingkvError {
  const seconds = Math.round(elapsedMs / 1000);
  const seen = last === null ? "no node answered a status request" : describeProgress(id, last);
  return new RingkvError(
    "Timeout",
    `${id} has not left after ${seconds} s; last seen: ${seen}. The leave goes on in the cluster: run \`ringkv leave ${id}\` again to keep waiting, or see \`ringkv status\``,
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
