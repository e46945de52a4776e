// The client's message limit on a port shared with peers. grpc-js has one receive limit per
// server, and the peers need theirs (Raft batches up to the transport's maxMessageBytes), so a
// client could otherwise make the node buffer a 32 MiB request before anything looks at it.
// This server interceptor gives every call of the client services the client limit before
// any byte of its message is read: the message's 5-byte length prefix is checked against it,
// and a request over it is refused at once (RESOURCE_EXHAUSTED, which clients map to
// RequestTooLarge) without being buffered.
//
// grpc-js offers no per-method limit, so this sets the limit on the call's frame decoder —
// grpc-js internals (1.14: BaseServerInterceptingCall.decoder.maxReadMessageLength). When they
// are not there (another grpc-js), the interceptor changes nothing and says so once, and the
// KV service's check on the raw bytes before decoding (grpc-kv.ts) still refuses the request,
// after it was read.
import * as grpc from "@grpc/grpc-js";
import type { Logger } from "pino";

/** The frame decoder of a grpc-js server call, as far as this file relies on it. */
interface FrameDecoder {
  maxReadMessageLength: number;
  write(data: Buffer): Buffer[];
}

/**
 * An interceptor that gives calls whose path starts with one of `pathPrefixes` (e.g.
 * "/ringkv.kv.KV/") a receive limit of `messageBytesMax`.
 */
export function clientMessageLimit(
  pathPrefixes: readonly string[],
  messageBytesMax: number,
  logger?: Logger,
): grpc.ServerInterceptor {
  let warned = false;
  return (method, call) => {
    // A pass-through layer: interceptors must hand back a ServerInterceptingCall.
    const through = new grpc.ServerInterceptingCall(call);
    if (!pathPrefixes.some((prefix) => method.path.startsWith(prefix))) return through;
    const decoder = (call as unknown as { decoder?: Partial<FrameDecoder> }).decoder;
    if (typeof decoder?.maxReadMessageLength !== "number" || typeof decoder.write !== "function") {
      if (!warned) {
        warned = true;
        logger?.warn("grpc-js internals changed: client message limit enforced only after reading");
      }
      return through;
    }
    const limited = decoder as FrameDecoder;
    limited.maxReadMessageLength = messageBytesMax;
    const write = limited.write.bind(limited);
    limited.write = (data: Buffer): Buffer[] => {
      try {
        return write(data);
      } catch (e) {
        // grpc-js answers RESOURCE_EXHAUSTED with this message; say it as ringkv does.
        const size = /\((\d+) vs/.exec(e instanceof Error ? e.message : "")?.[1] ?? "more";
        throw new Error(`request of ${size} bytes is over the client limit of ${messageBytesMax} bytes`);
      }
    };
    return through;
  };
}
