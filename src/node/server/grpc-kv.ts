// The KV gRPC service (proto/kv.proto) as a thin adapter over KvApi: decode, validate, call,
// encode. Every failure leaves as a gRPC status carrying the stable ringkv code in trailing
// metadata (src/api/grpc-status.ts); nothing a handler throws escapes to grpc-js.
//
// The client port is the peer port too (one gRPC server), so grpc-js lets messages up to the
// peer limit in (32 MiB: Raft batches and snapshot chunks). The KV service checks its own,
// smaller limit — a value's and a key's limits plus clientMessageOverheadBytes — on the raw
// bytes before decoding them, and answers malformed protobuf with InvalidArgument instead of
// grpc-js's INTERNAL "Error deserializing request". grpc-js has read the bytes by then: it
// enforces only one limit per server, so the check saves the decode, not the read.
import type * as grpc from "@grpc/grpc-js";
import { status as GrpcStatus } from "@grpc/grpc-js";
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import { toGrpcStatus } from "../../api/grpc-status.ts";
import type { KvApi, MemberInfo, RequestOptions } from "../../api/kv-api.ts";
import type { KvModelApi, RangeQuery, TxnRequest } from "../../api/kv-model.ts";
import {
  deleteRangeFromWire,
  deleteRangeResultToWire,
  hasPutOptions,
  putRequestFromWire,
  putResultToWire,
  rangeRequestFromWire,
  rangeResultToWire,
  txnRequestFromWire,
  txnResultToWire,
} from "../../api/kv-model-wire.ts";
import {
  KV_SERVICE_NAME,
  type KvMethod,
  type KvMethods,
  kvServiceDefinition,
  type WireMember,
} from "../../api/kv-wire.ts";
import { validateLeaseId } from "../../api/lease-id.ts";
import {
  type KvLimits,
  kvLimits,
  validateCount,
  validateKey,
  validateNodeId,
  validateSpan,
  validateValue,
  validateVersion,
} from "../../api/limits.ts";
import type { ForwardedPutOptions } from "../cluster/forward-wire.ts";
import {
  type LeaseOps,
  ModelService,
  UNBUILT_LEASES,
  UNBUILT_RANGES,
  UNBUILT_WATCHES,
} from "../cluster/model-service.ts";
import { FORWARDED_METADATA_KEY } from "../cluster/peer-clients.ts";
import type { InFlight } from "../host/in-flight.ts";
import type { Metrics } from "../metrics.ts";

/**
 * What a client request may carry besides its key and value, in bytes: protobuf tags and
 * lengths, if_version, a Join's member (id and two addresses). Generous, so only a request far
 * beyond maxKeyBytes + maxValueBytes is refused before decoding.
 */
export const CLIENT_MESSAGE_OVERHEAD_BYTES = 16 * 1024;

export interface KvServiceOptions extends Partial<KvLimits> {
  /** Where to count calls and their latency; none by default. */
  readonly metrics?: Metrics;
  /**
   * The largest request message, in bytes, checked before decoding; default maxKeyBytes +
   * maxValueBytes + CLIENT_MESSAGE_OVERHEAD_BYTES.
   */
  readonly clientMessageBytesMax?: number;
  /** Ranges, range deletes, puts with options, transactions and leases; refused (Unavailable) without. */
  readonly model?: KvModelApi;
  /** Where calls are counted while they run, for a graceful stop; none by default. */
  readonly inFlight?: InFlight;
}

/** What serves the richer model where none was given: every call refused, certainly unapplied. */
export const UNBUILT_MODEL: KvModelApi = new ModelService({
  ranges: UNBUILT_RANGES,
  watches: UNBUILT_WATCHES,
  leases: UNBUILT_LEASES,
});

/** A request refused before decoding: the handler answers with `error` instead of running. */
class RefusedRequest {
  readonly error: RingkvError;
  constructor(error: RingkvError) {
    this.error = error;
  }
}

/**
 * The service definition with each method's request decoder checked: too large → RequestTooLarge
 * without decoding; undecodable → InvalidArgument. Both arrive at the handler as a
 * RefusedRequest, so they leave with a ringkv code like every other failure.
 */
function checkedDefinition(messageBytesMax: number): grpc.ServiceDefinition {
  const checked: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, method] of Object.entries(kvServiceDefinition())) {
    const decode = method.requestDeserialize;
    checked[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer): unknown => {
        if (bytes.length > messageBytesMax) {
          return new RefusedRequest(
            new RingkvError(
              "RequestTooLarge",
              `request of ${bytes.length} bytes is over the client limit of ${messageBytesMax} bytes`,
            ),
          );
        }
        try {
          return decode(bytes);
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          return new RefusedRequest(new RingkvError("InvalidArgument", `malformed ${name} request: ${why}`));
        }
      },
    };
  }
  return checked;
}

/**
 * `forwarded`: another node sent this on a client's behalf (peer-clients.ts); do not forward
 * again. `callerDeadline`: when the caller stops waiting (ms since the epoch), if it said.
 * `revision` (Put, from the Forward service only): the one the forwarding node took for it.
 */
