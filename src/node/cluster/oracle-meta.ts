// The meta group as the timestamp oracle uses it (timestamp-oracle.ts's OracleMeta): this node's
// meta replica, its proposals going through the node's Proposer (back-pressure included).
import { RingkvError } from "../../api/errors.ts";
import { NONE } from "../../raft/index.ts";
import type { MultiRaftHost } from "../host/host.ts";
import type { Replica } from "../host/replica.ts";
import type { Proposer } from "./proposer.ts";
import type { OracleMeta } from "./timestamp-oracle.ts";

export function replicaOracleMeta(meta: Replica, host: MultiRaftHost, proposer: Proposer): OracleMeta {
  return {
    // Asked per write on the meta leader's node (TimestampOracle.serveNow): no status() here.
    leaderTerm: () => (meta.isLeader() ? meta.raw.term : undefined),
    leaderHint: () => {
      const { leader } = meta.raw.softState();
      return leader === NONE ? "" : leader;
    },
    appliedTerm: () => meta.appliedTerm,
    reservedUpTo: () => appliedReservation(meta),
    async reserve(upTo) {
      const result = await proposer.propose(meta, { reserveRevisions: { upTo } });
      if (result.kind !== "revisionsReserved") {
        throw new RingkvError("Internal", `reserveRevisions answered ${result.kind}`);
      }
    },
    leaseState: () => meta.raw.leaseState(),
    async confirmLeadership() {
      // By a round begun now, never from the read lease: the oracle measures its own lease from
      // this moment, and an answer from an older lease would stretch it past what voters honour.
      const confirmed = meta.readIndex(true);
      host.kick(); // the confirmation round leaves now, not on the next tick
      await confirmed;
    },
  };
}

/** The highest reservation the meta state machine applied (0: the cluster never used revisions). */
export function appliedReservation(meta: Replica): number {
  return meta.sm.revisionsReserved;
}
