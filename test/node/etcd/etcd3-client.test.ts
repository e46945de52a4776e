// The etcd3 npm client, unchanged, against the etcd services over the in-memory twin: every call
// the process tests make end to end, checked here without a cluster, with etcd's errors as the
// client recognises them.
import { Etcd3, EtcdLeaseInvalidError, GRPCOutOfRangeError, type IKeyValue } from "etcd3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { etcdMemberId } from "../../../src/node/etcd/index.ts";
import { waitFor } from "../../cluster/wait-for.ts";
import { type EtcdTestServer, startEtcdTestServer } from "./etcd-server.ts";

let server: EtcdTestServer;
let client: Etcd3;

beforeAll(async () => {
  server = await startEtcdTestServer();
  client = new Etcd3({ hosts: server.address });
});

afterAll(async () => {
  client.close();
  await server.close();
});

describe("the etcd3 client against the etcd API", () => {
  it("puts, gets, lists a prefix and deletes", async () => {
    await client.put("foo").value("bar");
    expect(await client.get("foo").string()).toBe("bar");
    await client.put("p/a").value("1");
    await client.put("p/b").value("2");
    await client.put("q").value("3");
    expect(await client.getAll().prefix("p/").strings()).toEqual({ "p/a": "1", "p/b": "2" });
    expect(await client.getAll().prefix("p/").count()).toBe(2);
    await client.delete().key("foo");
    expect(await client.get("foo").string()).toBeNull();
    expect((await client.delete().prefix("p/")).deleted).toBe("2");
  });

  it("answers a plain put with the key's revision in the header", async () => {
    const before = server.model.revision;
    const res = await client.put("rev").value("x");
    expect(Number(res.header.revision)).toBe(before + 1);
    expect(res.header.member_id).toBe(String(etcdMemberId("m1")));
  });

  it("reports create and mod revisions and the write count", async () => {
    await client.put("counted").value("1");
    await client.put("counted").value("2");
    const kv = (await client.get("counted").exec()).kvs[0] as IKeyValue;
    expect(kv.version).toBe("2");
    expect(Number(kv.mod_revision)).toBeGreaterThan(Number(kv.create_revision));
  });

  it("refuses a read at a past revision with etcd's compacted error", async () => {
    await expect(client.get("foo").revision(1).string()).rejects.toThrow(
      "mvcc: required revision has been compacted",
    );
    await expect(client.get("foo").revision(1).string()).rejects.toBeInstanceOf(GRPCOutOfRangeError);
  });

  it("runs if/then/else transactions", async () => {
    await client.put("t").value("old");
    const hit = await client.if("t", "Value", "==", "old").then(client.put("t").value("new")).commit();
    expect(hit.succeeded).toBe(true);
    const miss = await client
      .if("t", "Value", "==", "old")
      .then(client.put("t").value("never"))
      .else(client.get("t"))
      .commit();
    expect(miss.succeeded).toBe(false);
    expect(miss.responses[0]?.response_range?.kvs[0]?.value.toString()).toBe("new");
  });

  it("refuses a transaction over etcd's op limit with etcd's message", async () => {
    const puts = Array.from({ length: 129 }, (_, i) => client.put(`many/${i}`).value("x"));
    await expect(
      client
        .if("t", "Version", ">", 0)
        .then(...puts)
        .commit(),
    ).rejects.toThrow("etcdserver: too many operations in txn request");
  });

  it("watches a key and a prefix, with prev_kv", async () => {
    const seen: string[] = [];
    const watcher = await client.watch().prefix("w/").withPreviousKV().create();
    watcher.on("put", (kv, prev) => seen.push(`put ${kv.key} ${kv.value} prev=${prev?.value ?? "-"}`));
    watcher.on("delete", (kv) => seen.push(`delete ${kv.key}`));
    await client.put("w/1").value("a");
    await client.put("w/1").value("b");
    await client.put("other").value("x");
    await client.delete().key("w/1");
    await waitFor(() => seen.length >= 3, { timeoutMs: 5000, what: "three watch events" });
    expect(seen).toEqual(["put w/1 a prev=-", "put w/1 b prev=a", "delete w/1"]);
    await watcher.cancel();
  });

  it("a lease keeps its keys until revoked; a revoked lease is etcd's lease-not-found", async () => {
    const lease = client.lease(60, { autoKeepAlive: false });
    const id = await lease.grant();
    await lease.put("leased").value("x");
    expect((await client.get("leased").exec()).kvs[0]?.lease).toBe(id);
    await lease.revoke();
    expect(await client.get("leased").string()).toBeNull();
    await expect(client.leaseClient.leaseRevoke({ ID: id })).rejects.toBeInstanceOf(EtcdLeaseInvalidError);
  });

  it("a lease's keys disappear after its TTL", async () => {
    const lease = client.lease(1, { autoKeepAlive: false });
    await lease.put("short").value("x");
    await waitFor(
      async () => {
        server.model.expireLeases();
        return (await client.get("short").string()) === null;
      },
      { timeoutMs: 5000, what: "the leased key to go" },
    );
    expect(await client.get("short").string()).toBeNull();
  });

  it("keeps a lease alive over the keep-alive stream", async () => {
    const lease = client.lease(2);
    await lease.grant();
    const kept = await new Promise<string>((resolve) =>
      lease.once("keepaliveSucceeded", (r) => resolve(r.TTL)),
    );
    expect(kept).toBe("2");
    await lease.revoke();
  });

  it("lists members and reports status", async () => {
    server.model.members = [
      { id: "m1", addr: "127.0.0.1:7001", http: "", state: "alive", incarnation: 1 },
      { id: "m2", addr: "127.0.0.1:7002", http: "", state: "alive", incarnation: 1 },
      { id: "gone", addr: "127.0.0.1:7003", http: "", state: "left", incarnation: 2 },
    ];
    const list = await client.cluster.memberList({});
    expect(list.members.map((m) => [m.name, m.clientURLs])).toEqual([
      ["m1", ["http://127.0.0.1:7001"]],
      ["m2", ["http://127.0.0.1:7002"]],
    ]);
    const status = await client.maintenance.status({});
    expect(status.leader).toBe(String(etcdMemberId("m1")));
    expect(status.raftTerm).toBe("3");
  });
});
