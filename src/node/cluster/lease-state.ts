// Where the lease code reads the replicated lease state: the meta replica's lease table and a
// shard replica's lease index, both kept by the state machine (src/node/kv/state-machine.ts).
import type { LeaseState } from "./lease-ops.ts";

export const REPLICA_LEASE_STATE: LeaseState = {
  table: (meta) => meta.sm,
  keys: (shard, lease) => shard.sm.leaseKeys(lease),
};
