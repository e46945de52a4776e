// etcd's Auth service. ringkv's access control is its own (bearer tokens with roles, src/node/
// auth), not etcd's users and roles. etcd clients reach it through Authenticate: with ringkv's
// auth on, Authenticate takes a ringkv token as the password (any user name) and answers it back
// as etcd's token, which the client then sends as `token` metadata on every call and the node's
// auth interceptor reads as `Bearer <token>` — so `etcdctl --user ringkv:<token>` and etcd3's
// `auth: { username, password: token }` work unchanged. With ringkv's auth off, Authenticate
// answers etcd's own "authentication is not enabled", as etcd does.
//
// etcd's user and role management has no counterpart (ringkv's tokens live in --auth-file):
// those calls answer "authentication is not enabled", AuthStatus says enabled: false (etcd's auth
// is never on), and AuthEnable is Unimplemented: it cannot be turned on.
import { status as GrpcStatus } from "@grpc/grpc-js";
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type { UnaryHandler } from "./call.ts";
import { ETCD_MESSAGES, EtcdStatusError, unimplemented } from "./errors.ts";
import type { HeaderSource } from "./header.ts";
import { ETCD_AUTH_SERVICE } from "./wire.ts";

/** Throws Unauthenticated unless `token` is one of the node's ringkv tokens. */
export type TokenCheck = (token: string) => void;

export function etcdAuthHandlers(
  headers: HeaderSource,
  checkToken: TokenCheck | null,
): Record<string, UnaryHandler> {
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
  if (checkToken !== null) {
    handlers["Authenticate"] = async (request: { name: string; password: string }) => {
      try {
        checkToken(request.password);
      } catch (e) {
        if (toRingkvError(e).code !== "Unauthenticated") throw e;
        throw new EtcdStatusError(GrpcStatus.INVALID_ARGUMENT, ETCD_MESSAGES.authFailed);
      }
      return { header: headers.header(0), token: request.password };
    };
  }
  return handlers;
}

/** A TokenCheck over the node's auth gate's check (any role will do: the calls check theirs). */
export function tokenCheckOf(check: (authorization: string) => void): TokenCheck {
  return (token) => {
    if (token === "" || /\s/.test(token))
      throw new RingkvError("Unauthenticated", "empty or malformed token");
    check(`Bearer ${token}`);
  };
}
