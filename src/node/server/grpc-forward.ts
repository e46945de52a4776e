// The receiving end of forwarding (proto/forward.proto): one stream per calling peer, each batch
// of requests served through the same handlers as the KV service's unary calls (validation
// included), every request marked forwarded so it is answered here, never forwarded again.
// Answers finished in one event-loop turn leave as one batch.
import * as grpc from "@grpc/grpc-js";
import { ERROR_MAPPINGS, isErrorCode, RingkvError, toRingkvError } from "../../api/errors.ts";
import type { KvApi } from "../../api/kv-api.ts";
import { type KvLimits, kvLimits } from "../../api/limits.ts";
import {
  FORWARD_SERVICE_NAME,
  type ForwardBatch,
  type ForwardReplies,
  type ForwardReply,
  type ForwardRequest,
  forwardServiceDefinition,
} from "../cluster/forward-wire.ts";
import type { LeaseForwardServer } from "../cluster/lease-wire.ts";
import type { Metrics } from "../metrics.ts";
import { type Handlers, kvHandlers } from "./grpc-kv.ts";

export interface ForwardServiceOptions extends Partial<KvLimits> {
  readonly metrics?: Metrics;
  /** Serves forwarded lease operations (ClusterNode.leaseForward); refused when absent. */
  readonly leases?: LeaseForwardServer;
  /** The timestamp oracle here (forwarded: answer or NotLeader); absent: the op is refused. */
  readonly revisions?: (count: number, atLeast: number) => Promise<number>;
}

type Call = grpc.ServerDuplexStream<ForwardBatch, ForwardReplies>;

type ForwardHandlers = Handlers & {
  readonly leases: LeaseForwardServer | undefined;
  readonly revisions: ((count: number, atLeast: number) => Promise<number>) | undefined;
};

/** Most revisions one forwarded request may ask for (a node asks for one per waiting write). */
export const FORWARD_REVISIONS_MAX = 65_536;

/** Serve `api` as the ringkv.forward.Forward service on `server`. */
export function registerForwardService(
  server: grpc.Server,
  api: KvApi,
  options: ForwardServiceOptions = {},
): void {
  const handlers: ForwardHandlers = {
    ...kvHandlers(api, kvLimits(options)),
    leases: options.leases,
    revisions: options.revisions,
  };
  server.addService(forwardServiceDefinition(), {
    Stream: (call: Call) => serveStream(call, handlers, options.metrics),
  });
}

function serveStream(call: Call, handlers: ForwardHandlers, metrics: Metrics | undefined): void {
  // Headers now: the caller takes them as "stream established".
  call.sendMetadata(new grpc.Metadata());
  let out: ForwardReply[] = [];
  let flushScheduled = false;
  let inFlight = 0;
  let ended = false;
  let gone = false;
  const flush = (): void => {
    flushScheduled = false;
    if (gone || out.length === 0) return;
    const replies = out;
    out = [];
    call.write({ replies });
    if (ended && inFlight === 0) call.end();
  };
  const answer = (reply: ForwardReply): void => {
    inFlight--;
    if (gone) return;
    out.push(reply);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };
  call.on("data", (batch: ForwardBatch) => {
    for (const request of batch.requests) {
      inFlight++;
      const started = performance.now();
      serve(request, handlers).then(
        (reply) => {
          const code =
            "error" in reply
              ? isErrorCode(reply.error.code)
                ? ERROR_MAPPINGS[reply.error.code].grpc
                : grpc.status.UNKNOWN
              : grpc.status.OK;
          metrics?.observeGrpc(
            FORWARD_SERVICE_NAME,
            reply.result ?? "unknown",
            code,
            (performance.now() - started) / 1000,
          );
          answer(reply);
        },
        // serve() turns every failure into an error reply; this is the last line of defence.
        () =>
          answer({
            id: request.id,
            error: { code: "Internal", message: "forward failed", leaderHint: "", retryAfterMs: 0 },
          }),
      );
    }
  });
  call.on("end", () => {
    ended = true;
    if (inFlight === 0 && !flushScheduled) call.end();
  });
  const drop = (): void => {
    gone = true;
  };
  call.on("error", drop);
  call.on("cancelled", drop);
}

async function serve(request: ForwardRequest, handlers: ForwardHandlers): Promise<ForwardReply> {
  const id = request.id;
  try {
    if ("put" in request && request.put)
      return { id, put: await handlers.Put(request.put, true), result: "put" };
    if ("get" in request && request.get)
      return { id, get: await handlers.Get(request.get, true), result: "get" };
    if ("delete" in request && request.delete)
      return { id, delete: await handlers.Delete(request.delete, true), result: "delete" };
    if ("lease" in request && request.lease) {
      if (!handlers.leases) throw new RingkvError("Unavailable", "leases are not served by this node");
      return { id, lease: await handlers.leases(request.lease), result: "lease" };
    }
    if ("revisions" in request && request.revisions) {
      const { count, atLeast } = request.revisions;
      if (!handlers.revisions) throw new RingkvError("Unavailable", "this node serves no revisions");
      if (
        !Number.isSafeInteger(count) ||
        count < 1 ||
        count > FORWARD_REVISIONS_MAX ||
        !Number.isSafeInteger(atLeast)
      ) {
        throw new RingkvError("InvalidArgument", `revisions: count must be 1..${FORWARD_REVISIONS_MAX}`);
      }
      return { id, revisions: { first: await handlers.revisions(count, atLeast) }, result: "revisions" };
    }
    throw new Error("forward request without an operation");
  } catch (e) {
    const error = toRingkvError(e);
    return {
      id,
      error: {
        code: error.code,
        message: error.message,
        leaderHint: error.leaderHint,
        retryAfterMs: error.retryAfterMs,
      },
      result: "error",
    };
  }
}
