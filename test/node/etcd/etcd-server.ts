// The etcd services on a real gRPC server on 127.0.0.1, over the in-memory twin (memory-model.ts):
// what the unit tests point etcd's real clients (the etcd3 package, etcdctl) at.
import * as grpc from "@grpc/grpc-js";
import { RingkvError } from "../../../src/api/errors.ts";
import type { KvApi } from "../../../src/api/kv-api.ts";
import { DEFAULT_KV_LIMITS } from "../../../src/api/limits.ts";
import { registerEtcdServices } from "../../../src/node/etcd/index.ts";
import { MemoryModel } from "./memory-model.ts";

export interface EtcdTestServer {
  readonly address: string;
  readonly model: MemoryModel;
  close(): Promise<void>;
}

export async function startEtcdTestServer(
  options: {
    checkAuthorization?: (authorization: string) => void;
    interceptors?: grpc.ServerInterceptor[];
  } = {},
): Promise<EtcdTestServer> {
  const model = new MemoryModel();
  const refuse = async (): Promise<never> => {
    throw new RingkvError("InvalidArgument", "not served by the test twin");
  };
  const kv: KvApi = {
    put: (key, value) => model.put(key, value),
    get: (key) => model.get(key),
    delete: (key) => model.delete(key),
    status: () => model.status(),
    join: refuse,
    leave: refuse,
  };
  const server = new grpc.Server({ interceptors: options.interceptors ?? [] });
  registerEtcdServices(server, {
    memberId: "m1",
    kv,
    model,
    limits: DEFAULT_KV_LIMITS,
    localStatus: () => model.status(),
    tls: false,
    ...(options.checkAuthorization ? { checkAuthorization: options.checkAuthorization } : {}),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return {
    address: `127.0.0.1:${port}`,
    model,
    close: () =>
      new Promise<void>((resolve) => {
        server.forceShutdown();
        resolve();
      }),
  };
}
