// etcd's v3 API as it is on the wire (proto/etcd, vendored; src/api/generated/etcd.js): the
// grpc-js service specs of the six etcdserverpb services, and the shapes the generated decoders
// hand the handlers (field names camelCased, "ID"/"TTL" kept as etcd spells them, bytes as
// Uint8Array, 64-bit integers as numbers — revisions, lease ids and member ids stay below 2^53,
// see ids.ts). Responses are plain objects the generated encoders take as they are.
import { etcdserverpb as pb } from "../../api/generated/etcd.js";
import type { MessageCodec, MethodSpec, ServiceSpec } from "../../api/proto.ts";

const unary = (request: MessageCodec, response: MessageCodec): MethodSpec => ({ request, response });
const bidi = (request: MessageCodec, response: MessageCodec): MethodSpec => ({
  request,
  response,
  requestStream: true,
  responseStream: true,
});

export const ETCD_KV_SERVICE: ServiceSpec = {
  fullName: "etcdserverpb.KV",
  methods: {
    Range: unary(pb.RangeRequest, pb.RangeResponse),
    Put: unary(pb.PutRequest, pb.PutResponse),
    DeleteRange: unary(pb.DeleteRangeRequest, pb.DeleteRangeResponse),
    Txn: unary(pb.TxnRequest, pb.TxnResponse),
    Compact: unary(pb.CompactionRequest, pb.CompactionResponse),
  },
};

export const ETCD_WATCH_SERVICE: ServiceSpec = {
  fullName: "etcdserverpb.Watch",
  methods: { Watch: bidi(pb.WatchRequest, pb.WatchResponse) },
};

export const ETCD_LEASE_SERVICE: ServiceSpec = {
  fullName: "etcdserverpb.Lease",
  methods: {
    LeaseGrant: unary(pb.LeaseGrantRequest, pb.LeaseGrantResponse),
    LeaseRevoke: unary(pb.LeaseRevokeRequest, pb.LeaseRevokeResponse),
    LeaseKeepAlive: bidi(pb.LeaseKeepAliveRequest, pb.LeaseKeepAliveResponse),
    LeaseTimeToLive: unary(pb.LeaseTimeToLiveRequest, pb.LeaseTimeToLiveResponse),
    LeaseLeases: unary(pb.LeaseLeasesRequest, pb.LeaseLeasesResponse),
  },
};

export const ETCD_CLUSTER_SERVICE: ServiceSpec = {
  fullName: "etcdserverpb.Cluster",
  methods: {
    MemberAdd: unary(pb.MemberAddRequest, pb.MemberAddResponse),
    MemberRemove: unary(pb.MemberRemoveRequest, pb.MemberRemoveResponse),
    MemberUpdate: unary(pb.MemberUpdateRequest, pb.MemberUpdateResponse),
    MemberList: unary(pb.MemberListRequest, pb.MemberListResponse),
    MemberPromote: unary(pb.MemberPromoteRequest, pb.MemberPromoteResponse),
  },
};

export const ETCD_MAINTENANCE_SERVICE: ServiceSpec = {
  fullName: "etcdserverpb.Maintenance",
  methods: {
    Alarm: unary(pb.AlarmRequest, pb.AlarmResponse),
    Status: unary(pb.StatusRequest, pb.StatusResponse),
    Defragment: unary(pb.DefragmentRequest, pb.DefragmentResponse),
    Hash: unary(pb.HashRequest, pb.HashResponse),
    HashKV: unary(pb.HashKVRequest, pb.HashKVResponse),
    Snapshot: { request: pb.SnapshotRequest, response: pb.SnapshotResponse, responseStream: true },
    MoveLeader: unary(pb.MoveLeaderRequest, pb.MoveLeaderResponse),
    Downgrade: unary(pb.DowngradeRequest, pb.DowngradeResponse),
  },
};

export const ETCD_AUTH_SERVICE: ServiceSpec = {
  fullName: "etcdserverpb.Auth",
  methods: {
    AuthEnable: unary(pb.AuthEnableRequest, pb.AuthEnableResponse),
    AuthDisable: unary(pb.AuthDisableRequest, pb.AuthDisableResponse),
    AuthStatus: unary(pb.AuthStatusRequest, pb.AuthStatusResponse),
    Authenticate: unary(pb.AuthenticateRequest, pb.AuthenticateResponse),
    UserAdd: unary(pb.AuthUserAddRequest, pb.AuthUserAddResponse),
    UserGet: unary(pb.AuthUserGetRequest, pb.AuthUserGetResponse),
    UserList: unary(pb.AuthUserListRequest, pb.AuthUserListResponse),
    UserDelete: unary(pb.AuthUserDeleteRequest, pb.AuthUserDeleteResponse),
    UserChangePassword: unary(pb.AuthUserChangePasswordRequest, pb.AuthUserChangePasswordResponse),
    UserGrantRole: unary(pb.AuthUserGrantRoleRequest, pb.AuthUserGrantRoleResponse),
    UserRevokeRole: unary(pb.AuthUserRevokeRoleRequest, pb.AuthUserRevokeRoleResponse),
    RoleAdd: unary(pb.AuthRoleAddRequest, pb.AuthRoleAddResponse),
    RoleGet: unary(pb.AuthRoleGetRequest, pb.AuthRoleGetResponse),
    RoleList: unary(pb.AuthRoleListRequest, pb.AuthRoleListResponse),
    RoleDelete: unary(pb.AuthRoleDeleteRequest, pb.AuthRoleDeleteResponse),
    RoleGrantPermission: unary(pb.AuthRoleGrantPermissionRequest, pb.AuthRoleGrantPermissionResponse),
    RoleRevokePermission: unary(pb.AuthRoleRevokePermissionRequest, pb.AuthRoleRevokePermissionResponse),
  },
};

