// The client library refuses arguments of the wrong type itself, with a typed error, before
// anything reaches the wire (issue 11: a string went out base64-decoded). A local gRPC server
// counts the calls that arrive, so "before the wire" is observed, not assumed.
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KV_SERVICE_NAME, kvServiceDefinition } from "../../src/api/kv-wire.ts";
import { KvValue, RingkvClient, RingkvError } from "../../src/client/index.ts";

let server: grpc.Server;
let address = "";
let calls = 0;

beforeAll(async () => {
  server = new grpc.Server();
  const answer = (_call: unknown, callback: grpc.sendUnaryData<object>) => {
    calls++;
    callback(null, { version: 7, found: false, deleted: false, json: "{}", members: [] });
  };
  const handlers = Object.fromEntries(Object.keys(kvServiceDefinition()).map((name) => [name, answer]));
  server.addService(kvServiceDefinition(), handlers);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  address = `127.0.0.1:${port}`;
});

afterAll(() => {
  server.forceShutdown();
});

/** What a plain-JavaScript caller might pass; the casts are the point. */
const NOT_BYTES: readonly unknown[] = [
  42,
  null,
  undefined,
  { key: "k" },
  ["k"],
  new ArrayBuffer(2),
  true,
  1n,
];

function client(): RingkvClient {
  return new RingkvClient({ addresses: [address], routing: false });
}

async function rejection(promise: Promise<unknown>): Promise<RingkvError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RingkvError);
  return error as RingkvError;
}

describe(`the client's arguments (${KV_SERVICE_NAME})`, () => {
  it("a key or value that is neither a string nor a Uint8Array is refused with InvalidArgument, unsent", async () => {
    const c = client();
    try {
      const before = calls;
      for (const bad of NOT_BYTES) {
        const asKey = bad as string;
        for (const attempt of [c.put(asKey, "v"), c.put("k", asKey), c.get(asKey), c.delete(asKey)]) {
          const error = await rejection(attempt);
          expect([error.code, error.message]).toEqual([
            "InvalidArgument",
            expect.stringMatching(/must be a string or a Uint8Array/),
          ]);
        }
      }
      const badOptions = [
        c.put("k", "v", { ifVersion: "3" as unknown as number }),
        c.put("k", "v", { ifVersion: -1 }),
        c.get("k", { consistency: "eventual" as "stale" }),
        c.leave(7 as unknown as string),
      ];
      for (const attempt of badOptions) expect((await rejection(attempt)).code).toBe("InvalidArgument");
      expect(calls).toBe(before);
    } finally {
      c.close();
    }
  });

  it("strings and Uint8Arrays are both accepted and sent", async () => {
    const c = client();
    try {
      const before = calls;
      expect(await c.put("user", "john")).toEqual({ version: 7 });
      expect(await c.put(new Uint8Array([0xff, 0]), Buffer.from("v"))).toEqual({ version: 7 });
      expect(calls).toBe(before + 2);
    } finally {
      c.close();
    }
  });

  it("a value reads as bytes, as text and, for KvApi callers, as .value", () => {
    const v = new KvValue(new TextEncoder().encode("wörld"), 3);
    expect([v.string(), v.version, v.value]).toEqual(["wörld", 3, v.bytes]);
    expect(new KvValue(new Uint8Array([0xc3]), 1).string()).toBe("\uFFFD");
  });
});
