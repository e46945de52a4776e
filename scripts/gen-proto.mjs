// Generates the static protobuf code for proto/*.proto: src/api/generated/proto.js (encoders,
// decoders, converters; no .proto parsing at run time) and proto.d.ts (its types); and for etcd's
// vendored v3 API, proto/etcd/*.proto (proto/etcd/NOTICE.md): etcd.js and etcd.d.ts.
//
//   npm run gen:proto        (protobufjs-cli, a devDependency)
//
// The output is committed: readers see the code that runs, tests under tsx import it as it is,
// and neither `npm install` of the package nor `npm run build` needs protobufjs-cli. A test
// (test/api/generated-proto.test.ts) regenerates it and fails if the committed copy is stale.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = process.argv[2] ?? join(root, "src", "api", "generated");
const bin = (name) => join(root, "node_modules", ".bin", name);
/** The .proto files directly in `dir` (relative to the repository), sorted. */
const protosIn = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".proto"))
    .sort()
    .map((f) => join(dir, f));

/**
 * One generated module: `base`.js and `base`.d.ts in outDir from `protos`, under the protobufjs
 * root name `rootName`. ringkv's own schema is one module; etcd's vendored API (proto/etcd, its
 * own packages etcdserverpb, mvccpb, authpb) is a second, so neither schema's names mix.
 */
function generate(protos, rootName, base) {
  const js = join(outDir, `${base}.js`);
  const scratch = mkdtempSync(join(tmpdir(), "ringkv-proto-"));
  const documented = join(scratch, `${base}.js`);

  /** pbjs with the options both outputs share, plus `extra`. */
  const pbjs = (out, extra) =>
    execFileSync(
      bin("pbjs"),
      [
        "--target",
        "static-module",
        "--wrap",
        "scripts/proto-esm-wrapper.tmpl",
        "--dependency",
        "protobufjs/minimal.js",
        "--es6",
        "--root",
        rootName,
        "--force-number",
        "--no-service",
        "--no-delimited",
        "--no-typeurl",
        ...extra,
        "--out",
        out,
        ...protos,
      ],
      { cwd: root, stdio: "inherit" },
    );

  // pbts reads the types from the JSDoc comments; the shipped code goes without them (a third of
  // its size), the .d.ts keeps them.
  pbjs(documented, []);
  pbjs(js, ["--no-comments"]);

  // pbjs registers the generated namespaces in protobufjs's process-wide `roots` table, where a
  // second copy of ringkv (or anyone's code using the root name) would overwrite them and the
  // generated code's lazy `$root.…` references would then point at the other copy's classes. A
  // module-private root has no such neighbour.
  const shared = `$protobuf.roots["${rootName}"] || ($protobuf.roots["${rootName}"] = {})`;
  const text = readFileSync(js, "utf8");
  if (!text.includes(shared)) throw new Error(`pbjs output changed: ${shared} not found`);
  writeFileSync(js, text.replace(shared, "{}"));

  const dts = join(outDir, `${base}.d.ts`);
  execFileSync(bin("pbts"), ["--out", dts, documented], { cwd: root, stdio: "inherit" });
  rmSync(scratch, { recursive: true });

  // With --force-number no declaration mentions Long, but pbts imports it anyway, through a
  // CommonJS `import =` that ESM declaration files cannot hold, from a package that is not ours
  // to depend on.
  const longImport = 'import Long = require("long");\n';
  const types = readFileSync(dts, "utf8");
  if (!types.includes(longImport) || /\bLong\b/.test(types.replace(longImport, ""))) {
    throw new Error("pbts output changed: expected one unused Long import");
  }
  writeFileSync(dts, types.replace(longImport, ""));
}

generate(protosIn("proto"), "ringkv", "proto");
generate(protosIn(join("proto", "etcd")), "etcd", "etcd");
