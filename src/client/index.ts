// The ringkv client library: RingkvClient speaks the KV gRPC service and implements KvApi, so
// code written against a node works unchanged against a remote cluster.

export type { Consistency, GetOptions, KvApi, PutOptions, StatusJson, VersionedValue } from "../node/api.ts";
export { type ErrorCode, RingkvError } from "../node/errors.ts";
export { parseAddress } from "./address.ts";
export { DEFAULT_DEADLINE_MS, RingkvClient, type RingkvClientOptions } from "./client.ts";
export {
  DEFAULT_RETRY_SETTINGS,
  type OperationKind,
  RetryPolicy,
  type RetrySettings,
} from "./retry-policy.ts";
export { type RingView, ringFromStatus } from "./ring-view.ts";
