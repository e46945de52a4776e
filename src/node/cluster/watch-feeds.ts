// The node's side of watches: which shards a span covers, and where each shard's events come
// from — this node's replica when it is a member of the group, else a peer placed to hold one.
import { RingkvError } from "../../api/errors.ts";
import type { KeySpan } from "../../api/kv-model.ts";
import { shardGroup } from "../host/groups.ts";
import type { ClusterView } from "../placement/cluster-view.ts";
import { NodeFeeds, replicaHistory } from "../watch/index.ts";
import { inConf } from "./conf.ts";
import type { ClusterContext } from "./context.ts";

/** One key's shard; a range may hold keys of every shard (keys are hash-sharded). */
export function shardsOf(view: ClusterView, span: KeySpan): readonly number[] {
  if (span.end === undefined) {
    const shard = view.shardOf(span.start);
    return shard === null ? [] : [shard];
  }
  const count = view.config?.shardCount ?? 0;
  return Array.from({ length: count }, (_, shard) => shard);
}

export function watchFeeds(ctx: ClusterContext): NodeFeeds {
  const { host, view, meta, peers, id } = ctx;
  return new NodeFeeds({
    localHistory(shard) {
      const replica = host.replica(shardGroup(shard));
      if (!replica || !inConf(replica.raw.confState(), id)) return null;
      return replicaHistory(replica);
    },
    holders(shard) {
      const voters = view.target(shardGroup(shard))?.voters ?? [];
      const addrs: string[] = [];
      for (const voter of voters) {
        const addr = voter === id ? undefined : meta.sm.member(voter)?.addr;
        if (addr) addrs.push(addr);
      }
      return addrs;
    },
    openRemote(addr, shard, fromRevision, sink) {
      const peer = peers.get(addr);
      if (!peer.shardWatch) throw new RingkvError("Unavailable", `peer ${addr} cannot stream shard events`);
      return peer.shardWatch(shard, fromRevision, sink);
    },
  });
}