type Handler<M extends KvMethod> = (
  request: KvMethods[M][0],
  forwarded: boolean,
  callerDeadline?: number,
  revision?: number,
) => Promise<KvMethods[M][1]>;
export type Handlers = { [M in KvMethod]: Handler<M> };
type LeaseMethod = "LeaseGrant" | "LeaseRevoke" | "LeaseKeepAlive" | "LeaseTimeToLive" | "LeaseLeases";

/** Serve `api` as the ringkv.kv.KV service on `server` (which the caller binds and starts). */
export function registerKvService(server: grpc.Server, api: KvApi, options: KvServiceOptions = {}): void {
  const limits = kvLimits(options);
  const handlers = kvHandlers(api, limits, options.model);
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const method of Object.keys(handlers) as KvMethod[]) {
    implementation[method] = unaryCall(
      method,
      handlers[method] as Handler<KvMethod>,
      options.metrics,
      options.inFlight,
    );
  }
  const messageBytesMax =
    options.clientMessageBytesMax ??
    limits.maxKeyBytes + limits.maxValueBytes + CLIENT_MESSAGE_OVERHEAD_BYTES;
  server.addService(checkedDefinition(messageBytesMax), implementation);
}

export function kvHandlers(api: KvApi, limits: KvLimits, model: KvModelApi = UNBUILT_MODEL): Handlers {
  const served = (): KvModelApi => model;
  return {
    async Put(request, forwarded, callerDeadline, revision) {
      validateKey(request.key, limits.maxKeyBytes);
      validateValue(request.value, limits.maxValueBytes);
      // A revision from a peer that is not a positive safe integer is ignored: the leader then
      // asks the oracle itself, as for any put.
      const carried = revision !== undefined && Number.isSafeInteger(revision) && revision > 0;
      const options: ForwardedPutOptions = {
        ...requestOptions(forwarded, callerDeadline),
        ...(carried ? { revision } : {}),
      };
      if (hasPutOptions(request)) {
        if (request.ifVersion !== undefined) {
          throw new RingkvError(
            "InvalidArgument",
            "a put with lease, prev_kv or ignore_* cannot also set if_version",
          );
        }
        validateCount("lease", request.lease ?? 0);
        return putResultToWire(await served().putRecord(putRequestFromWire(request), options));
      }
      if (request.ifVersion === undefined) return api.put(request.key, request.value, options);
      validateVersion(request.ifVersion);
      return api.put(request.key, request.value, { ...options, ifVersion: request.ifVersion });
    },
    async Get(request, forwarded, callerDeadline) {
      validateKey(request.key, limits.maxKeyBytes);
      const consistency = request.stale ? "stale" : "linearizable";
      const found = await api.get(request.key, { ...requestOptions(forwarded, callerDeadline), consistency });
      return found === null
        ? { found: false, value: new Uint8Array(0), version: 0 }
        : { found: true, value: found.value, version: found.version };
    },
    async Delete(request, forwarded, callerDeadline) {
      validateKey(request.key, limits.maxKeyBytes);
      const options = requestOptions(forwarded, callerDeadline);
      if (request.ifVersion === undefined) return api.delete(request.key, options);
      validateVersion(request.ifVersion);
      return api.delete(request.key, { ...options, ifVersion: request.ifVersion });
    },
    async Join(request, forwarded) {
      const member = memberFrom(request.member);
      const { members, epoch } = await api.join(member, { forwarded });
      return { members, epoch: epoch ?? 0 };
    },
    async Leave(request, forwarded) {
      validateNodeId(request.id);
      await api.leave(request.id, { forwarded });
      return {};
    },
    async Status(request, forwarded) {
      if (request.membershipOnly && api.membership) return { json: JSON.stringify(api.membership()) };
      return { json: JSON.stringify(await api.status({ forwarded })) };
    },
    async Range(request, forwarded, callerDeadline) {
      const { query, stale } = rangeRequestFromWire(request);
      validateRangeQuery(query, limits);
      const consistency = stale ? "stale" : "linearizable";
      const result = await served().range({
        ...query,
        ...requestOptions(forwarded, callerDeadline),
        consistency,
      });
      return rangeResultToWire(result);
    },
    async DeleteRange(request, forwarded, callerDeadline) {
      const { span, prevKv } = deleteRangeFromWire(request);
      validateSpan(span, limits.maxKeyBytes);
      const options = { ...requestOptions(forwarded, callerDeadline), prevKv };
      return deleteRangeResultToWire(await served().deleteRange(span, options));
    },
    async Txn(request, forwarded, callerDeadline) {
      const txn = txnRequestFromWire(request);
      validateTxn(txn, limits);
      return txnResultToWire(await served().txn(txn, requestOptions(forwarded, callerDeadline)));
    },
    ...leaseHandlers(model),
  };
}

