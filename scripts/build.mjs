// `npm run build` (and so `npm install` / `npm ci` / `npm pack`, through `prepare`): the compiled
// ESM JavaScript and declarations the package ships, in dist/ (src/ → dist/src, cli/ → dist/cli).
//
// dist/ is emptied first, so a file whose source was deleted cannot linger in a build.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
  cwd: root,
  stdio: "inherit",
});

// The static protobuf code is JavaScript already (scripts/gen-proto.mjs): copied, not compiled.
cpSync(join(root, "src", "api", "generated"), join(dist, "src", "api", "generated"), { recursive: true });

// tsc rewrites `./x.ts` to `./x.js` in the JavaScript (rewriteRelativeImportExtensions) but not in
// the declarations, where a consumer without allowImportingTsExtensions would trip on them.
const relativeTs = /(from\s+|import\()(["'])(\.{1,2}\/[^"']*)\.ts\2/g;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
  // parentPath from Node 20.12; `path` before it.
  const file = join(entry.parentPath ?? entry.path, entry.name);
  const text = readFileSync(file, "utf8");
  const fixed = text.replace(relativeTs, "$1$2$3.js$2");
  if (fixed !== text) writeFileSync(file, fixed);
}
