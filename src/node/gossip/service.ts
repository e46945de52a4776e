// The server side of gossip: the GossipTransport service on the node's one gRPC port (beside
// the KV and RaftTransport services). The codec, not grpc-js, parses each batch, so the size
// limits hold before anything is parsed and a bad batch is answered with a typed status
// (INVALID_ARGUMENT, RESOURCE_EXHAUSTED) naming the offending field.
import * as grpc from "@grpc/grpc-js";
import { type ServiceSpec, serviceDefinition, wire } from "../../api/proto.ts";
import { invariant } from "../../invariant.ts";
import { type CodecLimits, decodeGossipBatch, type GossipBatch } from "./codec.ts";
import { GossipAgentError, grpcStatusOf } from "./errors.ts";

/** Where the service hands what arrives. GossipAgent implements it. */
export interface GossipInbound {
  readonly limits: CodecLimits;
  /** False while the agent is not running: the call is answered UNAVAILABLE. */
  readonly accepting: boolean;
  /** A validated batch. */
  deliver(batch: GossipBatch): void;
  /** Peer input was refused (the peer's call ends with the error's status); for counting. */
  reject(error: GossipAgentError): void;
}

/** The rpcs of `service GossipTransport` in proto/gossip.proto. */
export const GOSSIP_SERVICE: ServiceSpec = {
  fullName: "ringkv.gossip.GossipTransport",
  methods: { Deliver: { request: wire.gossip.GossipBatch, response: wire.gossip.GossipAck } },
};

let definition: grpc.ServiceDefinition | null = null;

/**
 * The GossipTransport service definition (built once). Deliver's request travels as raw bytes
 * through grpc-js: the client encodes it with encodeGossipBatch, the handler decodes it with
 * decodeGossipBatch.
 */
export function gossipServiceDefinition(): grpc.ServiceDefinition {
  if (definition !== null) return definition;
  const base = serviceDefinition(GOSSIP_SERVICE);
  const deliver = base["Deliver"];
  invariant(deliver !== undefined, "GOSSIP_SERVICE: Deliver is missing");
  const raw = (bytes: Buffer): Buffer => bytes;
  definition = { Deliver: { ...deliver, requestSerialize: raw, requestDeserialize: raw } };
  return definition;
}

/** Add the GossipTransport service to `server`, delivering to `inbound`. */
export function registerGossipService(server: grpc.Server, inbound: GossipInbound): void {
  server.addService(gossipServiceDefinition(), {
    Deliver: (call: grpc.ServerUnaryCall<Buffer, object>, callback: grpc.sendUnaryData<object>) =>
      handleDeliver(inbound, call.request, callback),
  });
}

function handleDeliver(inbound: GossipInbound, request: Buffer, callback: grpc.sendUnaryData<object>): void {
  if (!inbound.accepting) {
    callback({ code: grpc.status.UNAVAILABLE, details: "gossip is not running on this node" });
    return;
  }
  let batch: GossipBatch;
  try {
    batch = decodeGossipBatch(request, inbound.limits);
  } catch (e) {
    // Anything but a typed refusal is a bug: rethrown.
    if (!(e instanceof GossipAgentError)) throw e;
    inbound.reject(e);
    callback({ code: grpcStatusOf(e.code), details: e.message });
    return;
  }
  // Answer first: delivery is one-way, and the answers SWIM needs are messages of their own.
  callback(null, {});
  inbound.deliver(batch);
}
