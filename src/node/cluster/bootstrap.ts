// The first entries of a brand-new cluster, written before any replica starts. The meta group
// gets the founder as its only voter, the cluster config and the founder's address; every shard
// group gets the founder as its only voter. Putting them in the logs (not in initial snapshots)
// lets a node that joins later learn everything by replaying them.

import type { MemberInfo } from "../../api/kv-api.ts";
import {
  ConfChangeTransition,
  ConfChangeType,
  type Entry,
  EntryType,
  encodeConfChange,
} from "../../raft/index.ts";
import type { LogStore } from "../../storage/log-store.ts";
import { META_GROUP, shardGroup } from "../host/groups.ts";
import type { ClusterConfig } from "../kv/command.ts";
import { encodeCommand } from "../kv/command-codec.ts";

export async function bootstrapCluster(
  store: LogStore,
  founder: MemberInfo,
  config: ClusterConfig,
): Promise<void> {
  const founding = bootstrapMeta(store, founder, config);
  for (let shard = 0; shard < config.shardCount; shard++) {
    const hardState = { term: 1, vote: "", commit: 1 };
    store.persist(shardGroup(shard), { snapshot: null, entries: [founding], hardState });
  }
  await store.sync();
}

/**
 * The meta group's first entries (founder as the only voter, the config, the founder's address,
 * a first revision reservation),
 * buffered in `store` for the caller's sync; returns the founding entry, which every shard group
 * of a new cluster starts with too. A restore (src/node/backup) founds the meta group this way
 * and starts the shard groups from the backup's snapshots instead.
 */
export function bootstrapMeta(store: LogStore, founder: MemberInfo, config: ClusterConfig): Entry {
  const founding: Entry = {
    term: 1,
    index: 1,
    type: EntryType.ConfChange,
    data: encodeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [{ type: ConfChangeType.AddNode, nodeId: founder.id }],
    }),
  };
  const meta: Entry[] = [
    founding,
    { term: 1, index: 2, type: EntryType.Normal, data: encodeCommand({ setConfig: config }) },
    { term: 1, index: 3, type: EntryType.Normal, data: encodeCommand({ setMember: founder }) },
    // A new cluster uses cluster-wide revisions from its first write: an applied reservation
    // turns the gate on for good (cluster-node.ts), where gossip alone would leave the first
    // writes after formation at their log index — two shards could then both answer version 7.
    // The oracle starts above it, in a window of its own term.
    { term: 1, index: 4, type: EntryType.Normal, data: encodeCommand({ reserveRevisions: { upTo: 1 } }) },
  ];
  store.persist(META_GROUP, { snapshot: null, entries: meta, hardState: { term: 1, vote: "", commit: 4 } });
  return founding;
}
