// No file imports from a layer above it, and no import cycle of any length (DESIGN.md §3):
// every .ts file of src/ and cli/ is read, its imports resolved and checked against LAYERS.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  importCycles,
  importGraph,
  type Layer,
  layeringViolations,
  layerOf,
  layerTableCycle,
} from "./support/layering.ts";

const ROOT = join(import.meta.dirname, "..");
const CHECKED = ["src", "cli"];

const BASE = "src/invariant.ts";
const CORES = ["src/raft", "src/ring", "src/gossip", "src/api"];
const LOWER = [...CORES, "src/storage", "src/transport"];

/**
 * The layers, lowest first, and what each may import. The folder headers (index.ts or
 * README.md) say the same in words.
 */
const LAYERS: readonly Layer[] = [
  { name: BASE, paths: [BASE], mayImport: [] },
  // The pure cores and the wire contract: nothing but the assertion helper.
  ...CORES.map((name) => ({ name, paths: [`${name}/`], mayImport: [BASE] })),
  { name: "src/storage", paths: ["src/storage/"], mayImport: [BASE, "src/raft"] },
  { name: "src/transport", paths: ["src/transport/"], mayImport: [BASE, "src/raft", "src/api"] },
  { name: "src/client", paths: ["src/client/"], mayImport: [BASE, "src/api", "src/ring"] },
  // The node, bottom up. Its root files other than node.ts are leaves it shares (settings,
  // options, metrics); node.ts is the process shell that wires everything.
  { name: "src/node/kv", paths: ["src/node/kv/"], mayImport: [BASE, "src/api", "src/raft"] },
  // Authentication and authorization (tokens, roles, access tables): below every other node part.
  { name: "src/node/auth", paths: ["src/node/auth/"], mayImport: [BASE, "src/api"] },
  {
    name: "src/node/host",
    paths: ["src/node/host/"],
    mayImport: [BASE, "src/api", "src/raft", "src/storage", "src/transport", "src/node/kv"],
  },
  {
    name: "src/node/placement",
    paths: ["src/node/placement/"],
    mayImport: [BASE, "src/api", "src/raft", "src/ring", "src/node/kv", "src/node/host"],
  },
  {
    name: "src/node/gossip",
    paths: ["src/node/gossip/"],
    mayImport: [BASE, "src/api", "src/gossip", "src/storage", "src/node/host"],
  },
  {
    name: "src/node",
    paths: ["src/node/"],
    mayImport: [BASE, ...LOWER, "src/node/auth", "src/node/kv", "src/node/host", "src/node/gossip"],
  },
  {
    // Watches: the hub and the feeds of shard events it reads (the cluster node composes it).
    name: "src/node/watch",
    paths: ["src/node/watch/"],
    mayImport: [BASE, ...LOWER, "src/node", "src/node/kv", "src/node/host"],
  },
  {
    name: "src/node/cluster",
    paths: ["src/node/cluster/"],
    mayImport: [
      BASE,
      ...LOWER,
      "src/node",
      "src/node/kv",
      "src/node/host",
      "src/node/placement",
      "src/node/gossip",
      "src/node/watch",
    ],
  },
  {
    // Backups: the file format, saving (a client of the Admin service), restoring (founds a
    // cluster's data directory as bootstrap.ts does).
    name: "src/node/backup",
    paths: ["src/node/backup/"],
    mayImport: [BASE, ...LOWER, "src/node", "src/node/kv", "src/node/host", "src/node/cluster"],
  },
  {
    name: "src/node/server",
    paths: ["src/node/server/"],
    mayImport: [
      BASE,
      ...CORES,
      "src/node",
      "src/node/auth",
      "src/node/kv",
      "src/node/host",
      "src/node/cluster",
      "src/node/watch",
    ],
  },
  {
    name: "src/node/node.ts",
    paths: ["src/node/node.ts"],
    mayImport: [
      BASE,
      ...LOWER,
      "src/node",
      "src/node/auth",
      "src/node/kv",
      "src/node/host",
      "src/node/placement",
      "src/node/gossip",
      "src/node/cluster",
      "src/node/server",
      "src/node/watch",
    ],
  },
  {
    name: "cli",
    paths: ["cli/"],
    mayImport: [
      BASE,
      "src/api",
      "src/ring",
      "src/client",
      "src/node",
      "src/node/auth",
      "src/node/node.ts",
      "src/node/backup",
    ],
  },
];

