// Running a server-streaming call's body: count the call and its latency, then end the stream,
// or fail it with the ringkv error's gRPC status. Shared by the Admin and Watch services.
import type * as grpc from "@grpc/grpc-js";
import { status as GrpcStatus } from "@grpc/grpc-js";
import { toRingkvError } from "../../api/errors.ts";
import { toGrpcStatus } from "../../api/grpc-status.ts";
import type { Metrics } from "../metrics.ts";

/** Run `body`, then end the call, or fail it with the ringkv error's gRPC status. */
export function serveStream<Req, Res>(
  call: grpc.ServerWritableStream<Req, Res>,
  service: string,
  method: string,
  metrics: Metrics | undefined,
  body: () => Promise<void>,
): void {
  const started = performance.now();
  const finish = (code: GrpcStatus): void =>
    metrics?.observeGrpc(service, method, code, (performance.now() - started) / 1000);
  Promise.resolve()
    .then(body)
    .then(
      () => {
        finish(GrpcStatus.OK);
        // A caller that went away (a watch cancelled) has nothing left to end.
        if (!call.cancelled) call.end();
      },
      (e: unknown) => {
        const error = toRingkvError(e);
        finish(error.mapping.grpc);
        if (!call.cancelled) call.emit("error", toGrpcStatus(error));
      },
    )
    .catch(() => {
      // The call is already unusable; grpc-js ends it.
    });
}
