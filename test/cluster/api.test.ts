// The client-facing promises of a live three-node cluster (shared/DESIGN.md §4 and §5): any node
// accepts any key, by CLI and by HTTP; compare-and-set, delete and stale reads behave as
// documented; bad input gets the documented error and never hurts the node; a data directory
// can only be used by one process.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { ERROR_MAPPINGS, type ErrorCode } from "../../src/api/errors.ts";
import { RingkvClient } from "../../src/client/index.ts";
import { encodeKv, RawKvClient } from "./grpc-raw.ts";
import { freePort, type NodeProcess, runRingkv, useCluster } from "./harness.ts";
import { errorCode, httpRequest } from "./http.ts";
import { waitFor } from "./wait-for.ts";

const TEST_TIMEOUT_MS = 120_000;

const running = useCluster({ name: "api" }, TEST_TIMEOUT_MS);

function nodes(): readonly NodeProcess[] {
  return running().nodes;
}

/** `ringkv <command> … --addr <node>`. */
function cli(node: NodeProcess, ...args: string[]): ReturnType<typeof runRingkv> {
  return runRingkv([...args, "--addr", node.advertise]);
}

/** A put and a linearizable get through `node` over HTTP both work. */
async function expectServing(node: NodeProcess, tag: string): Promise<void> {
  const key = `alive-${tag}`;
  const put = await httpRequest(node.http, { method: "PUT", path: `/v1/kv/${key}`, body: tag });
  expect(put.status, `PUT after ${tag}`).toBe(200);
  const get = await httpRequest(node.http, { path: `/v1/kv/${key}` });
  expect([get.status, get.body.toString()], `GET after ${tag}`).toEqual([200, tag]);
}

