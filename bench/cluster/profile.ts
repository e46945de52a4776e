// Summarise a V8 CPU profile (`node --cpu-prof`): where the busy time went, by function (self
// time) and by origin (ringkv's own code, each dependency, Node's internals, GC).
//
//   npx tsx bench/cluster/profile.ts FILE.cpuprofile [--top 25]
//
// main.ts calls summarizeProfile() on the nodes' profiles when run with --cpu-prof.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  /** Sampled wall time, and the part of it the thread was busy (not idle). */
  readonly totalMs: number;
  readonly busyMs: number;
  readonly functions: readonly {
    readonly name: string;
    readonly where: string;
    readonly selfMs: number;
    readonly busyShare: number;
  }[];
  readonly origins: readonly {
    readonly origin: string;
    readonly selfMs: number;
    readonly busyShare: number;
  }[];
}

export function summarizeProfile(file: string, repoDir: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; charge it to the sample's node.
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const functions = new Map<string, { name: string; where: string; us: number }>();
  const origins = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    totalUs += us;
    if (frame.functionName === "(idle)") {
      idleUs += us;
      continue;
    }
    const where = location(frame.url, frame.lineNumber, repoDir);
    const name = frame.functionName || "(anonymous)";
    const key = `${name} ${where}`;
    const f = functions.get(key) ?? { name, where, us: 0 };
    f.us += us;
    functions.set(key, f);
    const origin = originOf(frame.url, frame.functionName, repoDir);
    origins.set(origin, (origins.get(origin) ?? 0) + us);
  }
  const busyUs = Math.max(1, totalUs - idleUs);
  return {
    totalMs: totalUs / 1e3,
    busyMs: busyUs / 1e3,
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1e3, busyShare: f.us / busyUs })),
    origins: [...origins.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([origin, us]) => ({ origin, selfMs: us / 1e3, busyShare: us / busyUs })),
  };
}

function location(url: string, line: number, repoDir: string): string {
  if (!url) return "";
  const path = url.startsWith("file://") ? relative(repoDir, fileURLToPath(url)) : url;
  // Code run through tsx reports line 0 for everything: then the file alone is what we know.
  return line > 0 ? `${path}:${line + 1}` : path;
}

/** Which body of code a frame belongs to: a package, ringkv's src/…, node internals, or V8. */
function originOf(url: string, functionName: string, repoDir: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  if (!url.startsWith("file://")) return url;
  const path = relative(repoDir, fileURLToPath(url));
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  const parts = path.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
}

export function renderProfile(label: string, s: ProfileSummary): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `${label}: ${(s.busyMs / 1000).toFixed(1)} s busy of ${(s.totalMs / 1000).toFixed(1)} s sampled`,
    "  by origin (self time, share of busy time):",
    ...s.origins.slice(0, 12).map((o) => `    ${pct(o.busyShare).padStart(6)}  ${o.origin}`),
    "  top functions by self time:",
    ...s.functions.map((f) => `    ${pct(f.busyShare).padStart(6)}  ${f.name}  ${f.where}`),
  ];
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf("--top");
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  if (args.length === 0) {
    process.stderr.write("usage: npx tsx bench/cluster/profile.ts FILE.cpuprofile… [--top N]\n");
    process.exit(2);
  }
  for (const file of args) console.log(renderProfile(file, summarizeProfile(file, process.cwd(), top)));
}
