// The node's side of the richer model (src/api/kv-model.ts): ranges, transactions, watches and
// leases, composed from the three collaborators that serve them. The native servers, the etcd
// v3 API and the simulators call this one object (ClusterNode.model).
import { RingkvError } from "../../api/errors.ts";
import type { KvModelApi } from "../../api/kv-model.ts";

export type RangeOps = Pick<KvModelApi, "range" | "putRecord" | "deleteRange" | "txn">;
export type WatchOps = Pick<KvModelApi, "watch">;
export type LeaseOps = Pick<
  KvModelApi,
  "leaseGrant" | "leaseRevoke" | "leaseKeepAlive" | "leaseTimeToLive" | "leases"
>;

function notBuilt(what: string): never {
  throw new RingkvError("Unavailable", `${what} is not served by this build`);
}

/** Stand-ins until each part is served: they refuse, certainly unapplied. */
export const UNBUILT_RANGES: RangeOps = {
  range: async () => notBuilt("range"),
  putRecord: async () => notBuilt("put with options"),
  deleteRange: async () => notBuilt("delete range"),
  txn: async () => notBuilt("txn"),
};

export const UNBUILT_WATCHES: WatchOps = { watch: () => notBuilt("watch") };

export const UNBUILT_LEASES: LeaseOps = {
  leaseGrant: async () => notBuilt("lease grant"),
  leaseRevoke: async () => notBuilt("lease revoke"),
  leaseKeepAlive: async () => notBuilt("lease keep-alive"),
  leaseTimeToLive: async () => notBuilt("lease time-to-live"),
  leases: async () => notBuilt("lease list"),
};

export class ModelService implements KvModelApi {
  readonly #ranges: RangeOps;
  readonly #watches: WatchOps;
  readonly #leases: LeaseOps;

  constructor(parts: { ranges: RangeOps; watches: WatchOps; leases: LeaseOps }) {
    this.#ranges = parts.ranges;
    this.#watches = parts.watches;
    this.#leases = parts.leases;
  }

  range: KvModelApi["range"] = (query) => this.#ranges.range(query);
  putRecord: KvModelApi["putRecord"] = (request, options) => this.#ranges.putRecord(request, options);
  deleteRange: KvModelApi["deleteRange"] = (span, options) => this.#ranges.deleteRange(span, options);
  txn: KvModelApi["txn"] = (request, options) => this.#ranges.txn(request, options);
  watch: KvModelApi["watch"] = (request, options) => this.#watches.watch(request, options);
  leaseGrant: KvModelApi["leaseGrant"] = (ttl, id, options) => this.#leases.leaseGrant(ttl, id, options);
  leaseRevoke: KvModelApi["leaseRevoke"] = (id, options) => this.#leases.leaseRevoke(id, options);
  leaseKeepAlive: KvModelApi["leaseKeepAlive"] = (id, options) => this.#leases.leaseKeepAlive(id, options);
  leaseTimeToLive: KvModelApi["leaseTimeToLive"] = (id, keys, options) =>
    this.#leases.leaseTimeToLive(id, keys, options);
  leases: KvModelApi["leases"] = (options) => this.#leases.leases(options);
}
