// The status page (`GET /`): one self-contained HTML document — no scripts, no external assets —
// that refreshes itself. It draws the hash ring as inline SVG, each shard's key ranges coloured
// by the node that leads it, lists the members with their gossip state (linking to their own
// pages), and flags shards that need attention with a colour and in words, from the same rules
// as `ringkv status` (src/api/shard-flags.ts).
import type { MemberState, StatusJson } from "../../api/kv-api.ts";
import { arcsFromShares, type RingArc } from "../../api/ring-view.ts";
import { type ShardFlag, type ShardFlagKind, shardFlags } from "../../api/shard-flags.ts";

/**
 * The ring is drawn in this many equal sectors (one degree, ~3 px at the drawn size), each given
 * to the shard owning most of it. The default ring has 8 192 token ranges, most far narrower
 * than a pixel; drawing each would make a page of ~0.5 MB. Sectors keep the picture true at a
 * glance (exact shares are in the table) and the page around 50 kB.
 */
export const RING_SECTORS = 360;

/** How often the page reloads itself, in seconds. */
export const REFRESH_SECONDS = 5;

/** Node colours, in member order; red and grey are kept for flags and "no leader". */
const NODE_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];
const NO_LEADER_COLOUR = "#bdbdbd";

const STATE_COLOURS: Readonly<Record<MemberState | "unknown", string>> = {
  alive: "#2e7d32",
  suspect: "#ef6c00",
  dead: "#c62828",
  left: "#757575",
  unknown: "#757575",
};

const FLAG_COLOURS: Readonly<Record<ShardFlagKind, string>> = {
  leaderless: "#c62828",
  "under-replicated": "#ef6c00",
  diverged: "#ad1457",
  moving: "#546e7a",
};

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The page for `status`. `arcs` are the ring's token ranges (ShardRing.arcs); without them each
 * shard is drawn as one arc of its share.
 */
