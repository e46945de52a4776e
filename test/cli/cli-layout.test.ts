import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { nodeOptions } from "../../cli/commands/start.ts";
import { DevCluster, devNodes } from "../../cli/dev-cluster.ts";
import { RingkvError } from "../../src/api/errors.ts";
import { NODE_DEFAULTS } from "../../src/node/config.ts";

describe("ringkv start flags", () => {
  const base = { logLevel: "info", settings: NODE_DEFAULTS } as const;
  test("the start configuration maps one-to-one onto NodeOptions, leaving unset ones out", () => {
    expect(nodeOptions({ ...base, id: "n1", listen: "127.0.0.1:7001", data: "d", bootstrap: false })).toEqual(
      {
        id: "n1",
        listen: "127.0.0.1:7001",
        dataDir: "d",
        logLevel: "info",
      },
    );
    expect(
      nodeOptions({
        ...base,
        id: "n1",
        listen: "127.0.0.1:7001",
        http: "0.0.0.0:8001",
        advertiseHttp: "n1.example:8001",
        data: "d",
        bootstrap: true,
        shards: 16,
        replicas: 3,
        logLevel: "debug",
      }),
    ).toEqual({
      id: "n1",
      listen: "127.0.0.1:7001",
      http: "0.0.0.0:8001",
      advertiseHttp: "n1.example:8001",
      dataDir: "d",
      bootstrap: { shards: 16, replicas: 3 },
      logLevel: "debug",
    });
    expect(
      nodeOptions({ ...base, id: "n2", listen: "h:2", data: "d", bootstrap: false, join: ["h:1", "h:3"] }),
    ).toMatchObject({
      join: ["h:1", "h:3"],
    });
  });
});

describe("ringkv dev layout", () => {
  const roots: string[] = [];
  const root = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "ringkv-dev-"));
    roots.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test("node i listens on 127.0.0.1:700i and 800i with data in <root>/ni", () => {
    const dir = root();
    expect(devNodes(3, dir)).toEqual(
      [1, 2, 3].map((i) => ({
        id: `n${i}`,
        addr: `127.0.0.1:${7000 + i}`,
        http: `127.0.0.1:${8000 + i}`,
        dataDir: resolve(dir, `n${i}`),
        fresh: true,
      })),
    );
  });

  test("a node whose data directory holds files is a restart, an empty directory is fresh", () => {
    const dir = root();
    mkdirSync(join(dir, "n1"));
    writeFileSync(join(dir, "n1", "wal"), "x");
    mkdirSync(join(dir, "n2"));
    expect(devNodes(3, dir).map((n) => n.fresh)).toEqual([false, true, true]);
  });

  test("an empty n1 beside nodes with data is refused rather than bootstrapping a second cluster", () => {
    const dir = root();
    mkdirSync(join(dir, "n2"));
    writeFileSync(join(dir, "n2", "wal"), "x");
    expect(() => new DevCluster(devNodes(3, dir), { line: () => {} })).toThrow(RingkvError);
  });
});
