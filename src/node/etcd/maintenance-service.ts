// etcd's Maintenance service: Status (what `etcdctl endpoint status` prints) and Alarm (no alarm
// is ever raised: ringkv refuses writes over its quota per request instead). The rest —
// Defragment, Hash, HashKV, Snapshot, MoveLeader, Downgrade — are etcd's storage and single-group
// operations with no ringkv counterpart here; they answer Unimplemented and say what to use.
//
// etcd has one Raft group; ringkv has a meta group and many shards. Status reports the meta group
// (members and placement: the cluster-wide one) as etcd's: leader, raft term, index and applied
// index. The node does not measure its data in bytes (its status counts keys), so dbSize and
// dbSizeInUse report 0 rather than a made-up figure.
import type { StatusJson } from "../../api/kv-api.ts";
import type { UnaryHandler } from "./call.ts";
import { unimplemented } from "./errors.ts";
import type { HeaderSource } from "./header.ts";
import { etcdMemberId } from "./ids.ts";
import type { WireAlarmRequest } from "./wire.ts";

/**
 * The version Status reports: the etcd API level ringkv serves (its vendored protos are etcd
 * 3.4's; etcdctl 3.4 and etcd3 work against it). ringkv's own version is in `ringkv status`.
 */
export const ETCD_API_VERSION = "3.4.0";

export interface EtcdMaintenanceDeps {
  readonly headers: HeaderSource;
  readonly memberId: string;
}

export function statusResponseOf(status: StatusJson, headers: HeaderSource, memberId: string): object {
  const meta = status.meta;
  return {
    header: headers.header(0),
    version: ETCD_API_VERSION,
    dbSize: 0,
    leader: meta && meta.leader !== "" ? etcdMemberId(meta.leader) : 0,
    raftIndex: meta?.commitIndex ?? 0,
    raftTerm: meta?.term ?? 0,
    raftAppliedIndex: meta?.appliedIndex ?? 0,
    errors: [],
    dbSizeInUse: 0,
    isLearner: meta?.learners.includes(memberId) ?? false,
  };
}

export function etcdMaintenanceHandlers(deps: EtcdMaintenanceDeps): Record<string, UnaryHandler> {
  const { headers, memberId } = deps;
  const refuse = (what: string, instead: string) => async () => {
    throw unimplemented(what, instead);
  };
  return {
    async Status() {
      return statusResponseOf(await headers.status(), headers, memberId);
    },
    async Alarm(request: WireAlarmRequest) {
      // Get lists no alarms; activating or clearing one changes nothing ringkv has.
      if (request.action !== 0) throw unimplemented("alarm activate/deactivate", "ringkv raises no alarms");
      return { header: headers.header(0), alarms: [] };
    },
    Defragment: refuse("Defragment", "ringkv compacts its write-ahead log itself"),
    Hash: refuse("Hash", "`ringkv status` reports each shard's replica digests"),
    HashKV: refuse("HashKV", "`ringkv status` reports each shard's replica digests"),
    MoveLeader: refuse("MoveLeader", "ringkv places each shard's leader itself"),
    Downgrade: refuse("Downgrade", "ringkv's own upgrade path applies"),
  };
}
