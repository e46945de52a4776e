// Where the lease code reads the replicated lease state: the meta replica's lease table and a
// shard replica's keys by lease (the state machine of src/node/kv).
import type { LeaseState } from "./lease-ops.ts";

/** Until the state machine keeps leases: no leases, no keys. */
export const UNBUILT_LEASE_STATE: LeaseState = {
  table: () => ({ leases: () => [], lease: () => undefined }),
  keys: () => [],
};
