// With ringkv's auth on, etcd clients authenticate the way they know: etcd3's `auth` option (and
// etcdctl --user) calls Authenticate with a ringkv token as the password, then sends the answer
// as `token` metadata, which the node's auth interceptor takes as `Bearer <token>`. Roles apply
// as to native calls; a client without a token, or with an unknown one, is refused.
import {
  Etcd3,
  EtcdAuthenticationFailedError,
  EtcdPermissionDeniedError,
  GRPCUnauthenticatedError,
} from "etcd3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthGate,
  generateToken,
  hashToken,
  NO_PEER_IDENTITY,
  type Role,
} from "../../../src/node/auth/index.ts";
import { TokenStore } from "../../../src/node/auth/token-store.ts";
import { authInterceptor } from "../../../src/node/server/auth-interceptor.ts";
import { type EtcdTestServer, startEtcdTestServer } from "./etcd-server.ts";

const tokens: Record<Role, string> = {
  read: generateToken(),
  write: generateToken(),
  admin: generateToken(),
};
const gate = AuthGate.of(
  new TokenStore(
    (Object.keys(tokens) as Role[]).map((role) => ({
      name: `${role}-t`,
      role,
      hash: hashToken(tokens[role]),
    })),
  ),
);

let server: EtcdTestServer;
const clients: Etcd3[] = [];
const clientWith = (password?: string): Etcd3 => {
  const client = new Etcd3({
    hosts: server.address,
    ...(password === undefined ? {} : { auth: { username: "ringkv", password } }),
  });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startEtcdTestServer({
    interceptors: [authInterceptor(gate, NO_PEER_IDENTITY)],
    checkAuthorization: (authorization) => void gate.check({ authorization, peer: null }, "read", "test"),
  });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

describe("etcd clients with ringkv's auth on", () => {
  it("a write token, given as the password, puts and gets", async () => {
    const client = clientWith(tokens.write);
    await client.put("authed").value("yes");
    expect(await client.get("authed").string()).toBe("yes");
  });

  it("a read token reads but may not write: etcd's permission denied", async () => {
    const client = clientWith(tokens.read);
    expect(await client.get("authed").string()).toBe("yes");
    await expect(client.put("authed").value("no")).rejects.toBeInstanceOf(EtcdPermissionDeniedError);
  });

  it("no token is refused; an unknown one fails Authenticate with etcd's message", async () => {
    await expect(clientWith().get("authed").string()).rejects.toBeInstanceOf(GRPCUnauthenticatedError);
    await expect(clientWith(generateToken()).get("authed").string()).rejects.toBeInstanceOf(
      EtcdAuthenticationFailedError,
    );
  });
});
