// Loads the .proto files with protobufjs and turns a service into a @grpc/grpc-js service
// definition, so the server, the peer transport and the client library share one schema and one
// encoder per message (no generated code to keep in sync).
import { fileURLToPath } from "node:url";
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import protobuf from "protobufjs";
import { invariant } from "../invariant.ts";

const PROTO_DIR = fileURLToPath(new URL("../../proto/", import.meta.url));

const roots = new Map<string, protobuf.Root>();

/** The parsed schema of proto/<file> (cached). */
export function protoRoot(file: string): protobuf.Root {
  let root = roots.get(file);
  if (!root) {
    root = protobuf.loadSync(PROTO_DIR + file);
    root.resolveAll();
    roots.set(file, root);
  }
  return root;
}

export function messageType(file: string, name: string): protobuf.Type {
  return protoRoot(file).lookupType(name);
}

/** Objects as protobufjs decodes them: bytes as Uint8Array, 64-bit integers as numbers. */
const TO_OBJECT: protobuf.IConversionOptions = {
  longs: Number,
  bytes: Uint8Array,
  defaults: true,
  oneofs: true,
};

export function encodeMessage(type: protobuf.Type, value: object): Buffer {
  const err = type.verify(value);
  if (err) throw new TypeError(`${type.name}: ${err}`);
  const bytes = type.encode(type.fromObject(value)).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function decodeMessage<T>(type: protobuf.Type, bytes: Uint8Array): T {
  return type.toObject(type.decode(bytes), TO_OBJECT) as T;
}

/**
 * A grpc-js service definition for `serviceName` in proto/<file>. Decoding errors surface as
 * exceptions inside grpc-js, which answers the call with INTERNAL or INVALID_ARGUMENT — a
 * malformed request never reaches a handler.
 */
export function serviceDefinition(file: string, serviceName: string): ServiceDefinition {
  const service = protoRoot(file).lookupService(serviceName);
  const definition: Record<string, MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray) {
    const req = method.resolvedRequestType;
    const res = method.resolvedResponseType;
    invariant(req !== null && res !== null, () => `unresolved types in ${serviceName}.${method.name}`);
    definition[method.name] = {
      path: `/${service.fullName.slice(1)}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: (value: object) => encodeMessage(req, value),
      requestDeserialize: (bytes: Buffer) => decodeMessage<object>(req, bytes),
      responseSerialize: (value: object) => encodeMessage(res, value),
      responseDeserialize: (bytes: Buffer) => decodeMessage<object>(res, bytes),
      originalName: method.name,
    };
  }
  return definition as ServiceDefinition;
}
