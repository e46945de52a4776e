// The error a client operation ends with once RetryPolicy says stop: it names the shard the key
// lives on ("shard 1", as users say it) and, when the client's own connection failed, which node
// did not answer — never the transport's text — and when time ran out, what failed before.
// A pure function: client.ts gathers the facts.
import { RingkvError } from "../api/errors.ts";

export interface GiveUpFacts {
  /** The key's shard, when the client knows the ring; null for key-less calls or no ring. */
  readonly shard: number | null;
  /** The address the failed attempt went to, and the node id there if the client knows it. */
  readonly address: string;
  readonly node: string | undefined;
  /** The failure of the attempt before the last, if any (what the time was spent on). */
  readonly previous: RingkvError | null;
  readonly elapsedMs: number;
  /** The operation may change state: a write that timed out may have been applied. */
  readonly write: boolean;
}

const RETRYABLE_CODES = new Set(["NotLeader", "NoQuorum", "Unavailable", "Timeout"]);

/**
 * `error`, reworded for the user: its code, leader hint and Retry-After stay (they are the
 * contract); only the message changes, and only for the codes that mean "not served".
 */
export function giveUpError(error: RingkvError, facts: GiveUpFacts): RingkvError {
  if (!RETRYABLE_CODES.has(error.code)) return error;
  const message = giveUpMessage(error, facts);
  if (message === error.message) return error;
  return new RingkvError(error.code, message, {
    leaderHint: error.leaderHint,
    retryAfterMs: error.retryAfterMs,
    fromTransport: error.fromTransport,
  });
}

export function giveUpMessage(error: RingkvError, facts: GiveUpFacts): string {
  const label = facts.shard === null ? "" : `shard ${facts.shard}`;
  const node = facts.node === undefined ? facts.address : `${facts.node} (${facts.address})`;
  const prefix = label === "" ? "" : `${label}: `;
  if (!error.fromTransport) {
    // The node's own answer: it names the shard itself (src/node/cluster/shard-trouble.ts); an
    // older node's may not, so say which shard it was about.
    return label === "" || error.message.startsWith(label) ? error.message : `${prefix}${error.message}`;
  }
  if (error.code === "Timeout") {
    const outcome = facts.write ? "; the write's outcome is unknown" : "";
    const before =
      facts.previous === null || facts.previous.message === ""
        ? ""
        : `; last failure: ${facts.previous.message}`;
    return `${prefix}no answer from ${node} within ${seconds(facts.elapsedMs)}${outcome}${before}`;
  }
  return `${prefix}node ${node} is unreachable`;
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}
