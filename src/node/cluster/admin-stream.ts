// A server-streaming call on the Admin service (proto/admin.proto), as an async iterable whose
// failures are RingkvErrors (src/api/grpc-status.ts), on a client used for that one call: backups
// are rare, so no connection is kept open for them.
import * as grpc from "@grpc/grpc-js";
import { adminServiceDefinition } from "../../api/admin-wire.ts";
import { fromGrpcStatus } from "../../api/grpc-status.ts";

const AdminStub = grpc.makeGenericClientConstructor(adminServiceDefinition(), "Admin");

type ServerStreamCall = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
) => grpc.ClientReadableStream<unknown>;

export interface AdminCall {
  /** Absolute, ms since the epoch. */
  readonly deadline: number;
  readonly metadata?: grpc.Metadata;
  /** TLS, when the cluster uses it; plaintext by default. */
  readonly credentials?: grpc.ChannelCredentials;
  /** Interceptors (a bearer token) and TLS target options, as the caller's other clients have. */
  readonly clientOptions?: grpc.ClientOptions;
}

export async function* adminStream<T>(
  addr: string,
  method: "Snapshot" | "SnapshotShard",
  request: object,
  call: AdminCall,
): AsyncGenerator<T> {
  const credentials = call.credentials ?? grpc.credentials.createInsecure();
  const client = new AdminStub(addr, credentials, call.clientOptions ?? {});
  try {
    const stream = (client as unknown as Record<string, ServerStreamCall>)[method]!.call(
      client,
      request,
      call.metadata ?? new grpc.Metadata(),
      { deadline: call.deadline },
    );
    try {
      for await (const message of stream) yield message as T;
    } catch (e) {
      throw isServiceError(e) ? fromGrpcStatus(e, addr) : e;
    } finally {
      stream.cancel();
    }
  } finally {
    client.close();
  }
}

function isServiceError(e: unknown): e is grpc.ServiceError {
  return e instanceof Error && typeof (e as Partial<grpc.ServiceError>).code === "number";
}
