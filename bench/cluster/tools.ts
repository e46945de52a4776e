// The external programs the benchmark drives: wrk always, etcd when etcd is measured. When one is
// missing on a Debian-like machine and we are root, install it from the distribution's packages
// (wrk, etcd-server), saying exactly what runs; otherwise explain how to get it and stop.
import { execFileSync, spawnSync } from "node:child_process";

export function hasCommand(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

export function ensureTools(needEtcd: boolean, log: (line: string) => void): void {
  const wanted: [command: string, debianPackage: string][] = [["wrk", "wrk"]];
  if (needEtcd) wanted.push(["etcd", "etcd-server"]);
  const missing = wanted.filter(([command]) => !hasCommand(command)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const install = ["install", "-y", "--no-install-recommends", ...missing];
  if (process.getuid?.() !== 0 || !hasCommand("apt-get")) {
    throw new Error(
      `missing ${missing.join(", ")}: install with \`sudo apt-get update && sudo apt-get ${install.join(" ")}\` ` +
        "(or your system's equivalent), then run again",
    );
  }
  log(`missing ${missing.join(", ")}; installing from the distribution's packages:`);
  for (const args of [["update"], install]) {
    log(`  $ apt-get ${args.join(" ")}`);
    const r = spawnSync("apt-get", ["-q", ...args], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${r.status})`);
  }
  for (const [command] of wanted) {
    if (!hasCommand(command)) throw new Error(`${command} is still missing after the install`);
  }
}

/** First line of a command's version output, or "unknown". */
export function versionOf(command: string, args: readonly string[]): string {
  try {
    const r = spawnSync(command, args, { encoding: "utf8" });
    const text = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
    return text.split("\n")[0]?.trim() || "unknown";
  } catch {
    return "unknown";
  }
}

/** stdout of a command, trimmed, or "unknown" when it fails. */
export function outputOf(command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}
