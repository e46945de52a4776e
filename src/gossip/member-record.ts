// What the cluster believes about one member, and the one rule for merging two beliefs.
//
// Only a member raises its own incarnation (to refute a suspicion, or on restart); everyone
// else only repeats a record or moves it down the precedence at the same incarnation:
//
//            probe fails            suspicion times out
//   alive ───────────────▶ suspect ───────────────────▶ dead
//     ▲  ▲                    │                          │
//     │  └── refute: inc+1 ───┘                          │        leave (self only)
//     └──────────── restart or refute: inc+1 ────────────┘   alive ─────────────▶ left
//
// Merging keeps the record that ranks higher, so a belief can only be replaced by a newer one
// and every delivery order ends in the same record (commutative, associative, idempotent).
import { canonicalJson, compareText } from "./canonical.ts";

export type MemberState = "alive" | "suspect" | "dead" | "left";

export interface MemberRecord {
  /** Stable for the member's lifetime, unique in the cluster ("n1", "n2", …). */
  readonly id: string;
  /** Where to reach the member, by purpose ({ gossip: "10.0.0.1:7001", http: "…" }). */
  readonly addresses: Readonly<Record<string, string>>;
  readonly state: MemberState;
  /** Raised only by the member itself; a higher incarnation outranks any state. */
  readonly incarnation: number;
}

/** At equal incarnation a later stage of a member's life outranks an earlier one. */
const STATE_RANK: Readonly<Record<MemberState, number>> = { alive: 0, suspect: 1, dead: 2, left: 3 };

/**
 * A total order on records of one member: higher incarnation wins; at equal incarnation
 * left > dead > suspect > alive; then the addresses' canonical text, so that two records which
 * differ at all never tie (a tie between different records would let arrival order decide).
 */
export function compareMemberRecords(a: MemberRecord, b: MemberRecord): number {
  if (a === b) return 0;
  if (a.incarnation !== b.incarnation) return a.incarnation < b.incarnation ? -1 : 1;
  const rank = STATE_RANK[a.state] - STATE_RANK[b.state];
  if (rank !== 0) return rank < 0 ? -1 : 1;
  if (a.addresses === b.addresses) return compareText(a.id, b.id);
  return compareText(canonicalJson(a.addresses), canonicalJson(b.addresses)) || compareText(a.id, b.id);
}

/** Members that are probed, gossiped to and counted in N: believed to be running. */
export function isLive(state: MemberState): boolean {
  return state === "alive" || state === "suspect";
}
