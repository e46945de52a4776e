// Client-side routing: key → shard (the same xxhash ring the nodes use) → the address of that
// shard's leader, learned from one cluster status and corrected by NotLeader hints. A miss costs
// nothing but a hop: any node routes any key, so the client falls back to a node it knows.
import type { StatusJson } from "../api/kv-api.ts";
import { createHasher, ShardRing } from "../ring/index.ts";

/** At most one background refresh of the routing table per this many ms. */
const REFRESH_INTERVAL_MS = 1_000;

/**
 * A table this old is refreshed in the background even without a miss: a node that is no longer
 * a shard's leader forwards the request instead of refusing it, so a stale entry costs a hop
 * per request without ever failing.
 */
const TABLE_MAX_AGE_MS = 10_000;

export class ShardRouter {
  readonly #fetchStatus: () => Promise<StatusJson>;
  #ring: ShardRing | null = null;
  /** Indexed by shard: the leader's address, when known. */
  #leaders: (string | undefined)[] = [];
  /** Member ids by gRPC address, from the last status: errors name nodes as operators do. */
  #nodes = new Map<string, string>();
  #refreshing: Promise<void> | null = null;
  #lastRefresh = Number.NEGATIVE_INFINITY;

  constructor(fetchStatus: () => Promise<StatusJson>) {
    this.#fetchStatus = fetchStatus;
  }

  /** The shard of `key`, once the ring is known (after the first refresh); else null. */
  shardOf(key: Uint8Array): number | null {
    return this.#ring?.shardOfBytes(key) ?? null;
  }

  /** Where to send a request for `shard`, or undefined if its leader is unknown. */
  leaderOf(shard: number | null): string | undefined {
    if (shard === null) return undefined;
    if (performance.now() - this.#lastRefresh > TABLE_MAX_AGE_MS) void this.refresh().catch(() => {});
    return this.#leaders[shard];
  }

  /** The id of the member at `address`, if the last status listed it. */
  nodeAt(address: string): string | undefined {
    return this.#nodes.get(address);
  }

  /** A NotLeader answer named the leader. */
  learn(shard: number | null, address: string): void {
    if (shard !== null && address) this.#leaders[shard] = address;
  }

  /** The address we had for `shard` failed: forget it and look again (in the background). */
  forget(shard: number | null): void {
    if (shard === null) return;
    this.#leaders[shard] = undefined;
    void this.refresh().catch(() => {});
  }

  /** Load the routing table once before the first request (a failure leaves routing off). */
  async ready(): Promise<void> {
    if (this.#ring) return;
    await this.refresh().catch(() => {});
  }

  /** Fetch the cluster status and rebuild the table; coalesced and rate-limited. */
  refresh(): Promise<void> {
    if (this.#refreshing) return this.#refreshing;
    if (this.#ring && performance.now() - this.#lastRefresh < REFRESH_INTERVAL_MS) return Promise.resolve();
    this.#lastRefresh = performance.now();
    this.#refreshing = this.#load().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #load(): Promise<void> {
    const status = await this.#fetchStatus();
    const shardCount = status.ring?.shardCount;
    if (!shardCount) return;
    if (this.#ring?.shardCount !== shardCount) {
      this.#ring = new ShardRing(await createHasher(), { shardCount });
    }
    const addressOf = new Map(status.members.map((m) => [m.id, m.addr]));
    this.#nodes = new Map(status.members.map((m) => [m.addr, m.id]));
    this.#leaders = Array.from({ length: shardCount }, (_, shard) => {
      const leader = status.shards.find((s) => s.id === shard)?.leader;
      return leader ? addressOf.get(leader) : undefined;
    });
  }
}