const NODE_LAYERS = LAYERS.filter((l) => l.name.startsWith("src/node")).map((l) => l.name);
const reaches = (name: string, forbidden: readonly string[]): string[] =>
  LAYERS.find((l) => l.name === name)!.mayImport.filter((to) => forbidden.includes(to));

describe("layering of src/ and cli/", () => {
  const graph = importGraph(ROOT, CHECKED);

  it("reads the whole tree", () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges.length).toBeGreaterThan(graph.files.length);
    expect(graph.files).toContain("src/node/node.ts");
    expect(graph.files).toContain("cli/main.ts");
  });

  it("the layer table keeps the rules of DESIGN.md §3 and is itself acyclic", () => {
    // The cores, the wire contract, storage and transport never reach the node, client or CLI.
    for (const lower of LOWER) expect(reaches(lower, [...NODE_LAYERS, "src/client", "cli"])).toEqual([]);
    expect(reaches("src/client", [...NODE_LAYERS, "cli"])).toEqual([]);
    for (const node of NODE_LAYERS) expect(reaches(node, ["src/client", "cli"])).toEqual([]);
    expect(layerTableCycle(LAYERS)).toEqual([]);
    expect(layerOf("src/node/node.ts", LAYERS)?.name).toBe("src/node/node.ts");
    expect(layerOf("src/node/config.ts", LAYERS)?.name).toBe("src/node");
  });

  it("no file imports from a layer it may not, or from a file outside the tree", () => {
    expect(layeringViolations(graph, LAYERS)).toEqual([]);
  });

  it("no import cycle of any length", () => {
    expect(importCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });
});

describe("the layering checker catches planted bugs", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  function plant(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), "ringkv-layering-"));
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    return dir;
  }

  it("an upward import, a 3-cycle, a dangling import and a file in no layer are all reported", () => {
    const root = plant({
      "src/invariant.ts": "export const ok = true;\n",
      // Upward: the Raft core reaching into the node; and a type import counts too.
      "src/raft/raft.ts":
        'import { ok } from "../invariant.ts";\nimport type { Host } from "../node/host/host.ts";\n',
      "src/node/host/host.ts": "export interface Host {}\n",
      // A cycle of three, with a comment and a string that look like imports (not counted).
      "src/ring/a.ts": '// import "./c.ts";\nimport { b } from "./b.ts";\nexport const a = b;\n',
      "src/ring/b.ts": 'export { c as b } from "./c.ts";\nconst s = "import \'./a.ts\'";\n',
      "src/ring/c.ts": 'import { a } from "./a.ts";\nexport const c = () => a;\n',
      "src/ring/d.ts": 'export const d = await import("./missing.ts");\n',
      "src/extra/loose.ts": "export {};\n",
    });
    const graph = importGraph(root, CHECKED);
    expect(layeringViolations(graph, LAYERS)).toEqual([
      "src/extra/loose.ts is in no layer",
      'src/ring/d.ts imports "./missing.ts", which is no .ts file under the checked folders',
      'src/raft/raft.ts imports "../node/host/host.ts": layer src/raft may not import src/node/host',
    ]);
    expect(importCycles(graph)).toEqual([
      ["src/ring/a.ts", "src/ring/b.ts", "src/ring/c.ts", "src/ring/a.ts"],
    ]);
  });

  it("a long cycle across layers is found, and two files importing each other too", () => {
    const root = plant({
      "src/node/kv/a.ts": 'import "../host/b.ts";\n',
      "src/node/host/b.ts": 'import "../cluster/c.ts";\n',
      "src/node/cluster/c.ts": 'import "../server/d.ts";\n',
      "src/node/server/d.ts": 'import "../kv/a.ts";\n',
      "src/api/x.ts": 'import "./y.ts";\n',
      "src/api/y.ts": 'import "./x.ts";\n',
    });
    const graph = importGraph(root, CHECKED);
    expect(importCycles(graph)).toEqual([
      ["src/api/x.ts", "src/api/y.ts", "src/api/x.ts"],
      [
        "src/node/cluster/c.ts",
        "src/node/server/d.ts",
        "src/node/kv/a.ts",
        "src/node/host/b.ts",
        "src/node/cluster/c.ts",
      ],
    ]);
    // Three of the four edges of the long cycle go upward; the checker names each.
    expect(layeringViolations(graph, LAYERS)).toHaveLength(3);
  });
});
