// etcd's Auth service. ringkv's access control is its own (bearer tokens with roles, src/node/
// auth), not etcd's users and roles, so etcd's auth is never enabled here: every call answers
// etcd's own "authentication is not enabled" — what etcd answers to Authenticate, and what
// etcdctl prints for `--user` — except AuthStatus, which says so (enabled: false), and
// AuthEnable, Unimplemented: it cannot be turned on.

import { status as GrpcStatus } from "@grpc/grpc-js";
import type { UnaryHandler } from "./call.ts";
import { ETCD_MESSAGES, EtcdStatusError, unimplemented } from "./errors.ts";
import type { HeaderSource } from "./header.ts";
import { ETCD_AUTH_SERVICE } from "./wire.ts";

export function etcdAuthHandlers(headers: HeaderSource): Record<string, UnaryHandler> {
  const handlers: Record<string, UnaryHandler> = {};
  for (const method of Object.keys(ETCD_AUTH_SERVICE.methods)) {
    handlers[method] = async () => {
      throw new EtcdStatusError(GrpcStatus.FAILED_PRECONDITION, ETCD_MESSAGES.authNotEnabled);
    };
  }
  handlers["AuthStatus"] = async () => ({ header: headers.header(0), enabled: false, authRevision: 0 });
  handlers["AuthEnable"] = async () => {
    throw unimplemented("AuthEnable", "ringkv's own tokens (--auth-file) control access");
  };
  return handlers;
}
