// The static protobuf code and the hand-kept service tables agree with proto/*.proto: the
// generated code is what `npm run gen:proto` makes of today's schema, and every rpc of every
// service has a grpc-js method with the schema's message types and streaming flags.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ADMIN_SERVICE } from "../../src/api/admin-wire.ts";
import { KV_SERVICE } from "../../src/api/kv-wire.ts";
import { decodeMessage, encodeMessage, type ServiceSpec, wire } from "../../src/api/proto.ts";
import { SHARD_WATCH_SERVICE, WATCH_SERVICE } from "../../src/api/watch-wire.ts";
import { ETCD_SERVICES } from "../../src/node/etcd/index.ts";
import { GOSSIP_SERVICE } from "../../src/node/gossip/service.ts";
import { RAFT_SERVICE } from "../../src/transport/service.ts";
import { protoRoot } from "../support/proto-schema.ts";

const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));
const GENERATED_DIR = join(REPO_DIR, "src", "api", "generated");

/** How `spec` differs from `service fullName` in proto/<file>; empty when they agree. */
function specMismatches(file: string, spec: ServiceSpec): string[] {
  const service = protoRoot(file).lookupService(spec.fullName);
  const problems: string[] = [];
  for (const method of service.methodsArray) {
    const mine = spec.methods[method.name];
    if (mine === undefined) {
      problems.push(`${method.name}: missing`);
      continue;
    }
    const expected = {
      request: method.resolvedRequestType?.name,
      response: method.resolvedResponseType?.name,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
    };
    const actual = {
      request: mine.request.name,
      response: mine.response.name,
      requestStream: mine.requestStream === true,
      responseStream: mine.responseStream === true,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${method.name}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
  }
  for (const name of Object.keys(spec.methods)) {
    if (service.methods[name] === undefined) problems.push(`${name}: not in ${file}`);
  }
  return problems;
}

describe("static protobuf code", () => {
  // pbjs twice and pbts (jsdoc) take a while on a loaded two-core machine.
  it("the committed generated code is what gen:proto makes of proto/*.proto and proto/etcd/*.proto", {
    timeout: 120_000,
  }, () => {
    const out = mkdtempSync(join(tmpdir(), "ringkv-gen-"));
    try {
      execFileSync(process.execPath, [join(REPO_DIR, "scripts", "gen-proto.mjs"), out], { cwd: REPO_DIR });
      for (const file of ["proto.js", "proto.d.ts", "etcd.js", "etcd.d.ts"]) {
        const fresh = readFileSync(join(out, file), "utf8");
        const committed = readFileSync(join(GENERATED_DIR, file), "utf8");
        expect(committed === fresh, `src/api/generated/${file} is stale: run npm run gen:proto`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("every service spec matches its service in proto/*.proto", () => {
    expect(specMismatches("kv.proto", KV_SERVICE)).toEqual([]);
    expect(specMismatches("raft.proto", RAFT_SERVICE)).toEqual([]);
    expect(specMismatches("gossip.proto", GOSSIP_SERVICE)).toEqual([]);
    expect(specMismatches("admin.proto", ADMIN_SERVICE)).toEqual([]);
    expect(specMismatches("watch.proto", WATCH_SERVICE)).toEqual([]);
    expect(specMismatches("watch.proto", SHARD_WATCH_SERVICE)).toEqual([]);
    for (const spec of ETCD_SERVICES) expect(specMismatches("etcd/rpc.proto", spec)).toEqual([]);
  });

  it("the spec check catches a missing rpc, a wrong message type and a wrong stream flag", () => {
    const { Put: _put, ...withoutPut } = KV_SERVICE.methods;
    expect(specMismatches("kv.proto", { ...KV_SERVICE, methods: withoutPut })).toEqual(["Put: missing"]);
    const wrongType = {
      ...KV_SERVICE.methods,
      Get: { request: wire.kv.GetRequest, response: wire.kv.PutResponse },
    };
    expect(specMismatches("kv.proto", { ...KV_SERVICE, methods: wrongType })).toHaveLength(1);
    const send = RAFT_SERVICE.methods["Send"]!;
    const unary = { ...RAFT_SERVICE.methods, Send: { request: send.request, response: send.response } };
    expect(specMismatches("raft.proto", { ...RAFT_SERVICE, methods: unary })).toHaveLength(1);
  });

  it("generated and reflected codecs produce the same bytes", () => {
    const value = { key: Buffer.from("k"), value: Buffer.from("v"), ifVersion: 2 ** 40 };
    const reflected = protoRoot("kv.proto").lookupType("ringkv.kv.PutRequest");
    const bytes = encodeMessage(wire.kv.PutRequest, value);
    expect(Buffer.from(reflected.encode(reflected.fromObject(value)).finish())).toEqual(bytes);
    // Fields 4-7 (etcd's put options) decode to their defaults when unset.
    const unset = { lease: 0, prevKv: false, ignoreValue: false, ignoreLease: false };
    expect(decodeMessage(wire.kv.PutRequest, bytes)).toEqual({ ...value, ...unset, _ifVersion: "ifVersion" });
  });

  it("encoding refuses a field of the wrong type instead of coercing it", () => {
    expect(() => encodeMessage(wire.kv.PutRequest, { key: 42 })).toThrow(/key: buffer expected/);
  });
});
