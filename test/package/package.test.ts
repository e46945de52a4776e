// The package as a user gets it: `npm pack` (which builds dist/ through `prepare`), the tarball
// installed into an empty folder, then plain JavaScript there imports the client from "ringkv",
// `npx ringkv --help` works, and the installed binary starts a one-node cluster that the installed
// client writes string keys to, which HTTP reads back as the same bytes.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatusJson } from "../../src/api/kv-api.ts";
import { freePort, REPO_DIR } from "../cluster/harness.ts";
import { httpRequest } from "../cluster/http.ts";
import { waitFor, within } from "../cluster/wait-for.ts";

const run = promisify(execFile);

/** Packing builds dist/ (tsc) and installing resolves the dependencies: slow on a loaded machine. */
const SETUP_TIMEOUT_MS = 300_000;
const TEST_TIMEOUT_MS = 120_000;
/** A one-node cluster elects its shards' leaders within a few election timeouts. */
const READY_TIMEOUT_MS = 60_000;

let work = "";
let app = "";
let tarballFiles: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ringkv-package-"));
  app = join(work, "app");
  const packed = await run("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: REPO_DIR,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no tarball: ${packed.stdout}`);
  tarballFiles = info.files.map((f) => f.path);
  // An empty project of the user's, in a folder that is not inside the repository.
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  // --prefer-offline: the dependencies are in npm's cache since the repository's own install.
  await run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      join(work, info.filename.replace(/^.*\//, "")),
    ],
    { cwd: app, maxBuffer: 16 * 1024 * 1024 },
  );
  copyFileSync(join(REPO_DIR, "test", "package", "consumer.mjs"), join(app, "consumer.mjs"));
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package, installed into an empty folder", () => {
  it("ships the compiled JavaScript, its declarations, the binary and the LICENSE, and no sources", () => {
    for (const file of [
      "LICENSE",
      "README.md",
      "package.json",
      "bin/ringkv.mjs",
      "dist/cli/main.js",
      "dist/src/client/index.js",
      "dist/src/client/index.d.ts",
      "dist/src/api/generated/proto.js",
    ]) {
      expect(tarballFiles, file).toContain(file);
    }
    const sources = tarballFiles.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"));
    expect(sources).toEqual([]);
    expect(tarballFiles.filter((f) => f.startsWith("test/") || f.startsWith("src/"))).toEqual([]);
    // Nothing a user runs needs a TypeScript loader: tsx is not installed with the package.
    expect(existsSync(join(app, "node_modules", "tsx"))).toBe(false);
    expect(existsSync(join(app, "node_modules", "ringkv", "LICENSE"))).toBe(true);
  });

  it("`npx ringkv --help` runs the installed binary", async () => {
    const { stdout } = await run("npx", ["--no-install", "ringkv", "--help"], { cwd: app });
    expect(stdout).toMatch(/^Usage: ringkv /);
    expect(stdout).toContain("start");
  });

  it(
    'plain JavaScript imports the client from "ringkv" and writes string keys a one-node cluster serves over HTTP',
    async () => {
      const grpc = `127.0.0.1:${await freePort()}`;
      const http = `127.0.0.1:${await freePort()}`;
      const node = spawn(
        join(app, "node_modules", ".bin", "ringkv"),
        // biome-ignore format: one flag and its value per line would hide the command line
        ["start", "--id", "n1", "--listen", grpc, "--http", http, "--data", join(work, "data"), "--bootstrap", "--shards", "4", "--replicas", "1", "--log-level", "warn"],
        { cwd: app, stdio: ["ignore", "ignore", "pipe"] },
      );
      let stderr = "";
      node.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      try {
        await waitFor(
          async () => {
            if (node.exitCode !== null) throw new Error(`the node exited ${node.exitCode}: ${stderr}`);
            const reply = await httpRequest(http, { path: "/v1/status" });
            const status = reply.json as StatusJson | undefined;
            return (
              reply.status === 200 && status?.shards.length === 4 && status.shards.every((s) => s.leader)
            );
          },
          { timeoutMs: READY_TIMEOUT_MS, what: "every shard of the one-node cluster to have a leader" },
        );
        const { stdout } = await run(process.execPath, ["consumer.mjs", grpc], { cwd: app });
        const seen = JSON.parse(stdout) as Record<string, unknown>;
        expect(seen).toEqual({
          version: expect.any(Number),
          isKvValue: true,
          string: "john",
          bytes: [...Buffer.from("john")],
          sameVersion: true,
          bytesKey: "john",
          refused: "InvalidArgument",
          missing: null,
          unicode: "✓",
          listed: ["list/a", "list/b"],
          swapped: true,
          removed: 2,
        });
        // The key is the 4 bytes of "user", not their base64 decoding (issue 11).
        const reply = await httpRequest(http, { path: "/v1/kv/user" });
        expect([reply.status, reply.body.toString("utf8")]).toEqual([200, "john"]);
      } finally {
        await stop(node);
      }
    },
    TEST_TIMEOUT_MS,
  );
});

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await within(exited, { timeoutMs: 10_000, what: "the node to stop" }).catch(() => child.kill("SIGKILL"));
}
