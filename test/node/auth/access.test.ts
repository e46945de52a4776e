// Every gRPC method on a node's port and every HTTP route has an access entry chosen on purpose:
// the unlisted default (admin) is a safety net, not a decision.
import type { ServiceDefinition } from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { adminServiceDefinition } from "../../../src/api/admin-wire.ts";
import { kvServiceDefinition } from "../../../src/api/kv-wire.ts";
import { serviceDefinition } from "../../../src/api/proto.ts";
import { shardWatchServiceDefinition, watchServiceDefinition } from "../../../src/api/watch-wire.ts";
import { GRPC_ACCESS, grpcAccess, HTTP_ACCESS, httpAccess } from "../../../src/node/auth/index.ts";
import { forwardServiceDefinition } from "../../../src/node/cluster/forward-wire.ts";
import { ETCD_SERVICES } from "../../../src/node/etcd/index.ts";
import { gossipServiceDefinition } from "../../../src/node/gossip/index.ts";
import { httpRoutes } from "../../../src/node/server/http-server.ts";
import { raftServiceDefinition } from "../../../src/transport/index.ts";

/** The services node.ts registers on its one gRPC port. */
const NODE_SERVICES: readonly ServiceDefinition[] = [
  kvServiceDefinition(),
  forwardServiceDefinition(),
  adminServiceDefinition(),
  raftServiceDefinition(),
  gossipServiceDefinition(),
  watchServiceDefinition(),
  shardWatchServiceDefinition(),
  ...ETCD_SERVICES.map(serviceDefinition),
];

type Table = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Method paths ("/svc/Method") of `services` that `table` has no entry for. */
function unlistedMethods(services: readonly ServiceDefinition[], table: Table): string[] {
  const paths = services.flatMap((s) => Object.values(s).map((m) => m.path));
  return paths.filter((path) => {
    const [, service = "", method = ""] = path.split("/");
    return table[service]?.[method] === undefined;
  });
}

/** "METHOD template" of routes `table` has no entry for. */
function unlistedRoutes(routes: ReturnType<typeof httpRoutes>, table: Table): string[] {
  return routes.flatMap((r) =>
    r.methods.filter((m) => table[r.template]?.[m] === undefined).map((m) => `${m} ${r.template}`),
  );
}

describe("the access tables", () => {
  it("list every method of every service on the node's gRPC port", () => {
    expect(NODE_SERVICES.flatMap((s) => Object.keys(s)).length).toBeGreaterThanOrEqual(10);
    expect(unlistedMethods(NODE_SERVICES, GRPC_ACCESS)).toEqual([]);
  });

  it("list every method of every HTTP route", () => {
    expect(httpRoutes().length).toBeGreaterThanOrEqual(7);
    expect(unlistedRoutes(httpRoutes(), HTTP_ACCESS)).toEqual([]);
  });

  it("the coverage checks catch a planted missing entry", () => {
    const { Join: _dropped, ...kv } = GRPC_ACCESS["ringkv.kv.KV"]!;
    expect(unlistedMethods(NODE_SERVICES, { ...GRPC_ACCESS, "ringkv.kv.KV": kv })).toEqual([
      "/ringkv.kv.KV/Join",
    ]);
    const { DELETE: _gone, ...kvRoute } = HTTP_ACCESS["/v1/kv/{key}"]!;
    expect(unlistedRoutes(httpRoutes(), { ...HTTP_ACCESS, "/v1/kv/{key}": kvRoute })).toEqual([
      "DELETE /v1/kv/{key}",
    ]);
  });

  it("fail closed: what no table lists needs an admin token", () => {
    expect(grpcAccess("/ringkv.kv.KV/Snapshot")).toBe("admin");
    expect(grpcAccess("/nonsense")).toBe("admin");
    expect(httpAccess("/v1/new", "GET")).toBe("admin");
    expect(httpAccess("/v1/kv/{key}", "POST")).toBe("admin");
  });

  it("keep the roles of issue 12: read gets and looks, write changes keys, admin changes members", () => {
    expect(
      ["Get", "Status", "Put", "Delete", "Join", "Leave"].map((m) => grpcAccess(`/ringkv.kv.KV/${m}`)),
    ).toEqual(["read", "read", "write", "write", "admin", "admin"]);
    expect(grpcAccess("/ringkv.forward.Forward/Stream")).toBe("peer");
    expect(httpAccess("/v1/kv/{key}", "HEAD")).toBe("read");
    expect(httpAccess("/health", "GET")).toBe("open");
    expect(httpAccess("/ready", "GET")).toBe("open");
  });
});