export function statusPage(
  status: StatusJson,
  arcs?: readonly RingArc[],
  scheme: "http" | "https" = "http",
): string {
  const colours = nodeColours(status);
  const flags = new Map(status.shards.map((s) => [s.id, shardFlags(s, status)]));
  const drawn =
    arcs ?? arcsFromShares(status.ring?.shares ?? status.shards.map(() => 1 / status.shards.length));
  const title = `ringkv ${status.node.id}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>gRPC${scheme === "https" ? " (TLS)" : ""} ${escapeHtml(status.node.addr)} · ${scheme.toUpperCase()} ${escapeHtml(status.node.http || "-")} · epoch ${status.epoch}</p>
${summary(status, flags)}
<h2>Ring</h2>
<div class="ring">${ringSvg(status, drawn, colours, flags)}${legend(status, colours)}</div>
<h2>Members (${status.members.length})</h2>${membersTable(status, colours, scheme)}
<h2>Shards (${status.shards.length})</h2>${shardsTable(status, colours, flags)}
<p class="note">Refreshes every ${REFRESH_SECONDS} s. JSON: <a href="/v1/status">/v1/status</a>,
<a href="/v1/ring">/v1/ring</a>, <a href="/health">/health</a>, <a href="/ready">/ready</a>,
<a href="/metrics">/metrics</a>.</p>
</body></html>
`;
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #ccc;padding:.3em .7em;text-align:left}
th{background:#f3f3f3}.ring{display:flex;gap:2em;align-items:center;flex-wrap:wrap}
.legend{list-style:none;padding:0}.legend li{margin:.3em 0}
.swatch{display:inline-block;width:1em;height:1em;vertical-align:middle;margin-right:.4em;border:1px solid #888}
.badge{display:inline-block;padding:0 .45em;border-radius:.6em;color:#fff;font-weight:600;margin-right:.3em}
.banner{padding:.6em 1em;border-radius:.3em;color:#fff;font-weight:600}
.note{color:#666}`;

function nodeColours(status: StatusJson): Map<string, string> {
  const ids = new Set(status.members.map((m) => m.id));
  for (const s of status.shards) if (s.leader) ids.add(s.leader);
  return new Map([...ids].sort().map((id, i) => [id, NODE_COLOURS[i % NODE_COLOURS.length]!]));
}

function badge(text: string, colour: string, kind: string): string {
  return `<span class="badge ${escapeHtml(kind)}" style="background:${colour}">${escapeHtml(text)}</span>`;
}

function flagBadges(list: readonly ShardFlag[]): string {
  if (list.length === 0) return badge("ok", STATE_COLOURS.alive, "flag-ok");
  return list.map((f) => badge(f.text, FLAG_COLOURS[f.kind], `flag-${f.kind}`)).join("");
}

function summary(status: StatusJson, flags: ReadonlyMap<number, readonly ShardFlag[]>): string {
  const count = (kind: ShardFlagKind): number =>
    [...flags.values()].filter((list) => list.some((f) => f.kind === kind)).length;
  const flagged = [...flags.values()].filter((list) => list.length > 0).length;
  const down = status.members.filter((m) => m.state === "dead" || m.state === "suspect").length;
  if (flagged === 0 && down === 0) {
    return `<p class="banner ok" style="background:${STATE_COLOURS.alive}">All ${status.shards.length} shards have a leader and every replica is alive.</p>`;
  }
  const parts = [
    `${count("leaderless")} with no leader`,
    `${count("under-replicated")} under-replicated`,
    `${count("moving")} moving`,
    `${count("diverged")} diverged`,
  ];
  const members = down > 0 ? ` ${down} member(s) suspect or dead.` : "";
  const colour = count("leaderless") > 0 ? FLAG_COLOURS.leaderless : FLAG_COLOURS["under-replicated"];
  return `<p class="banner attention" style="background:${colour}">${flagged} of ${status.shards.length} shards need attention: ${parts.join(", ")}.${members}</p>`;
}

function legend(status: StatusJson, colours: ReadonlyMap<string, string>): string {
  const stateOf = new Map(status.members.map((m) => [m.id, m.state]));
  const items = [...colours].map(([id, colour]) => {
    const leads = status.shards.filter((s) => s.leader === id).length;
    const state = stateOf.get(id) ?? "unknown";
    return `<li data-node="${escapeHtml(id)}"><span class="swatch" style="background:${colour}"></span>${escapeHtml(id)} leads ${leads} shard(s) · ${escapeHtml(state)}</li>`;
  });
  items.push(`<li><span class="swatch" style="background:${NO_LEADER_COLOUR}"></span>no leader</li>`);
  for (const kind of FLAG_URGENCY) {
    items.push(
      `<li><span class="swatch" style="background:${FLAG_COLOURS[kind]}"></span>outer band: ${kind}</li>`,
    );
  }
  return `<ul class="legend">${items.join("")}</ul>`;
}

/** `scheme`: this node's; a cluster's nodes share one TLS configuration, so its members' too. */
function membersTable(status: StatusJson, colours: ReadonlyMap<string, string>, scheme: string): string {
  const rows = status.members.map((m) => {
    const self = m.id === status.node.id;
    const name = escapeHtml(m.id) + (self ? " (this node)" : "");
    const link = m.http && !self ? `<a href="${scheme}://${escapeHtml(m.http)}/">${name}</a>` : name;
    const state = badge(
      m.leaving ? `${m.state}, leaving` : m.state,
      STATE_COLOURS[m.state],
      `state-${m.state}`,
    );
    const swatch = `<span class="swatch" style="background:${colours.get(m.id) ?? NO_LEADER_COLOUR}"></span>`;
    const leads = status.shards.filter((s) => s.leader === m.id).length;
    const holds = status.shards.filter((s) => s.replicas.includes(m.id)).length;
    return `<tr class="member" data-member="${escapeHtml(m.id)}" data-state="${m.state}"><td>${swatch}${link}</td><td>${escapeHtml(m.addr)}</td><td>${escapeHtml(m.http || "-")}</td><td>${state}</td><td>${m.incarnation}</td><td>${leads}</td><td>${holds}</td></tr>`;
  });
  const head = ["id", "gRPC", "HTTP", "state", "incarnation", "leads", "replicas"];
  return table(head, rows);
}

function shardsTable(
  status: StatusJson,
  colours: ReadonlyMap<string, string>,
  flags: ReadonlyMap<number, readonly ShardFlag[]>,
): string {
  const stateOf = new Map(status.members.map((m) => [m.id, m.state]));
  const replica = (id: string): string => {
    const state = stateOf.get(id) ?? "unknown";
    return state === "alive" ? escapeHtml(id) : `${escapeHtml(id)} (${escapeHtml(state)})`;
  };
  const rows = status.shards.map((s) => {
    const list = flags.get(s.id) ?? [];
    const share = status.ring?.shares[s.id];
    const leaderColour = s.leader ? (colours.get(s.leader) ?? NO_LEADER_COLOUR) : NO_LEADER_COLOUR;
    const leader = `<span class="swatch" style="background:${leaderColour}"></span>${escapeHtml(s.leader || "none")}`;
    const cells = [
      String(s.id),
      share === undefined ? "-" : `${(share * 100).toFixed(1)}%`,
      leader,
      String(s.term),
      s.replicas.map(replica).join(", "),
      s.learners.map(replica).join(", ") || "-",
      String(s.commitIndex),
      String(s.appliedIndex),
      String(s.keys),
      flagBadges(list),
    ];
    const kinds = list.map((f) => f.kind).join(" ");
    return `<tr class="shard" data-shard="${s.id}" data-flags="${kinds}">${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  });
  const head = [
    "shard",
    "share",
    "leader",
    "term",
    "replicas",
    "learners",
    "commit",
    "applied",
    "keys",
    "status",
  ];
  return table(head, rows);
}

/** Rows are already escaped HTML. */
function table(headings: readonly string[], rows: readonly string[]): string {
  const head = headings.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

// ---- the ring picture ------------------------------------------------------------------------
//
// Three bands around one centre. The middle band is the ring itself: every token range, coloured
// by the leader of the shard that owns it (with hundreds of tokens per shard it reads as how the
// key space is spread over leaders). The inner band gives each shard one arc the size of its
// share, labelled, so a shard can be found by eye. The outer band marks, in the flag's colour,
// the key ranges of shards that need attention.

const SIZE_PX = 400;
const CENTRE_PX = SIZE_PX / 2;
const BANDS_PX = {
  attention: { outer: 196, inner: 186 },
  tokens: { outer: 182, inner: 132 },
  shares: { outer: 126, inner: 86 },
} as const;

/** Flag kinds from most to least urgent: a shard's band takes the colour of its most urgent. */
const FLAG_URGENCY: readonly ShardFlagKind[] = ["leaderless", "diverged", "under-replicated", "moving"];

function ringSvg(
  status: StatusJson,
  arcs: readonly RingArc[],
  colours: ReadonlyMap<string, string>,
  flags: ReadonlyMap<number, readonly ShardFlag[]>,
): string {
  const runs = sectorRuns(sectorOwners(arcs, RING_SECTORS));
  const shares = status.ring?.shares ?? status.shards.map(() => 1 / Math.max(1, status.shards.length));
  let shareStart = 0;
  const groups = status.shards.map((s) => {
    const list = flags.get(s.id) ?? [];
    const fill = s.leader ? (colours.get(s.leader) ?? NO_LEADER_COLOUR) : NO_LEADER_COLOUR;
    const ranges = (runs.get(s.id) ?? []).map(
      ([from, to]) => [from / RING_SECTORS, to / RING_SECTORS] as const,
    );
    const tokens = ranges.map(([from, to]) => donutPath(from, to, BANDS_PX.tokens)).join("");
    const share = shares[s.id] ?? 0;
    const shareArc = donutPath(shareStart, shareStart + share, BANDS_PX.shares);
    const label = shareLabel(s.id, shareStart + share / 2);
    shareStart += share;
    const urgent = FLAG_URGENCY.find((kind) => list.some((f) => f.kind === kind));
    const attention = urgent
      ? `<path class="attention" fill="${FLAG_COLOURS[urgent]}" d="${ranges.map(([from, to]) => donutPath(from, to, BANDS_PX.attention)).join("")}"/>`
      : "";
    const words = [`shard ${s.id}`, `leader ${s.leader || "none"}`, ...list.map((f) => f.text)].join(" · ");
    const cls = list.length > 0 ? "shard-arcs flagged" : "shard-arcs";
    return `<g class="${cls}" data-shard="${s.id}" data-leader="${escapeHtml(s.leader)}" fill="${fill}"><title>${escapeHtml(words)}</title><path class="tokens" d="${tokens}" stroke="${fill}" stroke-width="0.6"/><path class="share" d="${shareArc}" stroke="#fff" stroke-width="1"/>${label}${attention}</g>`;
  });
  const centre = `<text x="${CENTRE_PX}" y="${CENTRE_PX - 4}" text-anchor="middle" font-size="16">${status.shards.length} shards</text><text x="${CENTRE_PX}" y="${CENTRE_PX + 16}" text-anchor="middle" font-size="12" fill="#666">epoch ${status.epoch}</text>`;
  const title = `The hash ring: middle band, every token range (in ${RING_SECTORS} sectors) coloured by its shard's leader; inner band, each shard's share; outer band, shards that need attention`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="ring-svg" width="${SIZE_PX}" height="${SIZE_PX}" viewBox="0 0 ${SIZE_PX} ${SIZE_PX}" role="img" aria-label="hash ring: each shard's key ranges coloured by its leader"><title>${title}</title>${groups.join("")}${centre}</svg>`;
}

/** The shard id, written on its share arc (skipped when the arc is too thin to hold it). */
function shareLabel(shard: number, midTurns: number): string {
  const radius = (BANDS_PX.shares.outer + BANDS_PX.shares.inner) / 2;
  const [x, y] = pointAt(midTurns, radius);
  return `<text x="${x}" y="${y}" text-anchor="middle" dominant-baseline="central" font-size="11" fill="#fff" font-weight="600">${shard}</text>`;
}

/** For each sector, the shard owning the largest part of it (-1 if none). */
export function sectorOwners(arcs: readonly RingArc[], sectors: number): Int32Array {
  const covered: Map<number, number>[] = Array.from({ length: sectors }, () => new Map());
  const add = (shard: number, from: number, to: number): void => {
    const first = Math.max(0, Math.floor(from * sectors));
    const last = Math.min(sectors - 1, Math.ceil(to * sectors) - 1);
    for (let k = first; k <= last; k++) {
      const overlap = Math.min(to, (k + 1) / sectors) - Math.max(from, k / sectors);
      if (overlap > 0) covered[k]!.set(shard, (covered[k]!.get(shard) ?? 0) + overlap);
    }
  };
  for (const arc of arcs) {
    // The range that wraps past the ring's end is drawn as its two halves.
    if (arc.startFraction < 0) {
      add(arc.shard, arc.startFraction + 1, 1);
      add(arc.shard, 0, arc.endFraction);
    } else {
      add(arc.shard, arc.startFraction, arc.endFraction);
    }
  }
  const owners = new Int32Array(sectors).fill(-1);
  covered.forEach((byShard, k) => {
    let best = 0;
    for (const [shard, amount] of byShard) {
      if (amount > best || (amount === best && shard < owners[k]!)) {
        best = amount;
        owners[k] = shard;
      }
    }
  });
  return owners;
}

/** Runs of neighbouring sectors with one owner: shard → [first sector, end sector) pairs. */
function sectorRuns(owners: Int32Array): Map<number, [number, number][]> {
  const runs = new Map<number, [number, number][]>();
  let start = 0;
  for (let k = 1; k <= owners.length; k++) {
    if (k < owners.length && owners[k] === owners[start]) continue;
    const owner = owners[start]!;
    if (owner >= 0) runs.set(owner, [...(runs.get(owner) ?? []), [start, k]]);
    start = k;
  }
  return runs;
}

function pointAt(turns: number, radius: number): [string, string] {
  const angle = 2 * Math.PI * turns - Math.PI / 2;
  return [
    (CENTRE_PX + radius * Math.cos(angle)).toFixed(1),
    (CENTRE_PX + radius * Math.sin(angle)).toFixed(1),
  ];
}

/** A ring segment between two fractions of a turn, clockwise from the top, within one band. */
function donutPath(
  from: number,
  to: number,
  band: { readonly outer: number; readonly inner: number },
): string {
  if (to <= from) return "";
  // An SVG arc cannot draw a whole circle: split anything over half a turn.
  if (to - from > 0.5) return donutPath(from, from + 0.5, band) + donutPath(from + 0.5, to, band);
  const point = (turns: number, radius: number): string => pointAt(turns, radius).join(" ");
  const { outer: R, inner: r } = band;
  return `M${point(from, R)}A${R} ${R} 0 0 1 ${point(to, R)}L${point(to, r)}A${r} ${r} 0 0 0 ${point(from, r)}Z`;
}