function leaseHandlers(model: LeaseOps): Pick<Handlers, LeaseMethod> {
  return {
    async LeaseGrant(request, forwarded, callerDeadline) {
      if (request.id !== 0) validateLeaseId(request.id);
      return model.leaseGrant(request.ttlSeconds, request.id, requestOptions(forwarded, callerDeadline));
    },
    async LeaseRevoke(request, forwarded, callerDeadline) {
      validateLeaseId(request.id);
      await model.leaseRevoke(request.id, requestOptions(forwarded, callerDeadline));
      return {};
    },
    async LeaseKeepAlive(request, forwarded, callerDeadline) {
      validateLeaseId(request.id);
      return model.leaseKeepAlive(request.id, requestOptions(forwarded, callerDeadline));
    },
    async LeaseTimeToLive(request, forwarded, callerDeadline) {
      validateLeaseId(request.id);
      return model.leaseTimeToLive(request.id, request.keys, requestOptions(forwarded, callerDeadline));
    },
    async LeaseLeases(_request, forwarded, callerDeadline) {
      return { ids: await model.leases(requestOptions(forwarded, callerDeadline)) };
    },
  };
}

/** A range's span and counts (limits.ts rules), before it reaches the node. */
export function validateRangeQuery(query: RangeQuery, limits: KvLimits): void {
  validateSpan(query, limits.maxKeyBytes);
  validateCount("limit", query.limit ?? 0);
  validateCount("min_mod_revision", query.minModRevision ?? 0);
  validateCount("max_mod_revision", query.maxModRevision ?? 0);
  validateCount("min_create_revision", query.minCreateRevision ?? 0);
  validateCount("max_create_revision", query.maxCreateRevision ?? 0);
}

/** Every key, span and value a txn names, as the single operations check them. */
export function validateTxn(txn: TxnRequest, limits: KvLimits): void {
  for (const c of txn.compares) {
    validateSpan(
      c.rangeEnd === undefined ? { start: c.key } : { start: c.key, end: c.rangeEnd },
      limits.maxKeyBytes,
    );
    // Any integer, as etcd's int64: `version > -1` holds for every key, absent ones included.
    if (typeof c.operand !== "number") validateValue(c.operand, limits.maxValueBytes);
    else if (!Number.isSafeInteger(c.operand)) {
      throw new RingkvError("InvalidArgument", `${c.target} operand must be an integer, got ${c.operand}`);
    }
  }
  for (const op of [...txn.success, ...txn.failure]) {
    if ("range" in op) validateRangeQuery(op.range, limits);
    else if ("put" in op) {
      validateKey(op.put.key, limits.maxKeyBytes);
      validateValue(op.put.value, limits.maxValueBytes);
    } else validateSpan(op.deleteRange, limits.maxKeyBytes);
  }
}

function requestOptions(forwarded: boolean, callerDeadline: number | undefined): RequestOptions {
  return callerDeadline === undefined ? { forwarded } : { forwarded, callerDeadline };
}

/** The call's gRPC deadline in ms since the epoch; undefined when the caller set none. */
function deadlineOf(call: { getDeadline(): Date | number }): number | undefined {
  const deadline = call.getDeadline();
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

function memberFrom(wire: WireMember | null | undefined): MemberInfo {
  if (!wire) throw new RingkvError("InvalidArgument", "join: member is missing");
  validateNodeId(wire.id);
  if (wire.addr === "") throw new RingkvError("InvalidArgument", "join: member addr is empty");
  return { id: wire.id, addr: wire.addr, http: wire.http };
}

function unaryCall<M extends KvMethod>(
  method: M,
  handle: Handler<M>,
  metrics: Metrics | undefined,
  inFlight: InFlight | undefined,
): grpc.handleUnaryCall<KvMethods[M][0], KvMethods[M][1]> {
  return (call, callback) => {
    const started = performance.now();
    const finish = (code: GrpcStatus): void =>
      metrics?.observeGrpc(KV_SERVICE_NAME, method, code, (performance.now() - started) / 1000);
    // The promise chain starts with resolve() so a synchronous throw in `handle` is caught too.
    const request: unknown = call.request;
    const served = Promise.resolve().then(() => {
      if (request instanceof RefusedRequest) throw request.error;
      return handle(call.request, call.metadata.get(FORWARDED_METADATA_KEY).length > 0, deadlineOf(call));
    });
    (inFlight ? inFlight.track(served) : served)
      .then(
        (response) => {
          finish(GrpcStatus.OK);
          callback(null, response);
        },
        (e: unknown) => {
          const error = toRingkvError(e);
          finish(error.mapping.grpc);
          callback(toGrpcStatus(error));
        },
      )
      .catch((e: unknown) => {
        // grpc-js catches its own serialisation failures, so this is a last line of defence: a
        // rejection left here would be unhandled and take the whole node down.
        try {
          callback(toGrpcStatus(toRingkvError(e)));
        } catch {
          // The call is already unusable; grpc-js ends it.
        }
      });
  };
}
