import { PassThrough } from "node:stream";
import { status as GrpcStatus, Metadata } from "@grpc/grpc-js";
import { describe, expect, test } from "vitest";
import { Output } from "../../cli/output.ts";
import { RingkvError } from "../../src/api/errors.ts";
import { fromGrpcStatus } from "../../src/api/grpc-status.ts";

function rendered(error: unknown): { line: string; exit: number } {
  const stderr = new PassThrough();
  const exit = new Output(false, { stdout: new PassThrough(), stderr }).failure(error);
  return { line: String(stderr.read()), exit };
}

describe("errors a user reads name the node and the cause, never gRPC's internals", () => {
  test("a transport deadline says how long it waited, without LB pick or remote_addr", () => {
    const error = fromGrpcStatus(
      {
        code: GrpcStatus.DEADLINE_EXCEEDED,
        details: "Deadline exceeded after 1.529s,LB pick: 0.001s,remote_addr=127.0.0.1:7001",
        metadata: new Metadata(),
      },
      "127.0.0.1:7001",
    );
    expect(rendered(error)).toEqual({
      line: "error: Timeout: 127.0.0.1:7001: no answer within 1.5 s; the outcome is unknown\n",
      exit: 3,
    });
  });

  test("a deadline hit while waiting for a connection says so plainly: never sent, so Unavailable", () => {
    const error = fromGrpcStatus({
      code: GrpcStatus.DEADLINE_EXCEEDED,
      details: "Deadline exceeded after 5.002s,Waiting for LB pick",
    });
    expect([error.code, error.message]).toEqual(["Unavailable", "no connection within 5.0 s"]);
  });

  test("other transport details lose the diagnostics grpc-js appends", () => {
    const error = fromGrpcStatus(
      {
        code: GrpcStatus.UNAVAILABLE,
        details: "No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1. Resolution note: ",
      },
      "127.0.0.1:1",
    );
    expect(error.message).toBe("127.0.0.1:1: no connection (connection refused)");
    expect(rendered(error).exit).toBe(3);
  });

  test("a server's own message (naming the shard) is passed through untouched", () => {
    const metadata = new Metadata();
    metadata.set("ringkv-code", "Unavailable");
    const error = fromGrpcStatus({
      code: GrpcStatus.UNAVAILABLE,
      details: "shard 1 has no quorum: 1 of 3 voters reachable",
      metadata,
    });
    expect(rendered(error).line).toBe("error: Unavailable: shard 1 has no quorum: 1 of 3 voters reachable\n");
  });

  test("a failure the command goes on after is a warning on stderr saying what comes next", () => {
    const error = new RingkvError("NoQuorum", "the meta group has no quorum");
    for (const json of [false, true]) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      new Output(json, { stdout, stderr }).warning(error, "retrying");
      expect(stdout.read()).toBeNull();
      expect(String(stderr.read())).toBe(
        json
          ? '{"warning":{"code":"NoQuorum","message":"the meta group has no quorum","next":"retrying"}}\n'
          : "warning: NoQuorum: the meta group has no quorum; retrying\n",
      );
    }
  });
});
