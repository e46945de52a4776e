// The status page as HTML: the ring drawn with one arc group per shard coloured by its leader,
// members with their gossip state and links to their pages, shards flagged in colour and words.
import { describe, expect, it } from "vitest";
import type { StatusJson } from "../../../src/api/kv-api.ts";
import { RING_SECTORS, sectorOwners, statusPage } from "../../../src/node/server/status-page.ts";
import { createHasher, ShardRing } from "../../../src/ring/index.ts";

const shard = { term: 2, learners: [], commitIndex: 5, appliedIndex: 5, keys: 1 };
const status: StatusJson = {
  node: { id: "n1", addr: "127.0.0.1:7001", http: "127.0.0.1:8001" },
  epoch: 9,
  members: [
    { id: "n1", addr: "127.0.0.1:7001", http: "127.0.0.1:8001", state: "alive", incarnation: 1 },
    { id: "n2", addr: "127.0.0.1:7002", http: "127.0.0.1:8002", state: "alive", incarnation: 1 },
    { id: "n3", addr: "127.0.0.1:7003", http: "127.0.0.1:8003", state: "dead", incarnation: 4 },
  ],
  ring: { shardCount: 4, replicationFactor: 3, shares: [0.25, 0.25, 0.25, 0.25] },
  shards: [
    { id: 0, leader: "n1", replicas: ["n1", "n2", "n3"], ...shard },
    { id: 1, leader: "n2", replicas: ["n1", "n2", "n3"], ...shard },
    { id: 2, leader: "", replicas: ["n1", "n2", "n3"], ...shard },
    {
      id: 3,
      leader: "n1",
      replicas: ["n1", "n2", "n3"],
      diverged: ["n2"],
      moving: true,
      target: ["n1", "n2", "n3"],
      ...shard,
    },
  ],
};

/** Every element of `tag` with `attribute="value"` in the page. */
function elements(html: string, tag: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*${attribute}="[^"]*"[^>]*>`, "g"))].map((m) => m[0]);
}

describe("status page", () => {
  it("draws one arc group per shard, filled with its leader's colour, grey without a leader", async () => {
    const hasher = await createHasher();
    const arcs = new ShardRing(hasher, { shardCount: 4 }).arcs();
    const html = statusPage(status, arcs);
    const groups = elements(html, "g", "data-shard");
    expect(groups).toHaveLength(4);
    const fill = (id: number): string | undefined =>
      /fill="([^"]+)"/.exec(groups.find((g) => g.includes(`data-shard="${id}"`)) ?? "")?.[1];
    expect(fill(0)).toBe(fill(3)); // both led by n1
    expect(fill(0)).not.toBe(fill(1));
    expect(fill(2)).toBe("#bdbdbd");
    expect(html).toMatch(/no leader/);
  });

  it("flags shards in words: no leader, under-replicated (a replica's member is dead), diverged, moving", () => {
    const html = statusPage(status);
    const row = (id: number): string =>
      html.slice(html.indexOf(`<tr class="shard" data-shard="${id}"`)).split("</tr>")[0] ?? "";
    expect(row(2)).toContain("no leader");
    expect(row(0)).toContain("under-replicated: 2 of 3 replicas alive");
    expect(row(0)).toContain("n3 (dead)");
    expect(row(3)).toContain("DIVERGED n2");
    expect(row(3)).toContain("moving");
    expect(html).toMatch(/4 of 4 shards need attention: 1 with no leader, 4 under-replicated/);
  });

  it("lists members with their gossip state and links to the other nodes' pages", () => {
    const html = statusPage(status);
    expect(html).toContain('<a href="http://127.0.0.1:8002/">n2</a>');
    expect(html).toContain('<a href="http://127.0.0.1:8003/">n3</a>');
    expect(html).not.toContain('href="http://127.0.0.1:8001/"'); // itself: no link
    expect(html).toMatch(/data-member="n3" data-state="dead"/);
    expect(html).toMatch(/class="badge state-dead"[^>]*>dead</);
  });

  it("is self-contained: no script, no external asset, and escapes what members report", () => {
    const hostile = {
      ...status,
      members: [
        ...status.members,
        { id: "<script>x</script>", addr: "a", http: "", state: "alive" as const, incarnation: 1 },
      ],
    };
    const html = statusPage(hostile);
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!127\.0\.0\.1:800[23]\/)/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("gives every sector to the shard owning most of it, so shares survive the drawing", async () => {
    const hasher = await createHasher();
    const ring = new ShardRing(hasher, { shardCount: 8 });
    const owners = sectorOwners(ring.arcs(), RING_SECTORS);
    expect(owners.every((o) => o >= 0 && o < 8)).toBe(true);
    const shares = ring.shares();
    for (let s = 0; s < 8; s++) {
      const drawn = owners.filter((o) => o === s).length / RING_SECTORS;
      expect(Math.abs(drawn - shares[s]!)).toBeLessThan(0.05);
    }
  });

  it("the token ranges of the ring cover it exactly once", async () => {
    const hasher = await createHasher();
    const ring = new ShardRing(hasher, { shardCount: 16 });
    const arcs = ring.arcs();
    const total = arcs.reduce((sum, a) => sum + (a.endFraction - a.startFraction), 0);
    expect(total).toBeCloseTo(1, 9);
    for (let i = 1; i < arcs.length; i++) expect(arcs[i]!.startFraction).toBe(arcs[i - 1]!.endFraction);
    const perShard = new Float64Array(16);
    for (const a of arcs) perShard[a.shard]! += a.endFraction - a.startFraction;
    const shares = ring.shares();
    for (let s = 0; s < 16; s++) expect(perShard[s]).toBeCloseTo(shares[s]!, 9);
  });
});
