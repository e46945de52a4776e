// Sending one snapshot: an InstallSnapshot call carrying the Snap message and its data in
// chunks, written as fast as the receiver takes them (waiting on 'drain'), under a deadline.
import * as grpc from "@grpc/grpc-js";
import { encodeSnapshotChunks, type SnapshotChunkWire } from "./codec.ts";
import type { TransportConfig } from "./config.ts";
import { raftServiceDefinition } from "./service.ts";
import type { GroupMessage, TransportStats } from "./transport.ts";

/**
 * Resolves once the receiver has reassembled `gm`'s snapshot and handed it to its node;
 * rejects if the call fails, times out (snapshotTimeoutMs) or `signal` aborts it.
 */
export async function sendSnapshot(
  client: grpc.Client,
  gm: GroupMessage,
  config: TransportConfig,
  stats: TransportStats,
  signal: AbortSignal,
): Promise<void> {
  const method = raftServiceDefinition()["InstallSnapshot"]!;
  let settle: (error: grpc.ServiceError | null) => void = () => {};
  const answered = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === null ? resolve() : reject(error));
  });
  // Observed below, but possibly only after a rejection: keep it from counting as unhandled.
  answered.catch(() => {});
  const call: grpc.ClientWritableStream<SnapshotChunkWire> = client.makeClientStreamRequest(
    method.path,
    method.requestSerialize,
    method.responseDeserialize,
    new grpc.Metadata(),
    { deadline: Date.now() + config.snapshotTimeoutMs },
    (error: grpc.ServiceError | null) => settle(error),
  );
  // Cancelling makes grpc-js answer the call with CANCELLED, which ends the loop below.
  const cancel = () => call.cancel();
  if (signal.aborted) cancel();
  signal.addEventListener("abort", cancel, { once: true });
  try {
    for (const chunk of encodeSnapshotChunks(gm, config.snapshotChunkBytes)) {
      if (signal.aborted) break;
      stats.snapshotChunksSent++;
      if (!call.write(chunk)) await drained(call, answered);
    }
    call.end();
    await answered;
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}

/** Resolves on the call's next 'drain', or settles with the call's answer, whichever is first. */
function drained(call: grpc.ClientWritableStream<SnapshotChunkWire>, answered: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    call.once("drain", resolve);
    answered.then(
      () => {
        call.off("drain", resolve);
        resolve();
      },
      (error: unknown) => {
        call.off("drain", resolve);
        reject(error);
      },
    );
  });
}
