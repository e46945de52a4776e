import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { bannerText, type RunningNode } from "../../cli/commands/dev.ts";
import { LogRelay } from "../../cli/log-relay.ts";

function relay(format: "pretty" | "json", shownLevel: string): { relay: LogRelay; text: () => string } {
  const out = new PassThrough();
  let text = "";
  out.setEncoding("utf8").on("data", (d: string) => (text += d));
  return { relay: new LogRelay({ format, shownLevel, out, colour: false }), text: () => text };
}

const record = (level: number, msg: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ level, time: 1_796_560_000_000, node: "n2", msg, ...extra });

describe("ringkv dev output", () => {
  test("json (not a terminal): the nodes' JSON lines pass through untouched, other lines become records", () => {
    const { relay: r, text } = relay("json", "info");
    const line = record(30, "listening", { addr: "127.0.0.1:7002" });
    r.line("n2", line, "stdout");
    r.line("n2", "ringkv n2 listening: gRPC 127.0.0.1:7002", "stdout");
    r.line("n2", record(20, "debug detail"), "stdout");
    const lines = text().trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? "")).toEqual(JSON.parse(line));
    expect(JSON.parse(lines[1] ?? "")).toMatchObject({
      node: "n2",
      level: 30,
      msg: "ringkv n2 listening: gRPC 127.0.0.1:7002",
    });
  });

  test("pretty (a terminal): one line per event naming the node, info hidden below warn", () => {
    const { relay: r, text } = relay("pretty", "warn");
    r.line("n2", record(30, "raft role", { group: "shard-1" }), "stdout");
    r.line("n2", record(40, "join attempt failed", { via: "127.0.0.1:7001" }), "stdout");
    r.line("n2", "E 2026-12-06 | grpc says something", "stderr");
    const lines = text().trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/WARN.*n2 join attempt failed.*"via":"127.0.0.1:7001"/);
    expect(lines[0]).not.toMatch(/^\{/);
    expect(lines[1]).toMatch(/WARN.*n2 E 2026-12-06 \| grpc says something/);
  });

  test("the banner names every node's pid, addresses and data, and the exact restart line", () => {
    const nodes: RunningNode[] = [1, 2, 3].map((i) => ({
      id: `n${i}`,
      addr: `127.0.0.1:${7000 + i}`,
      http: `127.0.0.1:${8000 + i}`,
      dataDir: `/data/n${i}`,
      fresh: false,
      pid: 4000 + i,
      restart: `node ringkv.mjs start --id n${i}`,
    }));
    const text = bannerText(nodes, "./data");
    expect(text).toContain("ringkv dev: 3 node(s) up");
    for (const n of nodes) {
      expect(text).toContain(
        `${n.id}  pid ${n.pid}  gRPC ${n.addr}  HTTP http://${n.http}  data ${n.dataDir}`,
      );
    }
    expect(text).toContain("export RINGKV_ADDR=127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003");
    expect(text).toContain("  kill -9 4003\n  node ringkv.mjs start --id n3\n");
    expect(text).toContain("`ringkv dev --data ./data` restarts it from disk");
  });
});
