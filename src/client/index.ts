// The ringkv client library: RingkvClient speaks the KV gRPC service and implements KvApi, so
// code written against a node works unchanged against a remote cluster.

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
export { type RingView, ringFromStatus } from "../api/ring-view.ts";
export { parseAddress } from "./address.ts";
export { DEFAULT_DEADLINE_MS, RingkvClient, type RingkvClientOptions } from "./client.ts";
export {
  DEFAULT_RETRY_SETTINGS,
  type OperationKind,
  RetryPolicy,
  type RetrySettings,
} from "./retry-policy.ts";
