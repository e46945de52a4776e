// The server side of the peer transport: the RaftTransport service on the node's one gRPC
// port (the client KV service shares the server). It validates what peers send and hands it to
// a RaftInbound — the node's GrpcTransport — which delivers it to the host.
import * as grpc from "@grpc/grpc-js";
import { type ServiceSpec, serviceDefinition, wire } from "../api/proto.ts";
import { decodeBatch, type MessageBatch } from "./codec.ts";
import { TRANSPORT_DEFAULTS, type TransportConfig } from "./config.ts";
import { MalformedMessageError, TransportError, type TransportErrorCode } from "./errors.ts";
import { SnapshotAssembly } from "./snapshot-assembly.ts";

/** Where the service hands what arrives. GrpcTransport implements it. */
export interface RaftInbound {
  /** Bounds one snapshot's reassembly buffer. */
  readonly maxSnapshotBytes: number;
  /** A validated batch, or a reassembled snapshot as a batch of one Snap message. */
  deliver(batch: MessageBatch): void;
  /** Peer input was refused (the peer's call ends with the error's status); for counting. */
  reject(error: TransportError): void;
}

/** The rpcs of `service RaftTransport` in proto/raft.proto. */
export const RAFT_SERVICE: ServiceSpec = {
  fullName: "ringkv.raft.RaftTransport",
  methods: {
    Send: { request: wire.raft.MessageBatch, response: wire.raft.SendAck, requestStream: true },
    InstallSnapshot: {
      request: wire.raft.SnapshotChunk,
      response: wire.raft.SnapshotAck,
      requestStream: true,
    },
  },
};

let definition: grpc.ServiceDefinition | null = null;

/** The RaftTransport service definition (built once). */
export function raftServiceDefinition(): grpc.ServiceDefinition {
  definition ??= serviceDefinition(RAFT_SERVICE);
  return definition;
}

/** The one place transport errors become gRPC statuses. */
const GRPC_STATUS: Readonly<Record<TransportErrorCode, grpc.status>> = {
  MalformedMessage: grpc.status.INVALID_ARGUMENT,
  SnapshotTooLarge: grpc.status.RESOURCE_EXHAUSTED,
  InvalidConfig: grpc.status.INTERNAL,
};

export function grpcStatusOf(code: TransportErrorCode): grpc.status {
  return GRPC_STATUS[code];
}

/**
 * Server options the node's grpc.Server must be created with for peer traffic: message size
 * limits that admit a full batch (grpc-js accepts only 4 MiB by default), and keepalive pings
 * so a client that vanished without closing its connection is noticed and its stream freed.
 */
export function raftServerOptions(config: TransportConfig = TRANSPORT_DEFAULTS): grpc.ServerOptions {
  return {
    "grpc.max_receive_message_length": config.maxMessageBytes,
    "grpc.max_send_message_length": config.maxMessageBytes,
    "grpc.keepalive_time_ms": config.keepaliveTimeMs,
    "grpc.keepalive_timeout_ms": config.keepaliveTimeoutMs,
  };
}

/** Add the RaftTransport service to `server`, delivering to `inbound`. */
export function registerRaftService(server: grpc.Server, inbound: RaftInbound): void {
  server.addService(raftServiceDefinition(), {
    Send: (call: grpc.ServerReadableStream<unknown, object>, callback: grpc.sendUnaryData<object>) =>
      handleSend(inbound, call, callback),
    InstallSnapshot: (
      call: grpc.ServerReadableStream<unknown, object>,
      callback: grpc.sendUnaryData<object>,
    ) => handleInstallSnapshot(inbound, call, callback),
  });
}

function handleSend(
  inbound: RaftInbound,
  call: grpc.ServerReadableStream<unknown, object>,
  callback: grpc.sendUnaryData<object>,
): void {
  // Headers now, not with the answer: the client takes them as "stream established".
  call.sendMetadata(new grpc.Metadata());
  let finished = false;
  call.on("data", (value: unknown) => {
    if (finished) return;
    let batch: MessageBatch;
    try {
      batch = decodeBatch(value);
    } catch (e) {
      finished = true;
      refuse(inbound, e, callback);
      return;
    }
    inbound.deliver(batch);
  });
  call.on("end", () => {
    if (finished) return;
    finished = true;
    callback(null, {});
  });
  // The client went away (cancelled, connection lost): there is no one left to answer.
  call.on("error", () => {
    finished = true;
  });
}

function handleInstallSnapshot(
  inbound: RaftInbound,
  call: grpc.ServerReadableStream<unknown, object>,
  callback: grpc.sendUnaryData<object>,
): void {
  const assembly = new SnapshotAssembly(inbound.maxSnapshotBytes);
  let finished = false;
  call.on("data", (value: unknown) => {
    if (finished) return;
    try {
      const gm = assembly.add(value);
      if (gm === null) return;
      finished = true;
      inbound.deliver({ from: gm.message.from, messages: [gm] });
      callback(null, { receivedBytes: assembly.receivedBytes });
    } catch (e) {
      finished = true;
      refuse(inbound, e, callback);
    }
  });
  call.on("end", () => {
    if (finished) return;
    finished = true;
    const reason = `stream ended after ${assembly.receivedBytes} bytes, before the last chunk`;
    refuse(inbound, new MalformedMessageError("chunk", reason), callback);
  });
  call.on("error", () => {
    finished = true;
  });
}

/** Answer a peer's call with the status of its bad input. Anything else is a bug: rethrown. */
function refuse(inbound: RaftInbound, e: unknown, callback: grpc.sendUnaryData<object>): void {
  if (!(e instanceof TransportError)) throw e;
  inbound.reject(e);
  callback({ code: grpcStatusOf(e.code), details: e.message });
}
