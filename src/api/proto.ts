// One encoder and one decoder per message for proto/*.proto, over the static code pbjs generated
// (src/api/generated/proto.js, `npm run gen:proto`): no .proto file is read or parsed at run
// time, so the package works from any directory and through bundlers. This file turns the
// generated message classes into @grpc/grpc-js service definitions, so the server, the peer
// transport and the client library share one schema.
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import type { IConversionOptions, Reader, Writer } from "protobufjs";

export { ringkv as wire } from "./generated/proto.js";

/** The static side of a message class pbjs generated (ringkv.kv.PutRequest, …). */
export interface MessageCodec<M extends object = object> {
  /** The message's name, for errors. */
  readonly name: string;
  /** Why `message` cannot be encoded (a field of the wrong type), or null. */
  verify(message: { [k: string]: unknown }): string | null;
  encode(message: M, writer?: Writer): Writer;
  decode(reader: Reader | Uint8Array, length?: number): M;
  toObject(message: M, options?: IConversionOptions): { [k: string]: unknown };
}

/** Objects as the decoders hand them out: bytes as Uint8Array, 64-bit integers as numbers (a
 * value past 2^53 comes out as an unsafe integer, which every decoder's range check refuses). */
const TO_OBJECT: IConversionOptions = {
  longs: Number,
  bytes: Uint8Array,
  defaults: true,
  oneofs: true,
};

/**
 * `value` (a plain object of the message's shape) as protobuf bytes. The generated encoder reads
 * plain objects directly; verify first refuses a field of the wrong type, which the encoder
 * would otherwise coerce or drop. It accepts a string for a `bytes` field, which protobufjs takes
 * for base64: callers convert text to bytes themselves (the client library does, as UTF-8).
 */
export function encodeMessage<M extends object>(codec: MessageCodec<M>, value: object): Buffer {
  const err = codec.verify(value as { [k: string]: unknown });
  if (err) throw new TypeError(`${codec.name}: ${err}`);
  const bytes = codec.encode(value as M).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function decodeMessage<T>(codec: MessageCodec, bytes: Uint8Array): T {
  return codec.toObject(codec.decode(bytes), TO_OBJECT) as T;
}

/** One rpc of a service: its message classes and whether each side streams. */
export interface MethodSpec {
  readonly request: MessageCodec;
  readonly response: MessageCodec;
  readonly requestStream?: boolean;
  readonly responseStream?: boolean;
}

/** A service as proto/*.proto declares it: `package.Service` and its rpcs by name. */
export interface ServiceSpec {
  readonly fullName: string;
  readonly methods: Readonly<Record<string, MethodSpec>>;
}

/**
 * A grpc-js service definition. Decoding errors surface as exceptions inside grpc-js, which
 * answers the call with INTERNAL or INVALID_ARGUMENT — a malformed request never reaches a
 * handler. test/api/proto.test.ts checks every spec against the rpcs of proto/*.proto.
 */
export function serviceDefinition(spec: ServiceSpec): ServiceDefinition {
  const definition: Record<string, MethodDefinition<object, object>> = {};
  for (const [name, method] of Object.entries(spec.methods)) {
    const { request, response } = method;
    definition[name] = {
      path: `/${spec.fullName}/${name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: (value: object) => encodeMessage(request, value),
      requestDeserialize: (bytes: Buffer) => decodeMessage<object>(request, bytes),
      responseSerialize: (value: object) => encodeMessage(response, value),
      responseDeserialize: (bytes: Buffer) => decodeMessage<object>(response, bytes),
      originalName: name,
    };
  }
  return definition as ServiceDefinition;
}
