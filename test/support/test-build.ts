// The JavaScript the process-level tests run `ringkv` from: src/ and cli/ transpiled file by file
// (TypeScript's transpileModule, no type check: `tsc --noEmit` does that), into a directory named
// by a hash of the sources. A test can therefore never run a stale build, as it could with dist/,
// and a node process starts without tsx compiling it again: about 1.2 s of CPU less per process,
// over the hundreds of nodes and CLI commands `npm test` starts on a two-core machine.
//
// Built once per source state by vitest's global setup (test/support/global-setup.ts); a caller
// outside vitest builds on first use. Writers race safely: each builds into its own scratch
// directory and renames it into place; the loser's copy is dropped.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** Inside the repository, not node_modules: `ringkv/package.json` must resolve from the build. */
const CACHE = join(REPO, ".cache", "test-build");
const SOURCE_DIRS = ["src", "cli"];
/** Builds not used for this long are removed when a new one is made. */
const STALE_MS = 24 * 3600 * 1000;

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  verbatimModuleSyntax: true,
  rewriteRelativeImportExtensions: true,
  sourceMap: false,
};

function sourceFiles(): string[] {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name)) continue;
      files.push(relative(REPO, join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

function sourceHash(files: readonly string[]): string {
  const hash = createHash("sha256");
  hash.update(ts.version);
  for (const file of files) {
    hash.update(file);
    hash.update("\0");
    hash.update(readFileSync(join(REPO, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function transpileInto(out: string, files: readonly string[]): void {
  for (const file of files) {
    if (file.endsWith(".d.ts")) continue;
    const target = join(out, file.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith(".js")) {
      copyFileSync(join(REPO, file), target);
      continue;
    }
    const { outputText } = ts.transpileModule(readFileSync(join(REPO, file), "utf8"), {
      compilerOptions: COMPILER_OPTIONS,
      fileName: file,
    });
    writeFileSync(target, outputText);
  }
}

function removeStaleBuilds(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const dir = join(CACHE, name);
    if (dir === keep) continue;
    if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/** The directory holding the transpiled `src/` and `cli/` of the sources as they are now. */
export function testBuild(): string {
  const files = sourceFiles();
  const dir = join(CACHE, sourceHash(files));
  if (existsSync(join(dir, "cli", "main.js"))) return dir;
  mkdirSync(CACHE, { recursive: true });
  const scratch = mkdtempSync(join(CACHE, "building-"));
  transpileInto(scratch, files);
  try {
    renameSync(scratch, dir);
  } catch (e) {
    // Another process finished the same build first: use its copy.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(join(dir, "cli", "main.js"))) throw e;
  }
  removeStaleBuilds(dir);
  return dir;
}
