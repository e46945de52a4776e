// An in-memory lease model for the server tests: what the native surfaces (gRPC, HTTP, client,
// CLI) must carry to and from LeaseOps, without a cluster behind them.
import { RingkvError } from "../../../src/api/errors.ts";
import type { RequestOptions } from "../../../src/api/kv-api.ts";
import type {
  KvModelApi,
  LeaseGrant,
  LeaseTimeToLive,
  PutRequest,
  PutResult,
} from "../../../src/api/kv-model.ts";
import { UNBUILT_RANGES, UNBUILT_WATCHES } from "../../../src/node/cluster/model-service.ts";

interface FakeLease {
  readonly ttlSeconds: number;
  readonly keys: Uint8Array[];
}

export class FakeLeases implements KvModelApi {
  // Only leases and puts are what these tests carry; the rest of the model refuses.
  readonly range = UNBUILT_RANGES.range;
  readonly deleteRange = UNBUILT_RANGES.deleteRange;
  readonly txn = UNBUILT_RANGES.txn;
  readonly watch = UNBUILT_WATCHES.watch;
  readonly leasesById = new Map<number, FakeLease>();
  /** Every call, as "method arg…", for the tests to check what arrived. */
  readonly calls: string[] = [];
  #nextId = 0x2b1e3e6f00; // a large id, as the cluster picks at random
  #revision = 100;

  async leaseGrant(ttlSeconds: number, id = 0, _options?: RequestOptions): Promise<LeaseGrant> {
    this.calls.push(`grant ${ttlSeconds} ${id}`);
    const granted = id === 0 ? this.#nextId++ : id;
    // The cluster raises a short TTL to its minimum; the fake's minimum is 5 s.
    const ttl = Math.max(5, ttlSeconds);
    this.leasesById.set(granted, { ttlSeconds: ttl, keys: [] });
    return { id: granted, ttlSeconds: ttl };
  }

  async leaseRevoke(id: number): Promise<void> {
    this.calls.push(`revoke ${id}`);
    if (!this.leasesById.delete(id)) throw new RingkvError("LeaseNotFound", `lease ${id} not found`);
  }

  async leaseKeepAlive(id: number): Promise<LeaseGrant> {
    this.calls.push(`keepAlive ${id}`);
    const lease = this.leasesById.get(id);
    if (!lease) throw new RingkvError("LeaseNotFound", `lease ${id} not found`);
    return { id, ttlSeconds: lease.ttlSeconds };
  }

  async leaseTimeToLive(id: number, withKeys: boolean): Promise<LeaseTimeToLive> {
    this.calls.push(`timeToLive ${id} ${withKeys}`);
    const lease = this.leasesById.get(id);
    if (!lease) return { id, ttlSeconds: -1, grantedTtlSeconds: 0, keys: [] };
    return {
      id,
      ttlSeconds: lease.ttlSeconds - 1,
      grantedTtlSeconds: lease.ttlSeconds,
      keys: withKeys ? lease.keys : [],
    };
  }

  async leases(): Promise<readonly number[]> {
    this.calls.push("leases");
    return [...this.leasesById.keys()].sort((a, b) => a - b);
  }

  async putRecord(request: PutRequest): Promise<PutResult> {
    this.calls.push(`put ${new TextDecoder().decode(request.key)} lease=${request.lease ?? 0}`);
    const lease = request.lease ? this.leasesById.get(request.lease) : undefined;
    if (request.lease && !lease) throw new RingkvError("LeaseNotFound", `lease ${request.lease} not found`);
    lease?.keys.push(request.key);
    return { revision: ++this.#revision };
  }
}
