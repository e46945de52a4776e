// The layering checker: reads the import specifiers of every .ts file under the given folders
// (with the TypeScript scanner, so comments and strings never count), resolves the relative
// ones, and reports (1) imports a file's layer may not make, (2) imports that resolve to no
// file or to a file in no layer, and (3) every import cycle, of any length, with its path.
// Type-only imports count: a cycle of types is still a cycle in the design.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** A layer: the files it holds (folders end in "/"; the most specific match wins) and what it may import. */
export interface Layer {
  readonly name: string;
  readonly paths: readonly string[];
  /** Names of the layers its files may import (its own files may always import each other). */
  readonly mayImport: readonly string[];
}

/** One import of a project file by a project file; paths relative to the root, with "/". */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
}

export interface ImportGraph {
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
  /** Relative specifiers that name no file. */
  readonly unresolved: readonly { readonly from: string; readonly specifier: string }[];
}

/** Safety bound on the files read: the tree holds a few hundred. */
const FILES_MAX = 5_000;

const toPosix = (path: string): string => path.split(sep).join("/");

function tsFiles(root: string, dir: string, out: string[]): void {
  const full = join(root, dir);
  if (!existsSync(full)) return;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tsFiles(root, path, out);
    else if (entry.name.endsWith(".ts")) out.push(toPosix(path));
    if (out.length > FILES_MAX) throw new Error(`more than ${FILES_MAX} files under ${root}`);
  }
}

/** The import graph of every .ts file under `dirs` (relative to `root`). */
export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files: string[] = [];
  for (const dir of dirs) tsFiles(root, dir, files);
  files.sort();
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  const unresolved: { from: string; specifier: string }[] = [];
  for (const from of files) {
    const source = readFileSync(join(root, from), "utf8");
    // readImportFiles, detectJavaScriptImports: import/export … from, import(), require().
    for (const { fileName: specifier } of ts.preProcessFile(source, true, true).importedFiles) {
      if (!specifier.startsWith(".")) continue; // node: builtins and packages
      const target = toPosix(relative(root, resolve(root, dirname(from), specifier)));
      // Generated JavaScript (src/api/generated) is checked through its declaration file.
      const to =
        target.endsWith(".js") && known.has(target.replace(/\.js$/, ".d.ts"))
          ? target.replace(/\.js$/, ".d.ts")
          : target;
      if (known.has(to)) edges.push({ from, to, specifier });
      else unresolved.push({ from, specifier });
    }
  }
  return { files, edges, unresolved };
}

/** The layer holding `file`: the longest matching path. */
export function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  let best: Layer | undefined;
  let bestLength = -1;
  for (const layer of layers) {
    for (const path of layer.paths) {
      const matches = path.endsWith("/") ? file.startsWith(path) : file === path;
      if (matches && path.length > bestLength) {
        best = layer;
        bestLength = path.length;
      }
    }
  }
  return best;
}

/** Every import a layer may not make, every file in no layer, every unresolved specifier. */
export function layeringViolations(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const violations: string[] = [];
  for (const file of graph.files) {
    if (!layerOf(file, layers)) violations.push(`${file} is in no layer`);
  }
  for (const { from, specifier } of graph.unresolved) {
    violations.push(`${from} imports "${specifier}", which is no .ts file under the checked folders`);
  }
  for (const { from, to, specifier } of graph.edges) {
    const a = layerOf(from, layers);
    const b = layerOf(to, layers);
    if (!a || !b || a === b || a.mayImport.includes(b.name)) continue;
    violations.push(`${from} imports "${specifier}": layer ${a.name} may not import ${b.name}`);
  }
  return violations;
}

/**
 * Every import cycle among `files`, each as its path [a, b, …, a], found by depth-first search:
 * an edge back to a file still on the stack closes the cycle the stack holds from that file.
 * Each cycle is reported once, starting at its smallest file.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const file of graph.files) next.set(file, []);
  for (const { from, to } of graph.edges) next.get(from)?.push(to);
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const seen = new Set<string>();
  const cycles: string[][] = [];

  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === "open") {
        const cycle = stack.slice(stack.indexOf(to));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        const key = rotated.join(" → ");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...rotated, rotated[0]!]);
        }
      } else if (!state.has(to)) {
        visit(to);
      }
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.files) if (!state.has(file)) visit(file);
  return cycles;
}

/** Layer names in a cycle of the layer table itself ([] if the table is a DAG). */
export function layerTableCycle(layers: readonly Layer[]): string[] {
  const graph: ImportGraph = {
    files: layers.map((l) => l.name),
    edges: layers.flatMap((l) => l.mayImport.map((to) => ({ from: l.name, to, specifier: to }))),
    unresolved: [],
  };
  return importCycles(graph)[0] ?? [];
}
