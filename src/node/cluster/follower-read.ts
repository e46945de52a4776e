// Linearizable reads served by a follower (Raft thesis §6.4.1, ReadIndex on followers): the
// follower asks its leader for the read index (the leader's commit index, confirmed by a quorum
// heartbeat round after the request arrived), waits until its own replica has applied that index,
// and reads locally. The answer is as fresh as the leader's would be, and with three replicas on
// three nodes no get needs to be forwarded: only the read-index round crosses the network, and
// the leader batches those of all reads in flight into one heartbeat round.
import type { VersionedValue } from "../../api/kv-api.ts";
import type { Clock } from "../host/clock.ts";
import { withDeadline } from "../host/deadline.ts";
import type { Replica } from "../host/replica.ts";

/**
 * What a follower read waits for before it reads: the read index from the leader, then this
 * replica's state machine having applied it. Only the simulator's planted-bug test replaces it
 * (serving before applied ≥ read index must be caught as a stale read by the linearizability
 * checker).
 */
export type ReadBarrier = (replica: Replica, readIndex: Promise<number>) => Promise<void>;

export const waitForReadIndex: ReadBarrier = async (replica, readIndex) =>
  replica.waitApplied(await readIndex);

/**
 * Read `key` from `replica` (a follower or the leader) at a linearizable point. Rejects with the
 * replica's error (NotLeader when leadership moved or no leader is known) or Timeout after
 * `timeoutMs`; the caller then asks the leader instead — a read is safe to repeat anywhere.
 * `kick` makes the host send the read-index request now rather than on its next pass.
 */
export async function followerRead(
  replica: Replica,
  key: Uint8Array,
  timeoutMs: number,
  clock: Clock,
  kick: () => void,
  barrier: ReadBarrier = waitForReadIndex,
): Promise<VersionedValue | null> {
  const request = replica.followerReadIndex();
  kick();
  try {
    await withDeadline(barrier(replica, request.index), timeoutMs, "follower read", clock);
  } finally {
    request.cancel();
  }
  return replica.sm.get(key);
}
