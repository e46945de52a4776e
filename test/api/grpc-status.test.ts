import { status as GrpcStatus, Metadata } from "@grpc/grpc-js";
import { describe, expect, test } from "vitest";
import { RingkvError } from "../../src/api/errors.ts";
import { fromGrpcStatus } from "../../src/api/grpc-status.ts";

describe("a failure says whether the transport or the node produced it", () => {
  test("a status gRPC made itself (no ringkv-code) is from the transport", () => {
    const error = fromGrpcStatus(
      { code: GrpcStatus.UNAVAILABLE, details: "No connection established" },
      "h:1",
    );
    expect([error.code, error.fromTransport]).toEqual(["Unavailable", true]);
  });

  test("a node's answer is not, and neither is an error made without saying so", () => {
    const metadata = new Metadata();
    metadata.set("ringkv-code", "Unavailable");
    const error = fromGrpcStatus({
      code: GrpcStatus.UNAVAILABLE,
      details: "shard 1 has no leader",
      metadata,
    });
    expect([error.code, error.fromTransport]).toEqual(["Unavailable", false]);
    expect(new RingkvError("Timeout", "x").fromTransport).toBe(false);
  });
});
