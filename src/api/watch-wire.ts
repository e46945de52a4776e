// The watch services as they are on the wire (proto/watch.proto): the client's Watch stream and
// the peer-only ShardWatch stream, their grpc-js definitions, and the one conversion each way
// between the wire's messages and the model's types (src/api/kv-model.ts), shared by the node's
// servers, the node's remote feeds and the client library.
import type { ServiceDefinition } from "@grpc/grpc-js";
import type { KeyRecord, WatchBatch, WatchEvent, WatchRequest } from "./kv-model.ts";
import { type ServiceSpec, serviceDefinition, wire } from "./proto.ts";

export const WATCH_SERVICE_NAME = "ringkv.watch.Watch";
export const SHARD_WATCH_SERVICE_NAME = "ringkv.watch.ShardWatch";

const { watch } = wire;

export const WATCH_SERVICE: ServiceSpec = {
  fullName: WATCH_SERVICE_NAME,
  methods: { Watch: { request: watch.WatchRequest, response: watch.WatchResponse, responseStream: true } },
};

export const SHARD_WATCH_SERVICE: ServiceSpec = {
  fullName: SHARD_WATCH_SERVICE_NAME,
  methods: {
    Stream: { request: watch.ShardWatchRequest, response: watch.ShardWatchResponse, responseStream: true },
  },
};

let watchDefinition: ServiceDefinition | undefined;
let shardWatchDefinition: ServiceDefinition | undefined;

export function watchServiceDefinition(): ServiceDefinition {
  watchDefinition ??= serviceDefinition(WATCH_SERVICE);
  return watchDefinition;
}

export function shardWatchServiceDefinition(): ServiceDefinition {
  shardWatchDefinition ??= serviceDefinition(SHARD_WATCH_SERVICE);
  return shardWatchDefinition;
}

/** Event.Type in proto/watch.proto. */
const PUT = 0;
const DELETE = 1;

export interface WireEvent {
  readonly type: number;
  readonly kv: KeyRecord | null;
  readonly prevKv?: KeyRecord | null;
}

export interface WireWatchRequest {
  readonly key: Uint8Array;
  readonly rangeEnd?: Uint8Array;
  readonly startRevision: number;
  readonly prevKv: boolean;
  readonly noPut: boolean;
  readonly noDelete: boolean;
  readonly progressNotify: boolean;
}

export interface WireWatchResponse {
  readonly events: readonly WireEvent[];
  readonly revision: number;
}

export interface WireShardWatchRequest {
  readonly shard: number;
  readonly fromRevision: number;
}

export interface WireShardWatchResponse {
  readonly events: readonly WireEvent[];
  readonly progress: number;
}

export function eventToWire(event: WatchEvent): WireEvent {
  const type = event.type === "put" ? PUT : DELETE;
  return event.prevKv === undefined ? { type, kv: event.kv } : { type, kv: event.kv, prevKv: event.prevKv };
}

const EMPTY_RECORD: KeyRecord = {
  key: new Uint8Array(0),
  value: new Uint8Array(0),
  createRevision: 0,
  modRevision: 0,
  writes: 0,
  lease: 0,
};

export function eventFromWire(event: WireEvent): WatchEvent {
  const type = event.type === DELETE ? "delete" : "put";
  const kv = event.kv ?? EMPTY_RECORD;
  return event.prevKv ? { type, kv, prevKv: event.prevKv } : { type, kv };
}

export function watchRequestToWire(request: WatchRequest): WireWatchRequest {
  const base = {
    key: request.start,
    startRevision: request.startRevision ?? 0,
    prevKv: request.prevKv === true,
    noPut: request.filters?.includes("noPut") === true,
    noDelete: request.filters?.includes("noDelete") === true,
    progressNotify: request.progressNotify === true,
  };
  return request.end === undefined ? base : { ...base, rangeEnd: request.end };
}

export function watchRequestFromWire(request: WireWatchRequest): WatchRequest {
  const filters: ("noPut" | "noDelete")[] = [];
  if (request.noPut) filters.push("noPut");
  if (request.noDelete) filters.push("noDelete");
  const base: WatchRequest = {
    start: request.key,
    startRevision: request.startRevision,
    prevKv: request.prevKv,
    filters,
    progressNotify: request.progressNotify,
  };
  return request.rangeEnd === undefined || request.rangeEnd === null
    ? base
    : { ...base, end: request.rangeEnd };
}

export function batchToWire(batch: WatchBatch): WireWatchResponse {
  return { events: batch.events.map(eventToWire), revision: batch.revision };
}

export function batchFromWire(response: WireWatchResponse): WatchBatch {
  return { events: response.events.map(eventFromWire), revision: response.revision };
}