export const ETCD_SERVICES: readonly ServiceSpec[] = [
  ETCD_KV_SERVICE,
  ETCD_WATCH_SERVICE,
  ETCD_LEASE_SERVICE,
  ETCD_CLUSTER_SERVICE,
  ETCD_MAINTENANCE_SERVICE,
  ETCD_AUTH_SERVICE,
];

// ---- decoded requests (every field present: proto.ts's TO_OBJECT) -----------------------------

export interface ResponseHeader {
  readonly clusterId: number;
  readonly memberId: number;
  readonly revision: number;
  readonly raftTerm: number;
}

/** mvccpb.KeyValue. */
export interface WireKeyValue {
  readonly key: Uint8Array;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
  readonly value: Uint8Array;
  readonly lease: number;
}

export interface WireRangeRequest {
  readonly key: Uint8Array;
  readonly rangeEnd: Uint8Array;
  readonly limit: number;
  readonly revision: number;
  /** RangeRequest.SortOrder: 0 none, 1 ascend, 2 descend. */
  readonly sortOrder: number;
  /** RangeRequest.SortTarget: 0 key, 1 version, 2 create, 3 mod, 4 value. */
  readonly sortTarget: number;
  readonly serializable: boolean;
  readonly keysOnly: boolean;
  readonly countOnly: boolean;
  readonly minModRevision: number;
  readonly maxModRevision: number;
  readonly minCreateRevision: number;
  readonly maxCreateRevision: number;
}

export interface WirePutRequest {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  readonly lease: number;
  readonly prevKv: boolean;
  readonly ignoreValue: boolean;
  readonly ignoreLease: boolean;
}

export interface WireDeleteRangeRequest {
  readonly key: Uint8Array;
  readonly rangeEnd: Uint8Array;
  readonly prevKv: boolean;
}

export interface WireRequestOp {
  /** Which one of the oneof is set (absent: none). */
  readonly request?: "requestRange" | "requestPut" | "requestDeleteRange" | "requestTxn";
  readonly requestRange?: WireRangeRequest;
  readonly requestPut?: WirePutRequest;
  readonly requestDeleteRange?: WireDeleteRangeRequest;
  readonly requestTxn?: WireTxnRequest;
}

export interface WireCompare {
  /** Compare.CompareResult: 0 equal, 1 greater, 2 less, 3 not equal. */
  readonly result: number;
  /** Compare.CompareTarget: 0 version, 1 create, 2 mod, 3 value, 4 lease. */
  readonly target: number;
  readonly key: Uint8Array;
  readonly rangeEnd: Uint8Array;
  readonly targetUnion?: "version" | "createRevision" | "modRevision" | "value" | "lease";
  readonly version?: number;
  readonly createRevision?: number;
  readonly modRevision?: number;
  readonly value?: Uint8Array;
  readonly lease?: number;
}

export interface WireTxnRequest {
  readonly compare: readonly WireCompare[];
  readonly success: readonly WireRequestOp[];
  readonly failure: readonly WireRequestOp[];
}

export interface WireCompactionRequest {
  readonly revision: number;
  readonly physical: boolean;
}

export interface WireWatchCreateRequest {
  readonly key: Uint8Array;
  readonly rangeEnd: Uint8Array;
  readonly startRevision: number;
  readonly progressNotify: boolean;
  /** WatchCreateRequest.FilterType: 0 no put, 1 no delete. */
  readonly filters: readonly number[];
  readonly prevKv: boolean;
  readonly watchId: number;
  readonly fragment: boolean;
}

export interface WireWatchRequest {
  readonly requestUnion?: "createRequest" | "cancelRequest" | "progressRequest";
  readonly createRequest?: WireWatchCreateRequest;
  readonly cancelRequest?: { readonly watchId: number };
  readonly progressRequest?: Record<string, never>;
}

export interface WireEvent {
  /** mvccpb.Event.EventType: 0 put, 1 delete. */
  readonly type: number;
  readonly kv: WireKeyValue;
  readonly prevKv?: WireKeyValue;
}

export interface WireWatchResponse {
  readonly header: ResponseHeader;
  readonly watchId: number;
  readonly created?: boolean;
  readonly canceled?: boolean;
  readonly compactRevision?: number;
  readonly cancelReason?: string;
  readonly events?: readonly WireEvent[];
}

export interface WireLeaseGrantRequest {
  readonly TTL: number;
  readonly ID: number;
}

export interface WireLeaseIdRequest {
  readonly ID: number;
}

export interface WireLeaseTimeToLiveRequest {
  readonly ID: number;
  readonly keys: boolean;
}

export interface WireAlarmRequest {
  /** AlarmRequest.AlarmAction: 0 get, 1 activate, 2 deactivate. */
  readonly action: number;
}
