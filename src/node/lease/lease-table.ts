// The leases the meta group holds, as the lease code reads them from the meta replica's state
// machine (src/node/kv, helper kvsm builds the apply side). One small read-only interface so the
// keeper is tested against a plain map and runs against the replicated table unchanged.

/** A lease as the meta log recorded it. */
export interface LeaseRecord {
  readonly id: number;
  /** The TTL it was granted with, in seconds. */
  readonly ttlSeconds: number;
  /** revokeLease applied: its keys are being deleted shard by shard, then it is forgotten. */
  readonly revoking: boolean;
}

export interface LeaseTable {
  /** Every lease not yet forgotten (revoking ones included). */
  leases(): Iterable<LeaseRecord>;
  lease(id: number): LeaseRecord | undefined;
}
