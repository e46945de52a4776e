// What every gRPC method and HTTP route needs, in two tables — the one place access is decided.
// A method or route missing from its table needs `admin` (fail closed), and
// test/node/auth/access.test.ts fails when a registered method or route has no entry, so a new
// one cannot be forgotten.
//
// Access levels:
//   open      — anyone: the health probes (load balancers and orchestrators send no token, and
//               they reveal only that the node is up and which shards lack a leader).
//   read/write/admin — a token of at least that role (role.ts).
//   peer      — another node acting for a client whose token it already checked (the Forward
//               stream: checked at the entry node only, and the receiver trusts that decision).
//               Passed by a verified peer certificate (peer-identity.ts), or by an admin token,
//               which is what a node presents (its --peer-token) while peers have no certificates.
//   transport — the Raft and gossip transports: authenticated by the transport alone (mutual TLS)
//               and never by a token; without TLS they are open, like everything else on a
//               plaintext port to whoever can reach it.
import type { Role } from "./role.ts";

export type Access = "open" | Role | "peer" | "transport";

/** Service full name → method → access. */
export const GRPC_ACCESS: Readonly<Record<string, Readonly<Record<string, Access>>>> = {
  "ringkv.kv.KV": {
    Get: "read",
    Status: "read",
    Put: "write",
    Delete: "write",
    Range: "read",
    DeleteRange: "write",
    Txn: "write",
    // A joining node presents its peer token (or certificate); an operator an admin token.
    Join: "admin",
    Leave: "admin",
    // A lease's keys go when it ends: granting, revoking and renewing one change data.
    LeaseGrant: "write",
    LeaseRevoke: "write",
    LeaseKeepAlive: "write",
    LeaseTimeToLive: "read",
    LeaseLeases: "read",
  },
  "ringkv.forward.Forward": { Stream: "peer" },
  // Watching reads what a get would; a node without a replica of a shard reads its events from
  // a peer's replica, checked at the node the client called (like Forward).
  "ringkv.watch.Watch": { Watch: "read" },
  "ringkv.watch.ShardWatch": { Stream: "peer" },
  // A backup reads every key: admin. Its per-shard reads between nodes go as the Forward stream
  // does, checked at the node the operator called.
  "ringkv.admin.Admin": { Snapshot: "admin", SnapshotShard: "peer" },
  "ringkv.raft.RaftTransport": { Send: "transport", InstallSnapshot: "transport" },
  // etcd's v3 API (src/node/etcd): the same roles as the native calls that do the same. What etcd
  // itself reserves for its root role (compaction, alarms, membership, maintenance) is admin.
  "etcdserverpb.KV": { Range: "read", Put: "write", DeleteRange: "write", Txn: "write", Compact: "admin" },
  "etcdserverpb.Watch": { Watch: "read" },
  "etcdserverpb.Lease": {
    LeaseGrant: "write",
    LeaseRevoke: "write",
    LeaseKeepAlive: "write",
    LeaseTimeToLive: "read",
    LeaseLeases: "read",
  },
  "etcdserverpb.Cluster": {
    MemberList: "read",
    MemberAdd: "admin",
    MemberRemove: "admin",
    MemberUpdate: "admin",
    MemberPromote: "admin",
  },
  "etcdserverpb.Maintenance": {
    Status: "read",
    Alarm: "admin",
    Defragment: "admin",
    Hash: "admin",
    HashKV: "admin",
    Snapshot: "admin",
    MoveLeader: "admin",
    Downgrade: "admin",
  },
  // Authenticate trades a ringkv token (as the password) for itself as etcd's token, so it needs
  // none; AuthStatus says only whether etcd's auth is on (never).
  "etcdserverpb.Auth": {
    Authenticate: "open",
    AuthStatus: "read",
    AuthEnable: "admin",
    AuthDisable: "admin",
    UserAdd: "admin",
    UserGet: "admin",
    UserList: "admin",
    UserDelete: "admin",
    UserChangePassword: "admin",
    UserGrantRole: "admin",
    UserRevokeRole: "admin",
    RoleAdd: "admin",
    RoleGet: "admin",
    RoleList: "admin",
    RoleDelete: "admin",
    RoleGrantPermission: "admin",
    RoleRevokePermission: "admin",
  },
  "ringkv.gossip.GossipTransport": { Deliver: "transport", Stream: "transport" },
};

/** Route template → method → access. HEAD is checked as GET. */
export const HTTP_ACCESS: Readonly<Record<string, Readonly<Record<string, Access>>>> = {
  // Also `/v1/kv?prefix=…`: ranges (GET) read, range deletes (DELETE) write.
  "/v1/kv/{key}": { GET: "read", PUT: "write", DELETE: "write" },
  "/v1/txn": { POST: "write" },
  "/v1/lease": { GET: "read", POST: "write" },
  "/v1/lease/{id}": { GET: "read", DELETE: "write" },
  "/v1/lease/{id}/keepalive": { POST: "write" },
  "/v1/status": { GET: "read" },
  "/v1/watch": { GET: "read" },
  "/v1/ring": { GET: "read" },
  "/health": { GET: "open" },
  "/ready": { GET: "open" },
  // Key counts, addresses and rates are not for anyone who can reach the port; Prometheus sends
  // a token with `authorization: { credentials_file: … }` in its scrape config.
  "/metrics": { GET: "read" },
  "/": { GET: "read" },
};

/** Needed when a table has no entry: the most any token may do. */
export const UNLISTED_ACCESS: Access = "admin";

/** The access of gRPC method `path` ("/ringkv.kv.KV/Get"). */
export function grpcAccess(path: string): Access {
  const [, service = "", method = ""] = path.split("/");
  return GRPC_ACCESS[service]?.[method] ?? UNLISTED_ACCESS;
}

/** The access of `method` on the HTTP route `template` (the route table's own label). */
export function httpAccess(template: string, method: string): Access {
  return HTTP_ACCESS[template]?.[method === "HEAD" ? "GET" : method] ?? UNLISTED_ACCESS;
}
