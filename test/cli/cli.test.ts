import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeKv } from "../node/server/fake-kv.ts";
import { deadAddress, type Served, serveGrpc } from "../node/server/harness.ts";
import { ringkv } from "./run-cli.ts";

// Each case spawns real processes (tsx compiles the CLI on start-up); on a loaded two-core machine
// a few of them in a row can take tens of seconds.
describe("ringkv CLI (DESIGN §4)", { timeout: 180_000 }, () => {
  const kv = new FakeKv();
  let served: Served;
  beforeAll(async () => {
    served = await serveGrpc(kv);
  });
  afterAll(async () => {
    await served.close();
  });

  test.concurrent("--help lists every command with examples and exits 0", async () => {
    const run = await ringkv(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["start", "dev", "put", "get", "del", "status", "ring", "leave"]) {
      expect(run.stdout).toContain(`  ${command} `);
    }
    expect(run.stdout).toContain("Examples:");
    expect(run.stdout).toContain("RINGKV_ADDR");
  });

  test.concurrent("usage errors exit 2: missing argument, unknown option, bad --if-version", async () => {
    const runs = await Promise.all([
      ringkv(["put", "only-key"]),
      ringkv(["get", "k", "--no-such-flag"]),
      ringkv(["put", "k", "v", "--if-version", "abc", "--addr", served.addr]),
      ringkv(["frobnicate"]),
      ringkv([
        "start",
        "--id",
        "n1",
        "--listen",
        "127.0.0.1:1",
        "--data",
        "/tmp/x",
        "--bootstrap",
        "--join",
        "h:1",
      ]),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/error/);
    }
  });

  test.concurrent("put prints the new version, get prints the value, del prints deleted", async () => {
    const put = await ringkv(["put", "cli-key", "cli value", "--addr", served.addr]);
    expect([put.code, put.stdout]).toEqual([0, `${(await kv.get(utf8("cli-key")))?.version}\n`]);
    const get = await ringkv(["get", "cli-key", "--addr", served.addr]);
    expect([get.code, get.stdout]).toEqual([0, "cli value\n"]);
    const del = await ringkv(["del", "cli-key", "--addr", served.addr]);
    expect([del.code, del.stdout]).toEqual([0, "deleted\n"]);
  });

  test.concurrent("del --if-version N deletes only at version N; a stale version exits 1", async () => {
    const { version } = await kv.put(utf8("cli-guarded"), utf8("v"));
    const stale = await ringkv([
      "del",
      "cli-guarded",
      "--if-version",
      String(version - 1),
      "--addr",
      served.addr,
    ]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^error: VersionMismatch: /);
    expect(await kv.get(utf8("cli-guarded"))).not.toBeNull();
    const fresh = await ringkv([
      "del",
      "cli-guarded",
      "--if-version",
      String(version),
      "--addr",
      served.addr,
    ]);
    expect([fresh.code, fresh.stdout]).toEqual([0, "deleted\n"]);
    expect(await kv.get(utf8("cli-guarded"))).toBeNull();
  });

  test.concurrent("get of an absent key exits 1 with a NotFound error on stderr", async () => {
    const run = await ringkv(["get", "cli-absent"], { RINGKV_ADDR: served.addr });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: NotFound: /);
  });

  test.concurrent("a compare-and-set mismatch exits 1; a matching version succeeds", async () => {
    const first = await ringkv(["put", "cli-cas", "a", "--if-version", "0", "--addr", served.addr]);
    expect(first.code).toBe(0);
    const again = await ringkv(["put", "cli-cas", "b", "--if-version", "0", "--addr", served.addr]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: VersionMismatch: /);
    const update = await ringkv([
      "put",
      "cli-cas",
      "c",
      "--if-version",
      first.stdout.trim(),
      "--addr",
      served.addr,
    ]);
    expect(update.code).toBe(0);
  });

  test.concurrent("an unreachable cluster exits 3 with Unavailable", async () => {
    const run = await ringkv(["get", "k", "--addr", `${await deadAddress()},${await deadAddress()}`]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^error: Unavailable: /);
  });

  test.concurrent("--json prints results and errors as JSON", async () => {
    const put = await ringkv(["put", "cli-json", "v", "--json", "--addr", served.addr]);
    expect(JSON.parse(put.stdout)).toEqual({ version: expect.any(Number) });
    const get = await ringkv(["get", "cli-json", "--json", "--addr", served.addr]);
    expect(JSON.parse(get.stdout)).toMatchObject({ value: "v", valueBase64: "dg==" });
    const absent = await ringkv(["get", "cli-json-absent", "--json", "--addr", served.addr]);
    expect(absent.code).toBe(1);
    expect(JSON.parse(absent.stderr)).toMatchObject({ error: { code: "NotFound" } });
  });

  test.concurrent("status and ring print tables; status --json is the status document", async () => {
    const status = await ringkv(["status", "--addr", served.addr]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/MEMBER\s+ADDR/);
    expect(status.stdout).toMatch(/SHARD\s+LEADER\s+TERM\s+REPLICAS/);
    const json = await ringkv(["status", "--json", "--addr", served.addr]);
    expect(JSON.parse(json.stdout)).toMatchObject({ node: { id: "n1" }, epoch: 3 });
    const ring = await ringkv(["ring", "--addr", served.addr]);
    expect(ring.code).toBe(0);
    expect(ring.stdout).toMatch(/NODE\s+ADDR\s+STATE\s+REPLICAS\s+SHARE/);
  });

  test.concurrent("an empty key is invalid input: exit 2", async () => {
    const run = await ringkv(["put", "", "v", "--addr", served.addr]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: KeyEmpty: /);
  });
});

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
