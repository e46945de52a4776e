// The unary half of every etcd service: run the handler (again while it fails certainly unapplied,
// not-applied-retry.ts), answer its result, or answer its failure as etcd would (errors.ts),
// counting the call in the node's gRPC metrics. Nothing a handler
// throws escapes to grpc-js (a rejection left unhandled would take the node down).
import type * as grpc from "@grpc/grpc-js";
import { status as GrpcStatus } from "@grpc/grpc-js";
import type { RequestOptions } from "../../api/kv-api.ts";
import type { InFlight } from "../host/in-flight.ts";
import type { Metrics } from "../metrics.ts";
import { toEtcdStatus } from "./errors.ts";
import { retryNotApplied } from "./not-applied-retry.ts";

export type UnaryHandler = (request: never, options: RequestOptions) => Promise<object>;

/** The call's gRPC deadline, as the node's requests carry it (ms since the epoch). */
export function optionsOf(call: { getDeadline(): Date | number }): RequestOptions {
  const deadline = call.getDeadline();
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? { callerDeadline: ms } : {};
}

export function unaryCall(
  service: string,
  method: string,
  handle: UnaryHandler,
  metrics: Metrics | undefined,
  inFlight?: InFlight,
): grpc.handleUnaryCall<unknown, object> {
  return (call, callback) => {
    const started = performance.now();
    const finish = (code: GrpcStatus): void =>
      metrics?.observeGrpc(service, method, code, (performance.now() - started) / 1000);
    const served = Promise.resolve().then(() => {
      const options = optionsOf(call);
      return retryNotApplied(() => handle(call.request as never, options), options);
    });
    (inFlight ? inFlight.track(served) : served)
      .then(
        (response) => {
          finish(GrpcStatus.OK);
          callback(null, response);
        },
        (e: unknown) => {
          const status = toEtcdStatus(e);
          finish(status.code);
          callback(status);
        },
      )
      .catch(() => {
        // callback itself threw (the call is gone): grpc-js ends it.
      });
  };
}

/** A service's unary handlers as a grpc-js implementation. */
export function unaryImplementation(
  service: string,
  handlers: Readonly<Record<string, UnaryHandler>>,
  metrics: Metrics | undefined,
  inFlight?: InFlight,
): grpc.UntypedServiceImplementation {
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const [method, handle] of Object.entries(handlers)) {
    implementation[method] = unaryCall(service, method, handle, metrics, inFlight);
  }
  return implementation;
}
