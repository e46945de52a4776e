// The receiving end of forwarding (proto/forward.proto): one stream per calling peer, each batch
// of requests served through the same handlers as the KV service's unary calls (validation
// included), every request marked forwarded so it is answered here, never forwarded again.
// Answers finished in one event-loop turn leave as one batch.
import * as grpc from "@grpc/grpc-js";
import { ERROR_MAPPINGS, isErrorCode, RingkvError, toRingkvError } from "../../api/errors.ts";
import type { KvApi } from "../../api/kv-api.ts";
import type { KvModelApi } from "../../api/kv-model.ts";
import {
  deleteRangeFromWire,
  deleteRangeResultToWire,
  rangeRequestFromWire,
  rangeResultToWire,
} from "../../api/kv-model-wire.ts";
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
import type { NodeRangeOps } from "../cluster/range-ops.ts";
import type { InFlight } from "../host/in-flight.ts";
import type { Metrics } from "../metrics.ts";
import { type Handlers, kvHandlers } from "./grpc-kv.ts";

export interface ForwardServiceOptions extends Partial<KvLimits> {
  readonly metrics?: Metrics;
  /** Where forwarded requests are counted while they run, for a graceful stop; none by default. */
  readonly inFlight?: InFlight;
  /** Puts with options and transactions (the KV handlers'), refused without. */
  readonly model?: KvModelApi;
  /** The per-shard parts of ranges and range deletes, refused without. */
  readonly rangeParts?: RangeParts;
  /** Serves forwarded lease operations (ClusterNode.leaseForward); refused when absent. */
  readonly leases?: LeaseForwardServer;
  /** The timestamp oracle here (forwarded: answer or NotLeader); absent: the op is refused. */
  readonly revisions?: (count: number, atLeast: number) => Promise<number>;
}

/** What a peer forwards of a range or range delete: one shard's part, run at its leader here. */
export type RangeParts = Pick<NodeRangeOps, "rangePart" | "deleteRangePart">;

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
    ...kvHandlers(api, kvLimits(options), options.model),
    leases: options.leases,
    revisions: options.revisions,
  };
  const served: Served = { handlers, parts: options.rangeParts, inFlight: options.inFlight };
  server.addService(forwardServiceDefinition(), {
    Stream: (call: Call) => serveStream(call, served, options.metrics),
  });
}

interface Served {
  readonly handlers: ForwardHandlers;
  readonly parts: RangeParts | undefined;
  readonly inFlight: InFlight | undefined;
}

function serveStream(call: Call, served: Served, metrics: Metrics | undefined): void {
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
      const reply = serve(request, served);
      (served.inFlight ? served.inFlight.track(reply) : reply).then(
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

async function serve(request: ForwardRequest, served: Served): Promise<ForwardReply> {
  const id = request.id;
  const { handlers } = served;
  try {
    const part = await servePart(request, served);
    if (part) return part;
    if ("put" in request && request.put)
      return { id, put: await handlers.Put(request.put, true, undefined, request.revision), result: "put" };
    if ("get" in request && request.get)
      return { id, get: await handlers.Get(request.get, true), result: "get" };
    if ("delete" in request && request.delete)
      return { id, delete: await handlers.Delete(request.delete, true), result: "delete" };
    if ("txn" in request && request.txn)
      return { id, txn: await handlers.Txn(request.txn, true), result: "txn" };
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

/** A range's or range delete's part for one shard, answered here (forwarded: never again). */
async function servePart(request: ForwardRequest, served: Served): Promise<ForwardReply | undefined> {
  const id = request.id;
  const forwarded = { forwarded: true };
  if ("rangePart" in request && request.rangePart) {
    const { shard, query, fenceRevision } = request.rangePart;
    if (!query) throw new RingkvError("InvalidArgument", "range part without a query");
    const { query: q, stale } = rangeRequestFromWire(query);
    const part = { shard, query: q, stale, ...(fenceRevision === undefined ? {} : { fenceRevision }) };
    const result = await partsOf(served).rangePart(part, forwarded);
    return { id, rangePart: rangeResultToWire(result), result: "rangePart" };
  }
  if ("deleteRangePart" in request && request.deleteRangePart) {
    const { shard, span, revision } = request.deleteRangePart;
    if (!span) throw new RingkvError("InvalidArgument", "range delete part without a span");
    const { span: s, prevKv } = deleteRangeFromWire(span);
    const result = await partsOf(served).deleteRangePart({ shard, span: s, revision, prevKv }, forwarded);
    return { id, deleteRangePart: deleteRangeResultToWire(result), result: "deleteRangePart" };
  }
  return undefined;
}

function partsOf(served: Served): RangeParts {
  if (!served.parts) throw new RingkvError("Unavailable", "ranges are not served here");
  return served.parts;
}
