// etcd's Cluster service: MemberList answers ringkv's members with etcd ids (ids.ts). ringkv
// serves peers and clients on one gRPC port, so a member's peer and client URLs are the same
// address. Membership changes go through ringkv's own join and leave, which move shards safely;
// etcd's MemberAdd/Remove/Update/Promote are answered Unimplemented with what to use instead.
import type { KvApi, MemberStatus } from "../../api/kv-api.ts";
import type { UnaryHandler } from "./call.ts";
import { unimplemented } from "./errors.ts";
import type { HeaderSource } from "./header.ts";
import { etcdMemberId } from "./ids.ts";

export interface EtcdClusterDeps {
  readonly kv: KvApi;
  readonly headers: HeaderSource;
  /** "https" when the node serves TLS. */
  readonly scheme: "http" | "https";
}

/** Members etcd clients should see: every member not gone (left, or dead and removed). */
function listed(member: MemberStatus): boolean {
  return member.state !== "left";
}

export function etcdClusterHandlers(deps: EtcdClusterDeps): Record<string, UnaryHandler> {
  const { kv, headers, scheme } = deps;
  const instead = "use `ringkv start --join` and `ringkv leave`";
  return {
    async MemberList(_request: object, options) {
      const status = await kv.status(options);
      const members = status.members.filter(listed).map((m) => {
        const url = `${scheme}://${m.addr}`;
        return { ID: etcdMemberId(m.id), name: m.id, peerURLs: [url], clientURLs: [url], isLearner: false };
      });
      return { header: headers.header(0), members };
    },
    MemberAdd: async () => {
      throw unimplemented("MemberAdd", instead);
    },
    MemberRemove: async () => {
      throw unimplemented("MemberRemove", instead);
    },
    MemberUpdate: async () => {
      throw unimplemented("MemberUpdate", instead);
    },
    MemberPromote: async () => {
      throw unimplemented("MemberPromote", "ringkv promotes learners itself once they catch up");
    },
  };
}
