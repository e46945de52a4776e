// etcd clients recognise failures by etcd's gRPC status code and exact message: the table maps
// each ringkv code to etcd's, and the statuses carry them.
import { status as GrpcStatus } from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { ERROR_MAPPINGS, type ErrorCode, RingkvError } from "../../../src/api/errors.ts";
import {
  ETCD_ERROR_MAPPINGS,
  ETCD_MESSAGES,
  toEtcdStatus,
  unimplemented,
} from "../../../src/node/etcd/errors.ts";

describe("etcd's errors", () => {
  it("every ringkv error code has an etcd mapping", () => {
    expect(Object.keys(ETCD_ERROR_MAPPINGS).sort()).toEqual(Object.keys(ERROR_MAPPINGS).sort());
  });

  it("compacted, lease not found and timeout leave with etcd's code and exact message", () => {
    const cases: [ErrorCode, GrpcStatus, string][] = [
      ["Compacted", GrpcStatus.OUT_OF_RANGE, ETCD_MESSAGES.compacted],
      ["LeaseNotFound", GrpcStatus.NOT_FOUND, "etcdserver: requested lease not found"],
      ["Timeout", GrpcStatus.UNAVAILABLE, "etcdserver: request timed out"],
      ["NotFound", GrpcStatus.INVALID_ARGUMENT, "etcdserver: key not found"],
    ];
    for (const [code, grpc, message] of cases) {
      const status = toEtcdStatus(new RingkvError(code, "ringkv's own words"));
      expect([status.code, status.details]).toEqual([grpc, message]);
      expect(status.metadata.get("ringkv-code")).toEqual([code]);
    }
  });

  it("a cross-shard transaction keeps ringkv's message naming the shards", () => {
    const status = toEtcdStatus(new RingkvError("CrossShard", "keys a, b live in shards 3 and 7"));
    expect([status.code, status.details]).toEqual([
      GrpcStatus.FAILED_PRECONDITION,
      "keys a, b live in shards 3 and 7",
    ]);
  });

  it("an unserved call is Unimplemented and says what to use", () => {
    const status = toEtcdStatus(unimplemented("Defragment", "ringkv compacts its log itself"));
    expect(status.code).toBe(GrpcStatus.UNIMPLEMENTED);
    expect(status.details).toContain("ringkv compacts its log itself");
  });

  it("anything else thrown is Internal", () => {
    expect(toEtcdStatus(new Error("boom")).code).toBe(GrpcStatus.INTERNAL);
  });
});
