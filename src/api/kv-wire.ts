// The KV service as it is on the wire: the message shapes the generated code decodes
// proto/kv.proto into (field names camelCased, bytes as Uint8Array, uint64 as number, every field
// present: proto.ts's TO_OBJECT) and the one grpc-js service definition both the server adapter
// and the client use.
import type { ServiceDefinition } from "@grpc/grpc-js";
import type {
  WireDeleteRangeRequest,
  WireDeleteRangeResponse,
  WireKeyValue,
  WirePutOptions,
  WireRangeRequest,
  WireRangeResponse,
  WireTxnRequest,
  WireTxnResponse,
} from "./kv-model-wire.ts";
import { type ServiceSpec, serviceDefinition, wire } from "./proto.ts";

export const KV_SERVICE_NAME = "ringkv.kv.KV";

const { kv } = wire;

/** The rpcs of `service KV` in proto/kv.proto. */
export const KV_SERVICE: ServiceSpec = {
  fullName: KV_SERVICE_NAME,
  methods: {
    Put: { request: kv.PutRequest, response: kv.PutResponse },
    Get: { request: kv.GetRequest, response: kv.GetResponse },
    Delete: { request: kv.DeleteRequest, response: kv.DeleteResponse },
    Join: { request: kv.JoinRequest, response: kv.JoinResponse },
    Leave: { request: kv.LeaveRequest, response: kv.LeaveResponse },
    Status: { request: kv.StatusRequest, response: kv.StatusResponse },
    Range: { request: kv.RangeRequest, response: kv.RangeResponse },
    DeleteRange: { request: kv.DeleteRangeRequest, response: kv.DeleteRangeResponse },
    Txn: { request: kv.TxnRequest, response: kv.TxnResponse },
    LeaseGrant: { request: kv.LeaseGrantRequest, response: kv.LeaseGrantResponse },
    LeaseRevoke: { request: kv.LeaseRevokeRequest, response: kv.LeaseRevokeResponse },
    LeaseKeepAlive: { request: kv.LeaseKeepAliveRequest, response: kv.LeaseKeepAliveResponse },
    LeaseTimeToLive: { request: kv.LeaseTimeToLiveRequest, response: kv.LeaseTimeToLiveResponse },
    LeaseLeases: { request: kv.LeaseLeasesRequest, response: kv.LeaseLeasesResponse },
  },
};

let definition: ServiceDefinition | undefined;

export function kvServiceDefinition(): ServiceDefinition {
  definition ??= serviceDefinition(KV_SERVICE);
  return definition;
}

export type PutRequest = WirePutOptions;
export interface PutResponse {
  readonly version: number;
  /** The key as it was, for a put that asked (prevKv); null or absent otherwise. */
  readonly prevKv?: WireKeyValue | null;
}
export interface GetRequest {
  readonly key: Uint8Array;
  readonly stale: boolean;
}
export interface GetResponse {
  readonly found: boolean;
  readonly value: Uint8Array;
  readonly version: number;
}
export interface DeleteRequest {
  readonly key: Uint8Array;
  /** Present only for a conditional delete (proto3 `optional`). */
  readonly ifVersion?: number;
}
export interface DeleteResponse {
  readonly deleted: boolean;
}
export interface WireMember {
  readonly id: string;
  readonly addr: string;
  readonly http: string;
}
export interface JoinRequest {
  /** Absent when the sender left it out; the adapter rejects that. */
  readonly member?: WireMember | null;
}
export interface JoinResponse {
  readonly members: readonly WireMember[];
  readonly epoch?: number;
}
export interface LeaveRequest {
  readonly id: string;
}
export type LeaveResponse = Record<string, never>;
export interface StatusRequest {
  /** Only the MembershipJson part, from the node asked alone (proto/kv.proto). */
  readonly membershipOnly?: boolean;
}
export interface StatusResponse {
  /** The StatusJson document (with membershipOnly, the MembershipJson one), serialised. */
  readonly json: string;
}

export interface LeaseGrantRequest {
  readonly ttlSeconds: number;
  /** 0: the cluster picks one. */
  readonly id: number;
}
export interface LeaseGrantResponse {
  readonly id: number;
  readonly ttlSeconds: number;
}
export interface LeaseRevokeRequest {
  readonly id: number;
}
export type LeaseRevokeResponse = Record<string, never>;
export interface LeaseKeepAliveRequest {
  readonly id: number;
}
export type LeaseKeepAliveResponse = LeaseGrantResponse;
export interface LeaseTimeToLiveRequest {
  readonly id: number;
  readonly keys: boolean;
}
export interface LeaseTimeToLiveResponse {
  readonly id: number;
  readonly ttlSeconds: number;
  readonly grantedTtlSeconds: number;
  readonly keys: readonly Uint8Array[];
}
export type LeaseLeasesRequest = Record<string, never>;
export interface LeaseLeasesResponse {
  readonly ids: readonly number[];
}

/** Method name → request and response shape, for typed calls on both sides. */
export interface KvMethods {
  Put: [PutRequest, PutResponse];
  Get: [GetRequest, GetResponse];
  Delete: [DeleteRequest, DeleteResponse];
  Join: [JoinRequest, JoinResponse];
  Leave: [LeaveRequest, LeaveResponse];
  Status: [StatusRequest, StatusResponse];
  Range: [WireRangeRequest, WireRangeResponse];
  DeleteRange: [WireDeleteRangeRequest, WireDeleteRangeResponse];
  Txn: [WireTxnRequest, WireTxnResponse];
  LeaseGrant: [LeaseGrantRequest, LeaseGrantResponse];
  LeaseRevoke: [LeaseRevokeRequest, LeaseRevokeResponse];
  LeaseKeepAlive: [LeaseKeepAliveRequest, LeaseKeepAliveResponse];
  LeaseTimeToLive: [LeaseTimeToLiveRequest, LeaseTimeToLiveResponse];
  LeaseLeases: [LeaseLeasesRequest, LeaseLeasesResponse];
}

export type KvMethod = keyof KvMethods;
