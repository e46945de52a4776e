// The ringkv client library: RingkvClient speaks the KV gRPC service and implements KvApi, so
// code written against a node works unchanged against a remote cluster.
// Owns retries, shard-aware routing and address parsing.
// May import: src/api (the wire contract), src/ring (key → shard), src/invariant.ts; never
// src/node or cli/.

export { type ErrorCode, RingkvError } from "../api/errors.ts";
export type {
  Consistency,
  DeleteOptions,
  GetOptions,
  KvApi,
  PutOptions,
  StatusJson,
  VersionedValue,
} from "../api/kv-api.ts";
export type { LeaseGrant, LeaseTimeToLive } from "../api/kv-model.ts";
export {
  type DeleteRangeResult,
  type KeyRecord,
  type KeySpan,
  type PutResult,
  prefixEnd,
  type RangeResult,
  type SortOrder,
  type SortTarget,
  type TxnResult,
  type WatchBatch,
  type WatchEvent,
  type WatchRequest,
  type WatchStream,
} from "../api/kv-model.ts";
export { formatLeaseId, LEASE_ID_MAX, parseLeaseId } from "../api/lease-id.ts";
export { type RingView, ringFromStatus } from "../api/ring-view.ts";
export { parseAddress } from "./address.ts";
export type { BytesInput } from "./bytes.ts";
export {
  type ClientPutOptions,
  DEFAULT_DEADLINE_MS,
  RingkvClient,
  type RingkvClientOptions,
} from "./client.ts";
export { KvValue } from "./kv-value.ts";
export type { RangeInput, SpanInput, TxnInput, TxnOpInput } from "./range-request.ts";
export {
  DEFAULT_RETRY_SETTINGS,
  type OperationKind,
  RetryPolicy,
  type RetrySettings,
} from "./retry-policy.ts";
export type { ClientTlsOptions } from "./tls.ts";
