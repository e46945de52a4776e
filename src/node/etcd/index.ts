// etcd's v3 API (etcdserverpb: KV, Watch, Lease, Cluster, Maintenance, Auth) served on the node's
// client gRPC port, over the node's single-key operations (KvApi) and its richer model
// (KvModelApi: ranges, transactions, watches, leases). etcd clients — etcdctl, the etcd3 npm
// package, clientv3 — talk to any node unchanged; the node routes every key to its shard.
import type * as grpc from "@grpc/grpc-js";
import type { KvApi, StatusJson } from "../../api/kv-api.ts";
import type { KvModelApi } from "../../api/kv-model.ts";
import type { KvLimits } from "../../api/limits.ts";
import { serviceDefinition } from "../../api/proto.ts";
import type { InFlight } from "../host/in-flight.ts";
import type { Metrics } from "../metrics.ts";
import { etcdAuthHandlers, tokenCheckOf } from "./auth-service.ts";
import { unaryImplementation } from "./call.ts";
import { etcdClusterHandlers } from "./cluster-service.ts";
import { toEtcdStatus, unimplemented } from "./errors.ts";
import { HeaderSource } from "./header.ts";
import { etcdKvHandlers } from "./kv-service.ts";
import { etcdKeepAliveCall, etcdLeaseHandlers } from "./lease-service.ts";
import { etcdMaintenanceHandlers } from "./maintenance-service.ts";
import { etcdWatchCall } from "./watch-service.ts";
import {
  ETCD_AUTH_SERVICE,
  ETCD_CLUSTER_SERVICE,
  ETCD_KV_SERVICE,
  ETCD_LEASE_SERVICE,
  ETCD_MAINTENANCE_SERVICE,
  ETCD_WATCH_SERVICE,
} from "./wire.ts";

export { ETCD_SERVICES } from "./wire.ts";

/**
 * Every etcd method's path starts with this: the node gives these calls the client message limit
 * (a request over it is refused before it is read, as etcd refuses one over its
 * --max-request-bytes).
 */
export const ETCD_PACKAGE_PATH_PREFIX = "/etcdserverpb.";
export { etcdMemberId } from "./ids.ts";

export interface EtcdServiceOptions {
  /** This node's member id (ringkv's). */
  readonly memberId: string;
  readonly kv: KvApi;
  readonly model: KvModelApi;
  readonly limits: KvLimits;
  /** The node's own status (its replicas only), for headers and Maintenance.Status. */
  readonly localStatus: () => Promise<StatusJson>;
  readonly tls: boolean;
  readonly metrics?: Metrics;
  /** Where unary calls are counted while they run, for a graceful stop; none by default. */
  readonly inFlight?: InFlight;
  /**
   * With ringkv's auth on: checks a token (`Bearer <token>`), throwing Unauthenticated when the
   * node does not know it. Authenticate trades such a token for itself (auth-service.ts).
   */
  readonly checkAuthorization?: (authorization: string) => void;
}

/** Register the six etcdserverpb services on `server` (which the caller binds and starts). */
export function registerEtcdServices(server: grpc.Server, options: EtcdServiceOptions): void {
  const { kv, model, limits } = options;
  const unary = (service: string, handlers: Parameters<typeof unaryImplementation>[1]) =>
    unaryImplementation(service, handlers, options.metrics, options.inFlight);
  const headers = new HeaderSource({ memberId: options.memberId, localStatus: options.localStatus });
  const add = (spec: typeof ETCD_KV_SERVICE, implementation: grpc.UntypedServiceImplementation): void =>
    server.addService(serviceDefinition(spec), implementation);

  add(ETCD_KV_SERVICE, unary(ETCD_KV_SERVICE.fullName, etcdKvHandlers({ kv, model, headers, limits })));
  add(ETCD_WATCH_SERVICE, { Watch: etcdWatchCall({ model, headers }) });
  add(ETCD_LEASE_SERVICE, {
    ...unary(ETCD_LEASE_SERVICE.fullName, etcdLeaseHandlers({ model, headers })),
    LeaseKeepAlive: etcdKeepAliveCall({ model, headers }),
  });
  add(
    ETCD_CLUSTER_SERVICE,
    unary(
      ETCD_CLUSTER_SERVICE.fullName,
      etcdClusterHandlers({ kv, headers, scheme: options.tls ? "https" : "http" }),
    ),
  );
  add(ETCD_MAINTENANCE_SERVICE, {
    ...unary(
      ETCD_MAINTENANCE_SERVICE.fullName,
      etcdMaintenanceHandlers({ headers, memberId: options.memberId }),
    ),
    Snapshot: refuseStream(() => unimplemented("Snapshot", "use `ringkv snapshot save`")),
  });
  add(
    ETCD_AUTH_SERVICE,
    unary(
      ETCD_AUTH_SERVICE.fullName,
      etcdAuthHandlers(headers, options.checkAuthorization ? tokenCheckOf(options.checkAuthorization) : null),
    ),
  );
}

/** A server-streaming method that answers only a status. */
function refuseStream(error: () => Error): grpc.handleServerStreamingCall<unknown, object> {
  return (call) => {
    call.emit("error", toEtcdStatus(error()));
  };
}