describe("a three-node cluster serves clients through every node", () => {
  it(
    "by CLI: put and get through every node, with the documented stdout and exit codes",
    async () => {
      const all = nodes();
      const puts = await Promise.all(all.map((n) => cli(n, "put", `cli-${n.id}`, `value-of-${n.id}`)));
      for (const put of puts) {
        expect([put.code, put.stderr]).toEqual([0, ""]);
        expect(put.stdout).toMatch(/^\d+\n$/);
      }
      // Each key read back through a different node than the one that wrote it.
      const gets = await Promise.all(
        all.map((n, i) => cli(all[(i + 1) % all.length]!, "get", `cli-${n.id}`)),
      );
      expect(gets.map((g) => [g.code, g.stdout])).toEqual(all.map((n) => [0, `value-of-${n.id}\n`]));

      const [a, b, c] = all as [NodeProcess, NodeProcess, NodeProcess];
      const version = Number(puts[0]!.stdout.trim());
      const [json, missing, casWrong, usage, emptyKey] = await Promise.all([
        cli(b, "get", `cli-${a.id}`, "--json"),
        cli(c, "get", "cli-never-written"),
        cli(b, "put", `cli-${a.id}`, "cas-loses", "--if-version", String(version + 1000)),
        runRingkv(["put", "only-a-key"]),
        cli(a, "get", ""),
      ]);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual({
        value: `value-of-${a.id}`,
        valueBase64: Buffer.from(`value-of-${a.id}`).toString("base64"),
        version,
      });
      expect([missing.code, missing.stdout]).toEqual([1, ""]);
      expect(missing.stderr).toContain("NotFound");
      expect(casWrong.code).toBe(1);
      expect(casWrong.stderr).toContain("VersionMismatch");
      expect(usage.code).toBe(2);
      expect(emptyKey.code).toBe(2);
      expect(emptyKey.stderr).toContain("KeyEmpty");

      const [casRight, createOnly] = await Promise.all([
        cli(c, "put", `cli-${a.id}`, "cas-wins", "--if-version", String(version)),
        cli(a, "put", `cli-${b.id}`, "create-only-loses", "--if-version", "0"),
      ]);
      expect(casRight.code).toBe(0);
      expect(Number(casRight.stdout.trim())).toBeGreaterThan(version);
      expect(createOnly.code).toBe(1);

      const deleted = await cli(b, "del", `cli-${a.id}`);
      // Every node applied every write so far: a stale read below has nothing left to lag on.
      await running().waitForConvergence();
      expect([deleted.code, deleted.stdout]).toEqual([0, "deleted\n"]);
      const [again, gone, stale] = await Promise.all([
        cli(c, "del", `cli-${a.id}`),
        cli(a, "get", `cli-${a.id}`),
        cli(c, "get", `cli-${b.id}`, "--stale"),
      ]);
      expect([again.code, again.stdout]).toEqual([0, "absent\n"]);
      expect(gone.code).toBe(1);
      // A stale read is served from the node's own state, which has applied this write.
      expect([stale.code, stale.stdout]).toEqual([0, `value-of-${b.id}\n`]);

      // Nothing listens there: the cluster is unavailable from the CLI's point of view.
      const unreachable = await runRingkv(["get", "k", "--addr", `127.0.0.1:${await freePort()}`]);
      expect(unreachable.code).toBe(3);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "by HTTP: put and get through every node, CAS with If-Match, delete, stale read",
    async () => {
      const all = nodes();
      for (const [i, writer] of all.entries()) {
        const key = `http-${i}`;
        const put = await httpRequest(writer.http, { method: "PUT", path: `/v1/kv/${key}`, body: `v${i}` });
        expect(put.status).toBe(200);
        const { version } = put.json as { version: number };
        expect(put.headers["x-version"]).toBe(String(version));
        for (const reader of all) {
          const get = await httpRequest(reader.http, { path: `/v1/kv/${key}` });
          expect([get.status, get.body.toString(), get.headers["x-version"]]).toEqual([
            200,
            `v${i}`,
            String(version),
          ]);
        }
      }

      const [a, b, c] = all as [NodeProcess, NodeProcess, NodeProcess];
      const first = await httpRequest(a.http, { method: "PUT", path: "/v1/kv/cas", body: "one" });
      const v1 = (first.json as { version: number }).version;
      const mismatch = await httpRequest(b.http, {
        method: "PUT",
        path: "/v1/kv/cas",
        headers: { "if-match": String(v1 + 1) },
        body: "loses",
      });
      expect([mismatch.status, errorCode(mismatch)]).toEqual([412, "VersionMismatch"]);
      const matched = await httpRequest(c.http, {
        method: "PUT",
        path: "/v1/kv/cas",
        headers: { "if-match": `"${v1}"` },
        body: "two",
      });
      expect(matched.status).toBe(200);
      const v2 = (matched.json as { version: number }).version;
      expect(v2).toBeGreaterThan(v1);
      const createExisting = await httpRequest(a.http, {
        method: "PUT",
        path: "/v1/kv/cas",
        headers: { "if-match": "0" },
        body: "loses",
      });
      expect([createExisting.status, errorCode(createExisting)]).toEqual([412, "VersionMismatch"]);
      const createNew = await httpRequest(b.http, {
        method: "PUT",
        path: "/v1/kv/cas-new",
        headers: { "if-match": "0" },
        body: "created",
      });
      expect(createNew.status).toBe(200);
      const read = await httpRequest(c.http, { path: "/v1/kv/cas" });
      expect([read.status, read.body.toString(), read.headers["x-version"]]).toEqual([
        200,
        "two",
        String(v2),
      ]);

      const del = await httpRequest(c.http, { method: "DELETE", path: "/v1/kv/cas" });
      expect([del.status, del.json]).toEqual([200, { deleted: true }]);
      const delAgain = await httpRequest(a.http, { method: "DELETE", path: "/v1/kv/cas" });
      expect([delAgain.status, delAgain.json]).toEqual([200, { deleted: false }]);
      const afterDel = await httpRequest(b.http, { path: "/v1/kv/cas" });
      expect([afterDel.status, errorCode(afterDel)]).toEqual([404, "NotFound"]);

      // A stale read on every node: it may lag behind the write, but it only ever shows a value
      // that was written (here: absent, or the new value), and it catches up.
      const written = await httpRequest(a.http, { method: "PUT", path: "/v1/kv/stale", body: "fresh" });
      expect(written.status).toBe(200);
      const seen = new Set<string>();
      for (const node of all) {
        await waitFor(
          async () => {
            const r = await httpRequest(node.http, { path: "/v1/kv/stale?consistency=stale" });
            const shown = `${r.status} ${r.body.toString()}`;
            seen.add(r.status === 404 ? "404" : shown);
            return shown === "200 fresh";
          },
          { timeoutMs: 10_000, what: `a stale read of "stale" on ${node.id} to show the write` },
        );
      }
      expect([...seen].filter((s) => s !== "404" && s !== "200 fresh")).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "bad input over HTTP gets the documented status and error code, and the node keeps serving",
    async () => {
      const all = nodes();
      const cases: Array<{
        name: string;
        method?: string;
        path: string;
        headers?: Record<string, string>;
        body?: string | Uint8Array;
        status: number;
        code: ErrorCode;
      }> = [
        { name: "empty key", method: "PUT", path: "/v1/kv/", body: "v", status: 400, code: "KeyEmpty" },
        // Without a key segment, /v1/kv is the range route: it needs a prefix or a start.
        { name: "no key segment", path: "/v1/kv", status: 400, code: "InvalidArgument" },
        {
          name: "key over 4096 bytes",
          method: "PUT",
          path: `/v1/kv/${"k".repeat(4097)}`,
          body: "v",
          status: 400,
          code: "KeyTooLarge",
        },
        {
          name: "encoded key over 4096 bytes",
          path: `/v1/kv/${"%41".repeat(4097)}`,
          status: 400,
          code: "KeyTooLarge",
        },
        {
          name: "value over 1 MiB",
          method: "PUT",
          path: "/v1/kv/big",
          body: new Uint8Array(1024 * 1024 + 1),
          status: 413,
          code: "ValueTooLarge",
        },
        { name: "invalid percent-encoding", path: "/v1/kv/%zz", status: 400, code: "InvalidArgument" },
        {
          name: "truncated percent-encoding",
          method: "DELETE",
          path: "/v1/kv/abc%4",
          status: 400,
          code: "InvalidArgument",
        },
        {
          name: "If-Match not a number",
          method: "PUT",
          path: "/v1/kv/k",
          headers: { "if-match": "abc" },
          body: "v",
          status: 400,
          code: "InvalidArgument",
        },
        {
          name: "If-Match negative",
          method: "PUT",
          path: "/v1/kv/k",
          headers: { "if-match": "-1" },
          body: "v",
          status: 400,
          code: "InvalidArgument",
        },
        {
          name: "unknown consistency",
          path: "/v1/kv/k?consistency=eventual",
          status: 400,
          code: "InvalidArgument",
        },
        { name: "unknown route", path: "/v2/kv/k", status: 404, code: "NotFound" },
        {
          name: "wrong method on a key",
          method: "POST",
          path: "/v1/kv/k",
          body: "v",
          status: 405,
          code: "InvalidArgument",
        },
        {
          name: "wrong method on status",
          method: "DELETE",
          path: "/v1/status",
          status: 405,
          code: "InvalidArgument",
        },
      ];
      for (const [i, c] of cases.entries()) {
        const node = all[i % all.length]!;
        const reply = await httpRequest(node.http, {
          path: c.path,
          ...(c.method ? { method: c.method } : {}),
          ...(c.headers ? { headers: c.headers } : {}),
          ...(c.body !== undefined ? { body: c.body } : {}),
        });
        expect([reply.status, errorCode(reply)], `${c.name} on ${node.id}`).toEqual([c.status, c.code]);
        expect(reply.headers["content-type"], c.name).toBe("application/json");
        expect(typeof (reply.json as { error: { message: unknown } }).error.message, c.name).toBe("string");
        if (c.status === 405) expect(reply.headers["allow"], c.name).toBeTruthy();
        await expectServing(node, `http-${i}`);
      }
      // The limits are inclusive: a 4096-byte key and a 1 MiB value are accepted.
      const edge = all[0]!;
      const key = "e".repeat(4096);
      const put = await httpRequest(edge.http, {
        method: "PUT",
        path: `/v1/kv/${key}`,
        body: new Uint8Array(1024 * 1024).fill(7),
      });
      expect(put.status).toBe(200);
      const get = await httpRequest(all[1]!.http, { path: `/v1/kv/${key}` });
      expect([get.status, get.body.byteLength]).toEqual([200, 1024 * 1024]);
      for (const node of all) expect(node.running).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "bad input over gRPC gets the documented status and ringkv-code, and the node keeps serving",
    async () => {
      const all = nodes();
      const big = new Uint8Array(4097).fill(1);
      const cases: Array<{ name: string; method: string; request: Buffer; code: ErrorCode }> = [
        {
          name: "Put with an empty key",
          method: "Put",
          request: encodeKv("PutRequest", { key: new Uint8Array(0), value: Buffer.from("v") }),
          code: "KeyEmpty",
        },
        {
          name: "Get with an empty key",
          method: "Get",
          request: encodeKv("GetRequest", {}),
          code: "KeyEmpty",
        },
        {
          name: "Put with a 4097-byte key",
          method: "Put",
          request: encodeKv("PutRequest", { key: big, value: Buffer.from("v") }),
          code: "KeyTooLarge",
        },
        {
          name: "Delete with a 4097-byte key",
          method: "Delete",
          request: encodeKv("DeleteRequest", { key: big }),
          code: "KeyTooLarge",
        },
        {
          name: "Put with a value over 1 MiB",
          method: "Put",
          request: encodeKv("PutRequest", { key: Buffer.from("k"), value: new Uint8Array(1024 * 1024 + 1) }),
          code: "ValueTooLarge",
        },
        {
          name: "Leave with an empty id",
          method: "Leave",
          request: encodeKv("LeaveRequest", { id: "" }),
          code: "InvalidArgument",
        },
        {
          name: "Join without a member",
          method: "Join",
          request: encodeKv("JoinRequest", {}),
          code: "InvalidArgument",
        },
      ];
      const raws = all.map((n) => new RawKvClient(n.advertise));
      try {
        for (const [i, c] of cases.entries()) {
          const node = all[i % all.length]!;
          const status = await raws[i % all.length]!.call(c.method, c.request);
          expect([status.code, status.ringkvCode], `${c.name} on ${node.id}`).toEqual([
            ERROR_MAPPINGS[c.code].grpc,
            c.code,
          ]);
          await expectServing(node, `grpc-${i}`);
        }
        // Bytes that are no protobuf message at all: grpc-js fails the call while decoding (the
        // documented INTERNAL, or INVALID_ARGUMENT), and no handler ever sees them.
        const garbage = [
          Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
          Buffer.from([0x0a, 0x10, 0x01]),
          Buffer.from([0x0f]),
        ];
        for (const [g, bytes] of garbage.entries()) {
          for (const method of ["Put", "Get", "Delete", "Join", "Leave"]) {
            const node = all[g % all.length]!;
            const status = await raws[g % all.length]!.call(method, bytes);
            expect(
              [grpc.status.INTERNAL, grpc.status.INVALID_ARGUMENT],
              `${method} with garbage #${g} on ${node.id}`,
            ).toContain(status.code);
          }
          await expectServing(all[g % all.length]!, `garbage-${g}`);
        }
        const unknownMethod = await raws[0]!.call("Explode", Buffer.alloc(0));
        expect(unknownMethod.code).toBe(grpc.status.UNIMPLEMENTED);
        // A well-formed request on the same raw channel still works after all of that.
        const ok = await raws[1]!.call(
          "Put",
          encodeKv("PutRequest", { key: Buffer.from("raw-ok"), value: Buffer.from("1") }),
        );
        expect(ok.code).toBe(grpc.status.OK);
        for (const node of all) expect(node.running).toBe(true);
      } finally {
        for (const raw of raws) raw.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a second process on the same data directory exits with a clear error and leaves the owner alone",
    async () => {
      const owner = nodes()[1]!;
      const lockBefore = await readFile(join(owner.dataDir, "LOCK"), "utf8");
      expect(Number(lockBefore.trim())).toBe(owner.pid);
      const intruder = await runRingkv([
        "start",
        "--id",
        owner.id,
        "--listen",
        `127.0.0.1:${await freePort()}`,
        "--http",
        `127.0.0.1:${await freePort()}`,
        "--data",
        owner.dataDir,
      ]);
      expect(intruder.code, intruder.stderr).toBe(2);
      expect(intruder.stderr).toContain(`data directory ${owner.dataDir} is locked by process ${owner.pid}`);
      // The owner still holds its lock and serves.
      expect(await readFile(join(owner.dataDir, "LOCK"), "utf8")).toBe(lockBefore);
      expect(owner.running).toBe(true);
      await expectServing(owner, "after-intruder");
      await running().waitForHealthy();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "by the client library: string keys and values travel as UTF-8, the same bytes HTTP reads and writes",
    async () => {
      const [a, b] = nodes() as [NodeProcess, NodeProcess];
      const client = new RingkvClient({ addresses: [a.advertise] });
      try {
        // Issue 11: "user" went out base64-decoded (0xBAC7AB) and "hello" failed to serialise.
        const texts = { user: "john", hello: "wörld ✓", "a/b c": "" };
        for (const [key, value] of Object.entries(texts)) {
          const { version } = await client.put(key, value);
          expect(version).toBeGreaterThan(0);
          const http = await httpRequest(b.http, { path: `/v1/kv/${encodeURIComponent(key)}` });
          expect([key, http.status, http.body.toString("utf8")]).toEqual([key, 200, value]);
          const got = await client.get(key);
          expect([got?.string(), got?.version]).toEqual([value, version]);
          expect(got?.bytes).toEqual(new TextEncoder().encode(value));
        }
        // Bytes from HTTP read back as bytes and as text; Uint8Array keys reach the same key.
        const put = await httpRequest(b.http, { method: "PUT", path: "/v1/kv/from-http", body: "über" });
        expect(put.status).toBe(200);
        const viaBytes = await client.get(new TextEncoder().encode("from-http"));
        expect(viaBytes?.string()).toBe("über");
        expect((await client.delete("user")).deleted).toBe(true);
        expect(await client.get("user")).toBeNull();
      } finally {
        client.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
