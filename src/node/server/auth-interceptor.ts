// The gRPC half of authorization: one server interceptor in front of every service on the port
// (client KV, Forward, Raft, gossip), so no service can be registered around it. It reads the
// `authorization` metadata and the peer certificate, asks the AuthGate whether the method's access
// (src/node/auth/access.ts) is met, and otherwise ends the call with the gate's RingkvError as a
// status (UNAUTHENTICATED / PERMISSION_DENIED with `ringkv-code`) before the handler starts:
// nothing of a refused call — metadata, messages, half-close — reaches a service.
import * as grpc from "@grpc/grpc-js";
import { toRingkvError } from "../../api/errors.ts";
import { toGrpcStatus } from "../../api/grpc-status.ts";
import { type AuthGate, grpcAccess, httpAccess, type PeerIdentity } from "../auth/index.ts";
import type { Authorize } from "./http-server.ts";

/** gRPC metadata keys are lower case; the value is `Bearer <token>`, as on HTTP. */
export const AUTHORIZATION_METADATA_KEY = "authorization";

export function authInterceptor(gate: AuthGate, peerIdentity: PeerIdentity): grpc.ServerInterceptor {
  return (descriptor, call) => {
    const access = grpcAccess(descriptor.path);
    let refused = false;
    const listener = new grpc.ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        const authorization = authorizationOf(metadata, descriptor.path);
        try {
          gate.check({ authorization, peer: peerIdentity(call.getAuthContext()) }, access, descriptor.path);
        } catch (e) {
          refused = true;
          call.sendStatus(toGrpcStatus(toRingkvError(e)));
          return;
        }
        next(metadata);
      })
      // grpc-js ends a call once its status is sent; these guards keep a refused call's messages
      // from any handler even should one already be on its way.
      .withOnReceiveMessage((message, next) => {
        if (!refused) next(message);
      })
      .withOnReceiveHalfClose((next) => {
        if (!refused) next();
      })
      .build();
    return new grpc.ServerInterceptingCall(call, {
      start: (next) => next(listener),
    });
  };
}

/**
 * etcd clients (etcdctl --user, etcd3's `auth` option) cannot send `authorization`: they call
 * Authenticate and then present its answer as `token` metadata. The etcd API's Authenticate
 * answers a valid ringkv token with itself (src/node/etcd/auth-service.ts), so on etcd's paths
 * `token` stands for `Bearer <token>`.
 */
export const ETCD_TOKEN_METADATA_KEY = "token";

function authorizationOf(metadata: grpc.Metadata, path: string): string | undefined {
  const [value] = metadata.get(AUTHORIZATION_METADATA_KEY);
  if (typeof value === "string") return value;
  const [token] = path.startsWith("/etcdserverpb.") ? metadata.get(ETCD_TOKEN_METADATA_KEY) : [];
  return typeof token === "string" ? `Bearer ${token}` : undefined;
}

/**
 * The client side, for this node's own calls to its peers (joins, forwarding, status): presents
 * `authorization` so a peer with auth on lets them through while peers have no certificates.
 */
export function bearerInterceptor(token: string): grpc.Interceptor {
  const value = `Bearer ${token}`;
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        metadata.set(AUTHORIZATION_METADATA_KEY, value);
        next(metadata, listener);
      },
    });
}

/** The HTTP half: the middleware http-server.ts calls for every routed request. */
export function httpAuthorize(gate: AuthGate): Authorize {
  return (req, route) => {
    const access = httpAccess(route.template, route.method);
    gate.check(
      { authorization: req.headers.authorization, peer: null },
      access,
      `${route.method} ${route.template}`,
    );
  };
}
