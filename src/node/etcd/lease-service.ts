// etcd's Lease service over the model's leases: grant, revoke, time-to-live, list, and the
// keep-alive stream (one answer per request, in order). A keep-alive for a lease that no longer
// exists answers TTL 0, as etcd does — clients read that as "expired", not as a failure.
import type * as grpc from "@grpc/grpc-js";
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type { KvModelApi } from "../../api/kv-model.ts";
import type { UnaryHandler } from "./call.ts";
import { toEtcdStatus } from "./errors.ts";
import type { HeaderSource } from "./header.ts";
import { StreamWriter } from "./stream-writer.ts";
import type { WireLeaseGrantRequest, WireLeaseIdRequest, WireLeaseTimeToLiveRequest } from "./wire.ts";

export interface EtcdLeaseDeps {
  readonly model: KvModelApi;
  readonly headers: HeaderSource;
}

export function etcdLeaseHandlers(deps: EtcdLeaseDeps): Record<string, UnaryHandler> {
  const { model, headers } = deps;
  return {
    async LeaseGrant(request: WireLeaseGrantRequest, options) {
      if (request.TTL <= 0)
        throw new RingkvError("InvalidArgument", "etcdserver: lease TTL must be positive");
      const grant = await model.leaseGrant(request.TTL, request.ID, options);
      return { header: headers.header(0), ID: grant.id, TTL: grant.ttlSeconds, error: "" };
    },
    async LeaseRevoke(request: WireLeaseIdRequest, options) {
      await model.leaseRevoke(request.ID, options);
      return { header: headers.header(0) };
    },
    async LeaseTimeToLive(request: WireLeaseTimeToLiveRequest, options) {
      const ttl = await model.leaseTimeToLive(request.ID, request.keys, options);
      return {
        header: headers.header(0),
        ID: ttl.id,
        TTL: ttl.ttlSeconds,
        grantedTTL: ttl.grantedTtlSeconds,
        keys: ttl.keys,
      };
    },
    async LeaseLeases(_request: object, options) {
      const ids = await model.leases(options);
      return { header: headers.header(0), leases: ids.map((ID) => ({ ID })) };
    },
  };
}

export function etcdKeepAliveCall(deps: EtcdLeaseDeps): grpc.handleBidiStreamingCall<unknown, object> {
  return (call) => {
    const out = new StreamWriter(call);
    // Answers go in request order: each waits for the one before it.
    let last: Promise<void> = Promise.resolve();
    call.on("data", (request: WireLeaseIdRequest) => {
      last = last.then(() => keepAlive(deps, request.ID).then((answer) => out.write(answer)));
      last = last.catch((e: unknown) => {
        // A failure other than "no such lease" ends the stream with etcd's status for it.
        out.close();
        call.emit("error", toEtcdStatus(e));
      });
    });
    call.on("end", () => {
      void last.then(() => call.end());
    });
    call.on("cancelled", () => out.close());
  };
}

async function keepAlive(deps: EtcdLeaseDeps, id: number): Promise<object> {
  try {
    const grant = await deps.model.leaseKeepAlive(id);
    return { header: deps.headers.header(0), ID: grant.id, TTL: grant.ttlSeconds };
  } catch (e) {
    if (toRingkvError(e).code !== "LeaseNotFound") throw e;
    return { header: deps.headers.header(0), ID: id, TTL: 0 };
  }
}
