// etcd's KV service (Range, Put, DeleteRange, Txn, Compact) over the node. A plain put (no lease,
// no prev_kv, nothing ignored) takes the native single-key path (KvApi.put, whose version is the
// key's mod revision); everything else goes to the model (KvModelApi), which knows create
// revisions, write counts, leases and spans. Ranges always go to the model: only it answers the
// full mvccpb.KeyValue (create_revision, version, lease) that `etcdctl get -w json` and the lock
// recipes read.

import { status as GrpcStatus } from "@grpc/grpc-js";
import { RingkvError } from "../../api/errors.ts";
import type { KvApi } from "../../api/kv-api.ts";
import type { KvModelApi } from "../../api/kv-model.ts";
import { type KvLimits, validateKey, validateValue } from "../../api/limits.ts";
import type { UnaryHandler } from "./call.ts";
import {
  compareOf,
  deleteRangeResponseOf,
  deleteSpanOf,
  isPlainPut,
  putRequestOf,
  putResponseOf,
  rangeQueryOf,
  rangeResponseOf,
  responseOpOf,
  txnOpOf,
} from "./convert.ts";
import { ETCD_MESSAGES, EtcdStatusError } from "./errors.ts";
import type { HeaderSource } from "./header.ts";
import type {
  WireCompactionRequest,
  WireDeleteRangeRequest,
  WirePutRequest,
  WireRangeRequest,
  WireRequestOp,
  WireTxnRequest,
} from "./wire.ts";

/**
 * The most compares, and the most ops in each branch, of one transaction: etcd's default
 * --max-txn-ops, so a transaction etcd takes ringkv takes too.
 */
export const ETCD_TXN_OPS_MAX_DEFAULT = 128;

export interface EtcdKvDeps {
  readonly kv: KvApi;
  readonly model: KvModelApi;
  readonly headers: HeaderSource;
  readonly limits: KvLimits;
  readonly txnOpsMax?: number;
}

export function etcdKvHandlers(deps: EtcdKvDeps): Record<string, UnaryHandler> {
  const { kv, model, headers, limits } = deps;
  const txnOpsMax = deps.txnOpsMax ?? ETCD_TXN_OPS_MAX_DEFAULT;

  const checkPut = (request: WirePutRequest): void => {
    validateKey(request.key, limits.maxKeyBytes);
    validateValue(request.value, limits.maxValueBytes);
  };
  const checkOp = (op: WireRequestOp): void => {
    if (op.requestPut) checkPut(op.requestPut);
    if (op.requestRange) refuseHistoricalRead(op.requestRange.revision);
  };

  return {
    async Range(request: WireRangeRequest, options) {
      validateKey(request.key, limits.maxKeyBytes);
      refuseHistoricalRead(request.revision);
      const consistency = request.serializable ? "stale" : "linearizable";
      const result = await model.range({ ...rangeQueryOf(request), ...options, consistency });
      return rangeResponseOf(result, headers.header(result.revision));
    },
    async Put(request: WirePutRequest, options) {
      checkPut(request);
      if (isPlainPut(request)) {
        const { version } = await kv.put(request.key, request.value, options);
        return { header: headers.header(version) };
      }
      const result = await model.putRecord(putRequestOf(request), options);
      return putResponseOf(result, headers.header(result.revision));
    },
    async DeleteRange(request: WireDeleteRangeRequest, options) {
      validateKey(request.key, limits.maxKeyBytes);
      const { prevKv, ...span } = deleteSpanOf(request);
      const result = await model.deleteRange(span, { ...options, prevKv });
      return deleteRangeResponseOf(result, headers.header(result.revision));
    },
    async Txn(request: WireTxnRequest, options) {
      if (Math.max(request.compare.length, request.success.length, request.failure.length) > txnOpsMax) {
        throw new EtcdStatusError(GrpcStatus.INVALID_ARGUMENT, ETCD_MESSAGES.tooManyOps);
      }
      for (const op of [...request.success, ...request.failure]) checkOp(op);
      const result = await model.txn(
        {
          compares: request.compare.map(compareOf),
          success: request.success.map(txnOpOf),
          failure: request.failure.map(txnOpOf),
        },
        options,
      );
      const header = headers.header(result.revision);
      return {
        header,
        succeeded: result.succeeded,
        responses: result.results.map((r) => responseOpOf(r, header)),
      };
    },
    async Compact(request: WireCompactionRequest) {
      // Each shard keeps a bounded history and forgets the oldest events itself; there is nothing
      // for a client to compact. Accepted so tools that compact on a schedule keep working.
      if (request.revision < 0) throw new RingkvError("InvalidArgument", "revision must not be negative");
      return { header: headers.header(0) };
    },
  };
}

/**
 * ringkv keeps no old versions of keys (only each shard's recent events, for watches), so a read
 * at a past revision cannot be served: etcd's answer for a revision it no longer has.
 */
function refuseHistoricalRead(revision: number): void {
  if (revision > 0) {
    throw new RingkvError(
      "Compacted",
      `ringkv reads only the current revision; revision ${revision} was asked for`,
    );
  }
}
