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
  methods: {
    Deliver: { request: wire.gossip.GossipBatch, response: wire.gossip.GossipAck },
    Stream: { request: wire.gossip.GossipBatch, response: wire.gossip.GossipAck, requestStream: true },
  },
};

let definition: grpc.ServiceDefinition | null = null;

/**
 * The GossipTransport service definition (built once). Batches travel as raw bytes through
 * grpc-js: the client encodes each with encodeGossipBatch, the handler decodes it with
 * decodeGossipBatch.
 */
export function gossipServiceDefinition(): grpc.ServiceDefinition {
  if (definition !== null) return definition;
  const base = serviceDefinition(GOSSIP_SERVICE);
  const deliver = base["Deliver"];
  const stream = base["Stream"];
  invariant(deliver !== undefined && stream !== undefined, "GOSSIP_SERVICE: Deliver or Stream is missing");
  const raw = (bytes: Buffer): Buffer => bytes;
  definition = {
    Deliver: { ...deliver, requestSerialize: raw, requestDeserialize: raw },
    Stream: { ...stream, requestSerialize: raw, requestDeserialize: raw },
  };
  return definition;
}

/** Add the GossipTransport service to `server`, delivering to `inbound`. */
export function registerGossipService(server: grpc.Server, inbound: GossipInbound): void {
  server.addService(gossipServiceDefinition(), {
    Deliver: (call: grpc.ServerUnaryCall<Buffer, object>, callback: grpc.sendUnaryData<object>) => {
      const received = decode(inbound, call.request);
      if ("refusal" in received) {
        callback(received.refusal);
        return;
      }
      // Answer first: delivery is one-way, and the answers SWIM needs are messages of their own.
      callback(null, {});
      inbound.deliver(received.batch);
    },
    Stream: (call: grpc.ServerReadableStream<Buffer, object>, callback: grpc.sendUnaryData<object>) => {
      let answered = false;
      call.on("data", (bytes: Buffer) => {
        if (answered) return;
        const received = decode(inbound, bytes);
        if ("batch" in received) {
          inbound.deliver(received.batch);
          return;
        }
        // The stream ends with the refusal's status; the sender opens another for what follows.
        answered = true;
        callback(received.refusal);
      });
      call.on("end", () => {
        if (answered) return;
        answered = true;
        callback(null, {});
      });
      // The sender went away: nothing is left to answer.
      call.on("error", () => {
        answered = true;
      });
    },
  });
}

/** One batch decoded for `inbound`, or the status its call ends with when it is refused. */
function decode(
  inbound: GossipInbound,
  bytes: Buffer,
): { readonly batch: GossipBatch } | { readonly refusal: Partial<grpc.StatusObject> } {
  if (!inbound.accepting) {
    return { refusal: { code: grpc.status.UNAVAILABLE, details: "gossip is not running on this node" } };
  }
  try {
    return { batch: decodeGossipBatch(bytes, inbound.limits) };
  } catch (e) {
    // Anything but a typed refusal is a bug: rethrown.
    if (!(e instanceof GossipAgentError)) throw e;
    inbound.reject(e);
    return { refusal: { code: grpcStatusOf(e.code), details: e.message } };
  }
}
