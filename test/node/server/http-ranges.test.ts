// The HTTP side of ranges and transactions over a fake model: paging with the `next` token,
// parameter checks (400 InvalidArgument), records as text or base64, and the txn JSON body.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KeyRecord, KvModelApi, RangeOptions, TxnRequest } from "../../../src/api/kv-model.ts";
import { UNBUILT_LEASES, UNBUILT_WATCHES } from "../../../src/node/cluster/model-service.ts";
import { FakeKv } from "./fake-kv.ts";
import { request, type ServedHttp, serveHttp } from "./harness.ts";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const KEYS = Array.from({ length: 23 }, (_, i) => `k/${String(i).padStart(2, "0")}`);

function record(key: Uint8Array, value: Uint8Array): KeyRecord {
  return { key, value, createRevision: 1, modRevision: 2, writes: 1, lease: 0 };
}

/** A model holding KEYS (and one binary key) that answers ranges in key order, as the node does. */
function fakeModel(seen: { ranges: RangeOptions[]; txns: TxnRequest[] }): KvModelApi {
  const records = [
    ...KEYS.map((k) => record(bytes(k), bytes(`v${k}`))),
    record(Uint8Array.of(0x6b, 0x2f, 0xff), Uint8Array.of(0xfe)),
  ];
  const inSpan = (q: RangeOptions) => (r: KeyRecord) =>
    Buffer.compare(Buffer.from(r.key), Buffer.from(q.start)) >= 0 &&
    (q.end === undefined
      ? Buffer.compare(Buffer.from(r.key), Buffer.from(q.start)) === 0
      : q.end.length === 0 || Buffer.compare(Buffer.from(r.key), Buffer.from(q.end)) < 0);
  return {
    ...UNBUILT_WATCHES,
    ...UNBUILT_LEASES,
    range: async (q) => {
      seen.ranges.push(q);
      const all = records.filter(inSpan(q));
      const limit = q.limit ?? all.length;
      return { kvs: all.slice(0, limit), more: all.length > limit, count: all.length, revision: 9 };
    },
    deleteRange: async () => ({ deleted: 3, prevKvs: [], revision: 10 }),
    putRecord: async () => ({ revision: 11 }),
    txn: async (t) => {
      seen.txns.push(t);
      return { succeeded: true, results: [{ put: { revision: 12 } }], revision: 12 };
    },
  };
}

let served: ServedHttp;
const seen = { ranges: [] as RangeOptions[], txns: [] as TxnRequest[] };

beforeAll(async () => {
  served = await serveHttp(new FakeKv(), { model: fakeModel(seen) });
});
afterAll(() => served.close());

const get = async (path: string) => request(served.base, { method: "GET", path });

describe("HTTP ranges", () => {
  test("pages of a prefix, followed by their next token, list every key once in key order", async () => {
    const keys: string[] = [];
    let after = "";
    for (let page = 0; page < 10; page++) {
      const reply = await get(`/v1/kv?prefix=k%2F&limit=10${after}`);
      expect(reply.status).toBe(200);
      const body = reply.json as { kvs: { key: string; encoding?: string }[]; next?: string };
      keys.push(...body.kvs.filter((kv) => kv.encoding === undefined).map((kv) => kv.key));
      if (body.next === undefined) break;
      after = `&after=${body.next}`;
    }
    expect(keys).toEqual(KEYS);
  });

  test("a key or value that is not UTF-8 comes back in base64, and says so", async () => {
    const reply = await get("/v1/kv?start=k%2F%FF");
    const kv = (reply.json as { kvs: { key: string; value: string; encoding?: string }[] }).kvs[0];
    expect(kv).toMatchObject({
      encoding: "base64",
      key: Buffer.from([0x6b, 0x2f, 0xff]).toString("base64"),
      value: "/g==",
    });
  });

  test("the query reaches the model as asked: span, limit, keys only, sort and order", async () => {
    await get("/v1/kv?start=a&end=b&limit=4&keys_only=1&sort=mod&order=desc&consistency=stale");
    const q = seen.ranges[seen.ranges.length - 1] as RangeOptions;
    expect(q).toMatchObject({
      start: bytes("a"),
      end: bytes("b"),
      limit: 4,
      keysOnly: true,
      sortTarget: "mod",
      sortOrder: "descend",
      consistency: "stale",
    });
  });

  test.each([
    ["/v1/kv", /prefix or start/],
    ["/v1/kv?prefix=a&start=b", /not both/],
    ["/v1/kv?prefix=a&limit=-1", /limit/],
    ["/v1/kv?prefix=a&sort=size", /sort must be/],
    ["/v1/kv?prefix=a&order=up", /order must be/],
    ["/v1/kv?prefix=a&sort=mod&after=YQ", /key order only/],
    ["/v1/kv?prefix=a&after=%21%21", /token/],
    ["/v1/kv?prefix=a&keys_only=yes", /keys_only must be 1 or 0/],
    ["/v1/kv/a?prefix=b", /unknown query parameter "prefix"/],
  ])("GET %s is 400 InvalidArgument", async (path, message) => {
    const reply = await get(path);
    expect(reply.status).toBe(400);
    const error = (reply.json as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toMatch(message);
  });

  test("DELETE /v1/kv?prefix= answers deleted and revision", async () => {
    const reply = await request(served.base, { method: "DELETE", path: "/v1/kv?prefix=k%2F" });
    expect(reply.json).toEqual({ deleted: 3, revision: 10 });
  });

  test("POST /v1/txn parses compares and ops from JSON text", async () => {
    const body = JSON.stringify({
      compares: [{ key: "a", target: "value", result: "=", value: "x" }],
      success: [{ put: { key: "a", value: "y" } }],
      failure: [{ range: { key: "a" } }, { delete: { key: "a", rangeEnd: "b" } }],
    });
    const reply = await request(served.base, { method: "POST", path: "/v1/txn", body });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ succeeded: true, revision: 12, results: [{ put: { revision: 12 } }] });
    expect(seen.txns[seen.txns.length - 1]).toEqual({
      compares: [{ key: bytes("a"), target: "value", result: "equal", operand: bytes("x") }],
      success: [{ put: { key: bytes("a"), value: bytes("y") } }],
      failure: [{ range: { start: bytes("a") } }, { deleteRange: { start: bytes("a"), end: bytes("b") } }],
    });
  });

  test("a txn body that is not JSON, or names an unknown target, is 400", async () => {
    for (const body of ["{", JSON.stringify({ compares: [{ key: "a", target: "size", result: "=" }] })]) {
      const reply = await request(served.base, { method: "POST", path: "/v1/txn", body });
      expect(reply.status).toBe(400);
    }
  });
});
