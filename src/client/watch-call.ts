// A watch as the client library serves it: one Watch stream (proto/watch.proto) to one node,
// as an async iterable of batches that ends when the caller cancels (or breaks out of its loop)
// and throws the node's RingkvError when the watch cannot go on — Compacted for a start revision
// older than the kept history, Unavailable when the node stopped or the reader fell behind (watch
// again from the revision after the last event read).
import * as grpc from "@grpc/grpc-js";
import { RingkvError } from "../api/errors.ts";
import { fromGrpcStatus } from "../api/grpc-status.ts";
import type { WatchBatch, WatchRequest, WatchStream } from "../api/kv-model.ts";
import {
  batchFromWire,
  type WireWatchResponse,
  watchRequestToWire,
  watchServiceDefinition,
} from "../api/watch-wire.ts";

export const WatchStub = grpc.makeGenericClientConstructor(watchServiceDefinition(), "Watch");

type ServerStreamCall = (
  request: object,
  metadata: grpc.Metadata,
) => grpc.ClientReadableStream<WireWatchResponse>;

export function openWatch(
  stub: grpc.Client,
  address: string,
  request: WatchRequest,
  metadata: grpc.Metadata,
): WatchStream {
  const method = (stub as unknown as Record<string, ServerStreamCall>)["Watch"] as ServerStreamCall;
  const call = method.call(stub, watchRequestToWire(request), metadata);
  let cancelled = false;
  const cancel = (): void => {
    if (cancelled) return;
    cancelled = true;
    call.cancel();
  };
  async function* batches(): AsyncGenerator<WatchBatch> {
    try {
      for await (const response of call) yield batchFromWire(response as WireWatchResponse);
    } catch (e) {
      if (cancelled) return;
      if (isServiceError(e)) throw fromGrpcStatus(e, address);
      throw e instanceof RingkvError ? e : new RingkvError("Internal", String(e));
    } finally {
      cancel();
    }
  }
  return { batches: batches(), cancel };
}

function isServiceError(e: unknown): e is grpc.ServiceError {
  return e instanceof Error && typeof (e as Partial<grpc.ServiceError>).code === "number";
}
