// Raw gRPC calls to a node's KV service: the request bytes are sent exactly as given (a pass-
// through serializer), so a test can send valid encodings and garbage alike, and read the status
// code and the ringkv-code trailer the node answers with.
import * as grpc from "@grpc/grpc-js";
import { encodeMessage, type MessageCodec, wire } from "../../src/api/proto.ts";

export interface RawStatus {
  readonly code: grpc.status;
  readonly details: string;
  /** The `ringkv-code` trailer, when the node sent one. */
  readonly ringkvCode: string | undefined;
  /** The response bytes of a successful call. */
  readonly response: Buffer | undefined;
}

const passThrough = (bytes: Buffer): Buffer => bytes;

export class RawKvClient {
  readonly #client: grpc.Client;

  constructor(addr: string) {
    this.#client = new grpc.Client(addr, grpc.credentials.createInsecure());
  }

  /** Call `/ringkv.kv.KV/<method>` with `request` as the message bytes. */
  call(method: string, request: Uint8Array, timeoutMs = 10_000): Promise<RawStatus> {
    return new Promise((resolve) => {
      this.#client.makeUnaryRequest<Buffer, Buffer>(
        `/ringkv.kv.KV/${method}`,
        passThrough,
        passThrough,
        Buffer.from(request),
        new grpc.Metadata(),
        { deadline: new Date(Date.now() + timeoutMs) },
        (error, response) => {
          if (error) {
            const code = error.metadata?.get("ringkv-code")[0];
            resolve({
              code: error.code,
              details: error.details,
              ringkvCode: typeof code === "string" ? code : undefined,
              response: undefined,
            });
          } else {
            resolve({ code: grpc.status.OK, details: "", ringkvCode: undefined, response });
          }
        },
      );
    });
  }

  close(): void {
    this.#client.close();
  }
}

/** `value` encoded as the kv.proto message `type` (e.g. "PutRequest"). */
export function encodeKv(
  type: Exclude<keyof typeof wire.kv, "SortOrder" | "SortTarget" | "CompareTarget" | "CompareResult">,
  value: object,
): Buffer {
  const codec: MessageCodec = wire.kv[type];
  return encodeMessage(codec, value);
}
